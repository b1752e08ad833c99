//! Size insight: how efficient the image is (dive's score: the share of its bytes that are not
//! wasted), which bytes are wasted and by which steps, and rewrites of the Dockerfile with their
//! predicted saving — each verified by building the rewrite on a scratch copy of the daemon and
//! measuring the real image (nothing is added to `docker images`).
use drydock_engine::state::EngineState;
use drydock_engine::{BuildRequest, BuildTrace};
use drydock_vfs::Layer;
use serde::Serialize;

use crate::insights::forecast::ForecastRequest;
use crate::insights::rewrite::{self, DiffLine};
use crate::insights::waste::{self, WasteRow};
use crate::session::Session;

/// A waste row with the steps named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waste {
    pub row: WasteRow,
    pub added_by: String,
    pub removed_by: String,
}

/// A suggested rewrite, verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rewrite {
    pub title: String,
    pub explanation: String,
    pub dockerfile: String,
    pub diff: Vec<DiffLine>,
    pub predicted_bytes: u64,
    /// Bytes the rewritten image really is smaller (negative: bigger), or why it did not build.
    pub verified: Result<i64, String>,
}

/// The size insight of one build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SizeInsight {
    pub image_bytes: u64,
    pub wasted_bytes: u64,
    /// Efficiency in per mille (dive's score × 1000).
    pub efficiency_permille: u32,
    pub waste: Vec<Waste>,
    pub rewrites: Vec<Rewrite>,
    /// The build failed: Docker's message (nothing to analyse).
    pub error: Option<String>,
}

fn image_bytes(state: &EngineState, trace: &BuildTrace) -> u64 {
    trace
        .image_id()
        .and_then(|id| state.images.get(id))
        .map_or(0, |img| img.layer_sizes.iter().sum())
}

fn request(req: &ForecastRequest, host: &drydock_vfs::Tree) -> BuildRequest {
    let mut build = BuildRequest::new(host.clone());
    if !req.dockerfile.is_empty() {
        build.dockerfile_path = req.dockerfile.clone();
    }
    build.build_args = req.build_args.clone();
    build.target = req.target.clone();
    build
}

impl Session {
    /// Analyses the image the project builds now, and verifies every suggested rewrite.
    pub fn size_insight(&mut self, req: &ForecastRequest) -> SizeInsight {
        let (trace, state) = self.engine.scratch_build(request(req, &self.host), true);
        let mut out = SizeInsight {
            image_bytes: image_bytes(&state, &trace),
            wasted_bytes: 0,
            efficiency_permille: 1000,
            waste: Vec::new(),
            rewrites: Vec::new(),
            error: trace.outcome.as_ref().err().map(|f| f.message.clone()),
        };
        if out.error.is_some() {
            return out;
        }
        // the target stage's own layers, in order
        let target = trace.steps.last().map_or(0, |s| s.stage);
        let steps: Vec<usize> = (0..trace.steps.len())
            .filter(|i| {
                trace
                    .steps
                    .get(*i)
                    .is_some_and(|s| s.stage == target && s.layer.is_some())
            })
            .collect();
        let layers: Vec<Layer> = steps
            .iter()
            .filter_map(|i| trace.steps.get(*i))
            .filter_map(|s| s.layer.as_ref())
            .map(|l| {
                state
                    .layers
                    .get(&l.diff_id)
                    .cloned()
                    .unwrap_or_else(Layer::empty)
            })
            .collect();
        let (rows, live) = waste::analyse(&layers);
        out.wasted_bytes = rows.iter().map(|r| r.bytes).sum();
        if out.image_bytes > 0 {
            let kept = out.image_bytes.saturating_sub(out.wasted_bytes);
            out.efficiency_permille =
                u32::try_from(kept.saturating_mul(1000) / out.image_bytes).unwrap_or(1000);
        }
        let name = |i: usize| {
            steps
                .get(i)
                .and_then(|s| trace.steps.get(*s))
                .map(|s| format!("line {}: {}", s.line, s.text))
                .unwrap_or_default()
        };
        out.waste = rows
            .iter()
            .map(|r| Waste {
                row: r.clone(),
                added_by: name(r.added_by),
                removed_by: name(r.removed_by),
            })
            .collect();
        for s in rewrite::suggest(&trace, &steps, &rows, &live) {
            let mut b = request(req, &self.host);
            b.dockerfile = Some(s.dockerfile.clone());
            let (t, st) = self.engine.scratch_build(b, true);
            let verified = match &t.outcome {
                Ok(_) => Ok(i64::try_from(out.image_bytes).unwrap_or(i64::MAX)
                    - i64::try_from(image_bytes(&st, &t)).unwrap_or(i64::MAX)),
                Err(f) => Err(f.message.clone()),
            };
            out.rewrites.push(Rewrite {
                diff: rewrite::line_diff(&trace.dockerfile, &s.dockerfile),
                title: s.title,
                explanation: s.explanation,
                dockerfile: s.dockerfile,
                predicted_bytes: s.predicted_bytes,
                verified,
            });
        }
        out
    }
}
