//! The conversion walk, in BuildKit's order (`dockerfile2llb.toDispatchState`): parser warnings,
//! instruction-parse checks for every instruction, stage-name and casing checks, FROM values with
//! default ARGs, the global ARGs, each stage's FROM (base, platform), the target and what it
//! needs, base image platforms, then dispatch (`dispatch.rs`). Rules fire at the hook points
//! BuildKit fires them; the walk leaves a [`Model`] for the learner rules.
use crate::config;
use crate::dispatch;
use crate::env::EnvList;
use crate::errors;
use crate::facts::{BuildFacts, ImageFacts};
use crate::linter::{At, Sink};
use crate::model::{Base, Model, StageModel};
use crate::options::LintOptions;
use crate::platform::Platform;
use crate::rules;
use drydock_syntax::instructions::{Command, parse_mount};
use drydock_syntax::words::{Expansion, Lexer, NoEnv};
use drydock_syntax::{Dockerfile, Instruction, Parse, codes};
use drydock_text::{Diagnostic, LineIndex, TextRange};
use std::collections::BTreeMap;

/// What the walk reads: the tree, the facts and the options.
pub struct Cx<'p, 'a> {
    pub parse: &'p Parse<'a>,
    pub lines: LineIndex,
    pub lexer: Lexer,
    pub facts: &'p dyn BuildFacts,
    pub opts: &'p LintOptions,
    /// The `.dockerignore` patterns (asked once).
    pub ignore_patterns: Option<Vec<String>>,
}

impl<'p, 'a> Cx<'p, 'a> {
    pub fn new(parse: &'p Parse<'a>, facts: &'p dyn BuildFacts, opts: &'p LintOptions) -> Self {
        Self {
            parse,
            lines: LineIndex::new(parse.text),
            lexer: Lexer::new(parse.dockerfile.escape),
            facts,
            opts,
            ignore_patterns: facts.dockerignore_patterns(),
        }
    }

    pub fn df(&self) -> &'p Dockerfile<'a> {
        &self.parse.dockerfile
    }

    pub fn ins(&self, i: usize) -> Option<&'p Instruction<'a>> {
        self.parse.dockerfile.instructions.get(i)
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        self.lines.line_col(self.parse.text, offset).line
    }

    /// A finding on instruction `i` (BuildKit's line: its first line), pointing at `range`.
    pub fn at(&self, i: usize, range: TextRange) -> At {
        At {
            ins: Some(i),
            range,
            line: self
                .ins(i)
                .map_or_else(|| self.line_of(range.start), |x| x.start_line),
        }
    }

    /// The source text of a range.
    pub fn text(&self, range: TextRange) -> &'p str {
        range.slice(self.parse.text)
    }
}

/// The walk's outputs.
pub struct Outcome {
    pub sink: Sink,
    pub errors: Vec<Diagnostic>,
    pub model: Model,
}

/// The predefined global ARGs (`defaultArgs`): build platform = Drydock's host (linux/amd64),
/// target platform from the options, build args override them.
pub fn default_args(opts: &LintOptions, target: &str) -> EnvList {
    let build = Platform::linux_amd64();
    let t = &opts.platform;
    let pairs = [
        ("BUILDPLATFORM", build.format()),
        ("BUILDOS", build.os.clone()),
        ("BUILDOSVERSION", String::new()),
        ("BUILDARCH", build.architecture.clone()),
        ("BUILDVARIANT", build.variant.clone()),
        ("TARGETPLATFORM", t.format()),
        ("TARGETOS", t.os.clone()),
        ("TARGETOSVERSION", String::new()),
        ("TARGETARCH", t.architecture.clone()),
        ("TARGETVARIANT", t.variant.clone()),
        ("TARGETSTAGE", target.to_owned()),
    ];
    let mut env = EnvList::default();
    for (k, v) in pairs {
        let v = opts.build_args.get(k).cloned().unwrap_or(v);
        env.set(k, &v);
    }
    env
}

