//! The scope insight: an ARG/ENV timeline read off the conversion's own per-step environments
//! (`PlanStep::build_env`, `arg_names`) — for every variable and every instruction of every
//! stage, whether it is set there, visible, shadowed by ENV or invisible (and why), plus what a
//! container of the target stage finally sees. No scoping rule is decided here twice: values
//! and visibility come from the plan; this module only names what changed.
use std::collections::BTreeMap;

use drydock_syntax::instructions::Command;
use drydock_syntax::{Kind, Parse};
use drydock_text::TextRange;

use crate::args::{is_predefined, is_proxy};
use crate::plan::{Plan, PlanStage, StageBase};

/// What to evaluate: the build's `--build-arg`s and `--target`, and `docker run -e` on top.
#[derive(Debug, Clone, Default)]
pub struct ScopeRequest {
    pub build_args: BTreeMap<String, String>,
    pub target: Option<String>,
    pub run_env: Vec<(String, String)>,
}

/// The state of one variable at one instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellState {
    /// Nothing to say (the variable does not exist there).
    Absent,
    /// This instruction sets (or declares) it.
    Set,
    /// It is in the build environment here.
    Visible,
    /// An ENV of the same name hides an ARG's value.
    Shadowed,
    /// It exists elsewhere but this instruction cannot see it.
    Invisible,
}

impl CellState {
    /// A stable lower-case name (CSS classes, tests).
    pub fn as_str(self) -> &'static str {
        match self {
            CellState::Absent => "absent",
            CellState::Set => "set",
            CellState::Visible => "visible",
            CellState::Shadowed => "shadowed",
            CellState::Invisible => "invisible",
        }
    }
}

/// One variable at one instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub state: CellState,
    /// The value there (empty when unset).
    pub value: Option<String>,
    /// Why, in a learner's words.
    pub note: String,
}

impl Cell {
    fn absent() -> Cell {
        Cell {
            state: CellState::Absent,
            value: None,
            note: String::new(),
        }
    }

    fn new(state: CellState, value: Option<&str>, note: impl Into<String>) -> Cell {
        Cell {
            state,
            value: value.map(str::to_owned),
            note: note.into(),
        }
    }
}

/// One instruction (a column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeStep {
    pub line: u32,
    pub end_line: u32,
    pub span: TextRange,
    pub kind: Kind,
    /// The instruction as written (first line, trimmed).
    pub text: String,
}

/// A group of columns: the global scope before the first FROM, or one stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeStage {
    /// `global scope`, the stage name, or `stage-N`.
    pub name: String,
    /// Whether the target needs it (unreachable stages are not evaluated).
    pub reachable: bool,
    pub is_target: bool,
    pub steps: Vec<ScopeStep>,
}

/// Where a variable comes from first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    GlobalArg,
    Predefined,
    Proxy,
    BaseImage,
    Arg,
    Env,
    BuildArg,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::GlobalArg => "global ARG",
            Origin::Predefined => "predefined ARG",
            Origin::Proxy => "proxy build arg",
            Origin::BaseImage => "base image ENV",
            Origin::Arg => "ARG",
            Origin::Env => "ENV",
            Origin::BuildArg => "--build-arg",
        }
    }
}

/// One variable (a row): a cell per step of every stage, and what a container sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeVar {
    pub name: String,
    pub origin: Origin,
    /// Parallel to `Scope::stages`, then to each stage's steps.
    pub cells: Vec<Vec<Cell>>,
    /// The container's final cell.
    pub container: Cell,
}

/// The whole timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub stages: Vec<ScopeStage>,
    pub vars: Vec<ScopeVar>,
    /// BuildKit's warnings about variables (unused build args).
    pub warnings: Vec<String>,
    /// The conversion error that stopped evaluation, if any.
    pub error: Option<String>,
}

fn first_line(parse: &Parse<'_>, index: usize) -> String {
    parse
        .dockerfile
        .instructions
        .get(index)
        .map(|i| {
            let s = i.span.start as usize;
            let e = i.span.end as usize;
            let t = parse.text.get(s..e).unwrap_or("");
            let l = t.lines().next().unwrap_or("").trim();
            l.trim_end_matches('\\').trim_end().to_owned()
        })
        .unwrap_or_default()
}

