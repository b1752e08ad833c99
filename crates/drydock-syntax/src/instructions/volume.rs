//! VOLUME: `VOLUME /a /b` or `VOLUME ["/a"]` (`parseVolume`).
use super::{R, Req};
use crate::ast::Arg;
use crate::codes;
use serde::Serialize;

/// A VOLUME instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Volume<'a> {
    /// The paths, trimmed, unexpanded.
    pub volumes: Vec<Arg<'a>>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Volume<'a>> {
    req.at_least_one("VOLUME")?;
    req.flags(&[])?;
    let mut volumes = Vec::with_capacity(req.args().len());
    for a in req.args() {
        let t = a.value.trim();
        if t.is_empty() {
            return Err(req.fail_at(
                codes::EMPTY_VOLUME,
                "VOLUME specified can not be an empty string",
                a.span,
            ));
        }
        let lead = a.value.len() - a.value.trim_start().len();
        volumes.push(Arg {
            value: a.value.slice(lead, lead + t.len()),
            span: a.span,
        });
    }
    Ok(Volume { volumes })
}
