//! `docker build`: load the Dockerfile, parse, convert (plan), then solve every reachable stage
//! step by step against the build cache, and export the image — recording BuildKit's progress
//! vertices and a step trace as it goes. The clock is virtual; ids derive from content.
pub mod archive;
pub mod chmod;
pub mod copy;
pub mod run;
pub mod users;

use std::collections::BTreeMap;
use std::sync::Arc;

use drydock_vfs::{Layer, LayerStack, Node, Tree, Upper};

use crate::cache::{self, CacheEntry, CacheInputs};
use crate::config::{IdGen, ms_for};
use crate::context;
use crate::dispatch::{ConvertOptions, Resolver, convert};
use crate::engine::{BuildRequest, Engine};
use crate::image::{History, Image, ImageConfig};
use crate::plan::{Op, Plan, PlanImage, PlanStage, Source, StageBase};
use crate::reason::MissReason;
use crate::trace::{
    BuildFailure, BuildTrace, BuiltImage, CacheStatus, ErrorLocation, OutputLine, Snapshot, Step,
    StepLayer, Vertex, VertexLine, VertexStatus,
};

/// Accumulates vertices while the virtual clock runs.
struct Progress {
    vertices: Vec<Vertex>,
    t: i64,
    /// Bytes of layers created in this build (for `exporting layers`).
    new_bytes: u64,
}

impl Progress {
    fn push(
        &mut self,
        name: String,
        lines: Vec<VertexLine>,
        status: VertexStatus,
        step: Option<usize>,
    ) -> u32 {
        let index = u32::try_from(self.vertices.len() + 1).unwrap_or(u32::MAX);
        if let VertexStatus::Done { ms } = status {
            self.t += ms;
        }
        self.vertices.push(Vertex {
            index,
            name,
            lines,
            status,
            step,
        });
        index
    }
}

fn status(text: impl Into<String>) -> VertexLine {
    VertexLine::Status { text: text.into() }
}

/// BuildKit's byte format for progress (`389B`, `1.23kB`, `29.13MB`).
pub fn progress_bytes(n: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    if n < 1000 {
        return format!("{n}B");
    }
    let mut v = n as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!("{v:.2}{}", UNITS.get(i).copied().unwrap_or("B"))
}

/// Resolves images for conversion: local tags first, then the catalog.
pub(crate) struct EngineResolver<'e> {
    pub(crate) engine: &'e Engine,
}

impl Resolver for EngineResolver<'_> {
    fn resolve(&self, name: &str) -> Result<(PlanImage, ImageConfig), (String, Option<String>)> {
        if let Some(id) = self.engine.state.tags.get(name)
            && let Some(img) = self.engine.state.images.get(id)
        {
            return Ok((
                PlanImage {
                    name: name.to_owned(),
                    display: name.to_owned(),
                    id: img.id.clone(),
                    local: true,
                },
                img.config.clone(),
            ));
        }
        let r = drydock_catalog::parse_normalized_named(name).map_err(|e| (e.to_string(), None))?;
        match drydock_catalog::catalog().find(&r) {
            Ok(img) => Ok((
                PlanImage {
                    name: name.to_owned(),
                    display: format!("{name}@{}", img.digest),
                    id: img.digest.clone(),
                    local: false,
                },
                ImageConfig::from_catalog(&img.config),
            )),
            Err(e) => {
                let hint = match &e {
                    drydock_catalog::LookupError::RepositoryNotFound { suggestion, .. } => {
                        suggestion.as_ref().map(|s| format!("did you mean {s}?"))
                    }
                    drydock_catalog::LookupError::TagNotFound { known_tags, .. } => Some(format!(
                        "Drydock simulates these tags: {}",
                        known_tags.join(", ")
                    )),
                };
                Err((e.message(), hint))
            }
        }
    }
}

/// Per-stage solving state.
#[derive(Clone)]
struct StageRun {
    stack: LayerStack,
    key: String,
    label: String,
    /// The first step of this chain that ran in this build.
    rebuilt: Option<Rebuilt>,
    /// Created times of the chain's layers (parallel to its non-empty history entries).
    layer_times: Vec<i64>,
    /// History of the base image (catalog or local).
    base_history: Vec<History>,
    base_digest: Option<String>,
}

/// The first step of a stage's chain that ran in this build.
#[derive(Clone)]
struct Rebuilt {
    step: usize,
    instruction: String,
    /// Whether it ran because the cache had never seen it (its reason was [`MissReason::FirstBuild`]).
    first_build: bool,
}

fn location_of(parse: &drydock_syntax::Parse<'_>) -> Option<ErrorLocation> {
    let d = parse.diagnostics.iter().find(|d| {
        d.is_error()
            && drydock_syntax::codes::stage_of(&d.code) != drydock_syntax::codes::Stage::Build
    })?;
    let ins = &parse.dockerfile.instructions;
    if let Some(i) = ins
        .iter()
        .find(|i| i.span.contains_range(d.range) || i.span.start == d.range.start)
    {
        return Some(ErrorLocation {
            start_line: i.start_line,
            end_line: i.end_line,
        });
    }
    let idx = drydock_text::LineIndex::new(parse.text);
    let line = idx.line_col(parse.text, d.range.start).line;
    Some(ErrorLocation {
        start_line: line,
        end_line: line,
    })
}

