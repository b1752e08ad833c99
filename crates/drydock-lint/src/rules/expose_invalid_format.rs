//! `ExposeInvalidFormat`: an EXPOSE spec with an IP address or a host port (`5000:5000`), which
//! EXPOSE cannot publish (dispatch time, after expansion).
use super::expose_proto_casing::{proto_of, split_parts};
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_text::TextRange;

pub static META: RuleMeta = buildkit_rule!(
    "ExposeInvalidFormat", "expose-invalid-format", Dispatch, experimental: false,
    description: "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
    hint: "EXPOSE takes only the container port; publish it with docker run -p HOST:CONTAINER.",
    explanation: "EXPOSE only documents which port the program inside listens on; it never opens or maps anything on the host. A host port or IP address in EXPOSE is ignored (only the last number is kept), so `EXPOSE 5000:5000` looks like a mapping but is not one. The mapping is chosen when the container starts: `docker run -p 5000:5000 image`.",
    fix: "Write only the container port (`EXPOSE 5000`) and map it at run time with `docker run -p 5000:5000`.",
);

/// One expanded port spec of `dispatchExpose`.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, raw: &str, span: TextRange) {
    let (ip, host, container) = split_parts(raw);
    if proto_of(container).is_none() {
        return;
    }
    if !ip.is_empty() || !host.is_empty() {
        sink.report(
            &META,
            cx.at(i, span),
            format!(
                "EXPOSE instruction should not define an IP address or host-port mapping, found '{raw}'"
            ),
        );
    }
}
