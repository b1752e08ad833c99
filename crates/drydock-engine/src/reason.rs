//! Why a step was not taken from the build cache, as data: the learner-facing answer to "why did
//! this step run again?".
use serde::{Deserialize, Serialize};

/// How one file differs from the cached build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileChangeKind {
    Added,
    Removed,
    Modified,
}

/// One changed input file of a COPY/ADD (path relative to its source: the build context or the
/// `--from` stage/image root).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChange {
    pub path: String,
    pub kind: FileChangeKind,
}

/// A cache miss and its cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum MissReason {
    /// `--no-cache`.
    NoCache,
    /// The cache has never seen this step on this parent.
    FirstBuild,
    /// The step this one builds on was executed in this build, so its result is new.
    ParentRebuilt {
        /// Index (in `BuildTrace::steps`) of the first step of the chain that ran.
        step: usize,
        instruction: String,
    },
    /// The stage's base image is not the one of the cached build.
    BaseImageChanged { before: String, after: String },
    /// The instruction itself (as the builder sees it after expansion) changed.
    InstructionChanged { before: String, after: String },
    /// Source files of a COPY/ADD (or a bind mount) changed.
    FilesChanged { changes: Vec<FileChange> },
    /// A build argument's value (as RUN sees it) changed.
    ArgChanged {
        name: String,
        before: Option<String>,
        after: Option<String>,
    },
    /// An environment variable (ENV) changed.
    EnvChanged {
        name: String,
        before: Option<String>,
        after: Option<String>,
    },
    /// WORKDIR, USER, mounts, network or other settings of the step changed.
    SettingChanged {
        setting: String,
        before: String,
        after: String,
    },
}

impl MissReason {
    /// One sentence for people.
    pub fn describe(&self) -> String {
        match self {
            MissReason::NoCache => "--no-cache: the cache is not used".to_owned(),
            MissReason::FirstBuild => "no cache entry for this step yet".to_owned(),
            MissReason::ParentRebuilt { instruction, .. } => {
                format!("an earlier step was rebuilt ({instruction})")
            }
            MissReason::BaseImageChanged { before, after } => {
                format!("base image changed: {before} → {after}")
            }
            MissReason::InstructionChanged { before, after } => {
                format!("instruction changed: `{before}` → `{after}`")
            }
            MissReason::FilesChanged { changes } => {
                let parts: Vec<String> = changes
                    .iter()
                    .take(5)
                    .map(|c| {
                        let k = match c.kind {
                            FileChangeKind::Added => "added",
                            FileChangeKind::Removed => "removed",
                            FileChangeKind::Modified => "modified",
                        };
                        format!("{} ({k})", c.path)
                    })
                    .collect();
                let more = changes.len().saturating_sub(5);
                let tail = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                format!("files changed: {}{tail}", parts.join(", "))
            }
            MissReason::ArgChanged {
                name,
                before,
                after,
            } => format!(
                "build argument {name} changed: {} → {}",
                show(before.as_deref()),
                show(after.as_deref())
            ),
            MissReason::EnvChanged {
                name,
                before,
                after,
            } => format!(
                "environment variable {name} changed: {} → {}",
                show(before.as_deref()),
                show(after.as_deref())
            ),
            MissReason::SettingChanged {
                setting,
                before,
                after,
            } => format!("{setting} changed: {before} → {after}"),
        }
    }
}

fn show(v: Option<&str>) -> String {
    v.map_or_else(|| "(unset)".to_owned(), |s| format!("{s:?}"))
}
