//! The lesson panel, docked beside the project: the lesson's title and introduction, its steps as
//! a list with done marks (arrow keys move between them), the step shown, and "Lesson complete"
//! with the next lesson. Folds to a narrow strip; a live region announces finished steps.
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::icons;
use super::lesson_start_dialog;
use super::lesson_step::LessonStep;
use crate::i18n::{t, tf};
use crate::lesson_state::{self, LessonAction, LessonRef};
use crate::project_state::Dialog;
use crate::state::{Action, use_store_while};
use crate::views::markdown;

fn focus(id: &str) {
    let el = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

#[component(LessonPanel)]
pub fn lesson_panel() -> Html {
    // No lesson, no panel: it follows the state only while a lesson is taken.
    let store = use_store_while(|s| s.lessons.active.is_some());
    let Some(active) = store.lessons.active.clone() else {
        return html! {};
    };
    let lesson = active.lesson.clone();
    let progress = store.lessons.current();
    let n = lesson.steps.len();
    let shown = progress.step.min(n.saturating_sub(1));
    let done = progress.done.len().min(n);
    let complete = done == n;
    let dispatch = |a: LessonAction| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Lesson(a.clone())))
    };
    if store.lessons.collapsed {
        return html! {
            <aside class="pane lesson-pane collapsed" aria-label={t("lessons.lesson")}>
                <button class="lesson-expand" id="lesson-expand" onclick={dispatch(LessonAction::Collapse(false))}
                    aria-label={tf("lessons.expand_aria", &[("title", &lesson.title), ("done", &done.to_string()), ("n", &n.to_string())])}
                    title={t("lessons.expand")}>
                    { icons::book() }
                    <span class="lesson-expand-label">{ t("lessons.lesson") }</span>
                    <span class="lesson-expand-count">{ format!("{done}/{n}") }</span>
                </button>
            </aside>
        };
    }
    let open_gallery = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::ShowDialog(Some(Dialog::Lessons)))
        })
    };
    let steps = lesson.steps.iter().enumerate().map(|(i, s)| {
        let is_done = progress.done.contains(&i);
        let current = i == shown;
        let onclick = dispatch(LessonAction::Goto(i));
        let onkeydown = {
            let store = store.clone();
            Callback::from(move |e: KeyboardEvent| {
                let to = match e.key().as_str() {
                    "ArrowDown" | "ArrowRight" => (i + 1).min(n - 1),
                    "ArrowUp" | "ArrowLeft" => i.saturating_sub(1),
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                e.prevent_default();
                store.dispatch(Action::Lesson(LessonAction::Goto(to)));
                focus(&format!("lesson-step-{to}"));
            })
        };
        html! {
            <li class={classes!("lesson-step-item", is_done.then_some("done"), current.then_some("current"))}>
                <button id={format!("lesson-step-{i}")} class="lesson-step-link" {onclick} {onkeydown}
                    aria-current={current.then_some("step")} tabindex={if current { "0" } else { "-1" }}
                    data-done={is_done.to_string()}>
                    <span class="step-mark" aria-hidden="true">
                        if is_done { { icons::check() } } else { { (i + 1).to_string() } }
                    </span>
                    <span class="step-link-title">{ s.title.clone() }</span>
                    if is_done { <span class="visually-hidden">{ t("lessons.done_suffix") }</span> }
                </button>
            </li>
        }
    });
    let next_lesson = if active.source.is_none() {
        lesson_state::next_bundled(&lesson.id)
    } else {
        None
    };
    let on_next_lesson = next_lesson.clone().map(|l| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            lesson_start_dialog::request(
                &store,
                LessonRef {
                    lesson: l.clone(),
                    source: None,
                },
                false,
            )
        })
    });
    let announce = if progress.done.contains(&shown) {
        tf(
            "lessons.step_done_announce",
            &[("i", &(shown + 1).to_string())],
        )
    } else {
        String::new()
    };
    html! {
        <aside class="pane lesson-pane" aria-label={t("lessons.lesson")} id="lesson-panel" data-lesson={lesson.id.clone()}>
            <div class="pane-head lesson-head">
                <span class="pane-title">{ icons::book() }{ t("lessons.lesson") }</span>
                <span class="lesson-head-actions">
                    <button class="icon-button" id="lesson-open-gallery" onclick={open_gallery}
                        aria-label={t("lessons.all")} title={t("lessons.all")}>{ icons::gallery() }</button>
                    <button class="icon-button" id="lesson-collapse" onclick={dispatch(LessonAction::Collapse(true))}
                        aria-label={t("lessons.fold")} title={t("lessons.fold")}>{ icons::fold() }</button>
                    <button class="icon-button" id="lesson-close" onclick={dispatch(LessonAction::Close)}
                        aria-label={t("lessons.close")} title={t("lessons.close")}>{ "×" }</button>
                </span>
            </div>
            <div class="lesson-scroll">
                <h2 class="lesson-title">{ lesson.title.clone() }</h2>
                <div class="lesson-progress" aria-hidden="true">
                    <span class="lesson-bar"><span class="lesson-bar-fill" style={format!("width: {}%", done * 100 / n.max(1))}></span></span>
                    <span class="lesson-progress-text">{ tf("lessons.of", &[("done", &done.to_string()), ("n", &n.to_string())]) }</span>
                </div>
                if !lesson.text.trim().is_empty() {
                    <details class="lesson-intro" open={done == 0 && shown == 0}>
                        <summary>{ t("lessons.intro") }</summary>
                        <div class="md">{ markdown::render(&lesson.text) }</div>
                    </details>
                }
                <nav aria-label={t("lessons.steps")}>
                    <ol class="lesson-steps">{ for steps }</ol>
                </nav>
                if complete {
                    <div class="lesson-complete" id="lesson-complete">
                        <p class="lesson-complete-title">{ icons::check() }{ t("lessons.complete") }</p>
                        <p class="lesson-complete-text">{ tf("lessons.complete_text", &[("n", &n.to_string()), ("title", &lesson.title)]) }</p>
                        if let (Some(l), Some(cb)) = (next_lesson, on_next_lesson) {
                            <button class="primary-button" id="lesson-next" onclick={cb}>
                                { tf("lessons.next_lesson", &[("title", &l.title)]) }
                            </button>
                        } else {
                            <button class="ghost-button" id="lesson-all" onclick={
                                let store = store.clone();
                                Callback::from(move |_: MouseEvent| store.dispatch(Action::ShowDialog(Some(Dialog::Lessons))))
                            }>{ t("lessons.all") }</button>
                        }
                    </div>
                }
                <LessonStep lesson={lesson.clone()} index={shown} progress={progress.clone()}
                    wrong={store.lessons.wrong} />
            </div>
            <p class="visually-hidden" role="status" id="lesson-status">{ announce }</p>
        </aside>
    }
}
