//! Conversion (BuildKit's `toDispatchState`): stages, targets, reachability, meta ARGs, base
//! image resolution, then every reachable stage's instructions dispatched in order into a
//! [`Plan`]. One file per instruction's dispatch.
use std::collections::BTreeMap;

use drydock_syntax::instructions::Command;
use drydock_syntax::words::Lexer;
use drydock_syntax::{Instruction, Kind, Parse};

use crate::args::{EnvList, build_meta_args, default_args, is_predefined, proxy_env};
use crate::image::ImageConfig;
use crate::plan::{Op, Plan, PlanError, PlanImage, PlanStage, PlanStep, Source, StageBase};

mod arg;
mod cmd;
pub(crate) mod copy;
mod entrypoint;
mod env;
mod expose;
mod healthcheck;
mod label;
mod maintainer;
mod onbuild;
mod run;
mod shell;
mod stopsignal;
mod user;
mod volume;
mod workdir;

/// Resolves image references for FROM and `--from`.
pub trait Resolver {
    /// The image `name` (normalised, with tag) names, and its config; or BuildKit's error
    /// for the metadata vertex plus a suggestion for learners.
    fn resolve(&self, name: &str) -> Result<(PlanImage, ImageConfig), (String, Option<String>)>;
}

/// Options of a conversion.
#[derive(Debug, Clone, Default)]
pub struct ConvertOptions {
    pub build_args: BTreeMap<String, String>,
    pub target: Option<String>,
    pub labels: BTreeMap<String, String>,
    pub os: String,
    pub arch: String,
    /// Stop after validating (no base image resolution, nothing dispatched beyond checks).
    pub no_cache: bool,
}

/// The dispatch state of one stage (BuildKit's `dispatchState`).
#[derive(Debug, Clone, Default)]
pub(crate) struct DState {
    pub config: ImageConfig,
    pub history: Vec<(String, bool)>,
    /// The build environment (`d.state` env): image env + ARG values + ENV.
    pub env: EnvList,
    /// Names set by ARG (for cache reasons).
    pub arg_names: Vec<String>,
    /// Declared ARGs (for `RUN |N k=v` history).
    pub build_args: Vec<(String, Option<String>)>,
    pub workdir: String,
    pub user: String,
    pub cmd_set: bool,
    pub workdir_set: bool,
    pub cmd_index: usize,
    pub cmd_total: usize,
    pub display: String,
    pub is_onbuild: bool,
    pub author: String,
}

/// What one instruction's dispatch produced.
#[derive(Debug, Default)]
pub(crate) struct Out {
    pub op: Option<Op>,
    pub history: Option<(String, bool)>,
    pub vertex_name: Option<String>,
}

/// Shared conversion context.
pub(crate) struct Cx<'p> {
    pub lexer: Lexer,
    pub globals: EnvList,
    pub build_args: &'p BTreeMap<String, String>,
    pub stage_names: &'p BTreeMap<String, usize>,
    pub stage_index: usize,
    pub stage_display: String,
    pub uses_context: bool,
    pub consumed: &'p mut Vec<String>,
}

impl Cx<'_> {
    /// Single-word expansion with the stage's environment.
    pub fn word(&self, d: &DState, w: &str) -> Result<String, String> {
        self.lexer
            .process_word(w, &d.env)
            .map(|e| e.value.into_owned())
            .map_err(|e| e.to_string())
    }
}

/// BuildKit's `uppercaseCmd`.
pub(crate) fn uppercase_cmd(s: &str) -> String {
    match s.split_once(' ') {
        Some((a, b)) => format!("{} {b}", a.to_uppercase()),
        None => s.to_uppercase(),
    }
}

/// BuildKit's `processCmdEnv`: the text expanded (kept as is on error).
pub(crate) fn process_cmd_env(lexer: &Lexer, text: &str, env: &EnvList) -> String {
    match lexer.process_word(text, env) {
        Ok(e) => e.value.into_owned(),
        Err(_) => text.to_owned(),
    }
}

/// BuildKit's `prefixCommand`: `[name i/n] ` (index right-aligned to the width of n).
pub(crate) fn prefix_command(d: &mut DState, s: &str) -> String {
    if d.cmd_total == 0 {
        return s.to_owned();
    }
    let mut out = String::from("[");
    if !d.display.is_empty() {
        out.push_str(&d.display);
        out.push(' ');
    }
    d.cmd_index += 1;
    let width = d.cmd_total.to_string().len();
    out.push_str(&format!("{:>width$}/{}] ", d.cmd_index, d.cmd_total));
    if d.is_onbuild {
        out.push_str("ONBUILD ");
    }
    out + s
}

