//! The scope insight panel: the engine's ARG/ENV timeline (`Engine::scope`, with the build
//! form's build args and target) as a table — variables × instructions grouped by stage, each
//! cell set / visible / shadowed / invisible with its value and the reason, and what a container
//! of the target stage sees. Clicking a cell or a column header selects that line in the editor.
use drydock_engine::scope::{Cell, CellState, Origin, ScopeRequest, ScopeStep};
use yew::prelude::*;

use crate::i18n::{t, tf};
use crate::state::{Action, use_store};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The Dockerfile's text and project path.
    pub text: AttrValue,
    pub path: AttrValue,
    /// Whether the Dockerfile is not the open file (a click opens it first).
    #[prop_or_default]
    pub open_other: bool,
}

fn symbol(s: CellState) -> &'static str {
    match s {
        CellState::Set => t("scope.set"),
        CellState::Visible => "",
        CellState::Shadowed => t("scope.env_wins"),
        CellState::Invisible => t("scope.hidden"),
        CellState::Absent => "",
    }
}

#[component(InsightScope)]
pub fn insight_scope(props: &Props) -> Html {
    let store = use_store();
    let req = ScopeRequest {
        build_args: store
            .build_form
            .build_args
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .cloned()
            .collect(),
        target: Some(store.build_form.target.clone()).filter(|t| !t.is_empty()),
        run_env: Vec::new(),
    };
    let scope = store.session().engine().scope(&props.text, &req);
    let reveal = |line: u32, end: u32| {
        let store = store.clone();
        let path = props.path.to_string();
        let other = props.open_other;
        Callback::from(move |_: MouseEvent| {
            if other {
                store.dispatch(Action::Open(path.clone()));
            }
            store.dispatch(Action::Reveal(line, end));
        })
    };
    let body = if let Some(e) = &scope.error {
        html! { <p class="scope-note">{ format!("BuildKit stops before evaluating variables: {e}") }</p> }
    } else if scope.vars.is_empty() {
        html! { <p class="scope-note">{ t("scope.none") }</p> }
    } else {
        let stages: Vec<_> = scope
            .stages
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.steps.is_empty())
            .collect();
        let mut vars: Vec<_> = scope.vars.iter().collect();
        drydock_text::sort::sort_by_key(&mut vars, |v| v.origin == Origin::BaseImage);
        let step_head = |st: &ScopeStep| {
            let kw = st
                .text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_uppercase();
            html! {
                <th scope="col" class="scope-step">
                    <button type="button" class="scope-step-btn" onclick={reveal(st.line, st.end_line)}
                        title={st.text.clone()}>
                        <span class="scope-step-line">{ format!("L{}", st.line) }</span>
                        <span class="scope-step-kw">{ kw }</span>
                        <span class="visually-hidden">{ format!(": {} (show in the editor)", st.text) }</span>
                    </button>
                </th>
            }
        };
        let cell = |name: &str, st: &ScopeStep, c: &Cell| {
            if c.state == CellState::Absent && c.note.is_empty() {
                return html! { <td class="scope-cell state-absent"></td> };
            }
            let value = c.value.clone().unwrap_or_default();
            let label = tf(
                "scope.cell_label",
                &[
                    ("name", name),
                    ("line", &st.line.to_string()),
                    ("state", c.state.as_str()),
                    ("note", &c.note),
                ],
            );
            html! {
                <td class={classes!("scope-cell", format!("state-{}", c.state.as_str()))}>
                    <button type="button" class="scope-cell-btn" onclick={reveal(st.line, st.end_line)}
                        title={c.note.clone()}>
                        if !symbol(c.state).is_empty() {
                            <span class="scope-tag">{ symbol(c.state) }</span>
                        }
                        <span class="scope-value">{ value }</span>
                        <span class="visually-hidden">{ label }</span>
                    </button>
                </td>
            }
        };
        html! {
            <div class="scope-scroll" tabindex="0" role="region" aria-label={t("scope.table")}>
                <table class="scope-table">
                    <caption class="visually-hidden">
                        { t("scope.caption") }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2" class="scope-var-head">{ t("scope.variable") }</th>
                            { for stages.iter().map(|(_, s)| html! {
                                <th scope="colgroup" colspan={s.steps.len().to_string()}
                                    class={classes!("scope-stage", (!s.reachable).then_some("unreachable"))}>
                                    { s.name.clone() }
                                    if s.is_target { <span class="scope-target">{ t("scope.target") }</span> }
                                    if !s.reachable { <span class="scope-target">{ t("scope.skipped") }</span> }
                                </th>
                            }) }
                            <th scope="col" rowspan="2" class="scope-final">{ t("scope.container_sees") }</th>
                        </tr>
                        <tr>
                            { for stages.iter().flat_map(|(_, s)| s.steps.iter()).map(step_head) }
                        </tr>
                    </thead>
                    <tbody>
                        { for vars.iter().map(|v| html! {
                            <tr data-var={v.name.clone()}>
                                <th scope="row" class="scope-var">
                                    <span class="scope-var-name">{ v.name.clone() }</span>
                                    <span class="scope-origin">{ v.origin.as_str() }</span>
                                </th>
                                { for stages.iter().flat_map(|(si, s)| {
                                    let cells = v.cells.get(*si);
                                    s.steps.iter().enumerate().map(move |(i, st)| (st, cells.and_then(|c| c.get(i))))
                                }).map(|(st, c)| match c {
                                    Some(c) => cell(&v.name, st, c),
                                    None => html! { <td class="scope-cell state-absent"></td> },
                                }) }
                                <td class={classes!("scope-cell", "scope-final-cell", format!("state-{}", v.container.state.as_str()))}
                                    title={v.container.note.clone()}>
                                    if let Some(val) = &v.container.value {
                                        <span class="scope-value">{ val.clone() }</span>
                                    } else {
                                        <span class="scope-tag">{ t("calc.not_set") }</span>
                                    }
                                    <span class="visually-hidden">{ format!(". {}", v.container.note) }</span>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="scope" aria-labelledby="scope-title">
            <h3 class="insight-group-title" id="scope-title">
                <span class="insight-dot scope-dot" aria-hidden="true"></span>
                { t("scope.title") }
            </h3>
            <p class="scope-intro">
                { t("scope.intro") }
            </p>
            <ul class="scope-legend" aria-label={t("scope.legend")}>
                <li><span class="scope-swatch state-set" aria-hidden="true"></span>{ t("scope.legend_set") }</li>
                <li><span class="scope-swatch state-visible" aria-hidden="true"></span>{ t("scope.legend_visible") }</li>
                <li><span class="scope-swatch state-shadowed" aria-hidden="true"></span>{ t("scope.legend_shadowed") }</li>
                <li><span class="scope-swatch state-invisible" aria-hidden="true"></span>{ t("scope.legend_hidden") }</li>
            </ul>
            { for scope.warnings.iter().map(|w| html! { <p class="scope-warning" role="note">{ w.clone() }</p> }) }
            { body }
        </section>
    }
}
