//! Dispatch (`dockerfile2llb.dispatch`): each stage the build needs (every stage in check mode),
//! instruction by instruction, with BuildKit's build state — environment (image `Env` + ENV +
//! ARG values), declared ARGs, WORKDIR, USER, SHELL and the CMD/ENTRYPOINT/HEALTHCHECK trackers —
//! firing the dispatch-time checks and recording a [`Step`] per instruction.
use crate::convert::Cx;
use crate::env::EnvList;
use crate::errors;
use crate::linter::Sink;
use crate::model::{Base, Model, Step};
use crate::paths;
use crate::rules;
use drydock_syntax::instructions::{Command, parse_mount};
use drydock_syntax::words::expand_heredoc;
use drydock_syntax::{Arg, Instruction};
use drydock_text::{Diagnostic, TextRange};
use std::collections::BTreeMap;

/// Variables a RUN with `--mount` keeps in its [`Step`] (where package managers cache).
pub const CACHE_VARS: [&str; 6] = [
    "HOME",
    "XDG_CACHE_HOME",
    "PIP_CACHE_DIR",
    "PIP_NO_CACHE_DIR",
    "UV_CACHE_DIR",
    "UV_NO_CACHE",
];

/// The build state of a stage while it is dispatched.
#[derive(Debug, Clone, Default)]
pub struct StageState {
    pub env: EnvList,
    /// Whether the base image's environment is known.
    pub env_known: bool,
    /// Names declared by ARG so far (BuildKit's `buildArgs`), inherited from a base stage.
    pub build_args: Vec<String>,
    /// A WORKDIR instruction ran in this stage chain.
    pub workdir_set: bool,
    pub workdir: String,
    pub user: String,
    pub shell: Vec<String>,
    /// Previous CMD / ENTRYPOINT / HEALTHCHECK of this stage (not inherited).
    pub cmd: Option<usize>,
    pub entrypoint: Option<usize>,
    pub healthcheck: Option<usize>,
}

/// Where each name is declared by ARG or ENV: `None` = before the first FROM, `Some(s)` = in
/// stage `s` (at most two owners are kept: enough to tell "declared outside this stage").
fn declarations(cx: &Cx<'_, '_>, model: &Model) -> BTreeMap<String, Vec<Option<usize>>> {
    let mut out: BTreeMap<String, Vec<Option<usize>>> = BTreeMap::new();
    let mut stage = None;
    let mut next_stage = 0;
    for (i, ins) in cx.df().instructions.iter().enumerate() {
        if model.stages.get(next_stage).is_some_and(|st| st.from == i) {
            stage = Some(next_stage);
            next_stage += 1;
        }
        let names: Vec<String> = match &ins.command {
            Some(Command::Arg(a)) => a.args.iter().map(|d| d.key.to_string()).collect(),
            Some(Command::Env(e)) => e.pairs.iter().map(|p| p.key.value.to_string()).collect(),
            _ => continue,
        };
        for n in names {
            let owners = out.entry(n).or_default();
            if owners.len() < 2 && !owners.contains(&stage) {
                owners.push(stage);
            }
        }
    }
    out
}

struct Dispatcher<'c, 'p, 'a> {
    cx: &'c Cx<'p, 'a>,
    sink: &'c mut Sink,
    errors: &'c mut Vec<Diagnostic>,
    globals: &'c EnvList,
    /// Where names are declared by ARG/ENV (see [`declarations`]).
    declarations: BTreeMap<String, Vec<Option<usize>>>,
    /// The stage being dispatched.
    stage: usize,
    /// Stage name → index of the last stage with that name.
    names: BTreeMap<String, usize>,
}

