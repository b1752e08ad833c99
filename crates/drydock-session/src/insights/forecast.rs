//! The what-if cache forecast: "saving this file will rebuild steps 5–8, about 3 min and
//! 1.2 GB of layers". It builds the current project on a scratch copy of the daemon
//! (`Engine::scratch_build`), so every cache decision is the engine's own (same keys, same
//! miss reasons); the daemon's images, tags, cache and clock are left as they were. Times and
//! sizes are the scratch build's simulated ones, which are what the real build will take.
use std::collections::BTreeMap;

use drydock_engine::cache::InputChange;
use drydock_engine::{BuildRequest, BuildTrace, CacheStatus, MissReason};
use serde::Serialize;

use crate::insights::words;
use crate::session::Session;

/// What to forecast: the build the learner is about to run (context = the project folder).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForecastRequest {
    /// The Dockerfile, relative to the project folder.
    pub dockerfile: String,
    pub build_args: BTreeMap<String, String>,
    pub target: Option<String>,
}

/// One step of the forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepForecast {
    /// Its number as the build progress shows it (`5`, `build 2`).
    pub number: String,
    /// The progress name (`[5/8] RUN pip install -r requirements.txt`).
    pub name: String,
    /// First line of the instruction in the Dockerfile.
    pub line: u32,
    pub rebuild: bool,
    /// Why it rebuilds, in words (`` `src/train.py` changed ``, `instruction changed`,
    /// `previous step rebuilt`); empty when cached.
    pub why: String,
    /// The engine's reason, as data.
    pub reason: Option<MissReason>,
    /// Every input that differs from the cached version of the step.
    pub input_diff: Vec<InputChange>,
    /// Simulated time and layer size of the rebuild (0 when cached).
    pub ms: i64,
    pub bytes: u64,
}

/// The forecast of one build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forecast {
    pub steps: Vec<StepForecast>,
    /// Index (in `steps`) of the first step that will rebuild.
    pub first_rebuild: Option<usize>,
    /// Total simulated time and bytes of layers of the steps that rebuild.
    pub total_ms: i64,
    pub total_bytes: u64,
    /// The build would fail: Docker's message.
    pub error: Option<String>,
    /// One sentence: what saving now would cost.
    pub summary: String,
}

impl Session {
    /// Forecasts `docker build` of the project as it is now, against the daemon's cache.
    pub fn forecast(&mut self, req: &ForecastRequest) -> Forecast {
        let mut build = BuildRequest::new(self.host.clone());
        if !req.dockerfile.is_empty() {
            build.dockerfile_path = req.dockerfile.clone();
        }
        build.build_args = req.build_args.clone();
        build.target = req.target.clone();
        let (trace, _) = self.engine.scratch_build(build, true);
        forecast_of(&trace)
    }
}

/// The step number inside a progress name's brackets (`[build 2/4] RUN …` → `build 2`).
fn number_of(name: &str) -> String {
    name.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .map(|(inner, _)| inner.split('/').next().unwrap_or(inner).trim().to_owned())
        .unwrap_or_default()
}

fn why(reason: &MissReason) -> String {
    match reason {
        MissReason::FilesChanged { changes } => {
            let parts: Vec<String> = changes
                .iter()
                .take(3)
                .map(|c| {
                    let verb = match c.kind {
                        drydock_engine::FileChangeKind::Added => "added",
                        drydock_engine::FileChangeKind::Removed => "removed",
                        drydock_engine::FileChangeKind::Modified => "changed",
                    };
                    format!("`{}` {verb}", c.path)
                })
                .collect();
            let more = changes.len().saturating_sub(3);
            if more > 0 {
                format!("{} and {more} more", parts.join(", "))
            } else {
                parts.join(", ")
            }
        }
        MissReason::InstructionChanged { .. } => "instruction changed".to_owned(),
        MissReason::ParentRebuilt { .. } => "previous step rebuilt".to_owned(),
        MissReason::FirstBuild => "not built before".to_owned(),
        other => other.describe(),
    }
}

/// The forecast a (scratch) build trace makes.
pub fn forecast_of(trace: &BuildTrace) -> Forecast {
    let mut steps = Vec::new();
    for s in &trace.steps {
        let Some(v) = s
            .vertex
            .and_then(|v| trace.vertices.iter().find(|x| x.index == v))
        else {
            continue;
        };
        let (rebuild, reason) = match &s.cache {
            CacheStatus::Miss(r) => (true, Some(r.clone())),
            CacheStatus::Hit => (false, None),
            CacheStatus::NotApplicable => continue,
        };
        steps.push(StepForecast {
            number: number_of(&v.name),
            name: v.name.clone(),
            line: s.line,
            rebuild,
            why: reason.as_ref().map(why).unwrap_or_default(),
            reason,
            input_diff: s.input_diff.clone(),
            ms: if rebuild { s.duration_ms } else { 0 },
            bytes: if rebuild {
                s.layer.as_ref().map_or(0, |l| l.size)
            } else {
                0
            },
        });
    }
    let first_rebuild = steps.iter().position(|s| s.rebuild);
    let total_ms = steps.iter().map(|s| s.ms).sum();
    let total_bytes = steps.iter().map(|s| s.bytes).sum();
    let error = trace.outcome.as_ref().err().map(|f| f.message.clone());
    let mut f = Forecast {
        steps,
        first_rebuild,
        total_ms,
        total_bytes,
        error,
        summary: String::new(),
    };
    f.summary = summary(&f);
    f
}

fn summary(f: &Forecast) -> String {
    let rebuilt: Vec<&StepForecast> = f.steps.iter().filter(|s| s.rebuild).collect();
    let mut text = match (rebuilt.first(), rebuilt.last()) {
        _ if f.steps.is_empty() => "Nothing to build yet.".to_owned(),
        (Some(first), Some(last)) => {
            let which = if rebuilt.len() == 1 {
                format!("step {}", first.number)
            } else if rebuilt.len() == f.steps.len() {
                format!("all {} steps", rebuilt.len())
            } else {
                format!("steps {}–{}", first.number, last.number)
            };
            format!(
                "Building now will rebuild {which} ({}), {} and {} of layers.",
                first.why,
                words::duration(f.total_ms),
                words::size(f.total_bytes)
            )
        }
        _ => format!(
            "Building now takes every step ({}) from the cache.",
            f.steps.len()
        ),
    };
    if let Some(e) = &f.error {
        text.push_str(&format!(" The build would fail: {e}"));
    }
    text
}
