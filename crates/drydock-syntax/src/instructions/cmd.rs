//! CMD: shell or exec form (`parseCmd`).
use super::sources::cmd_line;
use super::{CmdLine, R, Req};
use serde::Serialize;

/// A CMD instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Cmd<'a> {
    pub cmd: CmdLine<'a>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Cmd<'a>> {
    req.flags(&[])?;
    Ok(Cmd {
        cmd: cmd_line(req.args(), req.json()),
    })
}
