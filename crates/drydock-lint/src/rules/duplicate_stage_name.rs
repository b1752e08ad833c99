//! `DuplicateStageName`: two stages with the same (lower-cased) name.
use crate::convert::{Cx, from_of};
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::words::go_quote;

pub static META: RuleMeta = buildkit_rule!(
    "DuplicateStageName", "duplicate-stage-name", Parse, experimental: false,
    description: "Stage names should be unique",
    hint: "Give each stage its own name; references go to the last stage with that name.",
    explanation: "COPY --from=name, FROM name and --target name pick one stage by name. With two stages of the same name the later one silently wins for everything after it, which is rarely what the author meant.",
    fix: "Rename one of the stages.",
);

/// `validateStageNames`, duplicate part (`seen` holds the names of earlier stages).
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    from: usize,
    seen: &mut std::collections::BTreeSet<String>,
) {
    let Some((_, f)) = from_of(cx, from) else {
        return;
    };
    let (Some(name), Some(arg)) = (&f.stage_name, &f.stage_name_arg) else {
        return;
    };
    if !seen.insert(name.to_string()) {
        sink.report(
            &META,
            cx.at(from, arg.span),
            format!(
                "Duplicate stage name {}, stage names should be unique",
                go_quote(name)
            ),
        );
    }
}
