//! The "Start this lesson?" dialog: a lesson replaces the project with its own starting project,
//! so the learner confirms first; the current project is kept aside (a notice brings it back).
//! Also the helpers that ask (or start right away when nothing would be lost).
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::modal::Modal;
use super::persistence;
use crate::i18n::{t, tf, tn};
use crate::lesson_state::{LessonAction, LessonRef};
use crate::persist::save;
use crate::project_state::{Dialog, NoticeAction, Tone};
use crate::state::{Action, Store, use_store_while};

/// Starts the lesson: keeps a changed project aside, then replaces it with the lesson's.
pub fn start(store: &Store, r: LessonRef) {
    let store = store.clone();
    let text = save::of_state(&store);
    let modified = store.modified;
    spawn_local(async move {
        let kept = modified && persistence::keep_aside(&text).await;
        let msg = tf("lessons.started_kept", &[("title", &r.lesson.title)]);
        store.dispatch(Action::StartLesson(r));
        // Nothing to bring back: the lesson panel says enough.
        if kept {
            store.dispatch(Action::Notify(
                Tone::Info,
                msg,
                Some(NoticeAction::RestoreBackup),
            ));
        }
    });
}

/// Asks before starting `r` when the project has changes or another lesson runs (or `always`).
pub fn request(store: &Store, r: LessonRef, always: bool) {
    if always || store.modified || store.lessons.active.is_some() {
        store.dispatch(Action::Lesson(LessonAction::Ask(r)));
        store.dispatch(Action::ShowDialog(Some(Dialog::StartLesson)));
    } else {
        store.dispatch(Action::ShowDialog(None));
        start(store, r);
    }
}

#[component(LessonStartDialog)]
pub fn lesson_start_dialog() -> Html {
    // Closed, it shows nothing: it follows the state only while open.
    let store = use_store_while(|s| s.dialog == Some(Dialog::StartLesson));
    let Some(pending) = store.lessons.pending.clone() else {
        return html! {};
    };
    if store.dialog != Some(Dialog::StartLesson) {
        return html! {};
    }
    let cancel = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(None)))
    };
    let go = {
        let store = store.clone();
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::ShowDialog(None));
            start(&store, pending.clone());
        })
    };
    let lesson = &pending.lesson;
    let steps = lesson.steps.len();
    html! {
        <Modal id="lesson-start" title={t("lessons.start_title")}>
            <p class="dialog-lead">
                <strong>{ lesson.title.clone() }</strong>
                { " — " }{ tn("lessons.steps_one", "lessons.steps_many", steps) }{ " " }
                { t("lessons.start_lead") }
                if store.modified {
                    { " " }{ t("lessons.start_kept") }
                }
            </p>
            <div class="dialog-actions">
                <button class="ghost-button" onclick={cancel}>{ t("common.cancel") }</button>
                <button class="primary-button" id="lesson-start-confirm" onclick={go} data-autofocus="">
                    { t("lessons.start") }
                </button>
            </div>
        </Modal>
    }
}
