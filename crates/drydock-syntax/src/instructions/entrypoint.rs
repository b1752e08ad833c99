//! ENTRYPOINT: shell or exec form (`parseEntrypoint`; `ENTRYPOINT []` clears it).
use super::sources::cmd_line;
use super::{CmdLine, R, Req};
use serde::Serialize;

/// An ENTRYPOINT instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Entrypoint<'a> {
    /// The command line (empty for `ENTRYPOINT []` and a bare `ENTRYPOINT`).
    pub cmd: CmdLine<'a>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Entrypoint<'a>> {
    req.flags(&[])?;
    Ok(Entrypoint {
        cmd: cmd_line(req.args(), req.json()),
    })
}
