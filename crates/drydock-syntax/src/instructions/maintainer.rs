//! MAINTAINER (deprecated): `MAINTAINER text` (`parseMaintainer`).
use super::{R, Req};
use crate::ast::Arg;
use serde::Serialize;

/// A MAINTAINER instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Maintainer<'a> {
    pub maintainer: Arg<'a>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Maintainer<'a>> {
    let one = req.exactly_one("MAINTAINER")?;
    req.flags(&[])?;
    Ok(Maintainer {
        maintainer: one.clone(),
    })
}
