//! `RedundantTargetPlatform`: `FROM --platform=$TARGETPLATFORM`, which is the default.
use crate::convert::Cx;
use crate::env::EnvList;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::words::Expansion;
use drydock_syntax::{Arg, Instruction};

pub static META: RuleMeta = buildkit_rule!(
    "RedundantTargetPlatform", "redundant-target-platform", Parse, experimental: false,
    description: "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
    hint: "Drop --platform=$TARGETPLATFORM: a stage is built for the target platform anyway.",
    explanation: "Every stage is built for the target platform unless FROM says otherwise. `--platform=$TARGETPLATFORM` restates the default; the flag is only useful with another value, typically `--platform=$BUILDPLATFORM` for a stage that cross-compiles.",
    fix: "Remove the --platform flag from this FROM.",
);

/// `reportRedundantTargetPlatform`.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    ins: &Instruction<'_>,
    platform: &Arg<'_>,
    exp: &Expansion<'_>,
    globals: &EnvList,
) {
    let _ = ins;
    if exp.matched.as_slice() != ["TARGETPLATFORM"] || !exp.unmatched.is_empty() {
        return;
    }
    if globals.get("TARGETPLATFORM").unwrap_or("") == exp.value {
        sink.report(
            &META,
            cx.at(i, platform.span),
            format!(
                "Setting platform to predefined {} in FROM is redundant as this is the default behavior",
                platform.value.as_str()
            ),
        );
    }
}
