//! The explanation dialog: the core's text about a situation met in the terminal (why `--gpus all`
//! fails here, what Drydock's Python prompt simulates), opened from its notice.
use yew::prelude::*;

use super::modal::Modal;
use crate::i18n::t;
use crate::project_state::Dialog;
use crate::state::{Action, use_store_while};
use crate::views::markdown;

#[component(ExplainDialog)]
pub fn explain_dialog() -> Html {
    // Closed, it shows nothing: it follows the state only while open.
    let store = use_store_while(|s| matches!(s.dialog, Some(Dialog::Explain(_))));
    let Some(Dialog::Explain(topic)) = store.dialog else {
        return html! {};
    };
    let Some(text) = drydock_session::explain::explanation(topic) else {
        return html! {};
    };
    let title = drydock_session::explain::title(text);
    let body = text.split_once('\n').map_or("", |(_, rest)| rest);
    let close = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(None)))
    };
    html! {
        <Modal id="explain" title={title} class={classes!("explain-dialog")}>
            <div class="md explain-text">{ markdown::render(body) }</div>
            <div class="dialog-actions">
                <button class="primary-button" onclick={close} data-autofocus="">{ t("common.close") }</button>
            </div>
        </Modal>
    }
}
