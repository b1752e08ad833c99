//! The top bar: product name, what Drydock is, and the simulation notice.
use yew::prelude::*;

use super::icons;

#[component(Header)]
pub fn header() -> Html {
    html! {
        <header class="topbar">
            <div class="brand">
                { icons::logo() }
                <span class="brand-name">{ "Drydock" }</span>
                <span class="brand-tag">{ "Dockerfile playground" }</span>
            </div>
            <p class="topbar-note" title="Nothing leaves your browser: builds and containers are simulated.">
                <span class="dot" aria-hidden="true"></span>
                { "Simulated Docker — runs entirely in your browser" }
            </p>
        </header>
    }
}
