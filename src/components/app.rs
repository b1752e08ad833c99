//! The root component: provides the store, applies the theme and the language, handles global
//! shortcuts (lecture mode's stepping keys among them), and lays out header, lifecycle strip,
//! project pane, editor and workspace, the dialogs and the notices — or, for `?embed`, the
//! compact embed layout.
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use std::rc::Rc;

use super::{
    editor::Editor, embed_layout::EmbedLayout, examples_dialog::ExamplesDialog,
    explain_dialog::ExplainDialog, header::Header, help_overlay::HelpOverlay,
    lecture_legend::LectureLegend, lesson_gallery::LessonGallery, lesson_keeper::LessonKeeper,
    lesson_panel::LessonPanel, lesson_start_dialog::LessonStartDialog, lifecycle::Lifecycle,
    notices::Notices, persistence::Persistence, project_pane::ProjectPane,
    reset_dialog::ResetDialog, share_dialog::ShareDialog, workspace::Workspace,
};
use crate::i18n::{self, Lang};
use crate::interop::download;
use crate::shortcuts::{self, Command};
use crate::state::{Action, AppState, Theme, View};
use crate::storage;
use crate::store_hub::{StepShown, StoreHub};
use crate::views::{embed_options::EmbedOptions, query};

const THEME_KEY: &str = "drydock:theme";
/// Lecture mode's legend: `hidden` once the presenter hid it.
const LEGEND_KEY: &str = "drydock:lecture-legend";
const LANG_KEY: &str = "drydock:lang";

/// The language to start in: `?lang=`, else the saved choice, else the browser's language.
fn initial_lang() -> Lang {
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    let browser = window.navigator().language();
    i18n::choose(
        &search,
        storage::get(LANG_KEY).as_deref(),
        browser.as_deref(),
    )
}

/// The first state: an embed's options, `?lecture`, the remembered theme and legend.
fn initial_state() -> AppState {
    let (_, search, hash) = download::location();
    let Some(embed) = EmbedOptions::parse(&search, &hash) else {
        let mut state = AppState::default();
        state.theme = storage::get(THEME_KEY)
            .map(|t| Theme::from_attr(&t))
            .unwrap_or_default();
        state.legend = storage::get(LEGEND_KEY).as_deref() != Some("hidden");
        let lessons_key =
            crate::lesson_state::storage_key(&super::persistence::current_namespace());
        if let Some(saved) = storage::get(&lessons_key) {
            state.lessons = crate::lesson_state::Lessons::from_json(&saved);
        }
        state.lang = initial_lang();
        if query::flag(&search, "lecture") {
            state.lecture = true;
            state.view = View::Build;
        }
        return state;
    };
    // An embed reads nothing the main app stored (its theme is in its URL).
    let mut state = AppState::from_example(embed.example.as_deref().unwrap_or(""));
    state.theme = embed.theme.theme();
    if let Some(v) = embed.views().first() {
        state.view = *v;
    }
    state.embed = Some(Rc::new(embed));
    state.lang = initial_lang();
    state
}

