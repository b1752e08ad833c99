//! The terminal: a `docker` prompt over the session (and shells inside containers), with the transcript.
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{Action, use_store};

#[component(Terminal)]
pub fn terminal() -> Html {
    let store = use_store();
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
    let onkeydown = {
        let (store, input) = (store.clone(), input.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    let line = el.value();
                    el.set_value("");
                    store.dispatch(Action::Terminal(line));
                }
                "c" if e.ctrl_key() => {
                    e.prevent_default();
                    el.set_value("");
                    store.dispatch(Action::Interrupt);
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
                            <span class={classes!("term-chunk", matches!(c.stream, drydock_session::Stream::Stderr).then_some("stderr"))}>{ c.text.clone() }</span>
                        }) }
                    </div>
                }) }
            </div>
            <div class="term-input-row">
                <span class="term-prompt">{ store.prompt_text() }</span>
                <input id="terminal-input" ref={input} class="term-input" type="text" spellcheck="false"
                    autocomplete="off" autocapitalize="off" aria-label={t("terminal.input")} {onkeydown}
                    placeholder="docker build -f trainer.dockerfile . -t trainer:latest" />
            </div>
        </div>
    }
}
