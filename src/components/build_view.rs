//! The build view: build options with the equivalent `docker build` command, time travel over the
//! last build, its steps as a timeline, and — for the selected step — the filesystem or the
//! console output.
use std::rc::Rc;

use yew::prelude::*;

use super::build_console::BuildConsole;
use super::build_options::BuildOptions;
use super::build_timeline::{BuildTimeline, with_code};
use super::step_tree::StepTree;
use super::time_travel::TimeTravel;
use super::{empty_state::EmptyState, icons};
use crate::i18n::{t, tf, tn};
use crate::state::{use_step, use_store};
use crate::views::timeline::{Row, console_lines, rows};

/// The lower panel: the filesystem at the step or the console.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lower {
    Files,
    Console,
}

#[component(BuildView)]
pub fn build_view() -> Html {
    let store = use_store();
    let step = use_step();
    let lower = use_state(|| Lower::Files);
    // Computed once per change of the session; time travel only selects.
    let data = use_memo(store.rev, |_| {
        let session = store.session();
        session.last_build().map(|t| {
            let vertices: Vec<Option<u32>> = t.steps.iter().map(|s| s.vertex).collect();
            let failure = t.outcome.as_ref().err().map(|f| f.message.clone());
            (
                Rc::new(rows(t)),
                Rc::new(console_lines(&drydock_engine::output::plain::render(t))),
                vertices,
                failure,
            )
        })
    });
    let Some((rows, console, vertices, failure)) = (*data).clone() else {
        return html! {
            <div class="build-view">
                <BuildOptions />
                <EmptyState icon={icons::arrow()} title={t("build.empty_title")}>
                    <p>{ t("build.empty_text") }</p>
                </EmptyState>
            </div>
        };
    };
    let n = rows.len();
    let at = step.unwrap_or(n.saturating_sub(1)).min(n.saturating_sub(1));
    let current: Option<&Row> = rows.get(at);
    let tab = |which: Lower, label: &'static str, id: &'static str| {
        let selected = *lower == which;
        let onclick = {
            let lower = lower.clone();
            Callback::from(move |_: MouseEvent| lower.set(which))
        };
        let onkeydown = {
            let lower = lower.clone();
            Callback::from(move |e: KeyboardEvent| {
                if matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight") {
                    e.prevent_default();
                    let other = if which == Lower::Files {
                        Lower::Console
                    } else {
                        Lower::Files
                    };
                    lower.set(other);
                    let id = if other == Lower::Files {
                        "build-tab-files"
                    } else {
                        "build-tab-console"
                    };
                    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
                        use wasm_bindgen::JsCast;
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                }
            })
        };
        html! {
            <button type="button" role="tab" {id} class="build-tab" aria-selected={selected.to_string()}
                aria-controls="build-lower-panel" tabindex={if selected { "0" } else { "-1" }} {onclick} {onkeydown}>
                { label }
            </button>
        }
    };
    let summary = {
        let ran = rows
            .iter()
            .filter(|r| r.badge == crate::views::timeline::Badge::Ran)
            .count();
        let cached = rows
            .iter()
            .filter(|r| r.badge == crate::views::timeline::Badge::Cached)
            .count();
        tf(
            "build.summary",
            &[
                ("steps", &tn("build.steps_one", "build.steps", n)),
                ("ran", &ran.to_string()),
                ("cached", &cached.to_string()),
            ],
        )
    };
    html! {
        <div class="build-view">
            <BuildOptions />
            <div class="build-trace">
                <div class="build-summary">
                    <span class={classes!("build-outcome", if failure.is_some() { "failed" } else { "ok" })}>
                        { if failure.is_some() { t("build.failed") } else { t("build.succeeded") } }
                    </span>
                    <span class="build-counts">{ summary }</span>
                </div>
                if let Some(message) = failure.clone() {
                    <p class="build-failure" role="alert">{ with_code(&message) }</p>
                }
                if n > 0 {
                    <TimeTravel steps={n} {at} text={current.map(|r| r.text.clone()).unwrap_or_default()} />
                    <BuildTimeline rows={rows.clone()} {at} />
                }
                <div class="build-lower">
                    <div class="build-tabs" role="tablist" aria-label={t("build.step_details")}>
                        { tab(Lower::Files, t("build.files_tab"), "build-tab-files") }
                        { tab(Lower::Console, t("build.console_tab"), "build-tab-console") }
                    </div>
                    <div class="build-lower-panel" id="build-lower-panel" role="tabpanel"
                        aria-labelledby={if *lower == Lower::Files { "build-tab-files" } else { "build-tab-console" }}>
                        if *lower == Lower::Files && n > 0 {
                            <StepTree {at} />
                        } else {
                            <BuildConsole lines={console} vertex={vertices.get(at).copied().flatten()} />
                        }
                    </div>
                </div>
            </div>
        </div>
    }
}
