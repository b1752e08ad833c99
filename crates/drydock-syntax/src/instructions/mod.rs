//! Stage 2, BuildKit's `instructions` package: typed instructions from parser nodes.
use crate::ast::Instruction;
use crate::text::Text;
use drydock_text::Diagnostic;
use serde::Serialize;

/// A typed instruction.
#[derive(Debug, Clone, Serialize)]
pub enum Command<'a> {
    From(FromCmd<'a>),
}

/// `FROM [--platform=p] image [AS name]`.
#[derive(Debug, Clone, Serialize)]
pub struct FromCmd<'a> {
    pub image: Text<'a>,
    pub stage_name: Option<Text<'a>>,
    pub platform: Option<Text<'a>>,
}

/// Runs the instruction stage over every node (placeholder: fills nothing yet).
pub fn check_all(_ins: &mut [Instruction<'_>], _diags: &mut Vec<Diagnostic>) {}