/// Dispatches the stages of `model` that the build needs.
pub fn run(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    errors: &mut Vec<Diagnostic>,
    model: &mut Model,
    globals: &EnvList,
) {
    let mut d = Dispatcher {
        cx,
        sink,
        errors,
        globals,
        declarations: declarations(cx, model),
        stage: 0,
        names: model
            .stages
            .iter()
            .enumerate()
            .filter_map(|(i, st)| st.name.clone().map(|n| (n, i)))
            .collect(),
    };
    let mut finals: Vec<Option<StageState>> = vec![None; model.stages.len()];
    for s in 0..model.stages.len() {
        let Some(sm) = model.stages.get(s) else {
            continue;
        };
        if !(cx.opts.all_stages || sm.reachable) {
            continue;
        }
        let mut st = match &sm.base {
            Base::Stage(b) => {
                let mut st = finals
                    .get(*b)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(unknown_image);
                st.cmd = None;
                st.entrypoint = None;
                st.healthcheck = None;
                st
            }
            Base::Scratch => StageState {
                env: EnvList::default().with_default_path(),
                env_known: true,
                ..StageState::default()
            },
            Base::Image(_) => match &sm.image {
                Some(img) => StageState {
                    env: EnvList::from_config(&img.env).with_default_path(),
                    env_known: true,
                    workdir: img.working_dir.clone(),
                    user: img.user.clone(),
                    shell: img.shell.clone(),
                    ..StageState::default()
                },
                None => unknown_image(),
            },
            Base::Unknown => unknown_image(),
        };
        let (from, end) = (sm.from, sm.end);
        let stage_name = sm.display_name(s);
        d.stage = s;
        for i in from + 1..end {
            let Some(ins) = cx.ins(i) else { continue };
            let Some(cmd) = &ins.command else { continue };
            // The environment is kept only where a learner rule reads it: EXPOSE with a
            // variable; RUN --mount keeps the cache-related variables only.
            let keep_env = match cmd {
                Command::Expose(e) => e.ports.iter().any(|p| p.value.contains('$')),
                _ => false,
            };
            let cache_vars = match cmd {
                Command::Run(r) if !r.mounts.is_empty() => CACHE_VARS
                    .iter()
                    .filter_map(|k| st.env.get(k).map(|v| ((*k).to_owned(), v.to_owned())))
                    .collect(),
                _ => Vec::new(),
            };
            let mut step = Step {
                stage: s,
                ins: i,
                env: keep_env.then(|| st.env.clone()),
                cache_vars,
                env_known: st.env_known,
                workdir: st.workdir.clone(),
                user: st.user.clone(),
                shell: st.shell.clone(),
                words: Vec::new(),
                sources: Vec::new(),
                dest: None,
            };
            d.command(&mut st, &mut step, i, ins, cmd, model, s, &stage_name);
            model.steps.push(step);
        }
        if let Some(f) = finals.get_mut(s) {
            *f = Some(st);
        }
        if let Some(sm) = model.stages.get_mut(s) {
            sm.dispatched = true;
        }
    }
}

fn unknown_image() -> StageState {
    StageState {
        env: EnvList::default().with_default_path(),
        env_known: false,
        ..StageState::default()
    }
}

