//! `InvalidBaseImagePlatform`: the pulled base image's OS/architecture differs from the platform
//! the stage is built for (stages the build needs; facts).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use crate::platform::Platform;
use drydock_syntax::Instruction;
use drydock_syntax::words::go_quote;

pub static META: RuleMeta = buildkit_rule!(
    "InvalidBaseImagePlatform", "invalid-base-image-platform", Dispatch, experimental: false,
    description: "Base image platform does not match expected target platform",
    hint: "The base image has no variant for this platform; pick an image or tag published for it.",
    explanation: "When a base image is not published for the platform you build for, the registry hands over another platform's image. Its programs then run under emulation (slowly) or not at all (`exec format error`), and the image you build is labelled with a platform it does not really support.",
    fix: "Use a multi-platform tag of the image, or build for the platform the image supports (`--platform linux/amd64`).",
);

/// `validateBaseImagePlatform(name, expected, actual)`.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    ins: &Instruction<'_>,
    name: &str,
    expected: &Platform,
    actual: &Platform,
) {
    if expected.os == actual.os && expected.architecture == actual.architecture {
        return;
    }
    sink.report(
        &META,
        cx.at(i, ins.raw_args_span),
        format!(
            "Base image {name} was pulled with platform {}, expected {} for current build",
            go_quote(&actual.format()),
            go_quote(&expected.format())
        ),
    );
}
