//! The process calculator: an image's ENTRYPOINT and CMD, editable `docker run` arguments (and
//! `--entrypoint`), and — recomputed as you type by the engine's `explain_process` — the argv the
//! container runs, which program is PID 1, and whether `docker stop`'s signal reaches it.
use drydock_engine::container::process_explain::{
    EntrypointSource, Form, ProcessExplanation, ProcessInput, Written, explain_process,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::use_store;
use crate::views::run_args;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The image (id or reference).
    pub image: String,
    /// How the image is named (`trainer:latest`).
    pub label: String,
    /// Images to choose from (id, label); empty: no picker.
    #[prop_or_default]
    pub images: Vec<(String, String)>,
    /// The `--entrypoint` the container was run with.
    #[prop_or_default]
    pub entrypoint: Option<String>,
    /// The arguments after the image name.
    #[prop_or_default]
    pub args: Vec<String>,
    #[prop_or_default]
    pub workdir: Option<String>,
    #[prop_or_default]
    pub user: Option<String>,
}

fn written(label: &str, w: Option<&Written>) -> Html {
    html! {
        <div class="calc-row">
            <dt>{ label.to_owned() }</dt>
            <dd>
                if let Some(w) = w {
                    <span class={classes!("form-badge", match w.form { Form::Exec => "exec", Form::Shell => "shell" })}>
                        { w.form.as_str() }
                    </span>
                    <code class="calc-words">{ match &w.script {
                        Some(s) => s.clone(),
                        None => format!("[{}]", w.words.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(", ")),
                    } }</code>
                    if w.form == Form::Shell {
                        <span class="calc-stored">{ tf("calc.stored_as", &[("words", &run_args::join(&w.words))]) }</span>
                    }
                } else {
                    <span class="calc-none">{ t("calc.not_set") }</span>
                }
            </dd>
        </div>
    }
}

fn result(x: &ProcessExplanation) -> Html {
    if let Some(err) = &x.error {
        return html! {
            <div class="calc-result error" data-verdict="error">
                <p class="calc-error">{ format!("docker: Error response from daemon: {err}") }</p>
                <p class="calc-why">{ t("calc.nothing_to_run") }</p>
            </div>
        };
    }
    let (verdict, tone) = if x.signal_reaches_program {
        (tf("calc.reaches", &[("signal", &x.stop_signal)]), "ok")
    } else {
        (
            tf("calc.stops_at_shell", &[("signal", &x.stop_signal)]),
            "bad",
        )
    };
    html! {
        <div class={classes!("calc-result", tone)} data-verdict={tone}>
            <dl class="calc-facts">
                <div class="calc-row">
                    <dt>{ "argv" }</dt>
                    <dd>
                        <ol class="argv" aria-label={t("calc.argv")}>
                            { for x.argv.iter().enumerate().map(|(i, w)| html! {
                                <li class="argv-word"><span class="argv-index" aria-hidden="true">{ i }</span><code>{ w.clone() }</code></li>
                            }) }
                        </ol>
                    </dd>
                </div>
                <div class="calc-row">
                    <dt>{ "PID 1" }</dt>
                    <dd>
                        <code class="calc-pid1">{ run_args::join(&x.pid1) }</code>
                        if x.shell_stays {
                            <span class="calc-child">{ match x.child.as_ref().and_then(|c| c.first()) {
                                Some(p) => tf("calc.runs_child", &[("program", p)]),
                                None => t("calc.runs_command_child").to_owned(),
                            } }</span>
                        }
                    </dd>
                </div>
                <div class="calc-row">
                    <dt>{ t("calc.stop_signal") }</dt>
                    <dd>{ x.stop_signal.clone() }<span class="calc-none">{ if x.stop_signal_set { " (STOPSIGNAL)" } else { t("calc.default") } }</span></dd>
                </div>
            </dl>
            <p class="calc-verdict"><span class={classes!("verdict-badge", tone)}>{ verdict }</span></p>
            <p class="calc-why">{ x.signal_why() }</p>
        </div>
    }
}

