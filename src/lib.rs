//! The Drydock web app (Yew): a thin view over the pure core in `crates/`.

pub mod analysis;
pub mod components;
pub mod highlight;
pub mod i18n;
pub mod interop;
pub mod lesson_state;
pub mod outline;
pub mod persist;
pub mod project_state;
pub mod shortcuts;
pub mod state;
pub mod storage;
pub mod store_hub;
pub mod views;

pub use components::app::App;

/// Mounts the app on the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