impl Dispatcher<'_, '_, '_> {
    /// Expands one word against the stage environment, reporting `UndefinedVar`.
    fn expand(
        &mut self,
        st: &StageState,
        i: usize,
        ins: &Instruction<'_>,
        arg: &Arg<'_>,
    ) -> Option<String> {
        self.expand_str(st, i, ins, &arg.value, arg.span)
    }

    fn expand_str(
        &mut self,
        st: &StageState,
        i: usize,
        ins: &Instruction<'_>,
        word: &str,
        span: TextRange,
    ) -> Option<String> {
        match self.cx.lexer.process_word(word, &st.env) {
            Ok(e) => {
                self.undefined(st, i, ins, span, &e.unmatched);
                Some(e.value.into_owned())
            }
            Err(e) => {
                self.errors
                    .push(errors::error(errors::EXPANSION, span, e.to_string()));
                None
            }
        }
    }

    fn undefined(
        &mut self,
        st: &StageState,
        i: usize,
        ins: &Instruction<'_>,
        span: TextRange,
        unmatched: &[&str],
    ) {
        let _ = ins;
        let stage = Some(self.stage);
        let decl = &self.declarations;
        let outside = |n: &str| decl.get(n).is_some_and(|o| o.iter().any(|x| *x != stage));
        rules::undefined_var::report(self.cx, self.sink, i, span, unmatched, st, &outside);
    }

    #[allow(clippy::too_many_arguments)]
    fn command(
        &mut self,
        st: &mut StageState,
        step: &mut Step,
        i: usize,
        ins: &Instruction<'_>,
        cmd: &Command<'_>,
        model: &Model,
        s: usize,
        stage_name: &str,
    ) {
        let cx = self.cx;
        match cmd {
            Command::Env(env) => {
                let mut pairs = Vec::new();
                for p in &env.pairs {
                    let k = self.expand(st, i, ins, &p.key);
                    let v = self.expand(st, i, ins, &p.value);
                    pairs.push((p, k, v));
                }
                for (p, k, v) in pairs {
                    rules::legacy_key_value_format::check(cx, self.sink, i, ins, p);
                    let (Some(k), Some(v)) = (k, v) else { continue };
                    rules::secrets_used_in_arg_or_env::check(
                        cx, self.sink, i, "ENV", &k, p.key.span,
                    );
                    st.env.set(&k, &v);
                }
            }
            Command::Label(label) => {
                for p in &label.pairs {
                    self.expand(st, i, ins, &p.key);
                    self.expand(st, i, ins, &p.value);
                }
                for p in &label.pairs {
                    rules::legacy_key_value_format::check(cx, self.sink, i, ins, p);
                }
            }
            Command::Arg(args) => {
                for def in &args.args {
                    let key = def.key.as_str();
                    rules::secrets_used_in_arg_or_env::check(
                        cx,
                        self.sink,
                        i,
                        "ARG",
                        key,
                        def.key_span,
                    );
                    let given = cx.opts.build_args.get(key);
                    let mut value = None;
                    if def.value.is_none() && given.is_none() {
                        value = self.globals.get(key).map(str::to_owned);
                    }
                    if let Some(v) = given {
                        value = Some(v.clone());
                    } else if let Some(dv) = &def.value {
                        match self.expand_str(st, i, ins, dv, def.span) {
                            Some(v) => value = Some(v),
                            None => continue,
                        }
                    }
                    if let Some(v) = value {
                        st.env.set(key, &v);
                    }
                    st.build_args.push(key.to_owned());
                }
            }
            Command::Workdir(w) => {
                let Some(path) = self.expand(st, i, ins, &w.path) else {
                    return;
                };
                rules::workdir_relative_path::check(
                    cx,
                    self.sink,
                    i,
                    &path,
                    w.path.span,
                    st.workdir_set,
                );
                st.workdir_set = true;
                st.workdir = paths::normalize_workdir(&st.workdir, &path);
                step.words.push((w.path.span, path));
            }
            Command::User(u) => {
                if let Some(v) = self.expand(st, i, ins, &u.user) {
                    step.words.push((u.user.span, v.clone()));
                    st.user = v;
                }
            }
            Command::Volume(v) => {
                for a in &v.volumes {
                    self.expand(st, i, ins, a);
                }
            }
            Command::Stopsignal(sig) => {
                self.expand(st, i, ins, &sig.signal);
            }
            Command::Shell(sh) => {
                st.shell = sh.shell.iter().map(|a| a.value.to_string()).collect();
            }
            Command::Cmd(c) => {
                rules::multiple_instructions_disallowed::check(cx, self.sink, &mut st.cmd, i, ins);
                if c.cmd.prepend_shell {
                    rules::json_args_recommended::check(cx, self.sink, i, ins, &st.shell);
                }
            }
            Command::Entrypoint(e) => {
                rules::multiple_instructions_disallowed::check(
                    cx,
                    self.sink,
                    &mut st.entrypoint,
                    i,
                    ins,
                );
                if e.cmd.prepend_shell {
                    rules::json_args_recommended::check(cx, self.sink, i, ins, &st.shell);
                }
            }
            Command::Healthcheck(_) => {
                rules::multiple_instructions_disallowed::check(
                    cx,
                    self.sink,
                    &mut st.healthcheck,
                    i,
                    ins,
                );
            }
            Command::Expose(e) => {
                for p in &e.ports {
                    match cx.lexer.process_words(&p.value, &st.env) {
                        Ok(words) => {
                            for w in words {
                                rules::expose_proto_casing::check(cx, self.sink, i, &w, p.span);
                                rules::expose_invalid_format::check(cx, self.sink, i, &w, p.span);
                                if let Err(msg) =
                                    drydock_syntax::instructions::ports::parse_port_spec(&w)
                                {
                                    self.errors.push(errors::error(
                                        errors::EXPOSE_PORT,
                                        p.span,
                                        msg,
                                    ));
                                }
                                step.words.push((p.span, w));
                            }
                        }
                        Err(err) => self.errors.push(errors::error(
                            errors::EXPANSION,
                            p.span,
                            err.to_string(),
                        )),
                    }
                }
            }
            Command::Copy(c) => {
                for a in c.chown.iter().chain(&c.chmod) {
                    self.expand(st, i, ins, a);
                }
                self.sources(
                    st,
                    step,
                    i,
                    ins,
                    &c.sources,
                    &c.dest,
                    c.from.is_none(),
                    false,
                );
                for h in &c.contents {
                    self.heredoc(st, i, ins, h);
                }
                if let Some(from) = &c.from {
                    self.copy_from_order(model, s, stage_name, from);
                }
            }
            Command::Add(a) => {
                for f in a.chown.iter().chain(&a.chmod).chain(&a.checksum) {
                    self.expand(st, i, ins, f);
                }
                self.sources(st, step, i, ins, &a.sources, &a.dest, true, true);
                for h in &a.contents {
                    self.heredoc(st, i, ins, h);
                }
            }
            Command::Run(r) => {
                for m in &r.mounts {
                    let env = &st.env;
                    let lexer = cx.lexer;
                    let mut unmatched: Vec<String> = Vec::new();
                    let mut expander = |w: &str| -> Result<String, String> {
                        let e = lexer.process_word(w, env).map_err(|e| e.to_string())?;
                        unmatched.extend(e.unmatched.iter().map(|u| (*u).to_owned()));
                        Ok(e.value.into_owned())
                    };
                    let res = parse_mount(&m.value, Some(&mut expander));
                    let names: Vec<&str> = unmatched.iter().map(String::as_str).collect();
                    self.undefined(st, i, ins, m.span, &names);
                    if let Err(e) = res {
                        self.errors
                            .push(errors::error(errors::EXPANSION, m.span, e));
                    }
                }
            }
            Command::Maintainer(_) | Command::Onbuild(_) | Command::From(_) => {}
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn sources(
        &mut self,
        st: &StageState,
        step: &mut Step,
        i: usize,
        ins: &Instruction<'_>,
        sources: &[Arg<'_>],
        dest: &Arg<'_>,
        from_context: bool,
        is_add: bool,
    ) {
        let mut expanded = Vec::new();
        for src in sources {
            if let Some(v) = self.expand(st, i, ins, src) {
                expanded.push((src.span, v));
            }
        }
        let dest_v = self.expand(st, i, ins, dest);
        if from_context {
            for (span, v) in &expanded {
                rules::copy_ignored_file::check(self.cx, self.sink, i, v, *span, is_add);
            }
        }
        step.sources = expanded;
        step.dest = dest_v;
    }

    fn heredoc(
        &mut self,
        st: &StageState,
        i: usize,
        ins: &Instruction<'_>,
        h: &drydock_syntax::instructions::SourceContent<'_>,
    ) {
        if !h.expand {
            return;
        }
        match expand_heredoc(&h.data, &st.env) {
            Ok(e) => self.undefined(st, i, ins, h.span, &e.unmatched),
            Err(e) => self
                .errors
                .push(errors::error(errors::EXPANSION, h.span, e.to_string())),
        }
    }

    /// `cannot copy from stage "X", it needs to be defined before current stage "Y"`.
    fn copy_from_order(&mut self, model: &Model, s: usize, stage_name: &str, from: &Arg<'_>) {
        let f = from.value.as_str();
        let n = model.stages.len();
        let src = match f.parse::<usize>() {
            Ok(x) if x < n => Some(x),
            Ok(_) => None,
            Err(_) => self.names.get(&f.to_lowercase()).copied(),
        };
        if let Some(x) = src
            && x >= s
        {
            self.errors.push(errors::error(
                errors::COPY_FROM_LATER,
                from.span,
                format!(
                    "cannot copy from stage {}, it needs to be defined before current stage {}",
                    drydock_syntax::words::go_quote(f),
                    drydock_syntax::words::go_quote(stage_name)
                ),
            ));
        }
    }
}