/// The original text of an instruction (BuildKit's `node.Original`, trimmed).
pub(crate) fn original(ins: &Instruction<'_>) -> String {
    ins.line.trim().to_owned()
}

fn lines(ins: &Instruction<'_>) -> (u32, u32) {
    (ins.start_line, ins.end_line)
}

fn is_layer_kind(k: Kind) -> bool {
    matches!(k, Kind::Add | Kind::Copy | Kind::Run | Kind::Workdir)
}

/// The `--from` of a COPY, resolved (stage index, or an image name to resolve).
enum FromRef {
    Stage(usize),
    Image(String),
}

fn copy_from(
    c: &Command<'_>,
    names: &BTreeMap<String, usize>,
    nstages: usize,
) -> Result<Option<FromRef>, String> {
    let Command::Copy(c) = c else {
        return Ok(None);
    };
    let Some(f) = &c.from else {
        return Ok(None);
    };
    let f = f.value.as_str();
    if f.contains('$') {
        return Err("variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround".to_owned());
    }
    if let Ok(i) = f.parse::<i64>() {
        return match usize::try_from(i).ok().filter(|i| *i < nstages) {
            Some(i) => Ok(Some(FromRef::Stage(i))),
            None => Err(format!("invalid stage index {i}")),
        };
    }
    match names.get(&f.to_lowercase()) {
        Some(i) => Ok(Some(FromRef::Stage(*i))),
        None => Ok(Some(FromRef::Image(f.to_owned()))),
    }
}

fn mount_froms(c: &Command<'_>) -> Vec<String> {
    let Command::Run(r) = c else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in &r.mounts {
        if let Ok(p) = drydock_syntax::instructions::parse_mount(&m.value, None)
            && !p.from.is_empty()
        {
            out.push(p.from);
        }
    }
    out
}

