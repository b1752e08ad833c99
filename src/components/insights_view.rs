//! The Insights view: the open Dockerfile's findings (syntax errors, BuildKit's build checks and
//! Drydock's learner rules, linted in check mode with the project as build context), grouped by
//! severity, each with its line (click → the editor selects it), the learner's explanation and
//! fix, the docs link and a "Show me" button that plays the rule's scenario in the simulator.
//! `project_report` is also what the editor's inline diagnostics show.
use drydock_engine::lint::ContextFacts;
use drydock_lint::{LintOptions, LintReport, RuleMeta};
use drydock_text::{LineIndex, Severity};
use drydock_vfs::Tree;
use yew::prelude::*;

use crate::components::insight_scope::InsightScope;
use crate::i18n::{t, tf, tn};
use crate::state::{Action, AppState, View, use_store};

/// Whether `path` names a Dockerfile (`Dockerfile`, `Dockerfile.dev`, `app.dockerfile`,
/// `Containerfile`).
pub fn is_dockerfile(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    name.starts_with("dockerfile") || name.ends_with(".dockerfile") || name == "containerfile"
}

/// Lints `text` (the Dockerfile at project path `path`) as `docker build --check` would, with the
/// project folder as the build context, plus the learner rules.
pub fn project_report(text: &str, path: &str, project: &Tree) -> LintReport {
    report_of(&drydock_syntax::parse(text), path, project)
}

/// [`project_report`] over a parse the caller already has (the editor parses once per keystroke).
pub fn report_of(parse: &drydock_syntax::Parse<'_>, path: &str, project: &Tree) -> LintReport {
    let facts = ContextFacts::new(project, path).unwrap_or_default();
    drydock_lint::lint(parse, &facts, &LintOptions::check_mode())
}

