//! A step's goals as a checklist: each goal's label, ticked when it holds, with the reason it
//! does not hold yet (the goals are re-checked after every change to the session).
use std::rc::Rc;

use yew::prelude::*;

use super::icons;
use crate::i18n::{t, tf};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// (label, why it does not hold — `None` when it holds).
    pub goals: Rc<Vec<(String, Option<String>)>>,
}

#[component(LessonGoals)]
pub fn lesson_goals(props: &Props) -> Html {
    let met = props.goals.iter().filter(|(_, why)| why.is_none()).count();
    html! {
        <section class="lesson-goals" aria-labelledby="lesson-goals-title">
            <h4 id="lesson-goals-title" class="lesson-sub">
                { t("lessons.goals") }
                <span class="goal-count">{ tf("lessons.of", &[("done", &met.to_string()), ("n", &props.goals.len().to_string())]) }</span>
            </h4>
            <ul class="goal-list">
                { for props.goals.iter().map(|(label, why)| {
                    let ok = why.is_none();
                    html! {
                        <li class={classes!("goal", if ok { "met" } else { "open" })}>
                            <span class="goal-box" aria-hidden="true">
                                if ok { { icons::check() } }
                            </span>
                            <span class="goal-body">
                                <code class="goal-label">{ label.clone() }</code>
                                <span class="visually-hidden">{ if ok { t("lessons.goal_met") } else { t("lessons.goal_open") } }</span>
                                if let Some(w) = why {
                                    <span class="goal-why">{ w.clone() }</span>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
