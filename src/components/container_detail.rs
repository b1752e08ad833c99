//! One container in detail: its summary (state, exit code, command, image, ports) and tabs for
//! its logs, its file changes (`docker diff`), its mounts, its process (the process calculator)
//! and its environment.
use drydock_engine::container::process_explain::run_flags_of;
use drydock_session::view::container_files::container_files;
use drydock_vfs::{ChangeKind, FileKind};
use yew::prelude::*;

use crate::components::ansi_text::ansi_html;

use super::process_calculator::ProcessCalculator;
use crate::i18n::t;
use crate::state::use_store;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The container's full id.
    pub id: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Logs,
    Changes,
    Mounts,
    Process,
    Env,
}

impl Section {
    const ALL: [Section; 5] = [
        Section::Logs,
        Section::Changes,
        Section::Mounts,
        Section::Process,
        Section::Env,
    ];

    fn label(self) -> &'static str {
        match self {
            Section::Logs => t("container.logs"),
            Section::Changes => t("container.changes"),
            Section::Mounts => t("container.mounts"),
            Section::Process => t("container.process"),
            Section::Env => t("container.env"),
        }
    }

    fn id(self) -> &'static str {
        match self {
            Section::Logs => "logs",
            Section::Changes => "diff",
            Section::Mounts => "mounts",
            Section::Process => "process",
            Section::Env => "env",
        }
    }
}

fn human_bytes(n: u64) -> String {
    drydock_engine::output::units::human_size(n)
}