fn step_of(parse: &Parse<'_>, index: usize) -> ScopeStep {
    let ins = parse.dockerfile.instructions.get(index);
    ScopeStep {
        line: ins.map_or(0, |i| i.start_line),
        end_line: ins.map_or(0, |i| i.end_line),
        span: ins.map_or(TextRange::default(), |i| i.span),
        kind: ins.map_or(Kind::Unknown, |i| i.kind),
        text: first_line(parse, index),
    }
}

/// Names the instruction at `index` sets: ARG keys, ENV keys (as written).
fn sets_of(parse: &Parse<'_>, index: usize) -> (Kind, Vec<String>) {
    let Some(ins) = parse.dockerfile.instructions.get(index) else {
        return (Kind::Unknown, Vec::new());
    };
    let keys = match &ins.command {
        Some(Command::Arg(a)) => a.args.iter().map(|d| d.key.to_string()).collect(),
        Some(Command::Env(e)) => e.pairs.iter().map(|p| p.key.value.to_string()).collect(),
        _ => Vec::new(),
    };
    (ins.kind, keys)
}

fn get<'a>(env: &'a [(String, String)], k: &str) -> Option<&'a str> {
    env.iter()
        .rev()
        .find(|(ek, _)| ek == k)
        .map(|(_, v)| v.as_str())
}

/// Builds the timeline from a parse and its plan.
pub fn timeline(parse: &Parse<'_>, plan: &Plan, req: &ScopeRequest) -> Scope {
    let mut scope = Scope::default();
    // Columns.
    let meta_steps: Vec<usize> = parse.dockerfile.meta_args.clone();
    scope.stages.push(ScopeStage {
        name: "global scope".to_owned(),
        reachable: true,
        is_target: false,
        steps: meta_steps.iter().map(|i| step_of(parse, *i)).collect(),
    });
    for st in &plan.stages {
        let mut steps = vec![step_of(parse, st.instruction)];
        steps.extend(st.steps.iter().map(|s| step_of(parse, s.instruction)));
        scope.stages.push(ScopeStage {
            name: if st.display.is_empty() {
                st.name
                    .clone()
                    .unwrap_or_else(|| format!("stage-{}", st.index))
            } else {
                st.display.clone()
            },
            reachable: st.reachable,
            is_target: st.index == plan.target,
            steps,
        });
    }

    // Rows, in order of first appearance.
    let mut order: Vec<(String, Origin)> = Vec::new();
    let add = |k: &str, o: Origin, order: &mut Vec<(String, Origin)>| {
        if !order.iter().any(|(n, _)| n == k) {
            order.push((k.to_owned(), o));
        }
    };
    for (m, _) in &plan.meta_args {
        let o = if is_predefined(&m.key) {
            Origin::Predefined
        } else {
            Origin::GlobalArg
        };
        add(&m.key, o, &mut order);
    }
    for st in plan.stages.iter().filter(|s| s.reachable) {
        if matches!(st.base, StageBase::Image(_)) {
            for (k, _) in &st.start_env {
                add(k, Origin::BaseImage, &mut order);
            }
        }
        for s in &st.steps {
            let (kind, keys) = sets_of(parse, s.instruction);
            for k in keys {
                let o = match kind {
                    Kind::Env => Origin::Env,
                    _ if is_predefined(&k) => Origin::Predefined,
                    _ => Origin::Arg,
                };
                add(&k, o, &mut order);
            }
        }
    }
    for k in req.build_args.keys() {
        let o = if is_proxy(k) {
            Origin::Proxy
        } else {
            Origin::BuildArg
        };
        add(k, o, &mut order);
    }

    let meta: BTreeMap<&str, Option<&str>> = plan
        .meta_args
        .iter()
        .map(|(m, _)| (m.key.as_str(), m.value.as_deref()))
        .collect();
    let target_env: Vec<(String, String)> = plan
        .stages
        .get(plan.target)
        .map(|s| {
            s.config
                .env
                .iter()
                .map(|e| {
                    let (k, v) = e.split_once('=').unwrap_or((e, ""));
                    (k.to_owned(), v.to_owned())
                })
                .collect()
        })
        .unwrap_or_default();

    for (name, origin) in order {
        let mut cells = Vec::with_capacity(scope.stages.len());
        cells.push(global_cells(parse, plan, &name, &meta, req));
        for st in &plan.stages {
            cells.push(stage_cells(parse, plan, st, &name, &meta, req));
        }
        let container = container_cell(&name, &target_env, req, plan);
        scope.vars.push(ScopeVar {
            name,
            origin,
            cells,
            container,
        });
    }
    scope.warnings = plan
        .unused_args
        .iter()
        .map(|a| format!("[Warning] One or more build-args [{a}] were not consumed"))
        .collect();
    scope
}

