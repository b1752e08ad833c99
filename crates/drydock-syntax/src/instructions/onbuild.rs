//! ONBUILD: `ONBUILD <instruction>` (`parseOnBuild`): the trigger is stored raw.
use super::{R, Req};
use crate::codes;
use crate::go;
use crate::text::Text;
use serde::Serialize;

/// An ONBUILD instruction.
#[derive(Debug, Clone, Serialize)]
pub struct Onbuild<'a> {
    /// The trigger's instruction word, upper-cased.
    pub trigger: String,
    /// The trigger as BuildKit stores it: the line without `ONBUILD`, plus heredoc bodies.
    pub expression: Text<'a>,
}

fn is_re_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<Onbuild<'a>> {
    let Some(child) = &req.ins.child else {
        return Err(req.fail(
            codes::MISSING_ARGUMENT,
            "ONBUILD requires at least one argument",
        ));
    };
    req.flags(&[])?;
    let trigger = go::to_upper(child.keyword.trim()).into_owned();
    match trigger.as_str() {
        "ONBUILD" => {
            return Err(req.fail(
                codes::ONBUILD_CHAINING,
                "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
            ));
        }
        "MAINTAINER" | "FROM" => {
            return Err(req.fail(
                codes::ONBUILD_TRIGGER,
                format!("{trigger} isn't allowed as an ONBUILD trigger"),
            ));
        }
        _ => {}
    }
    // regexp `(?i)^\s*ONBUILD\s*` removed from the original line.
    let line = &req.ins.line;
    let lead = line.len() - line.trim_start_matches(is_re_space).len();
    let mut expr = line.slice(lead, line.len());
    if expr.len() >= 7
        && expr
            .get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case("onbuild"))
    {
        let after = expr.slice(7, expr.len());
        let skip = after.len() - after.trim_start_matches(is_re_space).len();
        expr = after.slice(skip, after.len());
    } else {
        expr = line.clone();
    }
    if !req.ins.heredocs.is_empty() {
        let mut s = expr.as_str().to_owned();
        for h in &req.ins.heredocs {
            s.push('\n');
            s.push_str(&h.content);
            s.push_str(&h.name);
        }
        expr = Text::owned(&s);
    }
    Ok(Onbuild {
        trigger,
        expression: expr,
    })
}
