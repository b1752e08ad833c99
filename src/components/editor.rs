//! The Dockerfile editor pane: a line-numbered text area (the full code editor arrives with the UI work).
use drydock_text::LineIndex;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::{Action, use_store};

#[component(Editor)]
pub fn editor() -> Html {
    let store = use_store();
    let area = use_node_ref();
    let gutter = use_node_ref();

    let oninput = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            store.dispatch(Action::Edit(ta.value()));
        })
    };
    let onscroll = {
        let (area, gutter) = (area.clone(), gutter.clone());
        Callback::from(move |_: Event| {
            if let (Some(a), Some(g)) = (
                area.cast::<HtmlTextAreaElement>(),
                gutter.cast::<HtmlElement>(),
            ) {
                g.set_scroll_top(a.scroll_top());
            }
        })
    };

    // Select the instruction's lines when the instruction list asks for it.
    {
        let area = area.clone();
        let text = store.text.clone();
        let reveal = store.reveal_line;
        use_effect_with(store.reveal_seq(), move |_| {
            if let (Some((start, end)), Some(ta)) = (reveal, area.cast::<HtmlTextAreaElement>()) {
                let index = LineIndex::new(&text);
                let from = index.line_start(start.saturating_sub(1) as usize);
                let to = index.line_start(end as usize).saturating_sub(1).max(from);
                let (a, b) = (index.to_utf16(&text, from), index.to_utf16(&text, to));
                let _ = ta.focus();
                let _ = ta.set_selection_range(a, b);
                let line_height = 20;
                ta.set_scroll_top((start.saturating_sub(3) * line_height) as i32);
            }
        });
    }

    let lines = LineIndex::new(&store.text).line_count();
    html! {
        <section class="pane editor-pane" aria-label="Dockerfile editor">
            <div class="pane-head">
                <div class="file-tab" role="presentation">
                    <span class="file-dot" aria-hidden="true"></span>
                    <span class="file-name">{ store.file_name.clone() }</span>
                </div>
                <span class="pane-hint">{ "Edit freely — Drydock re-reads it as you type" }</span>
            </div>
            <div class="editor">
                <div class="gutter" ref={gutter} aria-hidden="true">
                    { for (1..=lines).map(|n| html! { <div>{ n }</div> }) }
                </div>
                <textarea id="dockerfile-editor" ref={area} class="code" spellcheck="false"
                    autocapitalize="off" autocomplete="off" wrap="off"
                    aria-label={format!("Contents of {}", store.file_name)}
                    value={store.text.to_string()} {oninput} {onscroll} />
            </div>
        </section>
    }
}
