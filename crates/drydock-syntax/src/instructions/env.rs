//! ENV: `ENV k=v …` / legacy `ENV k v` (`parseEnv`, `parseKvps`).
use super::{R, Req, SmallList};
use crate::ast::Arg;
use crate::codes;
use serde::Serialize;

/// One `key value` pair of ENV or LABEL (both raw: quotes kept, expanded by the builder).
#[derive(Debug, Clone, Serialize)]
pub struct KeyValue<'a> {
    pub key: Arg<'a>,
    pub value: Arg<'a>,
    /// True for the legacy `KEY value` form (no `=`).
    pub legacy: bool,
}

/// An ENV instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Env<'a> {
    pub pairs: SmallList<KeyValue<'a>>,
}

/// `parseKvps(args, name)`: `[key, value, delimiter]` triples → pairs.
pub(crate) fn kvps<'a>(req: &Req<'_, 'a>, name: &str) -> R<SmallList<KeyValue<'a>>> {
    let args = req.args();
    if args.is_empty() {
        return Err(req.fail(
            codes::MISSING_ARGUMENT,
            format!("{name} requires at least one argument"),
        ));
    }
    let pair = |t: &[Arg<'a>]| -> R<KeyValue<'a>> {
        let [k, v, d] = t else {
            return Err(req.fail(
                codes::MISSING_ARGUMENT,
                format!("Bad input to {name}, too many arguments"),
            ));
        };
        if k.value.is_empty() {
            return Err(req.fail_at(
                codes::BLANK_NAME,
                format!("{name} names can not be blank"),
                k.span,
            ));
        }
        Ok(KeyValue {
            key: k.clone(),
            value: v.clone(),
            legacy: d.value.is_empty(),
        })
    };
    // One pair (the usual case) is held inline, without a list allocation.
    if args.len() <= 3 {
        return Ok(SmallList::one(pair(args)?));
    }
    let mut out = Vec::with_capacity(args.len() / 3);
    for t in args.chunks(3) {
        out.push(pair(t)?);
    }
    Ok(out.into())
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Env<'a>> {
    req.flags(&[])?;
    Ok(Env {
        pairs: kvps(req, "ENV")?,
    })
}