fn source_note(k: &str, default: bool, req: &ScopeRequest) -> String {
    if let Some(v) = req.build_args.get(k) {
        if default {
            format!("--build-arg {k}={v} overrides the default")
        } else {
            format!("From --build-arg {k}={v}")
        }
    } else if default {
        "The default written in the ARG".to_owned()
    } else {
        String::new()
    }
}

fn global_cells(
    parse: &Parse<'_>,
    plan: &Plan,
    k: &str,
    meta: &BTreeMap<&str, Option<&str>>,
    req: &ScopeRequest,
) -> Vec<Cell> {
    let mut declared = false;
    parse
        .dockerfile
        .meta_args
        .iter()
        .map(|&i| {
            let (_, keys) = sets_of(parse, i);
            let value = meta.get(k).copied().flatten();
            if keys.iter().any(|x| x == k) {
                declared = true;
                let has_default = parse
                    .dockerfile
                    .instructions
                    .get(i)
                    .and_then(|ins| match &ins.command {
                        Some(Command::Arg(a)) => a.args.iter().find(|d| d.key.as_str() == k),
                        _ => None,
                    })
                    .is_some_and(|d| d.value.is_some());
                let mut note = String::from("Global ARG: FROM lines can use it; a stage sees it only after it repeats `ARG ");
                note.push_str(k);
                note.push_str("`.");
                let src = source_note(k, has_default, req);
                if !src.is_empty() {
                    note = format!("{src}. {note}");
                }
                if value.is_none() {
                    note = format!("Declared without a value and not passed with --build-arg: empty. {note}");
                }
                Cell::new(CellState::Set, value, note)
            } else if declared {
                Cell::new(CellState::Visible, value, "In the global scope.")
            } else if is_predefined(k) {
                Cell::new(
                    CellState::Visible,
                    get(&plan.globals, k),
                    "Predefined by BuildKit in the global scope.",
                )
            } else {
                Cell::absent()
            }
        })
        .collect()
}

