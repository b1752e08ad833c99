//! `StageNameCasing`: `FROM x AS Name` with a stage name that is not lower-case (checked while
//! FROM is parsed, for every stage).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::{Instruction, Kind};

pub static META: RuleMeta = buildkit_rule!(
    "StageNameCasing", "stage-name-casing", Parse, experimental: false,
    description: "Stage names should be lowercase",
    hint: "Write stage names in lower case; Docker lower-cases them anyway when you refer to them.",
    explanation: "Stage names are matched case-insensitively by COPY --from, --target and RUN --mount from=, and BuildKit stores them lower-cased. A mixed-case name in FROM ... AS suggests a distinction that does not exist and reads inconsistently with the places that refer to the stage.",
    fix: "Rename the stage in lower case, e.g. `FROM python:3.12-slim AS builder`.",
);

/// `isLowerCaseStageName(req.args)`.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, ins: &Instruction<'_>) {
    if ins.kind != Kind::From {
        return;
    }
    let [_, _, name] = ins.args.as_slice() else {
        return;
    };
    if name.value.to_lowercase() != name.value.as_str() {
        sink.report(
            &META,
            cx.at(i, name.span),
            format!("Stage name '{}' should be lowercase", name.value.as_str()),
        );
    }
}