/// Converts a parsed Dockerfile into a plan.
pub fn convert(
    parse: &Parse<'_>,
    opts: &ConvertOptions,
    resolver: &dyn Resolver,
) -> Result<Plan, PlanError> {
    let df = &parse.dockerfile;
    let ins = &df.instructions;
    if df.stages.is_empty() {
        return Err(PlanError::new("dockerfile contains no stages to build"));
    }
    let lexer = Lexer::new(df.escape);
    let target_name_for_arg = match &opts.target {
        Some(t) => t.clone(),
        None => df
            .stages
            .last()
            .and_then(|s| s.name.as_ref())
            .map_or_else(|| "default".to_owned(), |n| n.to_string()),
    };
    let globals0 = default_args(&opts.os, &opts.arch, &opts.build_args, &target_name_for_arg);
    let mut meta = Vec::new();
    let mut meta_lines = Vec::new();
    for &i in &df.meta_args {
        if let Some(Instruction {
            command: Some(Command::Arg(a)),
            ..
        }) = ins.get(i)
        {
            for d in &a.args {
                meta.push((d.key.to_string(), d.value.as_ref().map(|v| v.to_string())));
                meta_lines.push(ins.get(i).map(lines).unwrap_or((0, 0)));
            }
        }
    }
    let (globals, metas) =
        build_meta_args(globals0, &lexer, &meta, &opts.build_args).map_err(|e| {
            let l = meta_lines.first().copied().unwrap_or((0, 0));
            // Locate the failing ARG: the first whose default fails to expand.
            PlanError::new(e).at(l.0, l.1)
        })?;
    let mut consumed: Vec<String> = metas.iter().map(|m| m.key.clone()).collect();

    // Stage table.
    let nstages = df.stages.len();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut bases: Vec<(String, Option<usize>)> = Vec::new();
    for (si, st) in df.stages.iter().enumerate() {
        let Some(from_ins) = ins.get(st.from) else {
            return Err(PlanError::new("internal: missing FROM"));
        };
        let Some(Command::From(f)) = &from_ins.command else {
            return Err(PlanError::new("internal: FROM does not parse"));
        };
        let (l0, l1) = lines(from_ins);
        let base = lexer
            .process_word(&f.image.value, &globals)
            .map_err(|e| PlanError::new(e.to_string()).at(l0, l1))?
            .value
            .into_owned();
        if base.is_empty() {
            return Err(PlanError::new(format!(
                "base name ({}) should not be blank",
                f.image.value.as_str()
            ))
            .at(l0, l1));
        }
        let parent = names.get(&base).copied();
        bases.push((base, parent));
        if let Some(n) = &f.stage_name {
            names.insert(n.to_lowercase(), si);
        }
    }
    let target = match &opts.target {
        None => nstages - 1,
        Some(t) => match names.get(&t.to_lowercase()) {
            Some(i) => *i,
            None => {
                let opts_names: Vec<&str> = names.keys().map(String::as_str).collect();
                let msg = drydock_syntax::instructions::suggest::wrap(
                    format!(
                        "target stage {} could not be found",
                        drydock_syntax::words::go_quote(t)
                    ),
                    t,
                    &opts_names,
                    false,
                );
                return Err(PlanError::new(msg));
            }
        },
    };

    // Dependencies (COPY --from, RUN --mount from=), cycle check, reachability.
    let mut deps: Vec<Vec<(usize, (u32, u32))>> = vec![Vec::new(); nstages];
    let mut implicit: Vec<String> = Vec::new();
    let mut stage_implicit: Vec<Vec<String>> = vec![Vec::new(); nstages];
    for (si, st) in df.stages.iter().enumerate() {
        for i in st.from + 1..st.end {
            let Some(x) = ins.get(i) else { continue };
            let Some(c) = &x.command else { continue };
            match copy_from(c, &names, nstages) {
                Err(e) => return Err(PlanError::new(e).at(x.start_line, x.end_line)),
                Ok(Some(FromRef::Stage(d))) => {
                    if let Some(v) = deps.get_mut(si) {
                        v.push((d, lines(x)));
                    }
                }
                Ok(Some(FromRef::Image(n))) => {
                    if !implicit.contains(&n) {
                        implicit.push(n.clone());
                    }
                    if let Some(v) = stage_implicit.get_mut(si) {
                        v.push(n);
                    }
                }
                Ok(None) => {}
            }
            for f in mount_froms(c) {
                match names.get(&f.to_lowercase()) {
                    Some(d) => {
                        if let Some(v) = deps.get_mut(si) {
                            v.push((*d, lines(x)));
                        }
                    }
                    None => {
                        if !implicit.contains(&f) {
                            implicit.push(f.clone());
                        }
                        if let Some(v) = stage_implicit.get_mut(si) {
                            v.push(f);
                        }
                    }
                }
            }
        }
    }
    if let Some((s, loc)) = find_cycle(&deps) {
        let name = df
            .stages
            .get(s)
            .and_then(|st| st.name.as_ref())
            .map_or_else(|| format!("stage-{s}"), |n| n.to_string());
        return Err(
            PlanError::new(format!("circular dependency detected on stage: {name}"))
                .at(loc.0, loc.1),
        );
    }
    let mut reachable = vec![false; nstages];
    mark(target, &bases, &deps, &mut reachable);
    let total_states = nstages + implicit.len();

    // Resolve images of reachable stages, then implicit `--from` images.
    let mut plan_images: Vec<PlanImage> = Vec::new();
    let mut image_configs: Vec<ImageConfig> = Vec::new();
    let mut metadata: Vec<String> = Vec::new();
    let mut resolve = |raw: &str,
                       loc: Option<(u32, u32)>,
                       plan_images: &mut Vec<PlanImage>,
                       image_configs: &mut Vec<ImageConfig>|
     -> Result<usize, PlanError> {
        let r = drydock_catalog::parse_normalized_named(raw).map_err(|e| {
            let p = PlanError::new(format!(
                "failed to parse stage name {}: {e}",
                drydock_syntax::words::go_quote(raw)
            ));
            match loc {
                Some(l) => p.at(l.0, l.1),
                None => p,
            }
        })?;
        let name = r.tag_name_only().to_string();
        if let Some(i) = plan_images.iter().position(|p| p.name == name) {
            return Ok(i);
        }
        if !metadata.contains(&name) {
            metadata.push(name.clone());
        }
        match resolver.resolve(&name) {
            Ok((img, cfg)) => {
                plan_images.push(img);
                image_configs.push(cfg);
                Ok(plan_images.len() - 1)
            }
            Err((msg, suggestion)) => {
                let mut full =
                    format!("{raw}: failed to resolve source metadata for {name}: {msg}");
                let mut opts_names: Vec<&str> = names.keys().map(String::as_str).collect();
                let common = [
                    "alpine", "busybox", "centos", "debian", "golang", "ubuntu", "fedora",
                ];
                opts_names.extend(common);
                full = drydock_syntax::instructions::suggest::wrap(full, raw, &opts_names, true);
                let mut p = PlanError::new(full);
                p.suggestion = suggestion;
                p.metadata = Some((format!("[internal] load metadata for {name}"), msg));
                Err(match loc {
                    Some(l) => p.at(l.0, l.1),
                    None => p,
                })
            }
        }
    };
    let mut stage_base: Vec<StageBase> = Vec::with_capacity(nstages);
    for (si, (base, parent)) in bases.iter().enumerate() {
        let from_ins = df.stages.get(si).and_then(|s| ins.get(s.from));
        let loc = from_ins.map(lines);
        let b = if let Some(p) = parent {
            StageBase::Stage(*p)
        } else if base == "scratch" {
            StageBase::Scratch
        } else if reachable.get(si).copied().unwrap_or(false) {
            StageBase::Image(resolve(base, loc, &mut plan_images, &mut image_configs)?)
        } else {
            // Unreachable stages are validated but not resolved.
            drydock_catalog::parse_normalized_named(base).map_err(|e| {
                PlanError::new(format!(
                    "failed to parse stage name {}: {e}",
                    drydock_syntax::words::go_quote(base)
                ))
                .at(loc.map_or(0, |l| l.0), loc.map_or(0, |l| l.1))
            })?;
            StageBase::Scratch
        };
        stage_base.push(b);
    }
    let mut implicit_idx: BTreeMap<String, usize> = BTreeMap::new();
    for (si, list) in stage_implicit.iter().enumerate() {
        if !reachable.get(si).copied().unwrap_or(false) {
            continue;
        }
        for n in list {
            if implicit_idx.contains_key(n) {
                continue;
            }
            let idx = resolve(n, None, &mut plan_images, &mut image_configs)?;
            implicit_idx.insert(n.clone(), idx);
        }
    }

    // Dispatch every reachable stage in order.
    let mut stages: Vec<PlanStage> = Vec::with_capacity(nstages);
    let mut finals: Vec<Option<DState>> = vec![None; nstages];
    for (si, st) in df.stages.iter().enumerate() {
        let name = st.name.as_ref().map(|n| n.to_string());
        let display = if total_states == 1 {
            String::new()
        } else {
            name.clone().unwrap_or_else(|| format!("stage-{si}"))
        };
        let base = stage_base.get(si).cloned().unwrap_or(StageBase::Scratch);
        let is_reachable = reachable.get(si).copied().unwrap_or(false);
        let mut stage = PlanStage {
            index: si,
            name: name.clone(),
            display: display.clone(),
            base: base.clone(),
            instruction: st.from,
            from_vertex: None,
            steps: Vec::new(),
            config: ImageConfig::default(),
            history: Vec::new(),
            reachable: is_reachable,
            uses_context: false,
            author: String::new(),
            start_env: Vec::new(),
            start_arg_names: Vec::new(),
        };
        if !is_reachable {
            stages.push(stage);
            continue;
        }
        // Initial state.
        let mut d = match &base {
            StageBase::Stage(p) => {
                let mut d = finals.get(*p).cloned().flatten().unwrap_or_default();
                d.cmd_index = 0;
                d.cmd_set = false;
                d
            }
            StageBase::Scratch => DState {
                config: ImageConfig {
                    working_dir: "/".to_owned(),
                    env: Vec::new(),
                    ..ImageConfig::default()
                },
                ..DState::default()
            },
            StageBase::Image(i) => {
                let cfg = image_configs.get(*i).cloned().unwrap_or_default();
                DState {
                    config: cfg,
                    ..DState::default()
                }
            }
        };
        d.display = display.clone();
        d.is_onbuild = false;
        // ONBUILD triggers: from the image config, or the parent stage's ONBUILD commands.
        let mut triggers: Vec<String> = std::mem::take(&mut d.config.on_build);
        if let StageBase::Stage(p) = &base
            && let Some(pst) = df.stages.get(*p)
        {
            // The parent's own triggers were recorded into its config; they fire here.
            let _ = pst;
        }
        let layer_cmds = (st.from + 1..st.end)
            .filter(|i| ins.get(*i).is_some_and(|x| is_layer_kind(x.kind)))
            .count();
        d.cmd_total =
            usize::from(matches!(base, StageBase::Image(_))) + layer_cmds + triggers.len();
        if d.config.env_value("PATH").is_none() {
            d.config.env.push(
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_owned(),
            );
        }
        if !matches!(base, StageBase::Stage(_)) {
            d.env = EnvList::default();
            for e in &d.config.env {
                let (k, v) = e.split_once('=').unwrap_or((e, ""));
                d.env.set(k, v);
            }
            d.workdir = "/".to_owned();
            if !d.config.working_dir.is_empty() {
                let wd = drydock_vfs::normalize_workdir("/", &d.config.working_dir);
                d.config.working_dir = wd.clone();
                d.workdir = wd;
            }
            d.user = d.config.user.clone();
        }
        stage.start_env.clone_from(&d.env.0);
        stage.start_arg_names.clone_from(&d.arg_names);
        if let StageBase::Image(i) = &base
            && let Some(img) = plan_images.get(*i)
        {
            stage.from_vertex = Some(prefix_command(&mut d, &format!("FROM {}", img.display)));
        }
        let mut cx = Cx {
            lexer,
            globals: globals.clone(),
            build_args: &opts.build_args,
            stage_names: &names,
            stage_index: si,
            stage_display: display.clone(),
            uses_context: false,
            consumed: &mut consumed,
        };
        // Triggers first.
        let from_lines = ins.get(st.from).map(lines).unwrap_or((0, 0));
        for t in triggers.drain(..) {
            let p = drydock_syntax::parse(&t);
            if let Some(e) = p.buildkit_error() {
                return Err(PlanError::new(e).at(from_lines.0, from_lines.1));
            }
            let Some(tins) = p.dockerfile.instructions.first() else {
                continue;
            };
            d.is_onbuild = true;
            let mut step = dispatch_one(&mut cx, &mut d, tins, st.from, true, &implicit_idx)
                .map_err(|e| PlanError::new(e).at(from_lines.0, from_lines.1))?;
            if let Some(fi) = ins.get(st.from) {
                step.span = fi.span;
                step.line = fi.start_line;
                step.end_line = fi.end_line;
            }
            d.is_onbuild = false;
            stage.steps.push(step);
        }
        for i in st.from + 1..st.end {
            let Some(x) = ins.get(i) else { continue };
            let step = dispatch_one(&mut cx, &mut d, x, i, false, &implicit_idx)
                .map_err(|e| PlanError::new(e).at(x.start_line, x.end_line))?;
            stage.steps.push(step);
        }
        stage.uses_context = cx.uses_context;
        if si == target {
            for (k, v) in &opts.labels {
                d.config.labels.insert(k.clone(), v.clone());
            }
        }
        stage.config = d.config.clone();
        stage.author = d.author.clone();
        stage.history = d.history.clone();
        finals[si] = Some(d);
        stages.push(stage);
    }
    let unused_args: Vec<String> = opts
        .build_args
        .keys()
        .filter(|k| !consumed.contains(k) && !crate::args::is_proxy(k))
        .filter(|k| !k.starts_with("BUILDKIT_") && !is_predefined(k))
        .cloned()
        .collect();
    Ok(Plan {
        stages,
        images: plan_images,
        target,
        metadata,
        proxy_env: proxy_env(&opts.build_args),
        unused_args,
        meta_args: metas
            .into_iter()
            .zip(meta_lines.iter().map(|l| l.0))
            .collect(),
        globals: globals.0,
    })
}