/// `buildMetaArgs`: the ARGs before the first FROM evaluated in order over `globals`; a build
/// arg overrides a default (which is then not evaluated). Returns the globals, every declared
/// name, or the failing instruction with the error.
pub fn meta_args(
    cx: &Cx<'_, '_>,
    mut globals: EnvList,
    build_args: Option<&BTreeMap<String, String>>,
) -> Result<(EnvList, Vec<String>), (usize, String)> {
    let mut names = Vec::new();
    for &i in &cx.df().meta_args {
        let Some(Command::Arg(args)) = cx.ins(i).and_then(|x| x.command.as_ref()) else {
            continue;
        };
        for def in &args.args {
            let key = def.key.as_str();
            let value = match (build_args.and_then(|b| b.get(key)), &def.value) {
                (Some(v), _) => Some(v.clone()),
                (None, Some(d)) => Some(
                    cx.lexer
                        .process_word(d, &globals)
                        .map_err(|e| (i, e.to_string()))?
                        .value
                        .into_owned(),
                ),
                (None, None) => None,
            };
            if let Some(v) = value {
                globals.set(key, &v);
            }
            if !names.iter().any(|n| n == key) {
                names.push(key.to_owned());
            }
        }
    }
    Ok((globals, names))
}

/// Runs the walk.
pub fn run(cx: &Cx<'_, '_>) -> Outcome {
    let df = cx.df();
    let mut errors = Vec::new();
    let mut model = Model {
        context: cx.facts.context_entries(),
        ..Model::default()
    };
    let file_cfg = match config::file_config(df, &cx.opts.build_args) {
        Ok(c) => c,
        Err(e) => {
            let range = df
                .directives
                .iter()
                .find(|d| d.name == "check")
                .map_or(TextRange::empty(0), |d| d.span);
            errors.push(errors::error(errors::CHECK_OPTIONS, range, e));
            return Outcome {
                sink: Sink::new(df, config::CheckConfig::default()),
                errors,
                model,
            };
        }
    };
    let mut sink = Sink::new(df, file_cfg);

    // Parser warnings (dockerfile.Warnings): empty continuation lines.
    for d in &cx.parse.diagnostics {
        if d.code == codes::NO_EMPTY_CONTINUATION {
            rules::no_empty_continuation::report(cx, &mut sink, d.range);
        }
    }
    // instructions.Parse: checks made while each instruction is parsed.
    for (i, ins) in df.instructions.iter().enumerate() {
        rules::maintainer_deprecated::check(cx, &mut sink, i, ins);
        rules::stage_name_casing::check(cx, &mut sink, i, ins);
        rules::from_as_casing::check(cx, &mut sink, i, ins);
        rules::invalid_definition_description::check(cx, &mut sink, i, ins);
    }
    if df.stages.is_empty() {
        return Outcome {
            sink,
            errors,
            model,
        };
    }
    // validateStageNames, validateCommandCasing.
    let mut seen_names = std::collections::BTreeSet::new();
    for st in &df.stages {
        rules::reserved_stage_name::check(cx, &mut sink, st.from);
        rules::duplicate_stage_name::check(cx, &mut sink, st.from, &mut seen_names);
    }
    rules::consistent_instruction_casing::check(cx, &mut sink);

    let target_name = match &cx.opts.target {
        Some(t) => t.clone(),
        None => df
            .stages
            .last()
            .and_then(|s| s.name.as_ref())
            .map_or_else(|| "default".to_owned(), |n| n.to_string()),
    };
    let predefined = default_args(cx.opts, &target_name);
    // validateBaseImagesWithDefaultArgs: FROM values with the ARG defaults only.
    if let Ok((defaults, _)) = meta_args(cx, predefined.clone(), None) {
        for st in &df.stages {
            let Some((ins, from)) = from_of(cx, st.from) else {
                continue;
            };
            let Ok(exp) = cx.lexer.process_word(&from.image.value, &defaults) else {
                break;
            };
            rules::invalid_default_arg_in_from::check(
                cx, &mut sink, st.from, ins, from, &exp.value,
            );
        }
    }
    let (globals, meta_names) = match meta_args(cx, predefined, Some(&cx.opts.build_args)) {
        Ok(g) => g,
        Err((i, e)) => {
            let range = cx.ins(i).map_or(TextRange::empty(0), |x| x.span);
            errors.push(errors::error(errors::EXPANSION, range, e));
            return Outcome {
                sink,
                errors,
                model,
            };
        }
    };
    model.meta_args = meta_names.clone();

    // buildDispatchStates: every stage's FROM.
    let mut arg_keys: Vec<String> = globals.keys().into_iter().map(str::to_owned).collect();
    for n in &meta_names {
        if !arg_keys.contains(n) {
            arg_keys.push(n.clone());
        }
    }
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for (s, st) in df.stages.iter().enumerate() {
        let name = st.name.as_ref().map(|n| n.to_string());
        let mut sm = StageModel {
            from: st.from,
            end: st.end,
            name: name.clone(),
            base: Base::Unknown,
            image: None,
            platform: cx.opts.platform.clone(),
            reachable: false,
            dispatched: false,
            deps: Vec::new(),
        };
        if let Some((ins, from)) = from_of(cx, st.from) {
            let res = cx.lexer.process_word(&from.image.value, &globals);
            if let Ok(exp) = &res {
                rules::undefined_arg_in_from::check(
                    cx,
                    &mut sink,
                    st.from,
                    ins,
                    &exp.unmatched,
                    &arg_keys,
                );
            }
            match res {
                Err(e) => errors.push(errors::error(errors::EXPANSION, ins.span, e.to_string())),
                Ok(exp) if exp.value.is_empty() => errors.push(errors::error(
                    errors::BLANK_BASE_NAME,
                    from.image.span,
                    format!(
                        "base name ({}) should not be blank",
                        from.image.value.as_str()
                    ),
                )),
                Ok(exp) => {
                    let base_name = exp.value.into_owned();
                    if let Some(p) = &from.platform
                        && let Some(plat) = stage_platform(
                            cx,
                            &mut sink,
                            &mut errors,
                            st.from,
                            ins,
                            p,
                            name.as_deref(),
                            &globals,
                            &arg_keys,
                        )
                    {
                        sm.platform = plat;
                    }
                    sm.base = if let Some(&b) = names.get(&base_name) {
                        sm.platform = model_platform(&model, b).unwrap_or(sm.platform);
                        Base::Stage(b)
                    } else if base_name == "scratch" {
                        Base::Scratch
                    } else {
                        Base::Image(base_name)
                    };
                }
            }
        }
        if let Some(n) = name {
            names.insert(n, s);
        }
        model.stages.push(sm);
    }

    // resolveTarget, buildStageDependencyGraph, resolveReachableStages.
    let target = match &cx.opts.target {
        None => Some(df.stages.len() - 1),
        Some(t) => {
            let found = names.get(&t.to_lowercase()).copied();
            if found.is_none() {
                let options: Vec<String> = model
                    .stages
                    .iter()
                    .enumerate()
                    .map(|(i, s)| s.display_name(i))
                    .collect();
                let opts: Vec<&str> = options.iter().map(String::as_str).collect();
                let msg = drydock_syntax::instructions::suggest::wrap(
                    format!(
                        "target stage {} could not be found",
                        drydock_syntax::words::go_quote(t)
                    ),
                    t,
                    &opts,
                    true,
                );
                errors.push(errors::error(
                    errors::TARGET_NOT_FOUND,
                    TextRange::empty(0),
                    msg,
                ));
            }
            found
        }
    };
    model.target = target;
    dependencies(cx, &names, &mut model, &mut errors);
    let circular = circular_dependency(cx, &model, &mut errors);
    if let Some(t) = target {
        mark_reachable(&mut model, t);
    }
    // Stages often share a base image: the facts are asked once per image and platform.
    let mut asked: BTreeMap<String, Vec<(Platform, Option<ImageFacts>)>> = BTreeMap::new();
    for s in 0..model.stages.len() {
        let Some(sm) = model.stages.get(s) else {
            continue;
        };
        if let Base::Image(name) = &sm.base {
            let seen = asked.entry(name.clone()).or_default();
            let image = match seen.iter().find(|(p, _)| *p == sm.platform) {
                Some((_, image)) => image.clone(),
                None => {
                    let image = cx.facts.base_image(name, &sm.platform);
                    seen.push((sm.platform.clone(), image.clone()));
                    image
                }
            };
            if sm.reachable
                && let Some(img) = &image
                && let Some(actual) = &img.platform
                && let Some((ins, _)) = from_of(cx, sm.from)
            {
                let orig = from_of(cx, sm.from)
                    .and_then(|(_, f)| cx.lexer.process_word(&f.image.value, &globals).ok())
                    .map_or_else(|| name.clone(), |e| e.value.into_owned());
                rules::invalid_base_image_platform::check(
                    cx,
                    &mut sink,
                    sm.from,
                    ins,
                    &orig,
                    &sm.platform,
                    actual,
                );
            }
            if let Some(sm) = model.stages.get_mut(s) {
                sm.image = image;
            }
        }
    }
    if target.is_some() && !circular {
        dispatch::run(cx, &mut sink, &mut errors, &mut model, &globals);
    }
    if let Some(msg) = sink.violation() {
        let range = sink
            .warnings
            .first()
            .map_or(TextRange::empty(0), |w| w.range);
        errors.push(errors::error(errors::LINT_VIOLATION, range, msg));
    }
    Outcome {
        sink,
        errors,
        model,
    }
}

