//! The top bar: product name, the simulation notice, where the autosave stands, the Share,
//! lecture mode, theme and help buttons.
use yew::prelude::*;

use super::icons;
use crate::project_state::{Dialog, SaveStatus};
use crate::state::{Action, use_store};

#[component(Header)]
pub fn header() -> Html {
    let store = use_store();
    let cycle_theme = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::CycleTheme))
    };
    let help = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowHelp(true)))
    };
    let share = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(Some(Dialog::Share))))
    };
    let lecture = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ToggleLecture))
    };
    let (save_class, save_text, save_title) = match &store.save_status {
        SaveStatus::Pending => (
            "pending",
            "Saving…".to_owned(),
            "Changes are saved in this browser".to_owned(),
        ),
        SaveStatus::Saved => (
            "saved",
            "Saved".to_owned(),
            "Saved in this browser: a reload brings everything back".to_owned(),
        ),
        SaveStatus::Failed(why) => ("failed", "Not saved".to_owned(), why.clone()),
        SaveStatus::Off(why) => ("off", "Not kept".to_owned(), why.clone()),
    };
    html! {
        <header class="topbar">
            <div class="brand">
                { icons::logo() }
                <h1 class="brand-name">{ "Drydock" }</h1>
                <span class="brand-tag">{ "Dockerfile playground" }</span>
            </div>
            <div class="topbar-actions">
                <p class="topbar-note" title="Nothing leaves your browser: builds and containers are simulated.">
                    <span class="dot" aria-hidden="true"></span>
                    { "Simulated Docker — runs entirely in your browser" }
                </p>
                <span class={classes!("save-status", save_class)} id="save-status" role="status"
                    title={save_title}>
                    <span class="dot" aria-hidden="true"></span>{ save_text }
                </span>
                <button class="ghost-button" id="open-share" onclick={share} title="Share a link to this project">
                    { icons::share() }
                    <span class="ghost-label">{ "Share" }</span>
                </button>
                <button class="ghost-button" id="lecture-toggle" onclick={lecture}
                    aria-pressed={store.lecture.to_string()}
                    title="Lecture mode: large type, step through the build with PageUp / PageDown (Alt+L)">
                    { icons::lecture() }
                    <span class="ghost-label">{ "Lecture" }</span>
                </button>
                <button class="ghost-button" onclick={cycle_theme}
                    aria-label={format!("Theme: {} (Alt+T to change)", store.theme.label())}
                    title={format!("Theme: {}", store.theme.label())}>
                    { icons::theme() }
                    <span class="ghost-label">{ store.theme.label() }</span>
                </button>
                <button class="ghost-button" onclick={help} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
                    { icons::keyboard() }
                </button>
            </div>
        </header>
    }
}
