//! The sink rules report into: applies the file's and the instruction's `# check=` options,
//! drops exact duplicates (BuildKit shows a warning once), records which rules fired for
//! `error=true`, and keeps BuildKit's warnings apart from Drydock's insights.
use crate::config::{CheckConfig, comment_config, enabled};
use crate::meta::{Origin, RuleMeta};
use crate::report::Finding;
use drydock_syntax::Dockerfile;
use drydock_text::{Severity, TextRange};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Where a finding points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    /// The instruction (its `# check=` comment applies), if any.
    pub ins: Option<usize>,
    pub range: TextRange,
    /// BuildKit's line.
    pub line: u32,
}

/// Collects findings.
#[derive(Debug)]
pub struct Sink {
    pub file: CheckConfig,
    per_ins: Vec<Option<CheckConfig>>,
    pub warnings: Vec<Finding>,
    pub insights: Vec<Finding>,
    called: Vec<&'static str>,
    /// (code, line, start, end) → indexes of the findings there, to drop duplicates.
    seen: BTreeMap<(&'static str, u32, u32, u32), Vec<usize>>,
}

impl Sink {
    pub fn new(df: &Dockerfile<'_>, file: CheckConfig) -> Self {
        Self {
            file,
            per_ins: df
                .instructions
                .iter()
                .map(|i| comment_config(&i.comments))
                .collect(),
            warnings: Vec::new(),
            insights: Vec::new(),
            called: Vec::new(),
            seen: BTreeMap::new(),
        }
    }

    /// Reports `meta` at `at` unless the options skip it; returns the new finding to decorate.
    pub fn report(
        &mut self,
        meta: &'static RuleMeta,
        at: At,
        message: impl Into<String>,
    ) -> Option<&mut Finding> {
        let extra = at
            .ins
            .and_then(|i| self.per_ins.get(i))
            .and_then(Option::as_ref);
        if !enabled(meta.name, meta.code, meta.experimental, &self.file, extra) {
            return None;
        }
        let buildkit = meta.origin == Origin::BuildKit;
        let severity = if buildkit && self.file.error {
            Severity::Error
        } else {
            meta.severity
        };
        let finding = Finding {
            code: meta.code,
            severity,
            message: message.into(),
            range: at.range,
            line: at.line,
            hint: Cow::Borrowed(meta.hint),
            params: Vec::new(),
        };
        let list = if buildkit {
            &mut self.warnings
        } else {
            &mut self.insights
        };
        let key = (
            finding.code,
            finding.line,
            finding.range.start,
            finding.range.end,
        );
        let same = self.seen.entry(key).or_default();
        if same
            .iter()
            .any(|&k| list.get(k).is_some_and(|f| f.message == finding.message))
        {
            return None;
        }
        same.push(list.len());
        if buildkit && !self.called.contains(&meta.code) {
            self.called.push(meta.code);
        }
        list.push(finding);
        list.last_mut()
    }

    /// `lint violation found for rules: A, B` when `error=true` and a BuildKit rule fired.
    pub fn violation(&self) -> Option<String> {
        (self.file.error && !self.called.is_empty())
            .then(|| format!("lint violation found for rules: {}", self.called.join(", ")))
    }
}