fn model_platform(model: &Model, s: usize) -> Option<Platform> {
    model.stages.get(s).map(|st| st.platform.clone())
}

/// The FROM instruction `i` and its typed command, when it parsed.
pub fn from_of<'p, 'a>(
    cx: &Cx<'p, 'a>,
    i: usize,
) -> Option<(
    &'p Instruction<'a>,
    &'p drydock_syntax::instructions::From<'a>,
)> {
    let ins = cx.ins(i)?;
    match &ins.command {
        Some(Command::From(f)) => Some((ins, f)),
        _ => None,
    }
}

/// A stage's `--platform`: the checks on its value, then the platform (or an error).
#[allow(clippy::too_many_arguments)]
fn stage_platform(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    errors: &mut Vec<Diagnostic>,
    i: usize,
    ins: &Instruction<'_>,
    p: &drydock_syntax::Arg<'_>,
    stage_name: Option<&str>,
    globals: &EnvList,
    arg_keys: &[String],
) -> Option<Platform> {
    let res = cx.lexer.process_word(&p.value, globals);
    let exp: Expansion<'_> = match res {
        Ok(e) => e,
        Err(e) => {
            errors.push(errors::error(
                errors::PLATFORM,
                p.span,
                format!("failed to process arguments for platform : {e}"),
            ));
            return None;
        }
    };
    rules::undefined_arg_in_from::check(cx, sink, i, ins, &exp.unmatched, arg_keys);
    rules::redundant_target_platform::check(cx, sink, i, ins, p, &exp, globals);
    rules::from_platform_flag_const_disallowed::check(cx, sink, i, ins, p, &exp, stage_name);
    let keys = globals.keys();
    let suggest_any = |msg: String| -> String {
        for k in &exp.unmatched {
            if let Some(s) = drydock_syntax::instructions::suggest::suggest(k, &keys, true) {
                return format!("{msg} (did you mean {s}?)");
            }
        }
        msg
    };
    if exp.value.is_empty() {
        let msg = suggest_any(format!(
            "empty platform value from expression {}",
            p.value.as_str()
        ));
        errors.push(errors::error(errors::PLATFORM, ins.span, msg));
        return None;
    }
    match Platform::parse(&exp.value) {
        Ok(pl) => Some(pl),
        Err(e) => {
            let msg = format!(
                "failed to parse platform {}: {}",
                p.value.as_str(),
                suggest_any(e)
            );
            errors.push(errors::error(errors::PLATFORM, p.span, msg));
            None
        }
    }
}

