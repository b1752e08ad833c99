//! `FromPlatformFlagConstDisallowed`: `FROM --platform=linux/amd64` with a constant whose OS or
//! architecture the stage name does not mention.
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use crate::platform::Platform;
use drydock_syntax::words::{Expansion, go_quote};
use drydock_syntax::{Arg, Instruction};

pub static META: RuleMeta = buildkit_rule!(
    "FromPlatformFlagConstDisallowed", "from-platform-flag-const-disallowed", Parse, experimental: false,
    description: "FROM --platform flag should not use a constant value",
    hint: "Use --platform=$BUILDPLATFORM (or drop the flag) so the build works for every target platform.",
    explanation: "A fixed platform in FROM pins that stage to one architecture whatever platform you build for: on an Apple silicon Mac or in a multi-platform build the stage runs emulated, or produces binaries for the wrong CPU. The variables $BUILDPLATFORM and $TARGETPLATFORM adapt to the build. A stage named after its platform (AS build-amd64) is accepted as intentional.",
    fix: "Write `FROM --platform=$BUILDPLATFORM image` for build tools, or remove --platform.",
);

/// `reportConstPlatformDisallowed`.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    ins: &Instruction<'_>,
    platform: &Arg<'_>,
    exp: &Expansion<'_>,
    stage_name: Option<&str>,
) {
    let _ = ins;
    if !exp.matched.is_empty() || !exp.unmatched.is_empty() {
        return;
    }
    let Ok(p) = Platform::parse(&exp.value) else {
        return;
    };
    let name = stage_name.unwrap_or("");
    if name.contains(p.os.as_str()) || name.contains(p.architecture.as_str()) {
        return;
    }
    sink.report(
        &META,
        cx.at(i, platform.span),
        format!(
            "FROM --platform flag should not use constant value {}",
            go_quote(&exp.value)
        ),
    );
}
