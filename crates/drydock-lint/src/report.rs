//! `Finding` (one rule firing, with BuildKit's line and the learner's hint) and `LintReport`
//! (BuildKit's warnings, Drydock's insights, conversion errors and the parser's diagnostics),
//! with the lookups the editor needs (what is at a cursor, rule metadata).
use crate::meta::{Origin, RuleMeta};
use drydock_text::{Diagnostic, Severity, TextRange};
use serde::Serialize;
use std::borrow::Cow;

/// One rule firing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's stable code (BuildKit's rule name or `DDnnn`).
    pub code: &'static str,
    pub severity: Severity,
    /// BuildKit's detail text for its rules; Drydock's message for learner rules.
    pub message: String,
    /// The node the finding is about.
    pub range: TextRange,
    /// The 1-based line BuildKit prints (`(line N)`): the instruction's first line.
    pub line: u32,
    /// One sentence for a learner (the rule's hint unless the finding has a sharper one).
    pub hint: Cow<'static, str>,
    /// Values for the placeholders of the rule's show-me scenario (`file`, `line`, …).
    pub params: Vec<(&'static str, String)>,
}

impl Finding {
    /// The rule's metadata.
    pub fn meta(&self) -> Option<&'static RuleMeta> {
        crate::registry::rule(self.code)
    }

    /// Whose rule fired.
    pub fn origin(&self) -> Origin {
        self.meta().map_or(Origin::Drydock, |m| m.origin)
    }

    /// The finding as an editor diagnostic.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, self.range, self.message.clone())
            .with_hint(self.hint.clone())
    }

    /// A show-me parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Everything the linter found in one Dockerfile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LintReport {
    /// BuildKit's build-check warnings, in the order BuildKit emits them (what `docker build`
    /// prints at the end).
    pub warnings: Vec<Finding>,
    /// Drydock's learner findings, in source order.
    pub insights: Vec<Finding>,
    /// Errors the conversion stops a build with (check options, FROM values, stage references,
    /// `lint violation found for rules: …`), in the order found.
    pub errors: Vec<Diagnostic>,
    /// The parser's diagnostics (syntax errors), without its `NoEmptyContinuation` warnings,
    /// which the linter reports itself (so `# check=skip` applies).
    pub syntax: Vec<Diagnostic>,
}

impl LintReport {
    /// Every diagnostic, sorted by position (syntax, errors, BuildKit's and Drydock's).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = self.syntax.clone();
        out.extend(self.errors.iter().cloned());
        out.extend(self.warnings.iter().map(Finding::to_diagnostic));
        out.extend(self.insights.iter().map(Finding::to_diagnostic));
        drydock_text::sort::sort_by(&mut out, |a, b| {
            (a.range.start, a.range.end, b.severity, &a.code).cmp(&(
                b.range.start,
                b.range.end,
                a.severity,
                &b.code,
            ))
        });
        out
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
            || self.syntax.iter().any(Diagnostic::is_error)
            || self
                .warnings
                .iter()
                .chain(&self.insights)
                .any(|f| f.severity == Severity::Error)
    }

    /// The findings whose range holds byte `offset` (an empty range counts at its start), for
    /// the editor's hover.
    pub fn findings_at(&self, offset: u32) -> Vec<&Finding> {
        self.warnings
            .iter()
            .chain(&self.insights)
            .filter(|f| f.range.contains(offset) || f.range.start == offset)
            .collect()
    }

    /// The diagnostics at byte `offset`.
    pub fn diagnostics_at(&self, offset: u32) -> Vec<Diagnostic> {
        self.diagnostics()
            .into_iter()
            .filter(|d| d.range.contains(offset) || d.range.start == offset)
            .collect()
    }

    /// Every finding (BuildKit's, then Drydock's).
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.warnings.iter().chain(&self.insights)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cursor_lookup_and_diagnostics() {
        let text = "FROM python:3.12-slim\nMAINTAINER me\nCMD python app.py\n";
        let report = crate::lint_text(text);
        let at = text.find("MAINTAINER").unwrap() as u32;
        let here = report.findings_at(at + 2);
        assert_eq!(here.len(), 1);
        assert_eq!(here[0].code, "MaintainerDeprecated");
        assert_eq!(here[0].line, 2);
        assert!(
            here[0]
                .meta()
                .is_some_and(|m| m.url.contains("maintainer-deprecated"))
        );
        let cmd = text.find("python app").unwrap() as u32;
        let codes: Vec<String> = report
            .diagnostics_at(cmd)
            .into_iter()
            .map(|d| d.code.into_owned())
            .collect();
        assert_eq!(codes, ["JSONArgsRecommended"]);
        assert!(!report.has_errors());
        assert_eq!(
            crate::docker_rm_image_hint("trainer"),
            "'trainer' is an image, not a container: `docker rm` removes containers. Remove the image with `docker rmi trainer` (or `docker image rm trainer`)."
        );
    }

    #[test]
    fn bad_input_never_panics() {
        for text in [
            "",
            "FROM",
            "ARG X\n",
            "FROM a AS b\nCOPY --from=b . .\n",
            "FROM x\nCOPY --from=$X a b\nRUN --mount=type=cache,target=$T pip install x\n",
            "FROM ${A:?}\n",
            "FROM --platform= scratch\n",
            "EXPOSE 80\nFROM scratch\nEXPOSE ${P:-a:b:c}/TCP\n",
            "\u{feff}FROM scratch\nWORKDIR é\n",
        ] {
            let r = crate::lint_text(text);
            let _ = r.diagnostics();
        }
    }
}
