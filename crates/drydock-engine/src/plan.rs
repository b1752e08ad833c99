//! The plan: BuildKit's conversion phase. Every reachable stage is dispatched (expansion,
//! ARG/ENV scoping, image config, history) into filesystem operations before anything runs, so
//! conversion errors (bad `--chmod`, unknown `--from`, blank base name…) fail the build first,
//! exactly as BuildKit does. Operations carry owned, fully expanded data.
use drydock_syntax::Kind;
use drydock_syntax::instructions::Mount;

use crate::image::ImageConfig;

/// Where a COPY or mount reads from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The build context (after .dockerignore).
    Context,
    /// Another stage's final filesystem.
    Stage(usize),
    /// An image used directly (`COPY --from=nginx:alpine`): index into `Plan::images`.
    Image(usize),
}

/// A resolved image (base of a stage or `--from` source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanImage {
    /// Full reference with tag (`docker.io/library/python:3.11-slim`).
    pub name: String,
    /// As the FROM vertex shows it (with `@sha256:` for registry images).
    pub display: String,
    /// Catalog digest, or the local image id.
    pub id: String,
    /// Whether it is a locally built image (else a catalog image).
    pub local: bool,
}

/// A RUN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOp {
    pub argv: Vec<String>,
    /// The build environment (image env, ARG values, ENV), in order.
    pub env: Vec<(String, String)>,
    /// Names in `env` that ARG set.
    pub arg_names: Vec<String>,
    pub workdir: String,
    pub user: String,
    pub mounts: Vec<(Mount, Option<Source>)>,
    pub network: String,
    pub security: String,
    /// A `#!` heredoc: file name and body, mounted at `/dev/pipes/NAME` and executed.
    pub script: Option<(String, String)>,
}

/// A COPY or ADD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyOp {
    pub add: bool,
    pub source: Source,
    /// Expanded source paths (URLs for ADD).
    pub srcs: Vec<String>,
    /// Heredoc sources: file name, body (already expanded when it should be).
    pub contents: Vec<(String, String)>,
    /// Destination relative to the WORKDIR, normalised, trailing `/` kept.
    pub dest: String,
    pub chown: Option<String>,
    pub chmod: Option<String>,
    pub link: bool,
    pub parents: bool,
    pub excludes: Vec<String>,
    pub unpack: Option<bool>,
}

/// WORKDIR's `mkdir -p`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MkdirOp {
    pub path: String,
    pub user: String,
}

/// A filesystem operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Run(RunOp),
    Copy(CopyOp),
    Mkdir(MkdirOp),
}

/// One dispatched instruction.
#[derive(Debug, Clone)]
pub struct PlanStep {
    pub instruction: usize,
    /// Where the instruction is (byte span, first and last line).
    pub span: drydock_text::TextRange,
    pub line: u32,
    pub end_line: u32,
    pub onbuild: bool,
    pub kind: Kind,
    /// The instruction as the progress shows it (without the `[i/n]` prefix).
    pub text: String,
    /// The instruction as written (logical line), for cache explanations.
    pub original: String,
    /// The vertex name (with prefix) for filesystem steps.
    pub vertex_name: Option<String>,
    pub op: Option<Op>,
    /// The history entry it adds: created_by, empty_layer.
    pub history: Option<(String, bool)>,
    pub workdir: String,
    pub user: String,
    pub env: Vec<String>,
    /// The build environment after this instruction (image env, ARG values, ENV), in order.
    pub build_env: Vec<(String, String)>,
    /// Names in `build_env` that ARG set (an ENV of the same name removes the name).
    pub arg_names: Vec<String>,
}

/// How a stage starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StageBase {
    Scratch,
    /// Index into `Plan::images`.
    Image(usize),
    Stage(usize),
}

/// One stage.
#[derive(Debug, Clone)]
pub struct PlanStage {
    pub index: usize,
    /// Name after AS (lower-cased).
    pub name: Option<String>,
    /// Name in progress prefixes (`build`, `stage-1`, or empty for a single stage).
    pub display: String,
    pub base: StageBase,
    /// The FROM instruction's index.
    pub instruction: usize,
    /// FROM vertex name for image bases.
    pub from_vertex: Option<String>,
    pub steps: Vec<PlanStep>,
    pub config: ImageConfig,
    /// History entries added by this stage chain (created_by, empty_layer, comment).
    pub history: Vec<(String, bool)>,
    pub reachable: bool,
    /// Whether any COPY/ADD/mount reads the build context.
    pub uses_context: bool,
    /// MAINTAINER.
    pub author: String,
    /// The build environment right after FROM (base image env, or the parent stage's).
    pub start_env: Vec<(String, String)>,
    /// Names in `start_env` that ARG set (inherited from a parent stage).
    pub start_arg_names: Vec<String>,
}

/// The whole conversion result.
#[derive(Debug, Clone)]
pub struct Plan {
    pub stages: Vec<PlanStage>,
    pub images: Vec<PlanImage>,
    pub target: usize,
    /// Image names whose metadata was loaded, in order (`[internal] load metadata for …`).
    pub metadata: Vec<String>,
    pub proxy_env: Vec<(String, String)>,
    /// Build args no ARG consumed.
    pub unused_args: Vec<String>,
    /// The ARGs before the first FROM as evaluated, with the line declaring each.
    pub meta_args: Vec<(crate::args::MetaArg, u32)>,
    /// The global scope after the meta ARGs (predefined platform args included).
    pub globals: Vec<(String, String)>,
}

/// A conversion error: Docker's message and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub message: String,
    pub lines: Option<(u32, u32)>,
    pub suggestion: Option<String>,
    /// When resolving a base image failed: the metadata vertex's name and its error.
    pub metadata: Option<(String, String)>,
}

impl PlanError {
    pub fn new(message: impl Into<String>) -> Self {
        PlanError {
            message: message.into(),
            lines: None,
            suggestion: None,
            metadata: None,
        }
    }

    #[must_use]
    pub fn at(mut self, start: u32, end: u32) -> Self {
        if self.lines.is_none() {
            self.lines = Some((start, end));
        }
        self
    }
}
