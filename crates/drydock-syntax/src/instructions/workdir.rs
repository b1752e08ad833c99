//! WORKDIR: `WORKDIR path` (`parseWorkdir`; the rest of the line is one path).
use super::{R, Req};
use crate::ast::Arg;
use serde::Serialize;

/// A WORKDIR instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Workdir<'a> {
    /// The path, unexpanded.
    pub path: Arg<'a>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Workdir<'a>> {
    let one = req.exactly_one("WORKDIR")?;
    req.flags(&[])?;
    Ok(Workdir { path: one.clone() })
}
