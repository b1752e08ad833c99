//! The Reset dialog: confirms going back to the example the project started from (files, images
//! and containers); the current project is kept aside.
use drydock_session::examples;
use yew::prelude::*;

use super::modal::Modal;
use super::persistence;
use crate::i18n::t;
use crate::project_state::Dialog;
use crate::state::{Action, use_store_while};
use crate::views::example_text;

#[component(ResetDialog)]
pub fn reset_dialog() -> Html {
    // Closed, it shows nothing: it follows the state only while open.
    let store = use_store_while(|s| s.dialog == Some(Dialog::Reset));
    if store.dialog != Some(Dialog::Reset) {
        return html! {};
    }
    let id = examples::get(store.example)
        .map_or_else(|| examples::all().first().map_or("", |e| e.id), |e| e.id);
    let title = examples::get(id).map_or(t("reset.the_example"), example_text::title);
    let cancel = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(None)))
    };
    let reset = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::ShowDialog(None));
            persistence::replace_with_example(&store, id, t("persist.reset_to"));
        })
    };
    html! {
        <Modal id="reset" title={t("reset.title")}>
            <p class="dialog-lead">
                { t("reset.lead_before") }<strong>{ title }</strong>{ t("reset.lead_after") }
            </p>
            <div class="dialog-actions">
                <button class="ghost-button" onclick={cancel} data-autofocus="">{ t("common.cancel") }</button>
                <button class="danger-button" id="reset-confirm" onclick={reset}>{ t("reset.confirm") }</button>
            </div>
        </Modal>
    }
}
