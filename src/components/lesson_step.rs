//! The step shown in the lesson panel: its title and text, the predict question (answered before
//! the goals count), the goals checked after every session change, hints revealed one at a time,
//! the reference solution, and "Next step" once every goal holds.
use std::rc::Rc;

use drydock_session::lesson::{Lesson, goal};
use yew::prelude::*;

use super::icons;
use super::lesson_goals::LessonGoals;
use super::lesson_solution::LessonSolution;
use super::predict::Predict;
use crate::i18n::{t, tf};
use crate::lesson_state::{LessonAction, Progress};
use crate::state::{Action, use_store};
use crate::views::markdown;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lesson: Rc<Lesson>,
    /// 0-based.
    pub index: usize,
    pub progress: Progress,
    pub wrong: Option<usize>,
}

#[component(LessonStep)]
pub fn lesson_step(props: &Props) -> Html {
    let store = use_store();
    let step = props.lesson.steps.get(props.index).cloned();
    let answered = step
        .as_ref()
        .is_some_and(|s| s.predict.is_none() || props.progress.answered.contains(&props.index));
    // Re-check the goals after every change to the session.
    let goals = use_memo(
        (
            store.rev,
            store.session.clone(),
            props.lesson.clone(),
            props.index,
        ),
        |(_, session, lesson, i)| {
            let Some(step) = lesson.steps.get(*i) else {
                return Vec::new();
            };
            let mut s = session.0.borrow_mut();
            step.goals
                .iter()
                .map(|g| (goal::label(g), goal::check(&mut s, g).err()))
                .collect::<Vec<_>>()
        },
    );
    let holds = goals.iter().all(|(_, why)| why.is_none());
    let done = props.progress.done.contains(&props.index);
    {
        let store = store.clone();
        let i = props.index;
        use_effect_with((answered && holds && !done, i), move |(now_done, i)| {
            if *now_done {
                store.dispatch(Action::Lesson(LessonAction::StepDone(*i)));
            }
        });
    }
    let Some(step) = step else {
        return html! {};
    };
    let n = props.lesson.steps.len();
    let hints_shown = props.progress.hints.min(step.hints.len());
    let hint = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Lesson(LessonAction::Hint)))
    };
    let next = {
        let store = store.clone();
        let i = props.index;
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Lesson(LessonAction::Goto(i + 1)));
            focus_step_title();
        })
    };
    let is_last = props.index + 1 >= n;
    html! {
        <section class={classes!("lesson-step", done.then_some("done"))} aria-labelledby="lesson-step-title"
            data-step={props.index.to_string()}>
            <p class="step-kicker">{ tf("lessons.step_of", &[("i", &(props.index + 1).to_string()), ("n", &n.to_string())]) }
                if done { <span class="step-done-badge">{ icons::check() }{ t("lessons.done") }</span> }
            </p>
            <h3 class="step-title" id="lesson-step-title" tabindex="-1">{ step.title.clone() }</h3>
            <div class="lesson-step-text md">{ markdown::render(&step.text) }</div>
            if let Some(q) = &step.predict {
                <Predict question={Rc::new(q.clone())} answered={answered} wrong={props.wrong}
                    hint={step.hints.first().map(|h| AttrValue::from(h.clone()))} />
            }
            if answered {
                if !goals.is_empty() {
                    <LessonGoals goals={goals.clone()} />
                }
            } else {
                <p class="goals-locked">{ t("lessons.answer_first") }</p>
            }
            if !step.hints.is_empty() {
                <div class="lesson-hints">
                    if hints_shown > 0 {
                        <ol class="hint-list" aria-label={t("lessons.hints")}>
                            { for step.hints.iter().take(hints_shown).map(|h| html! {
                                <li class="hint md">{ markdown::render(h) }</li>
                            }) }
                        </ol>
                    }
                    if hints_shown < step.hints.len() {
                        <button class="ghost-button hint-button" onclick={hint}>
                            { if hints_shown == 0 {
                                t("lessons.hint").to_owned()
                            } else {
                                tf("lessons.another_hint", &[("n", &(step.hints.len() - hints_shown).to_string())])
                            } }
                        </button>
                    }
                </div>
            }
            <LessonSolution solution={Rc::new(step.solution.clone())} />
            if done {
                <div class="step-complete">
                    <span class="step-complete-text">{ icons::check() }{ t("lessons.step_done") }</span>
                    if !is_last {
                        <button class="primary-button" id="lesson-next-step" onclick={next}>{ t("lessons.next_step") }</button>
                    }
                </div>
            }
        </section>
    }
}

/// Moves focus to the step's title (after "Next step", for keyboard and screen-reader users).
fn focus_step_title() {
    gloo::timers::callback::Timeout::new(0, || {
        use wasm_bindgen::JsCast;
        let el = gloo::utils::document().get_element_by_id("lesson-step-title");
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    })
    .forget();
}
