//! The keyboard help overlay: a modal dialog listing every shortcut (opened with `?`).
use yew::prelude::*;

use crate::i18n::t;
use crate::shortcuts::SHORTCUTS;
use crate::state::{Action, use_store_with};

#[component(HelpOverlay)]
pub fn help_overlay() -> Html {
    let store = use_store_with(|s| s.help_open);
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with(store.help_open, move |open| {
            if let (true, Some(b)) = (*open, close_button.cast::<web_sys::HtmlElement>()) {
                let _ = b.focus();
            }
        });
    }
    if !store.help_open {
        return html! {};
    }
    let close = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowHelp(false)))
    };
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    html! {
        <div class="overlay" onclick={close.clone()}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onclick={stop}>
                <div class="dialog-head">
                    <h2 id="help-title">{ t("help.title") }</h2>
                    <button class="icon-button" ref={close_button} onclick={close} aria-label={t("common.close")}>{ "×" }</button>
                </div>
                <table class="shortcuts">
                    <tbody>
                        { for SHORTCUTS.iter().map(|s| html! {
                            <tr><td><kbd>{ s.keys }</kbd></td><td>{ t(s.action) }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p class="dialog-note">{ t("help.note") }</p>
            </div>
        </div>
    }
}
