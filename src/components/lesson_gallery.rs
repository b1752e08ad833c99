//! The Lessons dialog: the bundled lesson pack with each lesson's progress (steps done, completed,
//! the current one), and "Load lesson from file…" for a lesson TOML file (a bad file shows the
//! loader's message).
use std::rc::Rc;

use drydock_session::lesson;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::icons;
use super::lesson_start_dialog;
use super::modal::Modal;
use crate::i18n::{t, tf};
use crate::interop::files;
use crate::lesson_state::{self, LessonRef};
use crate::project_state::Dialog;
use crate::state::use_store_while;

/// Reads a picked lesson file: the lesson, or the file name and why it is not a lesson.
fn read_lesson(picked: Result<Vec<files::Picked>, String>) -> Result<LessonRef, String> {
    let file = picked?
        .into_iter()
        .next()
        .ok_or_else(|| t("lessons.no_file").to_owned())?;
    let text = String::from_utf8(file.bytes)
        .map_err(|_| tf("lessons.not_text", &[("file", &file.path)]))?;
    let l = lesson::load(&text).map_err(|e| {
        tf(
            "lessons.invalid",
            &[("file", &file.path), ("error", &e.to_string())],
        )
    })?;
    Ok(LessonRef {
        lesson: Rc::new(l),
        source: Some(Rc::from(text)),
    })
}

#[component(LessonGallery)]
pub fn lesson_gallery() -> Html {
    // Closed, it shows nothing: it follows the state only while open.
    let store = use_store_while(|s| s.dialog == Some(Dialog::Lessons));
    let error = use_state(|| None::<String>);
    let input = use_node_ref();
    let all = use_memo((), |_| lesson_state::bundled());
    if store.dialog != Some(Dialog::Lessons) {
        return html! {};
    }
    let active = store.lessons.active.as_ref().map(|a| a.lesson.id.clone());
    let pick = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_file = {
        let (store, error) = (store.clone(), error.clone());
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = el.files() else { return };
            let (store, error) = (store.clone(), error.clone());
            spawn_local(async move {
                let read = read_lesson(files::read_list(list).await);
                el.set_value("");
                match read {
                    Ok(r) => {
                        error.set(None);
                        lesson_start_dialog::request(&store, r, false);
                    }
                    Err(why) => error.set(Some(why)),
                }
            });
        })
    };
    let cards = all.iter().enumerate().map(|(i, l)| {
        let p = store.lessons.of(&l.id);
        let steps = l.steps.len();
        let done = p.done.len().min(steps);
        let current = active.as_deref() == Some(l.id.as_str());
        let (badge, badge_class) = if current {
            (t("lessons.badge_current"), "current")
        } else if p.completed {
            (t("lessons.badge_completed"), "completed")
        } else if done > 0 {
            (t("lessons.badge_progress"), "progress")
        } else {
            ("", "")
        };
        let onclick = {
            let store = store.clone();
            let l = l.clone();
            Callback::from(move |_: MouseEvent| {
                let r = LessonRef {
                    lesson: l.clone(),
                    source: None,
                };
                if current {
                    store.dispatch(crate::state::Action::ShowDialog(None));
                } else {
                    lesson_start_dialog::request(&store, r, false);
                }
            })
        };
        let pct = (done * 100).checked_div(steps).unwrap_or(0);
        html! {
            <li>
                <button class={classes!("lesson-card", current.then_some("current"), p.completed.then_some("completed"))}
                    data-lesson={l.id.clone()} {onclick}
                    aria-describedby={format!("lesson-{}-progress", l.id)}>
                    <span class="lesson-num" aria-hidden="true">
                        if p.completed { { icons::check() } } else { { format!("{:02}", i + 1) } }
                    </span>
                    <span class="lesson-card-body">
                        <span class="lesson-card-title">{ l.title.clone() }
                            if !badge.is_empty() {
                                <span class={classes!("lesson-badge", badge_class)}>{ badge }</span>
                            }
                        </span>
                        <span class="lesson-card-progress" id={format!("lesson-{}-progress", l.id)}>
                            { tf("lessons.steps_done", &[("done", &done.to_string()), ("n", &steps.to_string())]) }
                        </span>
                        <span class="lesson-bar" aria-hidden="true">
                            <span class="lesson-bar-fill" style={format!("width: {pct}%")}></span>
                        </span>
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <Modal id="lessons" title={t("lessons.open")} class="lessons-dialog">
            <p class="dialog-lead">
                { t("lessons.lead") }
            </p>
            <ol class="lesson-list" aria-label={t("lessons.pack")}>{ for cards }</ol>
            <div class="lesson-load">
                <button class="ghost-button" id="lesson-load-file" onclick={pick}>
                    { icons::upload() }<span>{ t("lessons.load_file") }</span>
                </button>
                <span class="lesson-load-hint">{ t("lessons.load_hint") }</span>
                <input type="file" accept=".toml,text/plain" class="visually-hidden" id="lesson-file"
                    ref={input} tabindex="-1" aria-hidden="true" onchange={on_file} />
            </div>
            if let Some(why) = &*error {
                <div class="lesson-error" role="alert" id="lesson-load-error">
                    <strong>{ t("lessons.load_failed") }</strong>
                    <pre>{ why.clone() }</pre>
                </div>
            }
        </Modal>
    }
}