fn mark(
    s: usize,
    bases: &[(String, Option<usize>)],
    deps: &[Vec<(usize, (u32, u32))>],
    r: &mut [bool],
) {
    let Some(slot) = r.get_mut(s) else { return };
    if *slot {
        return;
    }
    *slot = true;
    if let Some((_, Some(p))) = bases.get(s) {
        mark(*p, bases, deps, r);
    }
    if let Some(ds) = deps.get(s) {
        for (d, _) in ds {
            mark(*d, bases, deps, r);
        }
    }
}

/// BuildKit's `validateCircularDependency`: the first stage (in order) from which a cycle is
/// reachable, and the location of the instruction closing it.
fn find_cycle(deps: &[Vec<(usize, (u32, u32))>]) -> Option<(usize, (u32, u32))> {
    fn visit(
        s: usize,
        deps: &[Vec<(usize, (u32, u32))>],
        visited: &mut [bool],
        path: &mut [bool],
    ) -> Option<(u32, u32)> {
        if visited.get(s).copied().unwrap_or(true) {
            return None;
        }
        if let Some(v) = visited.get_mut(s) {
            *v = true;
        }
        if let Some(p) = path.get_mut(s) {
            *p = true;
        }
        for (d, loc) in deps.get(s).map(Vec::as_slice).unwrap_or(&[]) {
            if path.get(*d).copied().unwrap_or(false) {
                return Some(*loc);
            }
            if let Some(l) = visit(*d, deps, visited, path) {
                return Some(l);
            }
        }
        if let Some(p) = path.get_mut(s) {
            *p = false;
        }
        None
    }
    let n = deps.len();
    let mut visited = vec![false; n];
    let mut path = vec![false; n];
    for s in 0..n {
        if let Some(l) = visit(s, deps, &mut visited, &mut path) {
            return Some((s, l));
        }
    }
    None
}