#[component(App)]
pub fn app() -> Html {
    let store = use_reducer(initial_state);
    // Components read the store through the hub: a time-travel step re-renders only the views
    // that show the step (through `StepShown`), not every component of the app.
    let hub = {
        let store = store.clone();
        use_memo((), move |_| StoreHub::new(store))
    };
    hub.set(store.clone());
    let hub: StoreHub = (*hub).clone();
    let shown = StepShown(store.step);
    let embedded = store.embed.is_some();
    // Every `t(…)` below this root reads the language set here, before any child renders.
    i18n::set_lang(store.lang);

    // Language: on <html lang>; a choice made in the switch is remembered and replaces a
    // `?lang=` in the address (so a reload keeps it).
    let lang_chosen = use_mut_ref(|| false);
    use_effect_with(store.lang, move |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        if std::mem::replace(&mut *lang_chosen.borrow_mut(), true) {
            storage::set(LANG_KEY, lang.code());
            let window = gloo::utils::window();
            let loc = window.location();
            let search = loc.search().unwrap_or_default();
            if i18n::url_lang(&search).is_some_and(|l| l != *lang)
                && let Ok(history) = window.history()
            {
                let url = format!(
                    "{}{}{}",
                    loc.pathname().unwrap_or_default(),
                    i18n::with_url_lang(&search, *lang),
                    loc.hash().unwrap_or_default()
                );
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });

    // Theme: on <html data-theme>, remembered across visits (not by embeds: theirs is in the URL).
    use_effect_with((store.theme, embedded), |(theme, embedded)| {
        if let Some(root) = gloo::utils::document().document_element() {
            match theme.attr() {
                Some(t) => {
                    let _ = root.set_attribute("data-theme", t);
                    if !embedded {
                        storage::set(THEME_KEY, t);
                    }
                }
                None => {
                    let _ = root.remove_attribute("data-theme");
                    if !embedded {
                        storage::remove(THEME_KEY);
                    }
                }
            }
        }
    });

    // Lecture mode's legend, remembered.
    use_effect_with((store.legend, embedded), |(legend, embedded)| {
        if !embedded {
            if *legend {
                storage::remove(LEGEND_KEY);
            } else {
                storage::set(LEGEND_KEY, "hidden");
            }
        }
    });

    // The key handler is made once: it reads lecture mode and the legend through this cell.
    let modes = use_mut_ref(|| (false, true));
    *modes.borrow_mut() = (store.lecture, store.legend);

    // For `cargo xtask bench ui`: the moment the first screen is up.
    use_effect_with((), |_| crate::interop::perf::mark("drydock-ready"));
    // … and the moment a time-travel step has been rendered in every view.
    use_effect_with(store.step, |_| crate::interop::perf::mark("drydock-step"));

    // Global shortcuts.
    {
        let (store, modes) = (store.clone(), modes.clone());
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let target = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let in_text = target.as_ref().is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.closest(".cm-editor").ok().flatten().is_some()
                });
                let on_control = target.as_ref().is_some_and(|el| {
                    el.closest("button, a, summary, [role=tab], [role=listbox], [role=tree]")
                        .ok()
                        .flatten()
                        .is_some()
                });
                let (alt, ctrl) = (e.alt_key(), e.ctrl_key() || e.meta_key());
                let (lecture, legend) = *modes.borrow();
                let cmd =
                    shortcuts::command(&e.key(), &e.code(), alt, ctrl, in_text).or_else(|| {
                        // A key a focused control already handled (a list's arrows) is not a step.
                        (lecture && !e.default_prevented())
                            .then(|| {
                                shortcuts::lecture_command(&e.key(), alt, ctrl, in_text, on_control)
                            })
                            .flatten()
                    });
                let Some(cmd) = cmd else { return };
                // The handle is the state at mount time: dispatch actions that need no reading.
                match cmd {
                    Command::ToggleHelp => store.dispatch(Action::ToggleHelp),
                    Command::CloseOverlay => {
                        store.dispatch(Action::ShowHelp(false));
                        return;
                    }
                    Command::View(i) => {
                        if let Some(v) = View::ALL.get(i) {
                            store.dispatch(Action::Show(*v));
                        }
                    }
                    Command::NextTheme => store.dispatch(Action::CycleTheme),
                    Command::Step(delta) => store.dispatch(Action::StepBy(delta)),
                    Command::FirstStep => store.dispatch(Action::Step(Some(0))),
                    Command::LastStep => store.dispatch(Action::Step(None)),
                    Command::ToggleLecture => store.dispatch(Action::ToggleLecture),
                    Command::ToggleLegend => store.dispatch(Action::SetLegend(!legend)),
                }
                e.prevent_default();
            });
            move || drop(listener)
        });
    }

    if embedded {
        return html! {
            <ContextProvider<StoreHub> context={hub}>
                <ContextProvider<StepShown> context={shown}>
                    <EmbedLayout />
                </ContextProvider<StepShown>>
            </ContextProvider<StoreHub>>
        };
    }
    let class = classes!("app", store.lecture.then_some("lecture"));
    let panes_class = classes!(
        "panes",
        store.lessons.active.is_some().then_some("with-lesson"),
        store.lessons.collapsed.then_some("lesson-folded"),
    );
    html! {
        <ContextProvider<StoreHub> context={hub}>
            <ContextProvider<StepShown> context={shown}>
            <div {class}>
                <Header />
                <Lifecycle />
                <main class={panes_class}>
                    <LessonPanel />
                    <ProjectPane />
                    <Editor />
                    <Workspace />
                </main>
                <HelpOverlay />
                <ExamplesDialog />
                <ShareDialog />
                <ResetDialog />
                <ExplainDialog />
                <LessonGallery />
                <LessonStartDialog />
                <LessonKeeper />
                <Notices />
                <LectureLegend />
                <Persistence />
            </div>
            </ContextProvider<StepShown>>
        </ContextProvider<StoreHub>>
    }
}