#[component(ProcessCalculator)]
pub fn process_calculator(props: &Props) -> Html {
    let store = use_store();
    let image = use_state(|| props.image.clone());
    let args_text = use_state(|| run_args::join(&props.args));
    let override_ep = use_state(|| props.entrypoint.is_some());
    let ep_text = use_state(|| props.entrypoint.clone().unwrap_or_default());

    let session = store.session();
    let Some(img) = session.engine().image(&image) else {
        return html! { <p class="detail-empty">{ t("calc.image_gone") }</p> };
    };
    let label = props
        .images
        .iter()
        .find(|(id, _)| *id == *image)
        .map_or_else(|| props.label.clone(), |(_, l)| l.clone());
    let parsed = run_args::split(&args_text);
    let args = parsed.clone().unwrap_or_default();
    let user_ep = override_ep.then_some(ep_text.as_str());
    let x = explain_process(&ProcessInput::of_image(&img.config, user_ep, &args));

    let on_args = {
        let args_text = args_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                args_text.set(el.value());
            }
        })
    };
    let on_override = {
        let override_ep = override_ep.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                override_ep.set(el.checked());
            }
        })
    };
    let on_ep = {
        let ep_text = ep_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                ep_text.set(el.value());
            }
        })
    };
    let pick = |id: &str| {
        let (image, id) = (image.clone(), id.to_owned());
        Callback::from(move |_: MouseEvent| image.set(id.clone()))
    };
    let mut line = String::from("docker run");
    if *override_ep {
        line.push_str(" --entrypoint ");
        line.push_str(&run_args::quote(&ep_text));
    }
    line.push(' ');
    line.push_str(&label);
    if !args.is_empty() {
        line.push(' ');
        line.push_str(&run_args::join(&args));
    }
    let ep_note = match &x.entrypoint_source {
        EntrypointSource::Image => None,
        EntrypointSource::Overridden(e) => Some(tf(
            "calc.ep_replaces",
            &[("entrypoint", &run_args::quote(e))],
        )),
        EntrypointSource::Reset => Some(t("calc.ep_reset").to_owned()),
    };
    html! {
        <div class="calc" aria-label={t("calc.label")} role="group">
            <div class="calc-inputs">
                if props.images.len() > 1 {
                    <div class="calc-field calc-images" role="group" aria-label={t("view.image")}>
                        <span class="calc-label" aria-hidden="true">{ t("view.image") }</span>
                        <span class="calc-image-choices">
                            { for props.images.iter().map(|(id, l)| html! {
                                <button type="button" class="calc-image" aria-pressed={(*id == *image).to_string()}
                                    onclick={pick(id)}>{ l.clone() }</button>
                            }) }
                        </span>
                    </div>
                }
                <label class="calc-field grow">
                    <span class="calc-label">{ t("calc.args") }<span class="calc-hint">{ tf("calc.args_after", &[("image", &label)]) }</span></span>
                    <input class="calc-args" type="text" spellcheck="false" autocomplete="off"
                        value={(*args_text).clone()} oninput={on_args} placeholder={t("calc.args_placeholder")} />
                </label>
                <div class="calc-field ep">
                    <label class="calc-check">
                        <input type="checkbox" class="calc-ep-toggle" checked={*override_ep} onchange={on_override} />
                        <span>{ "--entrypoint" }</span>
                    </label>
                    <input class="calc-ep" type="text" spellcheck="false" autocomplete="off" aria-label={t("calc.ep_override")}
                        disabled={!*override_ep} value={(*ep_text).clone()} oninput={on_ep} placeholder={t("calc.ep_placeholder")} />
                </div>
            </div>
            <p class="calc-line"><code>{ line }</code></p>
            if let Err(e) = &parsed {
                <p class="calc-error" role="alert">{ tf("calc.split_error", &[("error", &e.to_string())]) }</p>
            }
            <dl class="calc-image-config">
                { written("ENTRYPOINT", x.image_entrypoint.as_ref()) }
                { written("CMD", x.image_cmd.as_ref()) }
            </dl>
            <p class="calc-cmd-why">
                if let Some(n) = ep_note { { n }{ " " } }
                { x.cmd_why() }
            </p>
            <div aria-live="polite">{ result(&x) }</div>
            if props.workdir.is_some() || props.user.is_some() {
                <p class="calc-context">
                    { tf("calc.runs_in", &[
                        ("dir", &props.workdir.clone().filter(|w| !w.is_empty()).unwrap_or_else(|| "/".to_owned())),
                        ("user", &props.user.clone().filter(|u| !u.is_empty()).unwrap_or_else(|| "root".to_owned())),
                    ]) }
                </p>
            }
        </div>
    }
}
