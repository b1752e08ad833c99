//! The terminal: a `docker` prompt over the session (and shells inside containers), with the
//! transcript (ANSI colours shown), history on ↑/↓, Tab completion from the session, Ctrl+C and
//! Ctrl+L.
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::ansi_text::ansi_html;
use crate::i18n::t;
use crate::state::{Action, TermEntry, use_store_with};
use crate::store_hub::Same;

/// Where ↑/↓ are in the history: how many lines back, and the line being typed before.
#[derive(Default)]
struct Recall {
    back: usize,
    draft: String,
}

/// The lines typed at `prompt` (newest last, repeats in a row kept once), as a shell's history.
fn typed_lines<'a>(entries: &'a [TermEntry], prompt: &str) -> Vec<&'a str> {
    let mut v: Vec<&str> = Vec::new();
    for e in entries.iter().filter(|e| e.prompt == prompt) {
        let line = e.input.as_str();
        if !line.trim().is_empty() && v.last() != Some(&line) {
            v.push(line);
        }
    }
    v
}

#[component(Terminal)]
pub fn terminal() -> Html {
    // The transcript and the prompt (the session's mode); Tab reads the session when pressed.
    let store = use_store_with(|s| (Same(s.terminal.clone()), s.prompt_text()));
    let input = use_node_ref();
    let output = use_node_ref();
    // Keep the newest output in view.
    {
        let output = output.clone();
        use_effect_with(store.terminal.len(), move |_| {
            if let Some(el) = output.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let recall = use_mut_ref(Recall::default);
    // Candidates Tab could not narrow down, listed under the prompt until the next key.
    let choices = use_state(Vec::<String>::new);
    let prompt = store.prompt_text();
    let onkeydown = {
        let (store, input, choices, prompt) = (
            store.clone(),
            input.clone(),
            choices.clone(),
            prompt.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let key = e.key();
            if key != "Tab" && !choices.is_empty() {
                choices.set(Vec::new());
            }
            match key.as_str() {
                "Enter" => {
                    e.prevent_default();
                    let line = el.value();
                    el.set_value("");
                    *recall.borrow_mut() = Recall::default();
                    store.dispatch(Action::Terminal(line));
                }
                "c" if e.ctrl_key() => {
                    e.prevent_default();
                    el.set_value("");
                    *recall.borrow_mut() = Recall::default();
                    store.dispatch(Action::Interrupt);
                }
                "l" if e.ctrl_key() => {
                    e.prevent_default();
                    store.dispatch(Action::ClearTerminal);
                }
                "ArrowUp" | "ArrowDown" => {
                    let lines = typed_lines(&store.terminal, &prompt);
                    let mut r = recall.borrow_mut();
                    let back = if key == "ArrowUp" {
                        (r.back + 1).min(lines.len())
                    } else {
                        r.back.saturating_sub(1)
                    };
                    if back == r.back {
                        return;
                    }
                    e.prevent_default();
                    if r.back == 0 {
                        r.draft = el.value();
                    }
                    r.back = back;
                    let text = match back {
                        0 => r.draft.clone(),
                        n => lines.get(lines.len() - n).copied().unwrap_or("").to_owned(),
                    };
                    el.set_value(&text);
                    let end = text.len() as u32;
                    let _ = el.set_selection_range(end, end);
                }
                // Tab completes what is typed; on an empty line it moves focus as usual.
                "Tab" if !e.shift_key() && !el.value().is_empty() => {
                    e.prevent_default();
                    let value = el.value();
                    let cursor = el
                        .selection_start()
                        .ok()
                        .flatten()
                        .map_or(value.len(), |c| {
                            crate::interop::utf16::Utf16Map::new(&value).to_byte(c) as usize
                        });
                    let (before, after) = value.split_at(cursor.min(value.len()));
                    let c = drydock_session::complete_line::complete_line(&store.session(), before);
                    match c.apply(before) {
                        Some(done) => {
                            el.set_value(&format!("{done}{after}"));
                            let end = done.encode_utf16().count() as u32;
                            let _ = el.set_selection_range(end, end);
                            choices.set(Vec::new());
                        }
                        None => choices.set(c.items),
                    }
                }
                _ => {}
            }
        })
    };
    let focus = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                let _ = el.focus();
            }
        })
    };
    html! {
        <div class="terminal" onclick={focus}>
            <div class="term-output" ref={output} role="log" aria-live="polite" aria-label={t("terminal.output")}>
                { for store.terminal.iter().map(|e| html! {
                    <div class="term-entry">
                        <div class="term-cmd"><span class="term-prompt">{ e.prompt.clone() }</span>{ e.input.clone() }</div>
                        { for e.chunks.iter().map(|c| html! {
                            <span class={classes!("term-chunk", matches!(c.stream, drydock_session::Stream::Stderr).then_some("stderr"))}>{ ansi_html(&c.text) }</span>
                        }) }
                    </div>
                }) }
            </div>
            if !choices.is_empty() {
                <div class="term-choices" role="status" aria-label={t("terminal.completions")}>
                    { for choices.iter().map(|c| html! { <span>{ c.clone() }</span> }) }
                </div>
            }
            <div class="term-input-row">
                <span class="term-prompt">{ prompt }</span>
                <input id="terminal-input" ref={input} class="term-input" type="text" spellcheck="false"
                    autocomplete="off" autocapitalize="off" aria-label={t("terminal.input")} {onkeydown}
                    placeholder={store.terminal.is_empty().then(|| t("terminal.placeholder"))} />
            </div>
        </div>
    }
}