fn stage_cells(
    parse: &Parse<'_>,
    plan: &Plan,
    st: &PlanStage,
    k: &str,
    meta: &BTreeMap<&str, Option<&str>>,
    req: &ScopeRequest,
) -> Vec<Cell> {
    let mut out = Vec::with_capacity(st.steps.len() + 1);
    if !st.reachable {
        out.push(Cell::new(
            CellState::Absent,
            None,
            "This stage is not needed by the target, so BuildKit skips it.",
        ));
        out.extend(st.steps.iter().map(|_| Cell::absent()));
        return out;
    }
    // Where else the variable is set (for "does not cross stages").
    let elsewhere = plan.stages.iter().find(|o| {
        o.index != st.index
            && o.reachable
            && !is_ancestor(plan, o.index, st.index)
            && o.steps
                .iter()
                .any(|s| sets_of(parse, s.instruction).1.iter().any(|x| x == k))
    });
    let why_missing = |kind: Kind| -> Cell {
        if is_proxy(k) && req.build_args.contains_key(k) {
            return if kind == Kind::Run {
                Cell::new(
                    CellState::Visible,
                    req.build_args.get(k).map(String::as_str),
                    "Proxy build arg: RUN sees it without an ARG line; it is not saved in the image.",
                )
            } else {
                Cell::absent()
            };
        }
        if meta.contains_key(k) {
            return Cell::new(
                CellState::Invisible,
                None,
                format!(
                    "Global ARG not redeclared in this stage: add `ARG {k}` after FROM to use it here."
                ),
            );
        }
        if is_predefined(k) {
            return Cell::new(
                CellState::Invisible,
                None,
                format!("Predefined ARG: declare `ARG {k}` in this stage to use it."),
            );
        }
        if let Some(o) = elsewhere {
            let name = o
                .name
                .clone()
                .unwrap_or_else(|| format!("stage-{}", o.index));
            return Cell::new(
                CellState::Invisible,
                None,
                format!(
                    "Set in stage {name}; ARG and ENV do not cross stages (COPY --from copies files only)."
                ),
            );
        }
        if req.build_args.contains_key(k) {
            return Cell::new(
                CellState::Invisible,
                None,
                format!("Passed with --build-arg but no `ARG {k}` declares it here."),
            );
        }
        Cell::absent()
    };
    // FROM column.
    let from_ins = parse.dockerfile.instructions.get(st.instruction);
    let from_text = from_ins.map(|i| i.line.as_str()).unwrap_or("");
    let start = get(&st.start_env, k);
    let mut arg_declared = st.start_arg_names.iter().any(|a| a == k);
    out.push(match start {
        Some(v) => match &st.base {
            StageBase::Stage(p) => {
                let name = plan
                    .stages
                    .get(*p)
                    .and_then(|s| s.name.clone())
                    .unwrap_or_else(|| format!("stage-{p}"));
                Cell::new(
                    CellState::Visible,
                    Some(v),
                    format!("Inherited from stage {name} (FROM {name} continues its environment)."),
                )
            }
            _ => Cell::new(
                CellState::Set,
                Some(v),
                "From the base image's config (its ENV).",
            ),
        },
        None if meta.contains_key(k) && mentions(from_text, k) => Cell::new(
            CellState::Visible,
            meta.get(k).copied().flatten(),
            "FROM is evaluated in the global scope, so it sees global ARGs.",
        ),
        None => {
            let c = why_missing(Kind::From);
            if c.state == CellState::Invisible && meta.contains_key(k) {
                Cell::new(
                    CellState::Invisible,
                    None,
                    format!("Global ARG: not visible in the stage until `ARG {k}` repeats it."),
                )
            } else {
                c
            }
        }
    });
    let mut prev = st.start_env.clone();
    let mut prev_args: Vec<String> = st.start_arg_names.clone();
    for s in &st.steps {
        let (kind, keys) = sets_of(parse, s.instruction);
        let here = !s.onbuild && keys.iter().any(|x| x == k);
        let now = get(&s.build_env, k);
        let is_arg = s.arg_names.iter().any(|a| a == k);
        let cell = if here && kind == Kind::Arg {
            arg_declared = true;
            let has_default = parse
                .dockerfile
                .instructions
                .get(s.instruction)
                .and_then(|ins| match &ins.command {
                    Some(Command::Arg(a)) => a.args.iter().find(|d| d.key.as_str() == k),
                    _ => None,
                })
                .is_some_and(|d| d.value.is_some());
            let mut note = source_note(k, has_default, req);
            if note.is_empty() {
                note = if now.is_some() && meta.contains_key(k) {
                    "Redeclared: takes the global ARG's value.".to_owned()
                } else if now.is_some() {
                    "Takes its value from the global scope.".to_owned()
                } else {
                    "Declared without a value and not passed with --build-arg: unset.".to_owned()
                };
            } else if meta.contains_key(k) {
                note.push_str(" (redeclares the global ARG)");
            }
            note.push_str(". Build-time only: not saved in the image.");
            let note = note.replace(".. ", ". ").replace(").. ", "). ");
            match now {
                Some(v) => Cell::new(CellState::Set, Some(v), note),
                None => Cell::new(CellState::Set, None, note),
            }
        } else if here && kind == Kind::Env {
            let shadows = prev_args.iter().any(|a| a == k) || arg_declared;
            let note = if shadows {
                format!(
                    "ENV overrides the ARG of the same name{}; saved in the image.",
                    get(&prev, k).map_or(String::new(), |v| format!(" (was {v})"))
                )
            } else if get(&prev, k).is_some() {
                format!(
                    "ENV replaces the value {}; saved in the image.",
                    get(&prev, k).unwrap_or("")
                )
            } else {
                "ENV: set for the rest of the stage and saved in the image.".to_owned()
            };
            Cell::new(CellState::Set, now, note)
        } else if let Some(v) = now {
            if is_arg {
                Cell::new(
                    CellState::Visible,
                    Some(v),
                    "ARG value: visible to later instructions of this stage, not saved in the image.",
                )
            } else if arg_declared {
                Cell::new(
                    CellState::Shadowed,
                    Some(v),
                    "ENV shadows the ARG of the same name: instructions see the ENV value.",
                )
            } else {
                Cell::new(CellState::Visible, Some(v), "ENV: in the environment.")
            }
        } else {
            why_missing(kind)
        };
        out.push(cell);
        prev.clone_from(&s.build_env);
        prev_args.clone_from(&s.arg_names);
    }
    out
}

