//! `InvalidDefaultArgInFrom`: FROM expanded with the ARG defaults alone (no build args) is not a
//! valid image reference (checked for every stage).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use crate::reference::parse_normalized_named;
use drydock_syntax::Instruction;
use drydock_syntax::instructions::From;

pub static META: RuleMeta = buildkit_rule!(
    "InvalidDefaultArgInFrom", "invalid-default-arg-in-from", Parse, experimental: false,
    description: "Default value for global ARG results in an empty or invalid base image name",
    hint: "Give the global ARG a default that makes a valid image name, e.g. ARG VERSION=3.12.",
    explanation: "A FROM that uses global ARGs must still name a valid image when nobody passes --build-arg: otherwise the Dockerfile only builds with the right flags, and `docker build .` fails with an invalid reference. BuildKit checks the FROM value with the defaults alone.",
    fix: "Set a default on the ARG (`ARG PYTHON_VERSION=3.12`) or write the default into the reference (`${VERSION:-latest}`).",
);

/// `validateBaseImagesWithDefaultArgs`, one stage: `expanded` is the FROM value with defaults.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    ins: &Instruction<'_>,
    from: &From<'_>,
    expanded: &str,
) {
    let _ = ins;
    if parse_normalized_named(expanded).is_err() {
        sink.report(
            &META,
            cx.at(i, from.image.span),
            format!(
                "Default value for ARG {} results in empty or invalid base image name",
                from.image.value.as_str()
            ),
        );
    }
}
