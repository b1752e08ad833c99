//! `WorkdirRelativePath`: the first WORKDIR of a stage chain is relative (dispatch time).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::words::go_quote;
use drydock_text::TextRange;

pub static META: RuleMeta = buildkit_rule!(
    "WorkdirRelativePath", "workdir-relative-path", Dispatch, experimental: false,
    description: "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
    hint: "Start WORKDIR with a /, e.g. WORKDIR /app.",
    explanation: "A relative WORKDIR is joined to the working directory of the base image, which you do not control: `WORKDIR app` means /app on one image and /home/user/app on another, and changes silently when the base image does. Every later relative COPY destination and command path depends on it.",
    fix: "Use an absolute path: `WORKDIR /app`.",
);

/// `dispatchWorkdir` with `commit`: only the first WORKDIR of the chain is checked.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    path: &str,
    span: TextRange,
    workdir_set: bool,
) {
    if workdir_set || path.starts_with('/') {
        return;
    }
    sink.report(
        &META,
        cx.at(i, span),
        format!(
            "Relative workdir {} can have unexpected results if the base image changes",
            go_quote(path)
        ),
    );
}
