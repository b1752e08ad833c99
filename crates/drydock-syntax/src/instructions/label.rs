//! LABEL: `LABEL k=v …` / legacy `LABEL k v` (`parseLabel`).
use super::env::{KeyValue, kvps};
use super::{R, Req, SmallList};
use serde::Serialize;

/// A LABEL instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Label<'a> {
    pub pairs: SmallList<KeyValue<'a>>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Label<'a>> {
    req.flags(&[])?;
    Ok(Label {
        pairs: kvps(req, "LABEL")?,
    })
}
