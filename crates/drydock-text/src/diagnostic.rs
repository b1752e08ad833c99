//! `Diagnostic`: a finding about a span of text, with a stable code, a message and a learner's hint.
use crate::TextRange;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A finding about a span of a text.
///
/// `code` is stable (BuildKit's rule name where one exists, e.g. `NoEmptyContinuation`);
/// `message` is Docker's own wording; `hint` is one sentence written for a learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: Cow<'static, str>,
    pub severity: Severity,
    pub message: String,
    pub range: TextRange,
    pub hint: Cow<'static, str>,
}

impl Diagnostic {
    pub fn new(
        code: impl Into<Cow<'static, str>>,
        severity: Severity,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code: code.into(),
            severity,
            message: message.into(),
            range,
            hint: Cow::Borrowed(""),
        }
    }

    pub fn error(
        code: impl Into<Cow<'static, str>>,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Error, range, message)
    }

    pub fn warning(
        code: impl Into<Cow<'static, str>>,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Warning, range, message)
    }

    /// The same diagnostic with a learner's hint.
    pub fn with_hint(mut self, hint: impl Into<Cow<'static, str>>) -> Self {
        self.hint = hint.into();
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
