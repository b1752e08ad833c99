//! The build view: build options with the equivalent `docker build` command, the last build's steps and
//! its console output.
use yew::prelude::*;

use super::{empty_state::EmptyState, icons};
use crate::state::{Action, use_store};

#[component(BuildView)]
pub fn build_view() -> Html {
    let store = use_store();
    let build = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Build))
    };
    let session = store.session();
    let form = html! {
        <div class="build-bar">
            <code class="command-preview">{ store.build_form.command() }</code>
            <button class="primary-button" id="build-button" onclick={build}>{ "Build" }</button>
        </div>
    };
    let Some(trace) = session.last_build() else {
        return html! {
            <div class="build-view">
                { form }
                <EmptyState icon={icons::arrow()} title="No build yet">
                    <p>{ "Build the image to see every step as a timeline: which steps ran, which came from the cache and why." }</p>
                </EmptyState>
            </div>
        };
    };
    let console = drydock_engine::output::plain::render(trace);
    html! {
        <div class="build-view">
            { form }
            <pre class="console" aria-label="Build output">{ console }</pre>
        </div>
    }
}
