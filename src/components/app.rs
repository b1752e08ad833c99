//! The root component: provides the store and lays out header, lifecycle strip, editor and workspace.
use yew::prelude::*;

use super::{editor::Editor, header::Header, lifecycle::Lifecycle, workspace::Workspace};
use crate::state::AppState;

#[component(App)]
pub fn app() -> Html {
    let store = use_reducer(AppState::default);
    html! {
        <ContextProvider<crate::state::Store> context={store}>
            <div class="app">
                <Header />
                <Lifecycle />
                <main class="panes">
                    <Editor />
                    <Workspace />
                </main>
            </div>
        </ContextProvider<crate::state::Store>>
    }
}
