//! Time travel over the last build: a toolbar (first, back, play/pause at a chosen speed,
//! forward, last) and a range scrubber over its steps. The selected step lives in the store, so
//! every view can show the state at that step; moving only selects precomputed data.
use gloo::timers::callback::Interval;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::{Action, use_store};

/// Playback speeds: label and milliseconds per step.
const SPEEDS: [(&str, u32); 4] = [("0.5×", 1600), ("1×", 800), ("2×", 400), ("4×", 200)];

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Number of steps of the build.
    pub steps: usize,
    /// The step shown (0-based).
    pub at: usize,
    /// The instruction of the step shown.
    pub text: AttrValue,
}

#[component(TimeTravel)]
pub fn time_travel(props: &Props) -> Html {
    let store = use_store();
    let playing = use_state(|| false);
    let speed = use_state(|| 1usize);
    let (n, at) = (props.steps, props.at);
    let last = n.saturating_sub(1);

    // Playing advances one step per tick and stops at the end.
    {
        let dispatcher = store.dispatcher();
        let ms = SPEEDS.get(*speed).map_or(800, |s| s.1);
        use_effect_with((*playing, ms), move |(on, ms)| {
            let timer =
                on.then(|| Interval::new(*ms, move || dispatcher.dispatch(Action::StepBy(1))));
            move || drop(timer)
        });
    }
    {
        let playing = playing.clone();
        use_effect_with((at, last), move |(at, last)| {
            if at >= last && *playing {
                playing.set(false);
            }
        });
    }

    let go = |to: usize| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Step(Some(to))))
    };
    let toggle = {
        let (store, playing) = (store.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            if !*playing && at >= last {
                store.dispatch(Action::Step(Some(0)));
            }
            playing.set(!*playing);
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
                .and_then(|v| v.as_string())
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1);
            speed.set(v);
        })
    };
    let on_scrub = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let v = js_sys::Reflect::get(
                &e.target().map(JsValue::from).unwrap_or(JsValue::NULL),
                &JsValue::from_str("value"),
            )
            .ok()
            .and_then(|v| v.as_string())
            .and_then(|v| v.parse::<usize>().ok());
            if let Some(v) = v {
                store.dispatch(Action::Step(Some(v)));
            }
        })
    };
    let button = |label: &'static str,
                  icon: Html,
                  onclick: Callback<MouseEvent>,
                  disabled: bool| {
        html! {
            <button type="button" class="tt-button" aria-label={label} title={label} {onclick} {disabled}>
                { icon }
            </button>
        }
    };
    let play_label = if *playing {
        t("tt.pause")
    } else {
        t("tt.play")
    };
    html! {
        <div class="time-travel">
            <div class="tt-controls" role="toolbar" aria-label={t("tt.label")} aria-controls="build-steps">
                { button(t("tt.first"), icon("M6 5v14 M18 5l-9 7 9 7z"), go(0), at == 0) }
                { button(t("tt.previous"), icon("M16 5l-9 7 9 7z"), go(at.saturating_sub(1)), at == 0) }
                <button type="button" class="tt-button tt-play" aria-label={play_label} title={play_label}
                    aria-pressed={playing.to_string()} onclick={toggle} disabled={n < 2}>
                    { if *playing { icon("M8 5v14 M16 5v14") } else { icon("M7 5l12 7-12 7z") } }
                </button>
                { button(t("tt.next"), icon("M8 5l9 7-9 7z"), go((at + 1).min(last)), at >= last) }
                { button(t("tt.last"), icon("M18 5v14 M6 5l9 7-9 7z"), go(last), at >= last) }
                <label class="tt-speed">
                    <span class="visually-hidden">{ t("tt.speed") }</span>
                    <select class="field" onchange={on_speed} title={t("tt.speed")}>
                        { for SPEEDS.iter().enumerate().map(|(i, (label, _))| html! {
                            <option value={i.to_string()} selected={i == *speed}>{ *label }</option>
                        }) }
                    </select>
                </label>
            </div>
            <input type="range" class="tt-scrubber" id="build-scrubber" min="0" max={last.to_string()}
                step="1" value={at.to_string()} aria-label={t("tt.step")}
                aria-valuetext={tf("tt.valuetext", &[("at", &(at + 1).to_string()), ("n", &n.to_string()), ("text", &props.text)])}
                oninput={on_scrub} disabled={n < 2} />
            <span class="tt-position" aria-live="polite">
                { tf("tt.position", &[("at", &(at + 1).to_string()), ("n", &n.to_string())]) }
            </span>
        </div>
    }
}

/// A small stroked icon from one SVG path.
fn icon(d: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path {d} fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" />
        </svg>
    }
}
