//! `FromAsCasing`: the `AS` keyword's case differs from an all-upper or all-lower `FROM`
//! (checked while FROM is parsed, for every stage).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::{Instruction, Kind};

pub static META: RuleMeta = buildkit_rule!(
    "FromAsCasing", "from-as-casing", Parse, experimental: false,
    description: "The 'as' keyword should match the case of the 'from' keyword",
    hint: "Write `FROM ... AS name` or `from ... as name`, not a mix.",
    explanation: "Instruction keywords are case-insensitive, but a Dockerfile is easier to read when keywords are written consistently. BuildKit checks that the AS keyword of a multi-stage FROM follows the case of the FROM keyword itself.",
    fix: "Match the case of AS to FROM: `FROM image AS name`.",
);

/// `doesFromCaseMatchAsCase(req)`.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, ins: &Instruction<'_>) {
    if ins.kind != Kind::From || ins.args.len() < 3 {
        return;
    }
    let kw = ins.keyword.as_str();
    let lower = kw == kw.to_lowercase();
    let upper = kw == kw.to_uppercase();
    if !lower && !upper {
        return;
    }
    let Some(as_kw) = ins.args.get(1) else { return };
    let a = as_kw.value.as_str();
    let matches = if lower {
        a == a.to_lowercase()
    } else {
        a == a.to_uppercase()
    };
    if !matches {
        sink.report(
            &META,
            cx.at(i, as_kw.span),
            format!("'{a}' and '{kw}' keywords' casing do not match"),
        );
    }
}