/// `toCommand` / `detectRunMount`: the stages each stage copies or mounts from.
fn dependencies(
    cx: &Cx<'_, '_>,
    names: &BTreeMap<String, usize>,
    model: &mut Model,
    errors: &mut Vec<Diagnostic>,
) {
    let n = model.stages.len();
    for s in 0..n {
        let Some(sm) = model.stages.get(s) else {
            continue;
        };
        let mut deps = Vec::new();
        for i in sm.from + 1..sm.end {
            let Some(ins) = cx.ins(i) else { continue };
            match &ins.command {
                Some(Command::Copy(c)) => {
                    let Some(from) = &c.from else { continue };
                    let f = from.value.as_str();
                    let plain = cx.lexer.process_word(f, &NoEnv).is_ok_and(|e| e.value == f);
                    if !plain {
                        errors.push(errors::error(
                            errors::COPY_FROM_VARIABLE,
                            from.span,
                            "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
                        ));
                        continue;
                    }
                    if let Ok(idx) = f.parse::<i64>() {
                        match usize::try_from(idx).ok().filter(|&x| x < n) {
                            Some(x) => deps.push(x),
                            None => errors.push(errors::error(
                                errors::INVALID_STAGE_INDEX,
                                from.span,
                                format!("invalid stage index {idx}"),
                            )),
                        }
                    } else if let Some(&x) = names.get(&f.to_lowercase()) {
                        deps.push(x);
                    }
                }
                Some(Command::Run(r)) => {
                    for m in &r.mounts {
                        if let Ok(mount) = parse_mount(&m.value, None)
                            && !mount.from.is_empty()
                            && let Some(&x) = names.get(&mount.from.to_lowercase())
                        {
                            deps.push(x);
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(sm) = model.stages.get_mut(s) {
            sm.deps = deps;
        }
    }
}

/// `validateCircularDependency` over the copy/mount dependencies (iterative depth-first search,
/// so a long chain of stages cannot exhaust the stack).
fn circular_dependency(cx: &Cx<'_, '_>, model: &Model, errors: &mut Vec<Diagnostic>) -> bool {
    let n = model.stages.len();
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; n];
    for root in 0..n {
        if state.get(root) != Some(&0) {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        if let Some(x) = state.get_mut(root) {
            *x = 1;
        }
        while let Some(&mut (s, ref mut next)) = stack.last_mut() {
            let deps = model.stages.get(s).map_or(&[][..], |st| st.deps.as_slice());
            if let Some(&d) = deps.get(*next) {
                *next += 1;
                match state.get(d) {
                    Some(1) => {
                        let st = model.stages.get(root);
                        let range = st
                            .and_then(|st| cx.ins(st.from))
                            .map_or(TextRange::empty(0), |i| i.span);
                        let name = st.map_or_else(String::new, |st| st.display_name(root));
                        errors.push(errors::error(
                            errors::CIRCULAR,
                            range,
                            format!("circular dependency detected on stage: {name}"),
                        ));
                        return true;
                    }
                    Some(0) => {
                        if let Some(x) = state.get_mut(d) {
                            *x = 1;
                        }
                        stack.push((d, 0));
                    }
                    _ => {}
                }
            } else {
                if let Some(x) = state.get_mut(s) {
                    *x = 2;
                }
                stack.pop();
            }
        }
    }
    false
}

/// Marks `target` and every stage it needs (FROM, copy and mount dependencies) as reachable.
fn mark_reachable(model: &mut Model, target: usize) {
    let mut work = vec![target];
    while let Some(s) = work.pop() {
        let Some(st) = model.stages.get_mut(s) else {
            continue;
        };
        if st.reachable {
            continue;
        }
        st.reachable = true;
        if let Base::Stage(b) = st.base {
            work.push(b);
        }
        work.extend(st.deps.iter().copied());
    }
}
