//! The Drydock web app (Yew): components over the pure core in `crates/`.
use yew::prelude::*;

#[component(App)]
pub fn app() -> Html {
    html! { <main class="app"><h1>{ "Drydock" }</h1></main> }
}

/// Mounts the app on the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
