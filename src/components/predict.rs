//! Predict-then-reveal: the step's question with its choices, answered before the step's goals
//! count. A wrong choice says "Not quite" with the first hint and lets the learner try again; the
//! right one reveals the explanation.
use std::rc::Rc;

use drydock_session::lesson::Predict as Question;
use yew::prelude::*;

use crate::i18n::t;
use crate::lesson_state::LessonAction;
use crate::state::{Action, use_store};
use crate::views::markdown;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Rc<Question>,
    /// Whether it was answered right.
    pub answered: bool,
    /// The last wrong choice.
    pub wrong: Option<usize>,
    /// The step's first hint (shown after a wrong answer).
    pub hint: Option<AttrValue>,
}

#[component(Predict)]
pub fn predict(props: &Props) -> Html {
    let store = use_store();
    let q = &props.question;
    let choices = q.choices.iter().enumerate().map(|(i, c)| {
        let right = props.answered && i == q.answer;
        let wrong = props.wrong == Some(i);
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Lesson(LessonAction::Answer(i))))
        };
        html! {
            <li>
                <button class={classes!("predict-choice", right.then_some("right"), wrong.then_some("wrong"))}
                    disabled={props.answered} aria-pressed={(right || wrong).to_string()} data-choice={i.to_string()}
                    {onclick}>
                    <span class="predict-letter" aria-hidden="true">{ char::from(b'A' + (i % 26) as u8) }</span>
                    <span class="predict-text md-inline">{ markdown::render_inline_text(c) }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class={classes!("predict", props.answered.then_some("answered"))} aria-labelledby="predict-q">
            <p class="predict-kicker">{ if props.answered { t("lessons.predict_done") } else { t("lessons.predict_first") } }</p>
            <div class="predict-question md" id="predict-q">{ markdown::render(&q.question) }</div>
            <ul class="predict-choices" role="list">{ for choices }</ul>
            <div class="predict-feedback-area" aria-live="polite">
                if props.answered {
                    <div class="predict-feedback right">
                        <strong>{ t("lessons.right") }</strong>
                        <div class="predict-explain md">{ markdown::render(&q.explain) }</div>
                    </div>
                } else if props.wrong.is_some() {
                    <div class="predict-feedback wrong">
                        <strong>{ t("lessons.not_quite") }</strong>{ " " }{ t("lessons.try_again") }
                        if let Some(h) = &props.hint {
                            <div class="predict-hint md">{ markdown::render(h) }</div>
                        }
                    </div>
                }
            </div>
        </section>
    }
}
