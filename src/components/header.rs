//! The top bar: product name, the simulation notice, theme and help buttons.
use yew::prelude::*;

use super::icons;
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
    html! {
        <header class="topbar">
            <div class="brand">
                { icons::logo() }
                <span class="brand-name">{ "Drydock" }</span>
                <span class="brand-tag">{ "Dockerfile playground" }</span>
            </div>
            <div class="topbar-actions">
                <p class="topbar-note" title="Nothing leaves your browser: builds and containers are simulated.">
                    <span class="dot" aria-hidden="true"></span>
                    { "Simulated Docker — runs entirely in your browser" }
                </p>
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
