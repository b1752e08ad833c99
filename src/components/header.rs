//! The top bar: product name, the simulation notice, where the autosave stands, the Share,
//! language, lecture mode, theme and help buttons.
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::icons;
use crate::i18n::{Lang, t, tf};
use crate::project_state::{Dialog, SaveStatus};
use crate::state::{Action, use_store_with};

#[component(Header)]
pub fn header() -> Html {
    // Nothing here depends on the project: a keystroke does not re-render the header.
    let store = use_store_with(|s| (s.save_status.clone(), s.lecture, s.lang, s.theme));
    let cycle_theme = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::CycleTheme))
    };
    let help = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowHelp(true)))
    };
    let lessons = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::ShowDialog(Some(Dialog::Lessons)))
        })
    };
    let share = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(Some(Dialog::Share))))
    };
    let lecture = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ToggleLecture))
    };
    let set_lang = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let code = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            if let Some(lang) = Lang::from_code(&code) {
                store.dispatch(Action::SetLang(lang));
            }
        })
    };
    let (save_class, save_text, save_title) = match &store.save_status {
        SaveStatus::Pending => (
            "pending",
            t("header.saving"),
            t("header.saving_title").to_owned(),
        ),
        SaveStatus::Saved => (
            "saved",
            t("header.saved"),
            t("header.saved_title").to_owned(),
        ),
        SaveStatus::Failed(why) => ("failed", t("header.not_saved"), why.clone()),
        SaveStatus::Off(why) => ("off", t("header.not_kept"), why.clone()),
    };
    html! {
        <header class="topbar">
            <div class="brand">
                { icons::logo() }
                <span class="brand-name">{ "Drydock" }</span>
                <span class="brand-tag">{ t("header.tagline") }</span>
            </div>
            <div class="topbar-actions">
                <p class="topbar-note" title={t("header.note_title")}>
                    <span class="dot" aria-hidden="true"></span>
                    { t("header.note") }
                </p>
                <span class={classes!("save-status", save_class)} id="save-status" role="status"
                    title={save_title}>
                    <span class="dot" aria-hidden="true"></span>{ save_text }
                </span>
                <button class="ghost-button" id="open-lessons" onclick={lessons} title={t("lessons.open_title")} aria-label={t("lessons.open")}>
                    { icons::book() }
                    <span class="ghost-label">{ t("lessons.open") }</span>
                </button>
                <button class="ghost-button" id="open-share" onclick={share} title={t("header.share_title")}>
                    { icons::share() }
                    <span class="ghost-label">{ t("header.share") }</span>
                </button>
                <button class="ghost-button" id="lecture-toggle" onclick={lecture}
                    aria-pressed={store.lecture.to_string()}
                    title={t("lecture.toggle_title")}>
                    { icons::lecture() }
                    <span class="ghost-label">{ t("lecture.toggle") }</span>
                </button>
                <label class="lang-switch" title={t("lang.label")}>
                    <span class="visually-hidden">{ t("lang.label") }</span>
                    <select id="lang-select" onchange={set_lang}>
                        { for Lang::ALL.into_iter().map(|l| html! {
                            <option value={l.code()} lang={l.code()} selected={l == store.lang}>
                                { l.name() }
                            </option>
                        }) }
                    </select>
                </label>
                <button class="ghost-button" onclick={cycle_theme}
                    aria-label={tf("header.theme_aria", &[("theme", store.theme.label())])}
                    title={tf("header.theme_title", &[("theme", store.theme.label())])}>
                    { icons::theme() }
                    <span class="ghost-label">{ store.theme.label() }</span>
                </button>
                <button class="ghost-button" onclick={help} aria-label={t("header.shortcuts")} title={t("header.shortcuts")}>
                    { icons::keyboard() }
                </button>
            </div>
        </header>
    }
}
