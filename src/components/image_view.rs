//! The image explorer: pick any image of the session, see its summary, and explore it in tabs —
//! its layers (with the files each one changed and the bytes later layers waste), its
//! configuration, the `docker inspect` JSON and its history.
use yew::prelude::*;

use super::image_config::ImageConfigPane;
use super::image_history::ImageHistory;
use super::image_inspect::ImageInspect;
use super::image_layers::ImageLayers;
use super::{empty_state::EmptyState, icons};
use crate::i18n::t;
use crate::state::use_store;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Layers,
    Config,
    Inspect,
    History,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Layers, Tab::Config, Tab::Inspect, Tab::History];

    fn label(self) -> &'static str {
        match self {
            Tab::Layers => t("image.tab.layers"),
            Tab::Config => t("image.tab.config"),
            Tab::Inspect => t("image.tab.inspect"),
            Tab::History => t("image.tab.history"),
        }
    }

    fn id(self) -> &'static str {
        match self {
            Tab::Layers => "layers",
            Tab::Config => "config",
            Tab::Inspect => "inspect",
            Tab::History => "history",
        }
    }
}

#[component(ImageView)]
pub fn image_view() -> Html {
    let store = use_store();
    let picked = use_state(|| None::<String>);
    let tab = use_state(|| Tab::Layers);
    let (images, built) = {
        let session = store.session();
        let built = session
            .last_build()
            .and_then(|t| t.image_id())
            .map(str::to_owned);
        (session.images_view(), built)
    };
    if images.is_empty() {
        return html! {
            <EmptyState icon={icons::layers()} title={t("image.empty_title")}>
                <p>{ t("image.empty_body") }</p>
            </EmptyState>
        };
    }
    // The image picked, else the last build's, else the newest.
    let current = [picked.as_deref(), built.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|id| images.iter().find(|i| i.id == id))
        .or(images.first());
    let Some(img) = current else {
        return html! {};
    };
    let name = |i: &drydock_session::view::lists::ImageView| {
        if i.tags.is_empty() {
            format!("<none> {}", i.short_id)
        } else {
            i.tags.join(", ")
        }
    };
    let onchange = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string());
            if let Some(v) = value {
                picked.set(Some(v));
            }
        })
    };
    let tab_button = |t: Tab| {
        let selected = *tab == t;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(t))
        };
        let onkeydown = {
            let tab = tab.clone();
            Callback::from(move |e: KeyboardEvent| {
                let i = Tab::ALL.iter().position(|x| *x == t).unwrap_or(0);
                let n = Tab::ALL.len();
                let next = match e.key().as_str() {
                    "ArrowRight" => Tab::ALL[(i + 1) % n],
                    "ArrowLeft" => Tab::ALL[(i + n - 1) % n],
                    "Home" => Tab::ALL[0],
                    "End" => Tab::ALL[n - 1],
                    _ => return,
                };
                e.prevent_default();
                tab.set(next);
                focus(&format!("itab-{}", next.id()));
            })
        };
        html! {
            <button role="tab" id={format!("itab-{}", t.id())} class="ctab"
                aria-selected={selected.to_string()} aria-controls={format!("ipanel-{}", t.id())}
                tabindex={if selected { "0" } else { "-1" }} {onclick} {onkeydown}>
                { t.label() }
            </button>
        }
    };
    let id = img.id.clone();
    let body = match *tab {
        Tab::Layers => html! { <ImageLayers id={id.clone()} /> },
        Tab::Config => html! { <ImageConfigPane id={id.clone()} /> },
        Tab::Inspect => html! { <ImageInspect id={id.clone()} /> },
        Tab::History => html! { <ImageHistory id={id.clone()} /> },
    };
    html! {
        <section class="image-explorer" aria-label={t("image.aria")}>
            <div class="ix-head">
                <label class="ix-picker">
                    <span>{ t("image.picker") }</span>
                    <select {onchange} aria-label={t("image.picker_aria")}>
                        { for images.iter().map(|i| html! {
                            <option value={i.id.clone()} selected={i.id == img.id}>
                                { format!("{} · {}", name(i), i.size_text) }
                            </option>
                        }) }
                    </select>
                </label>
                <dl class="ix-facts">
                    <div><dt>{ t("image.fact.id") }</dt><dd><code>{ img.short_id.clone() }</code></dd></div>
                    <div><dt>{ t("image.fact.size") }</dt><dd>{ img.size_text.clone() }</dd></div>
                    <div><dt>{ t("image.fact.created") }</dt><dd>{ img.created_since.clone() }</dd></div>
                    if built.as_deref() == Some(img.id.as_str()) {
                        <div><dt>{ t("image.fact.from") }</dt><dd>{ t("image.fact.last_build") }</dd></div>
                    }
                </dl>
            </div>
            <div class="ctabs" role="tablist" aria-label={t("image.tabs_aria")}>
                { for Tab::ALL.iter().map(|t| tab_button(*t)) }
            </div>
            <div class="ix-panel" role="tabpanel" id={format!("ipanel-{}", tab.id())}
                aria-labelledby={format!("itab-{}", tab.id())}>
                { body }
            </div>
            <p class="view-note">
                { t("image.sizes_note") }
            </p>
        </section>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
