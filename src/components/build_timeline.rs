//! The build timeline: one row per step of the last build (stage, instruction, CACHED/ran/error
//! badge, simulated duration, layer size, and for a cache miss the reason in plain words). The
//! list is a listbox: clicking a row or the arrow keys select the step shown everywhere.
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{Action, use_store};
use crate::views::timeline::{Row, code_parts};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<Vec<Row>>,
    /// The selected step.
    pub at: usize,
}

/// Text with backtick-quoted code as `<code>`.
pub fn with_code(text: &str) -> Html {
    html! {
        { for code_parts(text).into_iter().map(|(code, p)| if code {
            html! { <code>{ p.to_owned() }</code> }
        } else {
            html! { { p.to_owned() } }
        }) }
    }
}

#[component(BuildTimeline)]
pub fn build_timeline(props: &Props) -> Html {
    let store = use_store();
    let list = use_node_ref();
    let (n, at) = (props.rows.len(), props.at);

    // Keep the selected row in view (only the list scrolls; it is the rows' offset parent).
    {
        let list = list.clone();
        // Measured in the next frame, so a step forces no layout of its own.
        use_effect_with(at, move |at| {
            let at = *at;
            crate::interop::frame::next_frame(move || {
                let doc = gloo::utils::document();
                let row = doc
                    .get_element_by_id(&format!("step-{at}"))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let (Some(row), Some(list)) = (row, list.cast::<web_sys::HtmlElement>()) {
                    let (top, h) = (row.offset_top(), row.offset_height());
                    let (scroll, view) = (list.scroll_top(), list.client_height());
                    if top < scroll {
                        list.set_scroll_top(top);
                    } else if top + h > scroll + view {
                        list.set_scroll_top(top + h - view);
                    }
                }
            });
        });
    }

    let onkeydown = {
        let store = store.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "ArrowDown" | "ArrowRight" => Action::StepBy(1),
                "ArrowUp" | "ArrowLeft" => Action::StepBy(-1),
                "Home" => Action::Step(Some(0)),
                "End" => Action::Step(Some(n.saturating_sub(1))),
                _ => return,
            };
            e.prevent_default();
            store.dispatch(action);
        })
    };
    let row = |r: &Row| {
        let onclick = {
            let store = store.clone();
            let i = r.index;
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Step(Some(i))))
        };
        let selected = r.index == at;
        let class = classes!(
            "step-row",
            format!("is-{}", r.badge.class()),
            selected.then_some("selected"),
            (r.index > at).then_some("future"),
        );
        let meta: Vec<&str> = [r.duration.as_str(), r.size.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        html! {
            <li role="option" id={format!("step-{}", r.index)} {class} aria-selected={selected.to_string()}
                data-badge={r.badge.class()} {onclick}>
                <span class="step-num" aria-hidden="true">{ r.index + 1 }</span>
                <div class="step-main">
                    <div class="step-head">
                        if !r.stage.is_empty() {
                            <span class="step-stage">{ r.stage.clone() }</span>
                        }
                        <code class="step-text" title={r.text.clone()}>{ r.text.clone() }</code>
                    </div>
                    <div class="step-info">
                        <span class="step-badge">{ r.badge.text() }</span>
                        if !r.reason.is_empty() {
                            <span class="step-reason" title={r.detail.clone()}>{ with_code(&r.reason) }</span>
                        }
                        <span class="step-meta">{ meta.join(" · ") }</span>
                    </div>
                </div>
            </li>
        }
    };
    html! {
        <ol class="timeline" id="build-steps" role="listbox" aria-label={t("timeline.label")} tabindex="0"
            aria-activedescendant={format!("step-{at}")} ref={list} {onkeydown}>
            { for props.rows.iter().map(row) }
        </ol>
    }
}
