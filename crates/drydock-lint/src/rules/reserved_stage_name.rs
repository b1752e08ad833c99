//! `ReservedStageName`: a stage named `scratch` or `context` (checked for every stage).
use crate::convert::{Cx, from_of};
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::words::go_quote;

pub static META: RuleMeta = buildkit_rule!(
    "ReservedStageName", "reserved-stage-name", Parse, experimental: false,
    description: "Reserved words should not be used as stage names",
    hint: "Pick another stage name: `scratch` and `context` already mean something to Docker.",
    explanation: "`scratch` is the empty image and `context` names the build context in COPY --from and named contexts. A stage with one of these names is confusing at best: readers (and some tools) will take `FROM scratch` or `--from=context` to mean the reserved thing.",
    fix: "Rename the stage, e.g. `AS base` or `AS build`.",
);

/// `validateStageNames`, reserved part.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, from: usize) {
    let Some((_, f)) = from_of(cx, from) else {
        return;
    };
    let (Some(name), Some(arg)) = (&f.stage_name, &f.stage_name_arg) else {
        return;
    };
    if matches!(name.as_str(), "scratch" | "context") {
        sink.report(
            &META,
            cx.at(from, arg.span),
            format!(
                "Stage name should not use the same name as reserved stage {}",
                go_quote(name)
            ),
        );
    }
}
