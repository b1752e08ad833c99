//! The Reset dialog: confirms going back to the example the project started from (files, images
//! and containers); the current project is kept aside.
use drydock_session::examples;
use yew::prelude::*;

use super::modal::Modal;
use super::persistence;
use crate::project_state::Dialog;
use crate::state::{Action, use_store};

#[component(ResetDialog)]
pub fn reset_dialog() -> Html {
    let store = use_store();
    if store.dialog != Some(Dialog::Reset) {
        return html! {};
    }
    let id = examples::get(store.example)
        .map_or_else(|| examples::all().first().map_or("", |e| e.id), |e| e.id);
    let title = examples::get(id).map_or("the example", |e| e.title);
    let cancel = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(None)))
    };
    let reset = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::ShowDialog(None));
            persistence::replace_with_example(&store, id, "Reset to");
        })
    };
    html! {
        <Modal id="reset" title="Reset the project?">
            <p class="dialog-lead">
                { "Go back to " }<strong>{ title }</strong>
                { ": its files, no images and no containers. Your current project is kept aside — a notice lets you bring it back." }
            </p>
            <div class="dialog-actions">
                <button class="ghost-button" onclick={cancel} data-autofocus="">{ "Cancel" }</button>
                <button class="danger-button" id="reset-confirm" onclick={reset}>{ "Reset project" }</button>
            </div>
        </Modal>
    }
}
