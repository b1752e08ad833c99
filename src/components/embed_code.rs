//! The share dialog's "Embed in a course page" part: a small form (panes, read-only, theme) and
//! the `<iframe>` snippet for the current project, with a copy button.
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::interop::download;
use crate::persist::share;
use crate::state::{use_step, use_store};
use crate::views::embed_options::{DEFAULT_PANES, EmbedOptions, EmbedTheme, Pane, iframe_snippet};

/// The iframe size the snippet suggests (it fits an 800-pixel column; narrower stacks the panes).
const WIDTH: u32 = 800;
const HEIGHT: u32 = 500;

#[component(EmbedCode)]
pub fn embed_code() -> Html {
    let store = use_store();
    // The snippet starts at the step shown.
    let step = use_step();
    let panes = use_state(|| DEFAULT_PANES.to_vec());
    let readonly = use_state(|| false);
    let theme = use_state(EmbedTheme::default);
    let copied = use_state(|| false);

    // The current project: its example when unchanged, else its files inline.
    let mut opts = EmbedOptions {
        panes: (*panes).clone(),
        readonly: *readonly,
        theme: *theme,
        ..EmbedOptions::default()
    };
    if !store.modified && !store.example.is_empty() {
        opts.example = Some(store.example.to_owned());
        if store.file_name != store.build_form.file {
            opts.open = Some(store.file_name.clone());
        }
    } else {
        let s = store.session();
        let enc = share::encode(s.host(), store.example, &store.file_name, &store.build_form);
        opts.files = enc.fragment.strip_prefix(share::PREFIX).map(str::to_owned);
    }
    let built = store.session().last_build().is_some();
    if built {
        match step {
            Some(s) => opts.step = Some(s + 1),
            None => opts.build = true,
        }
    }
    let address = download::address_without_hash();
    let base = address.split('?').next().unwrap_or_default();
    let title = drydock_session::examples::get(store.example)
        .filter(|_| !store.modified)
        .map_or_else(|| t("header.tagline"), crate::views::example_text::title);
    let title = tf("embed.heading", &[("title", title)]);
    let snippet = iframe_snippet(
        &format!("{base}?{}", opts.to_query()),
        &title,
        WIDTH,
        HEIGHT,
    );

    let toggle_pane = |pane: Pane| {
        let (panes, copied) = (panes.clone(), copied.clone());
        Callback::from(move |_: Event| {
            let mut next = (*panes).clone();
            if let Some(i) = next.iter().position(|p| *p == pane) {
                if next.len() > 1 {
                    next.remove(i);
                }
            } else {
                // Keep the dialog's order, whatever order the boxes were ticked in.
                next.push(pane);
                drydock_text::sort::sort_by_key(&mut next, |p| {
                    Pane::ALL.iter().position(|a| a == p)
                });
            }
            panes.set(next);
            copied.set(false);
        })
    };
    let on_readonly = {
        let (readonly, copied) = (readonly.clone(), copied.clone());
        Callback::from(move |_: Event| {
            readonly.set(!*readonly);
            copied.set(false);
        })
    };
    let on_theme = {
        let (theme, copied) = (theme.clone(), copied.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            theme.set(
                EmbedTheme::ALL
                    .into_iter()
                    .find(|t| t.id() == value)
                    .unwrap_or_default(),
            );
            copied.set(false);
        })
    };
    let copy = {
        let (snippet, copied) = (snippet.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let promise = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&snippet);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                    copied.set(true);
                }
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        area.select();
    });
    let pane_label = |p: Pane| match p {
        Pane::Project => t("embed.pane_project"),
        Pane::Editor => t("embed.pane_editor"),
        Pane::View(v) => v.label(),
    };
    html! {
        <section class="embed-code" aria-labelledby="embed-code-title">
            <h3 id="embed-code-title">{ t("embed.code_title") }</h3>
            <fieldset class="embed-choice">
                <legend>{ t("embed.panes") }</legend>
                { for Pane::ALL.iter().map(|p| html! {
                    <label class="check">
                        <input type="checkbox" id={format!("embed-pane-{}", p.id())}
                            checked={panes.contains(p)} onchange={toggle_pane(*p)} />
                        { pane_label(*p) }
                    </label>
                }) }
            </fieldset>
            <div class="embed-choice-row">
                <label class="check">
                    <input type="checkbox" id="embed-readonly" checked={*readonly} onchange={on_readonly} />
                    { t("embed.readonly_files") }
                </label>
                <label class="embed-theme">
                    { t("embed.theme") }
                    <select id="embed-theme" class="field" onchange={on_theme}>
                        { for EmbedTheme::ALL.iter().map(|th| html! {
                            <option value={th.id()} selected={*th == *theme}>{ match th {
                                EmbedTheme::Auto => t("embed.theme_auto"),
                                EmbedTheme::Light => t("theme.light"),
                                EmbedTheme::Dark => t("theme.dark"),
                            } }</option>
                        }) }
                    </select>
                </label>
            </div>
            <textarea id="embed-snippet" class="share-link embed-snippet" readonly=true rows="4"
                aria-label={t("embed.code_label")} value={snippet} onfocus={select_all} />
            <div class="embed-code-foot">
                <p class="share-meta">
                    { if built { t("embed.starts_at_step") } else { t("embed.build_first") } }
                </p>
                <button type="button" class="primary-button" id="embed-copy" onclick={copy}>
                    { if *copied { t("share.copied") } else { t("embed.copy") } }
                </button>
            </div>
        </section>
    }
}
