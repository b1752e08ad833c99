//! EXPOSE: `EXPOSE port[/proto] …` (`parseExpose`: ports kept raw and sorted; the specs are
//! checked after expansion by [`super::ports::parse_port_specs`]).
use super::{R, Req};
use crate::ast::Arg;
use serde::Serialize;

/// An EXPOSE instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Expose<'a> {
    /// The port words, unexpanded, sorted as BuildKit sorts them.
    pub ports: Vec<Arg<'a>>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Expose<'a>> {
    req.at_least_one("EXPOSE")?;
    req.flags(&[])?;
    let mut ports = req.args().to_vec();
    drydock_text::sort::sort_by(&mut ports, |a, b| {
        a.value.as_bytes().cmp(b.value.as_bytes())
    });
    Ok(Expose { ports })
}
