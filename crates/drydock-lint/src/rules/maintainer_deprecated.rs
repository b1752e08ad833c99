//! `MaintainerDeprecated`: any MAINTAINER instruction (checked while it is parsed).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::{Instruction, Kind};

pub static META: RuleMeta = buildkit_rule!(
    "MaintainerDeprecated", "maintainer-deprecated", Parse, experimental: false,
    description: "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
    hint: "Replace MAINTAINER with LABEL org.opencontainers.image.authors=\"you@example.org\".",
    explanation: "MAINTAINER only sets the image's Author field, which tools no longer read. Labels are the standard place for image metadata: the OCI annotation org.opencontainers.image.authors is what registries and scanners display.",
    fix: "Write `LABEL org.opencontainers.image.authors=\"me@example.org\"` instead.",
);

pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, ins: &Instruction<'_>) {
    if ins.kind == Kind::Maintainer {
        sink.report(
            &META,
            cx.at(i, ins.keyword_span),
            "Maintainer instruction is deprecated in favor of using label",
        );
    }
}