impl Engine {
    fn begin(&mut self) -> i64 {
        let now = if self.state.builds == 0 && self.state.now_ms == 0 {
            self.config.start_ms
        } else {
            self.now_ms() + self.config.think_ms
        };
        self.state.builds += 1;
        now
    }

    /// Runs `docker build`.
    pub fn build(&mut self, req: BuildRequest) -> BuildTrace {
        let started = self.begin();
        let mut p = Progress {
            vertices: Vec::new(),
            t: started,
            new_bytes: 0,
        };
        let df_path = if req.dockerfile_path.is_empty() {
            "Dockerfile".to_owned()
        } else {
            req.dockerfile_path.clone()
        };
        let df_name = df_path.rsplit('/').next().unwrap_or(&df_path).to_owned();
        let text: Option<String> = req.dockerfile.clone().or_else(|| {
            req.context
                .read_file(&format!("/{}", df_path.trim_start_matches('/')))
                .ok()
                .map(|c| {
                    c.as_bytes()
                        .map(|b| String::from_utf8_lossy(b).into_owned())
                        .unwrap_or_default()
                })
        });
        let mut trace = BuildTrace {
            dockerfile_name: df_name.clone(),
            dockerfile: Arc::from(text.clone().unwrap_or_default()),
            vertices: Vec::new(),
            steps: Vec::new(),
            warnings: Vec::new(),
            checks: Vec::new(),
            started_ms: started,
            duration_ms: 0,
            outcome: Err(BuildFailure {
                message: String::new(),
                location: None,
                vertex: None,
                suggestion: None,
            }),
            rootfs: None,
        };
        let Some(text) = text else {
            p.push(
                format!("[internal] load build definition from {df_name}"),
                vec![status("transferring dockerfile: 2B done")],
                VertexStatus::Done { ms: 10 },
                None,
            );
            return self.finish(trace, p, Err(BuildFailure {
                message: format!(
                    "failed to solve: failed to read dockerfile: open {df_path}: no such file or directory"
                ),
                location: None,
                vertex: None,
                suggestion: None,
            }));
        };
        p.push(
            format!("[internal] load build definition from {df_name}"),
            vec![status(format!(
                "transferring dockerfile: {} done",
                progress_bytes(text.len() as u64)
            ))],
            VertexStatus::Done { ms: 10 },
            None,
        );
        if text.is_empty() {
            return self.finish(
                trace,
                p,
                Err(BuildFailure {
                    message: "failed to solve: the Dockerfile cannot be empty".to_owned(),
                    location: None,
                    vertex: None,
                    suggestion: None,
                }),
            );
        }
        let parse = drydock_syntax::parse(&text);
        if let Some(e) = parse.buildkit_error() {
            let location = location_of(&parse);
            return self.finish(
                trace,
                p,
                Err(BuildFailure {
                    message: format!("failed to solve: {e}"),
                    location,
                    vertex: None,
                    suggestion: None,
                }),
            );
        }
        let (os, arch) = self.config.os_arch();
        let checks = crate::lint::build_checks(&parse, &req, os, arch);
        if let Some(v) = p.vertices.first_mut() {
            v.lines.extend(
                checks
                    .warnings
                    .iter()
                    .map(|w| status(drydock_lint::present::plain_line(w))),
            );
        }
        trace.checks.clone_from(&checks.warnings);
        let opts = ConvertOptions {
            build_args: req.build_args.clone(),
            target: req.target.clone(),
            labels: req.labels.clone(),
            os: os.to_owned(),
            arch: arch.to_owned(),
            no_cache: req.no_cache,
        };
        let planned = convert(&parse, &opts, &EngineResolver { engine: self });
        let plan = match planned {
            Ok(plan) => plan,
            Err(e) => {
                let mut vertex = None;
                if let Some((name, msg)) = &e.metadata {
                    vertex = Some(p.push(
                        name.clone(),
                        Vec::new(),
                        VertexStatus::Error {
                            message: msg.clone(),
                        },
                        None,
                    ));
                }
                return self.finish(
                    trace,
                    p,
                    Err(BuildFailure {
                        message: format!("failed to solve: {}", e.message),
                        location: e.lines.map(|(a, b)| ErrorLocation {
                            start_line: a,
                            end_line: b,
                        }),
                        vertex,
                        suggestion: e.suggestion,
                    }),
                );
            }
        };
        for m in &plan.metadata {
            let ms = self.config.speed.metadata_ms + i64::try_from(m.len() % 7).unwrap_or(0) * 100;
            p.push(
                format!("[internal] load metadata for {m}"),
                Vec::new(),
                VertexStatus::Done { ms },
                None,
            );
        }
        if let Some(e) = checks
            .errors
            .iter()
            .find(|e| e.code == drydock_lint::errors::LINT_VIOLATION)
        {
            let line = drydock_text::LineIndex::new(parse.text)
                .line_col(parse.text, e.range.start)
                .line;
            return self.finish(
                trace,
                p,
                Err(BuildFailure {
                    message: format!("failed to solve: {}", e.message),
                    location: Some(ErrorLocation {
                        start_line: line,
                        end_line: line,
                    }),
                    vertex: None,
                    suggestion: None,
                }),
            );
        }
        for a in &plan.unused_args {
            trace.warnings.push(crate::trace::BuildWarning {
                code: "UnusedBuildArg".to_owned(),
                message: format!("One or more build-args [{a}] were not consumed"),
            });
        }
        // .dockerignore and the context.
        let ctx = match context::prepare(&req.context, &df_path) {
            Ok(c) => c,
            Err(e) => {
                return self.finish(
                    trace,
                    p,
                    Err(BuildFailure {
                        message: format!("failed to solve: {e}"),
                        location: None,
                        vertex: None,
                        suggestion: None,
                    }),
                );
            }
        };
        let ign_size = ctx.ignore_file.as_ref().map_or(2, |(_, s)| (*s).max(2));
        p.push(
            "[internal] load .dockerignore".to_owned(),
            vec![status(format!(
                "transferring context: {} done",
                progress_bytes(ign_size)
            ))],
            VertexStatus::Done { ms: 10 },
            None,
        );
        let outcome = self.solve(&plan, &ctx.tree, &req, &mut p, &mut trace);
        self.finish(trace, p, outcome)
    }

