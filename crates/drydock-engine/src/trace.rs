//! The build trace: everything one `docker build` did, as data for every observer (console
//! printers, the UI's timeline, tests): progress vertices in print order, one step per
//! dispatched instruction with its cache status and reason, snapshots, layer, duration and
//! output, and the outcome.
use serde::{Serialize, Serializer};
use std::sync::Arc;

use drydock_syntax::Kind;
use drydock_text::TextRange;
use drydock_vfs::Tree;

use crate::reason::MissReason;

/// One line of a vertex in BuildKit's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum VertexLine {
    /// A status line (`transferring dockerfile: 389B done`).
    Status { text: String },
    /// Output of a RUN, `at_ms` after the vertex started.
    Log {
        at_ms: i64,
        stderr: bool,
        text: String,
    },
}

/// How a vertex ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum VertexStatus {
    Done { ms: i64 },
    Cached,
    Error { message: String },
}

/// One progress vertex (`#N name`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vertex {
    pub index: u32,
    pub name: String,
    pub lines: Vec<VertexLine>,
    pub status: VertexStatus,
    /// The step it shows, when it shows one.
    pub step: Option<usize>,
}

/// A step's relation to the build cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "cache", rename_all = "snake_case")]
pub enum CacheStatus {
    /// Not a filesystem step (ENV, LABEL, …): nothing to cache.
    NotApplicable,
    Hit,
    Miss(MissReason),
}

/// A filesystem snapshot (O(1) clone); serialised as the digest of its contents.
#[derive(Debug, Clone, Default)]
pub struct Snapshot(pub Tree);

impl Serialize for Snapshot {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let node = drydock_vfs::Node::Dir(self.0.root().clone());
        s.serialize_str(&drydock_vfs::content_tree_digest(&node).to_string())
    }
}

/// The layer a step produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepLayer {
    pub diff_id: String,
    pub size: u64,
}

/// One output line of a step (RUN output).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutputLine {
    pub at_ms: i64,
    pub stderr: bool,
    pub text: String,
}

/// One dispatched instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// Index of the stage (FROM order) it belongs to.
    pub stage: usize,
    /// The stage's display name (`build`, `stage-1`, empty for a single-stage build).
    pub stage_name: String,
    pub kind: Kind,
    /// Index of the instruction in the parsed Dockerfile.
    pub instruction: usize,
    /// Whether it came from an ONBUILD trigger of the base.
    pub onbuild: bool,
    /// Source span of the instruction (byte range) and its first/last line.
    pub span: TextRange,
    pub line: u32,
    pub end_line: u32,
    /// The instruction as the progress shows it (`RUN pip install -r requirements.txt`).
    pub text: String,
    /// The progress vertex (`#N`), for steps that have one.
    pub vertex: Option<u32>,
    pub cache: CacheStatus,
    pub before: Snapshot,
    pub after: Snapshot,
    pub layer: Option<StepLayer>,
    /// Simulated duration.
    pub duration_ms: i64,
    pub output: Vec<OutputLine>,
    /// WORKDIR, USER and environment after the step.
    pub workdir: String,
    pub user: String,
    pub env: Vec<String>,
    /// The error, when this step failed.
    pub error: Option<String>,
    /// For a miss explained against the cached version of the step: every input that changed
    /// (instruction text, file checksums, variables, settings).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub input_diff: Vec<crate::cache::InputChange>,
}

/// Where a failure is located in the Dockerfile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorLocation {
    pub start_line: u32,
    pub end_line: u32,
}

/// Why a build failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildFailure {
    /// Docker's text after `ERROR: failed to build: ` (e.g. `failed to solve: …`).
    pub message: String,
    /// The lines of the Dockerfile to excerpt, when the error has a location.
    pub location: Option<ErrorLocation>,
    /// The failed vertex (for the `> [2/3] RUN …:` block), if any.
    pub vertex: Option<u32>,
    /// A suggestion for learners (e.g. the catalog image they may have meant).
    pub suggestion: Option<String>,
}

/// A warning of the build (data; BuildKit's console does not print all of them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildWarning {
    pub code: String,
    pub message: String,
}

/// The image a successful build produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuiltImage {
    pub id: String,
    /// Full names it was tagged with (`docker.io/library/app:latest`).
    pub tags: Vec<String>,
    /// Images that lost a tag to this one (now dangling unless tagged otherwise).
    pub untagged: Vec<String>,
}

/// The whole build.
#[derive(Debug, Clone, Serialize)]
pub struct BuildTrace {
    /// The Dockerfile name as shown (`Dockerfile`, `docker/Dockerfile.prod`).
    pub dockerfile_name: String,
    #[serde(skip)]
    pub dockerfile: Arc<str>,
    pub vertices: Vec<Vertex>,
    pub steps: Vec<Step>,
    pub warnings: Vec<BuildWarning>,
    /// BuildKit's build-check warnings, in the order BuildKit emits them (each also a `WARN:`
    /// line of the `[internal] load build definition` step; summarised after the build).
    pub checks: Vec<drydock_lint::Finding>,
    pub started_ms: i64,
    pub duration_ms: i64,
    /// The target's root filesystem at the end (the image's on success).
    pub rootfs: Option<Snapshot>,
    pub outcome: Result<BuiltImage, BuildFailure>,
}

impl BuildTrace {
    /// The image id on success.
    pub fn image_id(&self) -> Option<&str> {
        self.outcome.as_ref().ok().map(|b| b.id.as_str())
    }

    /// Steps that have a cache status (filesystem steps).
    pub fn cached_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .filter(|s| !matches!(s.cache, CacheStatus::NotApplicable))
    }

    /// The target's root filesystem at the end (the image's on success).
    pub fn final_tree(&self) -> Option<&Tree> {
        self.rootfs.as_ref().map(|s| &s.0)
    }
}
