//! SHELL: `SHELL ["exe", "arg"]` only (`parseShell`).
use super::{R, Req};
use crate::ast::Arg;
use crate::codes;
use serde::Serialize;

/// A SHELL instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Shell<'a> {
    pub shell: Vec<Arg<'a>>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Shell<'a>> {
    req.flags(&[])?;
    if req.args().is_empty() {
        return Err(req.fail(
            codes::MISSING_ARGUMENT,
            "SHELL requires at least one argument",
        ));
    }
    if !req.json() {
        return Err(req.fail(
            codes::SHELL_NOT_JSON,
            "SHELL requires the arguments to be in JSON form",
        ));
    }
    Ok(Shell {
        shell: req.args().to_vec(),
    })
}
