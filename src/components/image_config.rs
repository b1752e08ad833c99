//! The image explorer's Config tab: what a container of this image starts with — entrypoint and
//! command, working directory, user, environment, ports, volumes, labels, stop signal, shell and
//! health check — as the image's config stores them.
use yew::prelude::*;

use crate::i18n::t;
use crate::state::use_store;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The image's id.
    pub id: String,
}

/// `["python", "-u", "train.py"]`, as the JSON config stores an exec-form list.
fn list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_default()
}

#[component(ImageConfigPane)]
pub fn image_config_pane(props: &Props) -> Html {
    let store = use_store();
    let session = store.session();
    let Some(img) = session
        .engine()
        .images()
        .into_iter()
        .find(|i| i.id == props.id)
    else {
        return html! {};
    };
    let c = &img.config;
    let none = || html! { <span class="muted">{ t("image.config.unset") }</span> };
    let code = |s: String| html! { <code>{ s }</code> };
    let opt_list = |v: &Option<Vec<String>>| v.as_deref().map_or_else(none, |v| code(list(v)));
    let text = |s: &str| {
        if s.is_empty() {
            none()
        } else {
            code(s.to_owned())
        }
    };
    let many = |items: Vec<String>| {
        if items.is_empty() {
            none()
        } else {
            html! { <ul class="cfg-list">{ for items.into_iter().map(|i| html! { <li><code>{ i }</code></li> }) }</ul> }
        }
    };
    let fact = |name: &'static str, value: Html| {
        html! { <div class="cfg-fact" data-key={name}><dt>{ name }</dt><dd>{ value }</dd></div> }
    };
    html! {
        <dl class="cfg-facts">
            { fact("Entrypoint", opt_list(&c.entrypoint)) }
            { fact("Cmd", opt_list(&c.cmd)) }
            { fact("WorkingDir", text(&c.working_dir)) }
            { fact("User", text(&c.user)) }
            { fact("Env", many(c.env.clone())) }
            { fact("ExposedPorts", many(c.exposed_ports.iter().cloned().collect())) }
            { fact("Volumes", many(c.volumes.iter().cloned().collect())) }
            { fact("Labels", many(c.labels.iter().map(|(k, v)| format!("{k}={v}")).collect())) }
            { fact("StopSignal", text(&c.stop_signal)) }
            if !c.shell.is_empty() {
                { fact("Shell", code(list(&c.shell))) }
            }
            if let Some(h) = &c.healthcheck {
                { fact("Healthcheck", code(list(&h.test))) }
            }
            if !c.on_build.is_empty() {
                { fact("OnBuild", many(c.on_build.clone())) }
            }
            { fact(t("image.config.platform"), code(format!("{}/{}", img.os, img.architecture))) }
        </dl>
    }
}
