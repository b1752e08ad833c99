//! The containers view: every container with its state, command and exit code.
use yew::prelude::*;

use super::{empty_state::EmptyState, icons};
use crate::state::use_store;

#[component(ContainersView)]
pub fn containers_view() -> Html {
    let store = use_store();
    let session = store.session();
    let containers = session.engine().containers();
    if containers.is_empty() {
        return html! {
            <EmptyState icon={icons::container()} title="No containers yet">
                <p>{ "Containers you start with " }<code>{ "docker run" }</code>{ " appear here with their logs, files and exit codes." }</p>
            </EmptyState>
        };
    }
    html! {
        <ul class="container-list" aria-label="Containers">
            { for containers.iter().map(|c| html! {
                <li class="container-row">
                    <span class="container-name">{ c.name.clone() }</span>
                    <span class={classes!("badge", c.state.status.as_str())}>{ c.state.status.as_str() }</span>
                    <code>{ c.argv().join(" ") }</code>
                    if !c.state.running() && c.state.finished_ms.is_some() {
                        <span class="exit">{ format!("exit {}", c.state.exit_code) }</span>
                    }
                </li>
            }) }
        </ul>
    }
}
