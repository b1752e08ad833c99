//! STOPSIGNAL: `STOPSIGNAL signal` (`parseStopSignal`; flags are never parsed).
use super::{R, Req};
use crate::ast::Arg;
use serde::Serialize;

/// A STOPSIGNAL instruction.
#[derive(Debug, Clone, Serialize)]
pub struct StopSignal<'a> {
    /// The signal, unexpanded (validated by the builder).
    pub signal: Arg<'a>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<StopSignal<'a>> {
    let one = req.exactly_one("STOPSIGNAL")?;
    Ok(StopSignal {
        signal: one.clone(),
    })
}
