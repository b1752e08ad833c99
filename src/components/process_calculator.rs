//! The process calculator: an image's ENTRYPOINT and CMD, editable `docker run` arguments (and
//! `--entrypoint`), and — recomputed as you type by the engine's `explain_process` — the argv the
//! container runs, which program is PID 1, and whether `docker stop`'s signal reaches it.
use drydock_engine::container::process_explain::{
    EntrypointSource, Form, ProcessExplanation, ProcessInput, Written, explain_process,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

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
                        <span class="calc-stored">{ format!("stored as {}", run_args::join(&w.words)) }</span>
                    }
                } else {
                    <span class="calc-none">{ "not set" }</span>
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
                <p class="calc-why">{ "Neither an entrypoint nor a command is left to run." }</p>
            </div>
        };
    }
    let (verdict, tone) = if x.signal_reaches_program {
        (format!("{} reaches the program", x.stop_signal), "ok")
    } else {
        (format!("{} stops at the shell", x.stop_signal), "bad")
    };
    html! {
        <div class={classes!("calc-result", tone)} data-verdict={tone}>
            <dl class="calc-facts">
                <div class="calc-row">
                    <dt>{ "argv" }</dt>
                    <dd>
                        <ol class="argv" aria-label="Process arguments">
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
                                Some(p) => format!("runs {p} as its child"),
                                None => "runs the command as its child".to_owned(),
                            } }</span>
                        }
                    </dd>
                </div>
                <div class="calc-row">
                    <dt>{ "Stop signal" }</dt>
                    <dd>{ x.stop_signal.clone() }<span class="calc-none">{ if x.stop_signal_set { " (STOPSIGNAL)" } else { " (default)" } }</span></dd>
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
        return html! { <p class="detail-empty">{ "The image is gone." }</p> };
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
        EntrypointSource::Overridden(e) => Some(format!(
            "--entrypoint {} replaces the image's ENTRYPOINT.",
            run_args::quote(e)
        )),
        EntrypointSource::Reset => {
            Some("--entrypoint \"\" removes the image's ENTRYPOINT.".to_owned())
        }
    };
    html! {
        <div class="calc" aria-label="Process calculator" role="group">
            <div class="calc-inputs">
                if props.images.len() > 1 {
                    <div class="calc-field calc-images" role="group" aria-label="Image">
                        <span class="calc-label" aria-hidden="true">{ "Image" }</span>
                        <span class="calc-image-choices">
                            { for props.images.iter().map(|(id, l)| html! {
                                <button type="button" class="calc-image" aria-pressed={(*id == *image).to_string()}
                                    onclick={pick(id)}>{ l.clone() }</button>
                            }) }
                        </span>
                    </div>
                }
                <label class="calc-field grow">
                    <span class="calc-label">{ "docker run arguments" }<span class="calc-hint">{ format!(" (after {label})") }</span></span>
                    <input class="calc-args" type="text" spellcheck="false" autocomplete="off"
                        value={(*args_text).clone()} oninput={on_args} placeholder="e.g. --epochs 1, or sh -c 'echo hi'" />
                </label>
                <div class="calc-field ep">
                    <label class="calc-check">
                        <input type="checkbox" class="calc-ep-toggle" checked={*override_ep} onchange={on_override} />
                        <span>{ "--entrypoint" }</span>
                    </label>
                    <input class="calc-ep" type="text" spellcheck="false" autocomplete="off" aria-label="Entrypoint override"
                        disabled={!*override_ep} value={(*ep_text).clone()} oninput={on_ep} placeholder="empty resets it" />
                </div>
            </div>
            <p class="calc-line"><code>{ line }</code></p>
            if let Err(e) = &parsed {
                <p class="calc-error" role="alert">{ format!("Cannot split the arguments: {e}") }</p>
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
                    { format!("Runs in {} as {}.",
                        props.workdir.clone().filter(|w| !w.is_empty()).unwrap_or_else(|| "/".to_owned()),
                        props.user.clone().filter(|u| !u.is_empty()).unwrap_or_else(|| "root".to_owned())) }
                </p>
            }
        </div>
    }
}
