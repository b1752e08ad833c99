//! Errors of the shell: syntax errors (with dash's exact wording) and the diagnostic codes the crate emits.
use drydock_text::{Diagnostic, TextRange};

/// Diagnostic code of a syntax error (the message is dash's).
pub const CODE_SYNTAX: &str = "ShellSyntax";
/// Diagnostic code of a construct the interpreter does not simulate.
pub const CODE_NOT_SIMULATED: &str = "ShellNotSimulated";

/// A syntax error that stops the parse, worded as dash prints it after `sh: LINE: `
/// (e.g. `Syntax error: "fi" unexpected`, `Bad substitution`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    /// 1-based line dash reports.
    pub line: u32,
    pub range: TextRange,
}

impl SyntaxError {
    /// The diagnostic form of this error.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::error(CODE_SYNTAX, self.range, self.message.clone())
            .with_hint("/bin/sh (dash) refuses this script before running the rest of it")
    }
}