/// Dispatches one instruction.
fn dispatch_one(
    cx: &mut Cx<'_>,
    d: &mut DState,
    x: &Instruction<'_>,
    index: usize,
    onbuild: bool,
    implicit: &BTreeMap<String, usize>,
) -> Result<PlanStep, String> {
    let Some(c) = &x.command else {
        return Err(x.error.as_ref().map_or_else(
            || "instruction does not parse".to_owned(),
            |e| e.message.clone(),
        ));
    };
    let out = match c {
        Command::Arg(a) => arg::dispatch(cx, d, a)?,
        Command::Env(e) => env::dispatch(cx, d, e)?,
        Command::Label(l) => label::dispatch(cx, d, l)?,
        Command::Maintainer(m) => maintainer::dispatch(d, m),
        Command::Run(r) => run::dispatch(cx, d, x, r, implicit)?,
        Command::Copy(cp) => copy::dispatch_copy(cx, d, x, cp, implicit)?,
        Command::Add(ad) => copy::dispatch_add(cx, d, x, ad)?,
        Command::Workdir(w) => workdir::dispatch(cx, d, x, w)?,
        Command::User(u) => user::dispatch(cx, d, u)?,
        Command::Cmd(c) => cmd::dispatch(d, c),
        Command::Entrypoint(e) => entrypoint::dispatch(d, e),
        Command::Healthcheck(h) => healthcheck::dispatch(d, h),
        Command::Expose(e) => expose::dispatch(cx, d, e)?,
        Command::Volume(v) => volume::dispatch(cx, d, v)?,
        Command::Stopsignal(s) => stopsignal::dispatch(cx, d, s)?,
        Command::Shell(s) => shell::dispatch(d, s),
        Command::Onbuild(o) => onbuild::dispatch(d, o),
        Command::From(_) => Out::default(),
    };
    if let Some(h) = &out.history {
        d.history.push(h.clone());
    }
    let text = match &out.vertex_name {
        Some(v) => strip_prefix_of(v),
        None => original(x),
    };
    Ok(PlanStep {
        instruction: index,
        span: x.span,
        line: x.start_line,
        end_line: x.end_line,
        onbuild,
        kind: x.kind,
        text,
        original: uppercase_cmd(&original(x)),
        vertex_name: out.vertex_name,
        op: out.op,
        history: out.history,
        workdir: d.config.working_dir.clone(),
        user: d.config.user.clone(),
        env: d.config.env.clone(),
        build_env: d.env.0.clone(),
        arg_names: d.arg_names.clone(),
    })
}

/// The vertex name without its `[…] ` prefix.
fn strip_prefix_of(v: &str) -> String {
    if v.starts_with('[')
        && let Some(i) = v.find("] ")
    {
        return v.get(i + 2..).unwrap_or(v).to_owned();
    }
    v.to_owned()
}

/// The source a COPY `--from` names.
pub(crate) fn from_source(
    cx: &Cx<'_>,
    from: &str,
    implicit: &BTreeMap<String, usize>,
) -> Result<Source, String> {
    if let Ok(i) = from.parse::<usize>() {
        return Ok(Source::Stage(i));
    }
    if let Some(i) = cx.stage_names.get(&from.to_lowercase()) {
        return Ok(Source::Stage(*i));
    }
    implicit
        .get(from)
        .map(|i| Source::Image(*i))
        .ok_or_else(|| format!("stage {from} not found"))
}