/// One finding as the view shows it.
struct Item {
    code: String,
    severity: Severity,
    message: String,
    line: u32,
    hint: String,
    meta: Option<&'static RuleMeta>,
    params: Vec<(&'static str, String)>,
}

fn items(text: &str, report: &LintReport) -> Vec<Item> {
    let index = LineIndex::new(text);
    let line_of = |offset: u32| index.line_col(text, offset).line;
    let mut out: Vec<Item> = report
        .syntax
        .iter()
        .chain(&report.errors)
        .map(|d| Item {
            code: d.code.to_string(),
            severity: d.severity,
            message: d.message.clone(),
            line: line_of(d.range.start),
            hint: d.hint.to_string(),
            meta: drydock_lint::rule(&d.code),
            params: Vec::new(),
        })
        .collect();
    out.extend(report.findings().map(|f| Item {
        code: f.code.to_owned(),
        severity: f.severity,
        message: f.message.clone(),
        line: if f.line > 0 {
            f.line
        } else {
            line_of(f.range.start)
        },
        hint: f.hint.to_string(),
        meta: f.meta(),
        params: f.params.clone(),
    }));
    drydock_text::sort::sort_by(&mut out, |a, b| {
        (b.severity, a.line, &a.code).cmp(&(a.severity, b.line, &b.code))
    });
    out
}

/// Fills `{name}` placeholders from a finding's parameters.
fn fill(template: &str, params: &[(&'static str, String)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in params {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// Text with `code` spans (the rules' explanations quote Dockerfile lines in backticks).
fn rich(text: &str) -> Html {
    let parts = text.split('`').enumerate().map(|(i, part)| {
        if i % 2 == 1 {
            html! { <code>{ part.to_owned() }</code> }
        } else {
            html! { { part.to_owned() } }
        }
    });
    html! { <>{ for parts }</> }
}

/// Plays a show-me scenario: builds with the build form, then runs, stops, execs or opens the
/// file the scenario names (an edit is the learner's to make).
fn show_me(
    store: &crate::state::Store,
    actions: &[drydock_lint::Action],
    params: &[(&'static str, String)],
) {
    use drydock_lint::Action as A;
    let tag = if store.build_form.tag.is_empty() {
        "app".to_owned()
    } else {
        store.build_form.tag.clone()
    };
    let mut form = store.build_form.clone();
    if form.tag.is_empty() {
        form.tag = tag.clone();
        store.dispatch(Action::SetBuildForm(form));
    }
    let mut last = View::Build;
    for a in actions {
        match a {
            A::Build => {
                store.dispatch(Action::Build);
                last = View::Build;
            }
            A::EditFile { path } => {
                store.dispatch(Action::Open(fill(path, params)));
                return;
            }
            A::Run { detach: true } => {
                store.dispatch(Action::Terminal("docker rm -f show-me".to_owned()));
                store.dispatch(Action::Terminal(format!(
                    "docker run -d --name show-me {tag}"
                )));
                last = View::Terminal;
            }
            A::Run { detach: false } => {
                store.dispatch(Action::Terminal(format!("docker run --rm {tag}")));
                last = View::Terminal;
            }
            A::Stop => {
                store.dispatch(Action::Terminal("docker stop show-me".to_owned()));
                last = View::Terminal;
            }
            A::Exec { command } => {
                let cmd = fill(command, params);
                store.dispatch(Action::Terminal(format!("docker run --rm {tag} {cmd}")));
                last = View::Terminal;
            }
            A::History => {
                store.dispatch(Action::Terminal(format!("docker history {tag}")));
                last = View::Terminal;
            }
        }
    }
    store.dispatch(Action::Show(last));
}

fn severity_title(s: Severity) -> &'static str {
    match s {
        Severity::Error => t("insights.errors"),
        Severity::Warning => t("insights.warnings"),
        Severity::Info => t("insights.tips"),
    }
}

#[component(InsightsView)]
pub fn insights_view() -> Html {
    let store = use_store();
    let path = if is_dockerfile(&store.file_name) {
        store.file_name.clone()
    } else {
        store.build_form.file.clone()
    };
    let text: String = if path == store.file_name {
        store.text.to_string()
    } else {
        read_text(&store, &path)
    };
    if text.trim().is_empty() {
        return html! {
            <div class="empty-state compact">
                <h3>{ t("insights.empty_title") }</h3>
                <p>{ t("insights.empty_text") }</p>
            </div>
        };
    }
    let report = project_report(&text, &path, store.session().host());
    let all = items(&text, &report);
    let open_other = path != store.file_name;
    if all.is_empty() {
        return html! {
            <div class="insights">
                <div class="insights-clean" role="status">
                    <span class="insights-clean-mark" aria-hidden="true">{ "✓" }</span>
                    <div>
                        <h3>{ t("insights.none_title") }</h3>
                        <p>{ tf("insights.none_text", &[("path", &path)]) }</p>
                    </div>
                </div>
                <InsightScope text={text.clone()} path={path.clone()} {open_other} />
            </div>
        };
    }
    let count = |s: Severity| all.iter().filter(|i| i.severity == s).count();
    let summary = [
        (
            count(Severity::Error),
            "insights.count_error_one",
            "insights.count_errors",
        ),
        (
            count(Severity::Warning),
            "insights.count_warning_one",
            "insights.count_warnings",
        ),
        (
            count(Severity::Info),
            "insights.count_tip_one",
            "insights.count_tips",
        ),
    ]
    .iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| tn(one, many, *n))
    .collect::<Vec<_>>()
    .join(" · ");

    let item = |i: &Item| {
        let line = i.line;
        let reveal = {
            let store = store.clone();
            let path = path.clone();
            Callback::from(move |_: MouseEvent| {
                if open_other {
                    store.dispatch(Action::Open(path.clone()));
                }
                store.dispatch(Action::Reveal(line, line));
            })
        };
        let sev = i.severity.as_str();
        let origin = i.meta.map(|m| match m.origin {
            drydock_lint::Origin::BuildKit => t("insights.buildkit_check"),
            drydock_lint::Origin::Drydock => t("insights.drydock_tip"),
        });
        let explanation = i.meta.map(|m| m.explanation).filter(|e| !e.is_empty());
        let fix = i.meta.map(|m| m.fix).filter(|f| !f.is_empty());
        let hint = (!i.hint.is_empty()).then(|| i.hint.clone());
        let url = i.meta.map(|m| m.url).filter(|u| !u.is_empty());
        let show = i
            .meta
            .and_then(|m| m.show_me)
            .filter(|s| !s.actions.is_empty());
        let show_html = show.map(|s| {
            let onclick = {
                let store = store.clone();
                let params = i.params.clone();
                Callback::from(move |_: MouseEvent| show_me(&store, s.actions, &params))
            };
            html! {
                <div class="insight-showme">
                    <button type="button" class="insight-showme-btn" {onclick}
                        aria-label={tf("insights.show_me_aria", &[("code", &i.code)])}>
                        <span aria-hidden="true">{ "▶" }</span>{ " " }{ t("insights.show_me") }
                    </button>
                    <span class="insight-showme-text">{ rich(&fill(s.scenario, &i.params)) }</span>
                </div>
            }
        });
        html! {
            <li class={classes!("insight", format!("sev-{sev}"))} data-code={i.code.clone()}>
                <div class="insight-top">
                    <button type="button" class="insight-line" onclick={reveal}
                        title={tf("instructions.show_line", &[("lines", &line.to_string())])}
                        aria-label={tf("insights.line_aria", &[("line", &line.to_string()), ("code", &i.code)])}>
                        { tf("insights.line", &[("line", &line.to_string())]) }
                    </button>
                    <span class="insight-code">{ i.meta.map_or(i.code.as_str(), |m| m.name) }</span>
                    if let Some(o) = origin {
                        <span class="insight-origin">{ o }</span>
                    }
                </div>
                <p class="insight-message">{ rich(&i.message) }</p>
                if let Some(e) = explanation {
                    <p class="insight-explain">{ rich(e) }</p>
                } else if let Some(h) = hint.clone() {
                    <p class="insight-explain">{ rich(&h) }</p>
                }
                if let Some(f) = fix {
                    <p class="insight-fix"><span class="insight-label">{ t("insights.fix") }</span>{ rich(f) }</p>
                }
                if show_html.is_some() || url.is_some() {
                    <div class="insight-actions">
                        { show_html.unwrap_or_default() }
                        if let Some(u) = url {
                            <a class="insight-docs" href={u} target="_blank" rel="noopener noreferrer">
                                { t("insights.docs") }<span class="visually-hidden">{ tf("insights.docs_for", &[("code", &i.code)]) }</span>
                            </a>
                        }
                    </div>
                }
            </li>
        }
    };
    let group = |s: Severity| {
        let list: Vec<&Item> = all.iter().filter(|i| i.severity == s).collect();
        if list.is_empty() {
            return Html::default();
        }
        let id = format!("insights-{}", s.as_str());
        html! {
            <section class={classes!("insight-group", format!("sev-{}", s.as_str()))} aria-labelledby={id.clone()}>
                <h3 class="insight-group-title" id={id}>
                    <span class="insight-dot" aria-hidden="true"></span>
                    { severity_title(s) }
                    <span class="insight-count">{ list.len() }</span>
                </h3>
                <ul class="insight-list">
                    { for list.into_iter().map(item) }
                </ul>
            </section>
        }
    };
    html! {
        <div class="insights">
            <p class="summary insights-summary">
                { format!("{path} · {summary}") }
            </p>
            { group(Severity::Error) }
            { group(Severity::Warning) }
            { group(Severity::Info) }
            <InsightScope text={text.clone()} path={path.clone()} {open_other} />
        </div>
    }
}

fn read_text(store: &AppState, path: &str) -> String {
    let s = store.session();
    s.host()
        .read_file(&format!("/{}", path.trim_start_matches('/')))
        .ok()
        .and_then(|c| {
            c.as_bytes()
                .map(|b| String::from_utf8_lossy(b).into_owned())
        })
        .unwrap_or_default()
}