    fn finish(
        &mut self,
        mut trace: BuildTrace,
        p: Progress,
        outcome: Result<BuiltImage, BuildFailure>,
    ) -> BuildTrace {
        trace.duration_ms = p.t - trace.started_ms;
        trace.vertices = p.vertices;
        trace.outcome = outcome;
        self.state.now_ms = p.t;
        trace
    }

    fn context_vertex(&mut self, plan: &Plan, ctx: &Tree, p: &mut Progress) {
        // Paths the build reads from the context (BuildKit sends only those).
        let mut prefixes: Vec<String> = Vec::new();
        for st in plan.stages.iter().filter(|s| s.reachable) {
            for step in &st.steps {
                match &step.op {
                    Some(Op::Copy(c)) if c.source == Source::Context => {
                        for s in &c.srcs {
                            let n = drydock_vfs::normalize_path("/", s, false);
                            let lit: Vec<&str> = n
                                .split('/')
                                .take_while(|c| !c.contains(['*', '?', '[']))
                                .collect();
                            prefixes.push(lit.join("/"));
                        }
                    }
                    Some(Op::Run(r)) => {
                        for (m, s) in &r.mounts {
                            if *s == Some(Source::Context) {
                                prefixes.push(drydock_vfs::normalize_path("/", &m.source, false));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let included = |path: &str| {
            let abs = format!("/{path}");
            prefixes.iter().any(|pre| {
                pre.is_empty() || pre == "/" || abs == *pre || abs.starts_with(&format!("{pre}/"))
            })
        };
        let mut bytes = 0u64;
        let mut sent = BTreeMap::new();
        for (path, digest, size) in context::file_digests(ctx) {
            if !included(&path) {
                continue;
            }
            bytes += 30;
            if self.state.context_sent.get(&path) != Some(&digest) {
                bytes += size;
            }
            sent.insert(path, digest);
        }
        self.state.context_sent.extend(sent);
        let ms = 10 + ms_for(bytes, self.config.speed.copy_bytes_per_s);
        p.push(
            "[internal] load build context".to_owned(),
            vec![status(format!(
                "transferring context: {} done",
                progress_bytes(bytes.max(2))
            ))],
            VertexStatus::Done { ms },
            None,
        );
    }

    /// The FROM vertex of an image, with download lines the first time.
    fn push_from_vertex(
        &mut self,
        name: String,
        img: &PlanImage,
        all_cached: bool,
        p: &mut Progress,
    ) {
        if img.local || self.state.pulled.contains(&img.id) {
            if all_cached {
                p.push(name, Vec::new(), VertexStatus::Cached, None);
            } else {
                p.push(name, Vec::new(), VertexStatus::Done { ms: 0 }, None);
            }
            return;
        }
        let cat = drydock_catalog::catalog();
        let Some(bi) = cat.images.iter().find(|i| i.digest == img.id) else {
            p.push(name, Vec::new(), VertexStatus::Done { ms: 0 }, None);
            return;
        };
        let mut lines = vec![status(format!("resolve {} 0.0s done", img.display))];
        let mut total = 50i64;
        let mut layer_digests = Vec::new();
        for (i, l) in bi.layers().enumerate() {
            let d = drydock_vfs::Digest::of(format!("{}#{i}", bi.digest).as_bytes()).to_string();
            let ms = ms_for(l.compressed, self.config.speed.download_bytes_per_s).max(1);
            total += ms;
            lines.push(status(format!(
                "{d} {} / {} {:.1}s done",
                progress_bytes(l.compressed),
                progress_bytes(l.compressed),
                ms as f64 / 1000.0
            )));
            layer_digests.push((d, l.size));
        }
        for (d, size) in layer_digests {
            let ms = ms_for(size, self.config.speed.extract_bytes_per_s).max(1);
            total += ms;
            lines.push(status(format!(
                "extracting {d} {:.1}s done",
                ms as f64 / 1000.0
            )));
        }
        self.state.pulled.insert(img.id.clone());
        p.push(name, lines, VertexStatus::Done { ms: total }, None);
    }

    fn image_start(&mut self, img: &PlanImage) -> (LayerStack, Vec<History>, Option<String>) {
        if img.local {
            if let Some(rec) = self.state.images.get(&img.id).cloned() {
                let stack = self.image_stack(&rec);
                return (stack, rec.history.clone(), rec.base.clone());
            }
            return (LayerStack::new(), Vec::new(), None);
        }
        let stack = self.base_stack(&img.id);
        let cat = drydock_catalog::catalog();
        let history = cat
            .images
            .iter()
            .find(|i| i.digest == img.id)
            .map(|bi| crate::base::image_record(bi, &stack).history)
            .unwrap_or_default();
        (stack, history, Some(img.id.clone()))
    }

    fn source_tree(
        &mut self,
        src: &Source,
        ctx: &Tree,
        runs: &BTreeMap<usize, StageRun>,
        plan: &Plan,
    ) -> Tree {
        match src {
            Source::Context => ctx.clone(),
            Source::Stage(i) => runs
                .get(i)
                .map(|r| r.stack.tree().clone())
                .unwrap_or_default(),
            Source::Image(i) => match plan.images.get(*i) {
                Some(img) => {
                    let img = img.clone();
                    self.image_start(&img).0.tree().clone()
                }
                None => Tree::new(),
            },
        }
    }

    #[allow(clippy::too_many_lines)]
    fn solve(
        &mut self,
        plan: &Plan,
        ctx: &Tree,
        req: &BuildRequest,
        p: &mut Progress,
        trace: &mut BuildTrace,
    ) -> Result<BuiltImage, BuildFailure> {
        let mut ids = IdGen::new(self.config.seed ^ self.state.builds);
        let build_no = self.state.builds;
        // Which stages are entirely cached (for FROM vertex status) is only known afterwards;
        // BuildKit prints FROM as DONE when anything ran on it. Precompute optimistic hits.
        let mut from_pending: Vec<(usize, String, PlanImage)> = Vec::new();
        for st in plan.stages.iter().filter(|s| s.reachable) {
            if let (StageBase::Image(i), Some(v)) = (&st.base, &st.from_vertex)
                && let Some(img) = plan.images.get(*i)
            {
                from_pending.push((st.index, v.clone(), img.clone()));
            }
        }
        let implicit: Vec<PlanImage> = plan
            .images
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                !plan
                    .stages
                    .iter()
                    .any(|s| s.reachable && s.base == StageBase::Image(*i))
            })
            .map(|(_, img)| img.clone())
            .collect();
        let mut runs: BTreeMap<usize, StageRun> = BTreeMap::new();
        let uses_context = plan.stages.iter().any(|s| s.reachable && s.uses_context);
        let mut from_printed = false;
        let print_froms = |this: &mut Engine, p: &mut Progress, all_cached: bool| {
            for (_, name, img) in &from_pending {
                this.push_from_vertex(name.clone(), img, all_cached, p);
            }
            for img in &implicit {
                this.push_from_vertex(format!("FROM {}", img.display), img, all_cached, p);
            }
            if uses_context {
                this.context_vertex(plan, ctx, p);
            }
        };
        // Decide whether everything will hit: a dry pass is costly, so FROM vertices are
        // printed as DONE unless the whole build turns out cached (patched afterwards).
        let from_first = p.vertices.len();
        print_froms(self, p, false);
        from_printed |= true;
        let _ = from_printed;
        let mut any_miss = false;
        let mut last_stage = plan.target;
        for st in plan.stages.iter().filter(|s| s.reachable) {
            last_stage = st.index;
            let mut run = match &st.base {
                StageBase::Scratch => StageRun {
                    stack: LayerStack::new(),
                    key: cache::root_key("scratch"),
                    label: "FROM scratch".to_owned(),
                    rebuilt: None,
                    layer_times: Vec::new(),
                    base_history: Vec::new(),
                    base_digest: None,
                },
                StageBase::Stage(i) => match runs.get(i) {
                    Some(r) => r.clone(),
                    None => {
                        return Err(BuildFailure {
                            message: format!("failed to solve: stage {i} was not built"),
                            location: None,
                            vertex: None,
                            suggestion: None,
                        });
                    }
                },
                StageBase::Image(i) => {
                    let img = plan.images.get(*i).cloned().unwrap_or_else(|| PlanImage {
                        name: String::new(),
                        display: String::new(),
                        id: String::new(),
                        local: false,
                    });
                    let (stack, history, base_digest) = self.image_start(&img);
                    StageRun {
                        stack,
                        key: cache::root_key(&format!("image {}", img.id)),
                        label: format!("FROM {}", img.display),
                        rebuilt: None,
                        layer_times: Vec::new(),
                        base_history: history,
                        base_digest,
                    }
                }
            };
            for step in &st.steps {
                let ins = step.instruction;
                let before = run.stack.tree().clone();
                let mut st_rec = Step {
                    stage: st.index,
                    stage_name: st.display.clone(),
                    kind: step.kind,
                    instruction: ins,
                    onbuild: step.onbuild,
                    span: step.span,
                    line: step.line,
                    end_line: step.end_line,
                    text: step.text.clone(),
                    vertex: None,
                    cache: CacheStatus::NotApplicable,
                    before: Snapshot(before.clone()),
                    after: Snapshot(before.clone()),
                    layer: None,
                    duration_ms: 0,
                    output: Vec::new(),
                    workdir: step.workdir.clone(),
                    user: step.user.clone(),
                    env: step.env.clone(),
                    error: None,
                    input_diff: Vec::new(),
                };
                let Some(op) = &step.op else {
                    trace.steps.push(st_rec);
                    continue;
                };
                let step_index = trace.steps.len();
                let vname = step
                    .vertex_name
                    .clone()
                    .unwrap_or_else(|| step.text.clone());
                // Inputs and key.
                let mut inputs = CacheInputs {
                    op: step.original.clone(),
                    ..CacheInputs::default()
                };
                let mut copy_items = None;
                match op {
                    Op::Copy(c) => {
                        let tree = self.source_tree(&c.source, ctx, &runs, plan);
                        match copy::select(c, &tree) {
                            Ok(items) => {
                                inputs.files = copy::checksums(&items);
                                copy_items = Some(items);
                            }
                            Err(e) => {
                                let refid = format!("{}::{}", ids.identity(), ids.identity());
                                let vmsg =
                                    format!("failed to calculate checksum of ref {refid}: {e}");
                                let v = p.push(
                                    vname,
                                    Vec::new(),
                                    VertexStatus::Error {
                                        message: vmsg.clone(),
                                    },
                                    Some(step_index),
                                );
                                st_rec.vertex = Some(v);
                                st_rec.error = Some(vmsg.clone());
                                st_rec.cache = CacheStatus::Miss(MissReason::FirstBuild);
                                trace.steps.push(st_rec);
                                trace.rootfs = Some(Snapshot(before));
                                return Err(BuildFailure {
                                    message: format!(
                                        "failed to solve: failed to compute cache key: {vmsg}"
                                    ),
                                    location: Some(ErrorLocation {
                                        start_line: step.line,
                                        end_line: step.end_line,
                                    }),
                                    vertex: Some(v),
                                    suggestion: None,
                                });
                            }
                        }
                        inputs.settings.insert("dest".into(), c.dest.clone());
                        inputs.settings.insert(
                            "source".into(),
                            match &c.source {
                                Source::Context => "build context".to_owned(),
                                Source::Stage(i) => format!(
                                    "stage {}",
                                    plan.stages
                                        .get(*i)
                                        .map_or_else(|| i.to_string(), |s| s.display.clone())
                                ),
                                Source::Image(i) => plan
                                    .images
                                    .get(*i)
                                    .map_or_else(String::new, |m| m.display.clone()),
                            },
                        );
                        for (k, v) in [
                            ("chown", c.chown.clone().unwrap_or_default()),
                            ("chmod", c.chmod.clone().unwrap_or_default()),
                            ("exclude", c.excludes.join(",")),
                            (
                                "flags",
                                format!(
                                    "link={} parents={} unpack={:?}",
                                    c.link, c.parents, c.unpack
                                ),
                            ),
                        ] {
                            if !v.is_empty() {
                                inputs.settings.insert(k.into(), v);
                            }
                        }
                    }
                    Op::Run(r) => {
                        for (k, v) in &r.env {
                            inputs.env.insert(k.clone(), v.clone());
                        }
                        inputs.args = r.arg_names.clone();
                        inputs
                            .settings
                            .insert("command".into(), crate::image::go_quote_list(&r.argv));
                        inputs.settings.insert("WORKDIR".into(), r.workdir.clone());
                        if !r.user.is_empty() {
                            inputs.settings.insert("USER".into(), r.user.clone());
                        }
                        if r.network != "default" {
                            inputs.settings.insert("network".into(), r.network.clone());
                        }
                        if r.security != "sandbox" {
                            inputs
                                .settings
                                .insert("security".into(), r.security.clone());
                        }
                        for (m, src) in &r.mounts {
                            inputs.settings.insert(
                                format!("mount {}", m.target),
                                format!(
                                    "type={} source={} from={} id={} ro={}",
                                    m.kind, m.source, m.from, m.cache_id, m.read_only
                                ),
                            );
                            if m.kind == "bind"
                                && let Some(s) = src
                            {
                                let tree = self.source_tree(s, ctx, &runs, plan);
                                let path = drydock_vfs::normalize_path("/", &m.source, false);
                                if let Ok(rn) = tree.resolve(&path, true)
                                    && let Some(n) = rn.node
                                {
                                    let d = drydock_vfs::content_tree_digest(&n.to_node());
                                    inputs.files.insert(
                                        format!(
                                            "{} (mounted at {})",
                                            path.trim_start_matches('/'),
                                            m.target
                                        ),
                                        d.to_string(),
                                    );
                                }
                            }
                        }
                    }
                    Op::Mkdir(m) => {
                        if !m.user.is_empty() {
                            inputs.settings.insert("USER".into(), m.user.clone());
                        }
                    }
                }
                let key = cache::key(&run.key, &inputs);
                let hit = if req.no_cache {
                    None
                } else {
                    self.state.cache.get(&key).cloned()
                };
                if let Some(entry) = hit.filter(|e| {
                    self.state.layers.contains_key(&e.layer)
                        || e.layer == drydock_vfs::Layer::empty().diff_id().to_string()
                }) {
                    let layer = self
                        .state
                        .layers
                        .get(&entry.layer)
                        .cloned()
                        .unwrap_or_else(Layer::empty);
                    run.stack = run.stack.push(layer);
                    run.key = key.clone();
                    run.layer_times.push(entry.created_ms);
                    if let Some(e) = self.state.cache.get_mut(&key) {
                        e.last_used = build_no;
                        e.last_used_ms = p.t;
                        e.usage_count += 1;
                    }
                    let v = p.push(vname, Vec::new(), VertexStatus::Cached, Some(step_index));
                    st_rec.vertex = Some(v);
                    st_rec.cache = CacheStatus::Hit;
                    st_rec.after = Snapshot(run.stack.tree().clone());
                    st_rec.layer = Some(StepLayer {
                        diff_id: entry.layer.clone(),
                        size: entry.size,
                    });
                    trace.steps.push(st_rec);
                    continue;
                }
                any_miss = true;
                let reason = if req.no_cache {
                    MissReason::NoCache
                } else if let Some(r) = &run.rebuilt {
                    // A chain that starts at a step the cache never saw (a first build) is
                    // new all along: "not in the cache yet" is the learner's answer, not
                    // "an earlier step was rebuilt".
                    if r.first_build {
                        MissReason::FirstBuild
                    } else {
                        MissReason::ParentRebuilt {
                            step: r.step,
                            instruction: r.instruction.clone(),
                        }
                    }
                } else {
                    if let Some(prev) = self.previous(&run, &inputs) {
                        st_rec.input_diff = cache::diff(&prev.inputs, &inputs);
                    }
                    self.explain(&run, &inputs)
                };
                if run.rebuilt.is_none() {
                    run.rebuilt = Some(Rebuilt {
                        step: step_index,
                        instruction: step.text.clone(),
                        first_build: reason == MissReason::FirstBuild,
                    });
                }
                // Execute.
                let mut upper = Upper::at(
                    run.stack.clone(),
                    drydock_vfs::Timestamp::from_secs(p.t / 1000),
                );
                let mut lines = Vec::new();
                let mut output = Vec::new();
                let result: Result<i64, String> = match op {
                    Op::Copy(c) => {
                        let items = copy_items.take().unwrap_or_default();
                        copy::apply(c, items, &mut upper, p.t / 1000)
                            .map(|bytes| 20 + ms_for(bytes, self.config.speed.copy_bytes_per_s))
                    }
                    Op::Mkdir(m) => {
                        let (uid, gid) = if m.user.is_empty() {
                            (0, 0)
                        } else {
                            users::chown_ids(upper.tree(), &m.user)
                        };
                        upper
                            .mkdir_all(&m.path, drydock_vfs::Create::dir().owner(uid, gid))
                            .map(|_| 10)
                            .map_err(|e| e.to_string())
                    }
                    Op::Run(r) => self.exec_run(
                        r,
                        plan,
                        ctx,
                        &runs,
                        &mut upper,
                        p.t,
                        &mut lines,
                        &mut output,
                    ),
                };
                let ms = match result {
                    Ok(ms) => ms,
                    Err(e) => {
                        let v = p.push(
                            vname,
                            lines,
                            VertexStatus::Error { message: e.clone() },
                            Some(step_index),
                        );
                        st_rec.vertex = Some(v);
                        st_rec.cache = CacheStatus::Miss(reason);
                        st_rec.error = Some(e.clone());
                        st_rec.output = output;
                        st_rec.after = Snapshot(upper.tree().clone());
                        trace.steps.push(st_rec);
                        trace.rootfs = Some(Snapshot(upper.tree().clone()));
                        return Err(BuildFailure {
                            message: format!("failed to solve: {e}"),
                            location: Some(ErrorLocation {
                                start_line: step.line,
                                end_line: step.end_line,
                            }),
                            vertex: Some(v),
                            suggestion: None,
                        });
                    }
                };
                let layer = upper.commit();
                let diff_id = layer.diff_id().to_string();
                let size = layer.size();
                let created = p.t + ms;
                p.new_bytes += size;
                self.state.layers.insert(diff_id.clone(), layer.clone());
                self.state.cache.insert(
                    key.clone(),
                    CacheEntry {
                        key: key.clone(),
                        parent: run.key.clone(),
                        parent_label: run.label.clone(),
                        inputs,
                        layer: diff_id.clone(),
                        size,
                        created_ms: created,
                        last_used: build_no,
                        last_used_ms: p.t,
                        usage_count: 1,
                        duration_ms: ms,
                    },
                );
                run.stack = run.stack.push(layer);
                run.key = key;
                run.layer_times.push(created);
                let v = p.push(vname, lines, VertexStatus::Done { ms }, Some(step_index));
                st_rec.vertex = Some(v);
                st_rec.cache = CacheStatus::Miss(reason);
                st_rec.duration_ms = ms;
                st_rec.output = output;
                st_rec.after = Snapshot(run.stack.tree().clone());
                st_rec.layer = Some(StepLayer { diff_id, size });
                trace.steps.push(st_rec);
            }
            runs.insert(st.index, run);
        }
        if !any_miss {
            for v in p.vertices.iter_mut().skip(from_first) {
                if v.name.contains("FROM ") && v.step.is_none() && v.lines.is_empty() {
                    v.status = VertexStatus::Cached;
                }
            }
        }
        let Some(run) = runs.get(&plan.target).cloned() else {
            return Err(BuildFailure {
                message: "failed to solve: target stage was not built".to_owned(),
                location: None,
                vertex: None,
                suggestion: None,
            });
        };
        let _ = last_stage;
        trace.rootfs = Some(Snapshot(run.stack.tree().clone()));
        let target = plan.stages.get(plan.target);
        self.export(target, run, req, p)
    }

    /// The cached version of this step: the most recent entry on the same parent for the same
    /// kind of operation.
    fn previous(&self, run: &StageRun, inputs: &CacheInputs) -> Option<&CacheEntry> {
        let kw = |op: &str| op.split(' ').next().unwrap_or("").to_owned();
        let mut best: Option<&CacheEntry> = None;
        for e in self.state.cache.values() {
            if e.parent == run.key
                && kw(&e.inputs.op) == kw(&inputs.op)
                && best.is_none_or(|b| (e.last_used, e.created_ms) > (b.last_used, b.created_ms))
            {
                best = Some(e);
            }
        }
        best
    }

    fn explain(&self, run: &StageRun, inputs: &CacheInputs) -> MissReason {
        if let Some(prev) = self.previous(run, inputs) {
            return cache::explain(prev, inputs, true);
        }
        if run.layer_times.is_empty() && run.label.starts_with("FROM ") {
            for e in self.state.cache.values() {
                if e.inputs.op == inputs.op
                    && e.parent_label != run.label
                    && e.parent_label.starts_with("FROM ")
                {
                    return MissReason::BaseImageChanged {
                        before: e.parent_label.trim_start_matches("FROM ").to_owned(),
                        after: run.label.trim_start_matches("FROM ").to_owned(),
                    };
                }
            }
        }
        MissReason::FirstBuild
    }

    #[allow(clippy::too_many_arguments)]
    fn exec_run(
        &mut self,
        r: &crate::plan::RunOp,
        plan: &Plan,
        ctx: &Tree,
        runs: &BTreeMap<usize, StageRun>,
        upper: &mut Upper,
        t: i64,
        lines: &mut Vec<VertexLine>,
        output: &mut Vec<OutputLine>,
    ) -> Result<i64, String> {
        let user = users::run_user(upper.tree(), &r.user)?;
        let mut placed = Vec::new();
        for (m, src) in &r.mounts {
            let node = match m.kind.as_str() {
                "bind" => {
                    let tree = match src {
                        Some(s) => self.source_tree(s, ctx, runs, plan),
                        None => ctx.clone(),
                    };
                    let path = drydock_vfs::normalize_path("/", &m.source, false);
                    match tree
                        .resolve(&path, true)
                        .ok()
                        .and_then(|rn| rn.node.map(|n| n.to_node()))
                    {
                        Some(n) => Some(n),
                        None => {
                            return Err(format!(
                                "failed to compute cache key: {}",
                                copy::not_found(&path)
                            ));
                        }
                    }
                }
                "cache" => {
                    let id = if m.cache_id.is_empty() {
                        m.target.clone()
                    } else {
                        m.cache_id.clone()
                    };
                    let dir = match self.state.cache_mounts.get(&id) {
                        Some(l) => l.root().clone(),
                        None => {
                            let mut meta = drydock_vfs::Metadata::with_mode(
                                m.mode.and_then(|x| u32::try_from(x).ok()).unwrap_or(0o755),
                            );
                            meta.uid = m.uid.and_then(|x| u32::try_from(x).ok()).unwrap_or(0);
                            meta.gid = m.gid.and_then(|x| u32::try_from(x).ok()).unwrap_or(0);
                            drydock_vfs::DirNode::new(meta)
                        }
                    };
                    placed.push(run::Placed {
                        kind: m.kind.clone(),
                        target: m.target.clone(),
                        node: Some(Node::Dir(dir)),
                        read_only: m.read_only,
                        cache_id: Some(id),
                    });
                    continue;
                }
                "tmpfs" => Some(Node::dir(drydock_vfs::Metadata::with_mode(0o1777))),
                "secret" => {
                    if m.required {
                        let id = if m.cache_id.is_empty() {
                            m.target.rsplit('/').next().unwrap_or("").to_owned()
                        } else {
                            m.cache_id.clone()
                        };
                        return Err(format!("secret {id}: not found"));
                    }
                    continue;
                }
                _ => continue,
            };
            placed.push(run::Placed {
                kind: m.kind.clone(),
                target: m.target.clone(),
                node,
                read_only: m.read_only,
                cache_id: None,
            });
        }
        let mut env = r.env.clone();
        for (k, v) in &plan.proxy_env {
            env.push((k.clone(), v.clone()));
        }
        let result = run::run(
            self.executor.as_ref(),
            r,
            env,
            user,
            placed,
            upper,
            t / 1000,
        );
        for (id, layer) in result.caches {
            self.state.cache_mounts.insert(id, layer);
        }
        let o = result.outcome;
        for (at, err, text) in &o.lines {
            lines.push(VertexLine::Log {
                at_ms: *at,
                stderr: *err,
                text: text.clone(),
            });
            output.push(OutputLine {
                at_ms: *at,
                stderr: *err,
                text: text.clone(),
            });
        }
        let shown = drydock_syntax::words::go_quote(&r.argv.join(" "));
        if let Some(e) = o.start_error {
            return Err(format!(
                "process {shown} did not complete successfully: {e}"
            ));
        }
        if o.exit_code != 0 {
            return Err(format!(
                "process {shown} did not complete successfully: exit code: {}",
                o.exit_code
            ));
        }
        Ok(o.duration_ms.max(self.config.speed.run_base_ms / 2))
    }

    fn export(
        &mut self,
        target: Option<&PlanStage>,
        run: StageRun,
        req: &BuildRequest,
        p: &mut Progress,
    ) -> Result<BuiltImage, BuildFailure> {
        let Some(target) = target else {
            return Err(BuildFailure {
                message: "failed to solve: no target".to_owned(),
                location: None,
                vertex: None,
                suggestion: None,
            });
        };
        // Validate tags first.
        let mut tags = Vec::new();
        for t in &req.tags {
            match drydock_catalog::parse_normalized_named(t) {
                Ok(r) => tags.push(r.tag_name_only().to_string()),
                Err(e) => {
                    return Err(BuildFailure {
                        message: format!("invalid tag {}: {e}", drydock_syntax::words::go_quote(t)),
                        location: None,
                        vertex: None,
                        suggestion: None,
                    });
                }
            }
        }
        // History: base image's, then the chain's with BuildKit's created-time filling.
        let mut history = run.base_history.clone();
        let mut chain: Vec<(String, bool, Option<i64>)> = Vec::new();
        let mut lt = run.layer_times.iter();
        for (by, empty) in &target.history {
            let t = if *empty { None } else { lt.next().copied() };
            chain.push((by.clone(), *empty, t));
        }
        let mut created: Option<i64> = history.last().map(|h| h.created_ms);
        let mut no_time = false;
        for (_, _, t) in &chain {
            match t {
                Some(t) => {
                    created = Some(*t);
                    if no_time {
                        break;
                    }
                }
                None => no_time = true,
            }
        }
        let mut fill = created.unwrap_or(p.t);
        no_time = false;
        for (by, empty, t) in chain {
            let ct = match t {
                Some(t) => {
                    if no_time {
                        fill = t;
                    }
                    t
                }
                None => {
                    no_time = true;
                    fill
                }
            };
            history.push(History {
                created_ms: ct,
                created_by: by,
                comment: "buildkit.dockerfile.v0".to_owned(),
                empty_layer: empty,
            });
        }
        let (os, arch) = self.config.os_arch();
        let layers = run.stack.layers();
        let mut img = Image {
            id: String::new(),
            config: target.config.clone(),
            created_ms: history.last().map_or(p.t, |h| h.created_ms),
            history,
            base: run.base_digest.clone(),
            diff_ids: layers.iter().map(|l| l.diff_id().to_string()).collect(),
            layer_sizes: layers.iter().map(Layer::size).collect(),
            os: os.to_owned(),
            architecture: arch.to_owned(),
            author: target.author.clone(),
            repo_digests: Vec::new(),
            last_tag_ms: None,
        };
        img.seal();
        let layer_ms = ms_for(p.new_bytes, self.config.speed.export_bytes_per_s);
        let ms = 20 + layer_ms;
        let mut lines = vec![if layer_ms > 10 {
            status(format!(
                "exporting layers {:.1}s done",
                layer_ms.max(1) as f64 / 1000.0
            ))
        } else {
            status("exporting layers done")
        }];
        lines.push(status(format!("writing image {} done", img.id)));
        for t in &tags {
            lines.push(status(format!("naming to {t} done")));
        }
        let export_end = p.t + ms;
        if !tags.is_empty() {
            img.last_tag_ms = Some(export_end);
        }
        let mut untagged = Vec::new();
        for t in &tags {
            if let Some(old) = self.state.tags.insert(t.clone(), img.id.clone())
                && old != img.id
                && !untagged.contains(&old)
            {
                untagged.push(old);
            }
        }
        if let Some(existing) = self.state.images.get(&img.id) {
            img.last_tag_ms = img.last_tag_ms.or(existing.last_tag_ms);
        }
        let id = img.id.clone();
        self.state.images.insert(id.clone(), img);
        p.push(
            "exporting to image".to_owned(),
            lines,
            VertexStatus::Done { ms },
            None,
        );
        Ok(BuiltImage { id, tags, untagged })
    }
}
