//! The shell of the project dialogs: a modal `role=dialog` over a dimmed page, with a title, a
//! close button, Escape to close and the first control focused on open.
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{Action, use_store_with};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Element id stem (`share` → `share-title`).
    pub id: AttrValue,
    pub title: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    pub children: Children,
}

#[component(Modal)]
pub fn modal(props: &Props) -> Html {
    // Only dispatches: it reads nothing from the state.
    let store = use_store_with(|_| ());
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(props.id.clone(), move |_| {
            let first = dialog.cast::<web_sys::Element>().and_then(|d| {
                d.query_selector("[data-autofocus], .dialog-body button, .dialog-body input")
                    .ok()
                    .flatten()
            });
            if let Some(el) =
                first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        });
    }
    let close = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(None)))
    };
    let onkeydown = {
        let store = store.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                store.dispatch(Action::ShowDialog(None));
            }
        })
    };
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    let title_id = format!("{}-title", props.id);
    html! {
        <div class="overlay" onclick={close.clone()} {onkeydown}>
            <div class={classes!("dialog", "project-dialog", props.class.clone())} role="dialog"
                aria-modal="true" aria-labelledby={title_id.clone()} id={format!("{}-dialog", props.id)}
                ref={dialog} onclick={stop}>
                <div class="dialog-head">
                    <h2 id={title_id}>{ props.title.clone() }</h2>
                    <button class="icon-button" onclick={close} aria-label={t("common.close")}>{ "×" }</button>
                </div>
                <div class="dialog-body">{ props.children.clone() }</div>
            </div>
        </div>
    }
}
