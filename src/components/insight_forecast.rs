//! The what-if cache forecast panel of the Insights tab: while the learner edits, which steps the
//! next build will take from the cache and which it will rebuild (first reason in words, the
//! diff of the step's inputs), and what it will cost. The forecast is the session's (a scratch
//! build on a copy of the daemon); this component only debounces it and shows it.
use std::collections::BTreeMap;
use std::rc::Rc;

use drydock_session::insights::{Forecast, ForecastRequest, StepForecast, words};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::{Action, BuildForm, use_store};

/// Milliseconds of quiet typing before the forecast is recomputed.
const DELAY_MS: u32 = 250;

/// The forecast request for the build form (also the size insight's).
pub fn request(form: &BuildForm) -> ForecastRequest {
    ForecastRequest {
        dockerfile: form.file.clone(),
        build_args: form
            .build_args
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .cloned()
            .collect::<BTreeMap<_, _>>(),
        target: (!form.target.is_empty()).then(|| form.target.clone()),
    }
}

/// A checksum or value, shortened for the diff table.
fn short(v: &Option<String>) -> String {
    match v {
        None => "—".to_owned(),
        Some(s) if s.contains("sha256:") => {
            let at = s.find("sha256:").unwrap_or(0);
            s.get(at..).unwrap_or("").chars().take(19).collect()
        }
        Some(s) if s.chars().count() > 60 => format!("{}…", s.chars().take(60).collect::<String>()),
        Some(s) => s.clone(),
    }
}

fn diff_table(step: &StepForecast) -> Html {
    if step.input_diff.is_empty() {
        return Html::default();
    }
    html! {
        <details class="forecast-diff">
            <summary>{ t("forecast.input_diff") }</summary>
            <table>
                <thead><tr><th scope="col">{ t("forecast.input") }</th><th scope="col">{ t("forecast.before") }</th><th scope="col">{ t("forecast.now") }</th></tr></thead>
                <tbody>
                    { for step.input_diff.iter().map(|c| html! {
                        <tr>
                            <th scope="row">{ if c.name.is_empty() { c.input.clone() } else { format!("{} {}", c.input, c.name) } }</th>
                            <td><code>{ short(&c.before) }</code></td>
                            <td><code>{ short(&c.after) }</code></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}

#[component(InsightForecast)]
pub fn insight_forecast() -> Html {
    let store = use_store();
    let forecast = use_state(|| None::<Rc<Forecast>>);
    {
        let set = forecast.setter();
        let cell = store.session.clone();
        let req = request(&store.build_form);
        use_effect_with((store.rev, req), move |(_, req)| {
            let req = req.clone();
            let timer = Timeout::new(DELAY_MS, move || {
                if let Ok(mut s) = cell.0.try_borrow_mut() {
                    set.set(Some(Rc::new(s.forecast(&req))));
                }
            });
            move || drop(timer)
        });
    }
    let Some(f) = (*forecast).clone() else {
        return html! {
            <section class="forecast" aria-labelledby="forecast-title">
                <h3 class="forecast-title" id="forecast-title">{ t("forecast.title") }</h3>
                <p class="forecast-summary" role="status">{ t("forecast.working") }</p>
            </section>
        };
    };
    let step = |s: &StepForecast| {
        let line = s.line;
        let reveal = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Reveal(line, line)))
        };
        let cost = if s.rebuild {
            format!("{} · {}", words::duration(s.ms), words::size(s.bytes))
        } else {
            String::new()
        };
        html! {
            <li class={classes!("forecast-step", if s.rebuild { "rebuild" } else { "cached" })}>
                <div class="forecast-row">
                    <span class="forecast-badge">{ if s.rebuild { t("forecast.rebuild") } else { t("forecast.cached") } }</span>
                    <button type="button" class="forecast-line" onclick={reveal}
                        aria-label={tf("forecast.line_aria", &[("line", &line.to_string())])}>{ tf("insights.line", &[("line", &line.to_string())]) }</button>
                    <code class="forecast-name">{ s.name.clone() }</code>
                </div>
                if s.rebuild {
                    <p class="forecast-why">
                        <span>{ s.why.clone() }</span>
                        <span class="forecast-cost">{ cost }</span>
                    </p>
                    { diff_table(s) }
                }
            </li>
        }
    };
    html! {
        <section class="forecast" aria-labelledby="forecast-title">
            <h3 class="forecast-title" id="forecast-title">{ t("forecast.title") }</h3>
            <p class={classes!("forecast-summary", f.first_rebuild.is_some().then_some("has-rebuild"))}
                role="status" aria-live="polite">{ f.summary.clone() }</p>
            if !f.steps.is_empty() {
                <ol class="forecast-steps">{ for f.steps.iter().map(step) }</ol>
            }
        </section>
    }
}
