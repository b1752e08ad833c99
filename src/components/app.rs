//! The root component: provides the store, applies the theme and the language, handles global
//! shortcuts, and lays out
//! header, lifecycle strip, project pane, editor and workspace, the dialogs and the notices.
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{
    editor::Editor, examples_dialog::ExamplesDialog, header::Header, help_overlay::HelpOverlay,
    lesson_gallery::LessonGallery, lesson_keeper::LessonKeeper, lesson_panel::LessonPanel,
    lesson_start_dialog::LessonStartDialog, lifecycle::Lifecycle, notices::Notices,
    persistence::Persistence, project_pane::ProjectPane, reset_dialog::ResetDialog,
    share_dialog::ShareDialog, workspace::Workspace,
};
use crate::i18n::{self, Lang};
use crate::shortcuts::{self, Command};
use crate::state::{Action, AppState, Store, Theme, View};
use crate::storage;

const THEME_KEY: &str = "drydock:theme";
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

#[component(App)]
pub fn app() -> Html {
    let store = use_reducer(|| {
        let mut state = AppState::default();
        state.theme = storage::get(THEME_KEY)
            .map(|t| Theme::from_attr(&t))
            .unwrap_or_default();
        let lessons_key =
            crate::lesson_state::storage_key(&super::persistence::current_namespace());
        if let Some(saved) = storage::get(&lessons_key) {
            state.lessons = crate::lesson_state::Lessons::from_json(&saved);
        }
        state.lang = initial_lang();
        state
    });
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

    // Theme: on <html data-theme>, remembered across visits.
    use_effect_with(store.theme, |theme| {
        if let Some(root) = gloo::utils::document().document_element() {
            match theme.attr() {
                Some(t) => {
                    let _ = root.set_attribute("data-theme", t);
                    storage::set(THEME_KEY, t);
                }
                None => {
                    let _ = root.remove_attribute("data-theme");
                    storage::remove(THEME_KEY);
                }
            }
        }
    });

    // For `cargo xtask bench ui`: the moment the first screen is up.
    use_effect_with((), |_| crate::interop::perf::mark("drydock-ready"));
    // … and the moment a time-travel step has been rendered in every view.
    use_effect_with(store.step, |_| crate::interop::perf::mark("drydock-step"));

    // Global shortcuts.
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let in_text = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA")
                            || el.closest(".cm-editor").ok().flatten().is_some()
                    });
                let cmd = shortcuts::command(
                    &e.key(),
                    &e.code(),
                    e.alt_key(),
                    e.ctrl_key() || e.meta_key(),
                    in_text,
                );
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
                }
                e.prevent_default();
            });
            move || drop(listener)
        });
    }

    let panes_class = classes!(
        "panes",
        store.lessons.active.is_some().then_some("with-lesson"),
        store.lessons.collapsed.then_some("lesson-folded"),
    );
    html! {
        <ContextProvider<Store> context={store}>
            <div class="app">
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
                <LessonGallery />
                <LessonStartDialog />
                <LessonKeeper />
                <Notices />
                <Persistence />
            </div>
        </ContextProvider<Store>>
    }
}
