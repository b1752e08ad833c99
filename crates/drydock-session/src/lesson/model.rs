//! The lesson format as serde types: a lesson (id, title, Markdown text, starting project), its
//! steps (instructions, hints, an optional predict-then-reveal question, goals, a reference
//! solution) and the goal kinds checked against the session. Data only; `docs/lessons.md`
//! documents every field.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id (`[a-z0-9-]+`): the progress key and the `?lesson=` value.
    pub id: String,
    pub title: String,
    /// The introduction (Markdown).
    #[serde(default)]
    pub text: String,
    /// The project the learner starts from.
    #[serde(default)]
    pub start: Start,
    pub steps: Vec<Step>,
}

/// The starting project: a bundled example (by id) plus overrides.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    /// An example of the gallery (`trainer`, `api`, …); none starts from an empty folder.
    #[serde(default)]
    pub example: Option<String>,
    /// Files written over the example (path relative to the project → text).
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    /// Example files removed before the lesson starts.
    #[serde(default)]
    pub remove: Vec<String>,
}

/// One step of a lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    /// What to do (Markdown).
    #[serde(default)]
    pub text: String,
    /// Hints, revealed one at a time.
    #[serde(default)]
    pub hints: Vec<String>,
    /// A question the learner answers before the simulator shows what happens.
    #[serde(default)]
    pub predict: Option<Predict>,
    /// Checked against the session after the learner acts; all must hold.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// What a learner could do to reach the goals (run by `drydock lesson check`).
    #[serde(default)]
    pub solution: Solution,
}

/// A predict-then-reveal question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predict {
    pub question: String,
    pub choices: Vec<String>,
    /// Index of the right choice (0-based).
    pub answer: usize,
    /// Shown after the learner answered (Markdown).
    #[serde(default)]
    pub explain: String,
}

/// A reference solution: file changes (applied in this order: remove, write, append, replace),
/// then terminal lines typed at the docker prompt.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    #[serde(default)]
    pub remove: Vec<String>,
    /// Files created or replaced (path → text).
    #[serde(default)]
    pub write: BTreeMap<String, String>,
    /// Text appended to files (path → text).
    #[serde(default)]
    pub append: BTreeMap<String, String>,
    /// Exact text replacements in files.
    #[serde(default)]
    pub replace: Vec<Replace>,
    /// Lines typed in the terminal (`docker build …`), through the same path as the terminal.
    #[serde(default)]
    pub commands: Vec<String>,
}

/// Replace the first occurrence of `from` in `path` by `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replace {
    pub path: String,
    pub from: String,
    pub to: String,
}

/// Something checked automatically against the session state. Written as a one-key table:
/// `{ image = "trainer:latest" }`, `{ container_exited = { name = "experiment1" } }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// An image with this reference (tag) exists.
    Image(String),
    /// No image has this reference.
    ImageAbsent(String),
    /// The image's config has these values (only the given fields are checked).
    ImageConfig(ConfigGoal),
    /// The image is smaller than `mb` megabytes (as `docker images` counts: 1 MB = 10^6 bytes).
    ImageSizeUnder { image: String, mb: u64 },
    /// A container with this name exited with `code` (default 0).
    ContainerExited {
        name: String,
        #[serde(default)]
        code: i32,
    },
    /// A container with this name is running.
    ContainerRunning(String),
    /// No container has this name.
    ContainerAbsent(String),
    /// The container has a mount at `target` (bind or volume).
    Mount { container: String, target: String },
    /// The last build's step whose instruction contains this text came from the cache.
    LastBuildCached(String),
    /// The last build's step whose instruction contains this text ran (cache miss).
    LastBuildRan(String),
    /// A file or folder exists in the image.
    FileInImage { image: String, path: String },
    /// A file or folder exists in the project folder on the host.
    FileOnHost(String),
    /// A file or folder exists in the container's filesystem.
    FileInContainer { container: String, path: String },
    /// The host file contains this text.
    FileContains { path: String, text: String },
    /// The Dockerfile has no error diagnostics (syntax, BuildKit's checks, learner rules).
    NoErrors(String),
    /// The Dockerfile has no diagnostic with this code (`JSONArgsRecommended`, `DD013`, …).
    NoDiagnostic { file: String, code: String },
    /// A terminal line starting with this text was run and succeeded (exit 0).
    Ran(String),
    /// A terminal line starting with this text was run and failed (non-zero exit status).
    Failed(String),
}

/// The fields of `image_config` (absent = not checked).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigGoal {
    pub image: String,
    #[serde(default)]
    pub workdir: Option<String>,
    #[serde(default)]
    pub entrypoint: Option<Vec<String>>,
    #[serde(default)]
    pub cmd: Option<Vec<String>>,
    /// An `ENV` entry `KEY=value` that must be set.
    #[serde(default)]
    pub env: Option<String>,
    /// An exposed port (`8000/tcp`).
    #[serde(default)]
    pub exposed: Option<String>,
    #[serde(default)]
    pub user: Option<String>,
}
