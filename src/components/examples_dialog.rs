//! The Examples dialog: the gallery of example projects; choosing one replaces the project (the
//! current one is kept aside when it was changed).
use drydock_session::examples;
use yew::prelude::*;

use super::modal::Modal;
use super::persistence;
use crate::i18n::t;
use crate::project_state::Dialog;
use crate::state::{Action, use_store_while};
use crate::views::example_text;

#[component(ExamplesDialog)]
pub fn examples_dialog() -> Html {
    // Closed, it shows nothing: it follows the state only while open.
    let store = use_store_while(|s| s.dialog == Some(Dialog::Examples));
    if store.dialog != Some(Dialog::Examples) {
        return html! {};
    }
    html! {
        <Modal id="examples" title={t("examples.title")}>
            <p class="dialog-lead">
                { t("examples.lead") }
                if store.modified { { t("examples.kept_aside") } }
            </p>
            <ul class="example-list">
                { for examples::all().iter().map(|e| {
                    let id = e.id;
                    let current = id == store.example;
                    let onclick = {
                        let store = store.clone();
                        Callback::from(move |_: MouseEvent| {
                            store.dispatch(Action::ShowDialog(None));
                            persistence::replace_with_example(&store, id, t("persist.opened_example"));
                        })
                    };
                    html! {
                        <li>
                            <button class={classes!("example-card", current.then_some("current"))} {onclick}
                                aria-describedby={format!("example-{id}-summary")}>
                                <span class="example-title">{ example_text::title(e) }
                                    if current { <span class="example-badge">{ t("examples.current") }</span> }
                                </span>
                                <span class="example-summary" id={format!("example-{id}-summary")}>{ example_text::summary(e) }</span>
                                <code class="example-file">{ e.dockerfile }</code>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </Modal>
    }
}