fn is_ancestor(plan: &Plan, a: usize, of: usize) -> bool {
    let mut cur = of;
    for _ in 0..plan.stages.len() {
        match plan.stages.get(cur).map(|s| &s.base) {
            Some(StageBase::Stage(p)) if *p == a => return true,
            Some(StageBase::Stage(p)) => cur = *p,
            _ => return false,
        }
    }
    false
}

/// Whether `text` references `$k` or `${k…}`.
fn mentions(text: &str, k: &str) -> bool {
    let b = format!("${{{k}");
    if text.contains(&b) {
        return true;
    }
    let d = format!("${k}");
    text.match_indices(&d).any(|(i, _)| {
        !text
            .get(i + d.len()..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c == '_' || c.is_ascii_alphanumeric())
    })
}

impl crate::Engine {
    /// The scope timeline of Dockerfile `text` as `docker build` with `req`'s build args and
    /// target would evaluate it (images resolve against local tags, then the catalog).
    pub fn scope(&self, text: &str, req: &ScopeRequest) -> Scope {
        let parse = drydock_syntax::parse(text);
        if let Some(e) = parse.buildkit_error() {
            return Scope {
                error: Some(e),
                ..Scope::default()
            };
        }
        let (os, arch) = self.config.os_arch();
        let opts = crate::dispatch::ConvertOptions {
            build_args: req.build_args.clone(),
            target: req.target.clone(),
            os: os.to_owned(),
            arch: arch.to_owned(),
            ..crate::dispatch::ConvertOptions::default()
        };
        match crate::dispatch::convert(
            &parse,
            &opts,
            &crate::solve::EngineResolver { engine: self },
        ) {
            Ok(plan) => timeline(&parse, &plan, req),
            Err(e) => Scope {
                error: Some(e.message),
                ..Scope::default()
            },
        }
    }
}

fn container_cell(k: &str, image: &[(String, String)], req: &ScopeRequest, plan: &Plan) -> Cell {
    if let Some((_, v)) = req.run_env.iter().rev().find(|(rk, _)| rk == k) {
        let note = match get(image, k) {
            Some(old) => format!("docker run -e {k}={v} overrides the image's {old}."),
            None => format!("From docker run -e {k}={v}."),
        };
        return Cell::new(CellState::Set, Some(v), note);
    }
    if let Some(v) = get(image, k) {
        return Cell::new(CellState::Visible, Some(v), "In the image config's Env.");
    }
    let was_arg = plan
        .stages
        .get(plan.target)
        .is_some_and(|s| s.steps.iter().any(|st| st.arg_names.iter().any(|a| a == k)));
    if was_arg || plan.meta_args.iter().any(|(m, _)| m.key == k) || is_proxy(k) {
        return Cell::new(
            CellState::Invisible,
            None,
            "Not in the image: ARG values exist only while building (copy it into an ENV to keep it).",
        );
    }
    if req.build_args.contains_key(k) {
        return Cell::new(
            CellState::Invisible,
            None,
            "Build args never reach a container; only ENV in the target stage does.",
        );
    }
    if plan.stages.iter().any(|s| s.reachable) {
        return Cell::new(
            CellState::Invisible,
            None,
            "Not in the final image: only the target stage's ENV reaches the container.",
        );
    }
    Cell::absent()
}