#[component(ContainerDetail)]
pub fn container_detail(props: &Props) -> Html {
    let store = use_store();
    let section = use_state(|| Section::Logs);
    // The detail and the file changes need the session mutably (they settle the virtual clock).
    let data = store.session.0.try_borrow_mut().ok().and_then(|mut s| {
        let d = s.container_view(&props.id)?;
        let files = container_files(&mut s, &props.id);
        let flags = s.engine().find_container(&props.id).ok().and_then(|c| {
            let img = s.engine().image(&c.image_id)?;
            Some(run_flags_of(c, &img.config))
        });
        Some((d, files, flags))
    });
    let Some((d, files, flags)) = data else {
        return html! {};
    };
    let c = &d.summary;
    // The runtime may note the same thing once per iteration; show each note once.
    let mut notes: Vec<&String> = Vec::new();
    for n in &d.notes {
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
    let tab = |s: Section| {
        let selected = *section == s;
        let onclick = {
            let section = section.clone();
            Callback::from(move |_: MouseEvent| section.set(s))
        };
        let onkeydown = {
            let section = section.clone();
            Callback::from(move |e: KeyboardEvent| {
                let i = Section::ALL.iter().position(|x| *x == s).unwrap_or(0);
                let n = Section::ALL.len();
                let next = match e.key().as_str() {
                    "ArrowRight" => Section::ALL[(i + 1) % n],
                    "ArrowLeft" => Section::ALL[(i + n - 1) % n],
                    "Home" => Section::ALL[0],
                    "End" => Section::ALL[n - 1],
                    _ => return,
                };
                e.prevent_default();
                section.set(next);
                focus(&format!("ctab-{}", next.id()));
            })
        };
        let count = match s {
            Section::Logs => Some(d.logs.len()),
            Section::Changes => Some(files.len()),
            Section::Mounts => Some(d.mounts.len()),
            Section::Env => Some(d.env.len()),
            Section::Process => None,
        };
        html! {
            <button role="tab" id={format!("ctab-{}", s.id())} class="ctab"
                aria-selected={selected.to_string()} aria-controls={format!("cpanel-{}", s.id())}
                tabindex={if selected { "0" } else { "-1" }} {onclick} {onkeydown}>
                { s.label() }
                if let Some(n) = count { <span class="count">{ n }</span> }
            </button>
        }
    };
    let body = match *section {
        Section::Logs => html! {
            <>
                if d.logs.is_empty() {
                    <p class="detail-empty">{ t("container.no_output") }</p>
                } else {
                    <pre class="container-logs" role="log" aria-label={t("container.logs")}>
                        { for d.logs.iter().map(|l| html! {
                            <span class={classes!("log-line", l.stderr.then_some("stderr"))} title={l.stderr.then_some("stderr")}>{ ansi_html(&l.text) }{ "\n" }</span>
                        }) }
                    </pre>
                }
                if !notes.is_empty() {
                    <div class="detail-notes">
                        { for notes.iter().map(|n| html! { <p class="detail-note">{ (*n).clone() }</p> }) }
                    </div>
                }
            </>
        },
        Section::Changes if files.is_empty() => html! {
            <p class="detail-empty">{ t("container.no_changes") }</p>
        },
        Section::Changes => html! {
            <table class="data-table diff-table">
                <caption class="visually-hidden">{ t("container.diff_caption") }</caption>
                <thead><tr><th scope="col">{ t("container.change") }</th><th scope="col">{ t("container.path") }</th><th scope="col" class="num">{ t("container.size") }</th></tr></thead>
                <tbody>
                    { for files.iter().map(|f| {
                        let (letter, kind) = match f.kind {
                            ChangeKind::Added => ("A", "added"),
                            ChangeKind::Changed => ("C", "changed"),
                            ChangeKind::Deleted => ("D", "deleted"),
                        };
                        let size = match f.file_kind {
                            Some(FileKind::Dir) | None => String::new(),
                            Some(_) => human_bytes(f.size),
                        };
                        html! {
                            <tr class={classes!("diff-row", kind)}>
                                <td><span class={classes!("change", kind)} title={change_text(kind)}>{ letter }</span></td>
                                <td><code>{ f.path.clone() }</code></td>
                                <td class="num">{ size }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
        Section::Mounts if d.mounts.is_empty() => html! {
            <p class="detail-empty">{ t("container.no_mounts_before") }<code>{ "-v name:/path" }</code>{ t("container.no_mounts_after") }</p>
        },
        Section::Mounts => html! {
            <table class="data-table mounts-table">
                <caption class="visually-hidden">{ t("container.mounts") }</caption>
                <thead><tr><th scope="col">{ t("container.type") }</th><th scope="col">{ t("container.source") }</th><th scope="col">{ t("container.destination") }</th><th scope="col">{ t("container.mode") }</th></tr></thead>
                <tbody>
                    { for d.mounts.iter().map(|m| html! {
                        <tr class="mount-row">
                            <td><span class="badge">{ m.kind.clone() }</span></td>
                            <td><code>{ m.source.clone() }</code></td>
                            <td><code>{ m.destination.clone() }</code></td>
                            <td>{ if m.read_only { t("container.read_only") } else { t("container.read_write") } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
        Section::Process => match &flags {
            Some((ep, args)) => html! {
                <ProcessCalculator image={c.image_id.clone()} label={c.image.clone()} entrypoint={ep.clone()} args={args.clone()}
                    workdir={d.working_dir.clone()} user={d.user.clone()} />
            },
            None => html! {
                <div class="detail-empty">
                    <p>{ t("container.image_gone") }</p>
                    <code class="argv-line">{ crate::views::run_args::join(&d.argv) }</code>
                </div>
            },
        },
        Section::Env => html! {
            <ul class="env-list" aria-label={t("container.environment")}>
                { for d.env.iter().map(|e| {
                    let (k, v) = e.split_once('=').unwrap_or((e.as_str(), ""));
                    html! { <li><code><span class="env-key">{ k.to_owned() }</span>{ "=" }<span class="env-value">{ v.to_owned() }</span></code></li> }
                }) }
            </ul>
        },
    };
    let exit = c.exit_code.map(|code| {
        html! {
            <div class="fact">
                <dt>{ t("container.exit_code") }</dt>
                <dd><span class={classes!("exit-code", (code != 0).then_some("failed"))}>{ code }</span></dd>
            </div>
        }
    });
    html! {
        <section class="container-detail" aria-labelledby="container-detail-title" data-name={c.name.clone()}>
            <header class="detail-head">
                <h3 id="container-detail-title">
                    <span class="container-name">{ c.name.clone() }</span>
                    <span class="short-id">{ c.short_id.clone() }</span>
                </h3>
                <span class={classes!("badge", "state-badge", c.state.clone())}>{ c.status.clone() }</span>
            </header>
            <dl class="facts">
                <div class="fact"><dt>{ t("container.state") }</dt><dd class="detail-state">{ c.state.clone() }</dd></div>
                { for exit }
                <div class="fact"><dt>{ t("view.image") }</dt><dd>{ c.image.clone() }</dd></div>
                <div class="fact wide"><dt>{ t("container.command") }</dt><dd><code>{ c.command.clone() }</code></dd></div>
                if !c.ports.is_empty() {
                    <div class="fact"><dt>{ t("container.ports") }</dt><dd>{ c.ports.clone() }</dd></div>
                }
                <div class="fact"><dt>{ t("container.created") }</dt><dd>{ c.created_since.clone() }</dd></div>
            </dl>
            if !d.error.is_empty() {
                <p class="detail-error" role="note">{ d.error.clone() }</p>
            }
            <div class="ctabs" role="tablist" aria-label={t("container.details")}>
                { for Section::ALL.iter().map(|s| tab(*s)) }
            </div>
            <div class="cpanel" role="tabpanel" id={format!("cpanel-{}", section.id())}
                aria-labelledby={format!("ctab-{}", section.id())} tabindex="0">
                { body }
            </div>
        </section>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// A `docker diff` change kind (`added`, `changed`, `deleted`) as people read it.
fn change_text(kind: &str) -> &'static str {
    match kind {
        "added" => t("container.added"),
        "changed" => t("container.changed"),
        _ => t("container.deleted"),
    }
}
