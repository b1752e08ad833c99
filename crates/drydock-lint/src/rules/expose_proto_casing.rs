//! `ExposeProtoCasing`: an EXPOSE protocol not in lower case (`80/TCP`) (dispatch time, after
//! expansion).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_text::TextRange;

pub static META: RuleMeta = buildkit_rule!(
    "ExposeProtoCasing", "expose-proto-casing", Dispatch, experimental: false,
    description: "Protocol in EXPOSE instruction should be lowercase",
    hint: "Write the protocol in lower case: EXPOSE 8080/tcp.",
    explanation: "EXPOSE records ports as `port/protocol` in the image config with the protocol lower-cased. Writing `80/TCP` works today, but the lower-case form is the documented one and what tools compare against.",
    fix: "Lower-case the protocol: `EXPOSE 80/tcp 53/udp`.",
);

/// `[ip:][host:]port[/proto]` → (ip, host port, container part).
pub fn split_parts(raw: &str) -> (String, &str, &str) {
    let parts: Vec<&str> = raw.split(':').collect();
    let n = parts.len();
    match parts.as_slice() {
        [c] => (String::new(), "", c),
        [h, c] => (String::new(), h, c),
        _ => (
            parts.get(..n - 2).map(|p| p.join(":")).unwrap_or_default(),
            parts.get(n - 2).copied().unwrap_or(""),
            parts.get(n - 1).copied().unwrap_or(""),
        ),
    }
}

/// `splitProtoPort`: the protocol as written, when the spec has a port and a known protocol.
pub fn proto_of(container: &str) -> Option<&str> {
    let (port, proto) = container.split_once('/').unwrap_or((container, ""));
    if port.is_empty() {
        return None;
    }
    matches!(proto.to_lowercase().as_str(), "" | "tcp" | "udp" | "sctp").then_some(proto)
}

/// One expanded port spec of `dispatchExpose`.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, raw: &str, span: TextRange) {
    let (_, _, container) = split_parts(raw);
    let Some(proto) = proto_of(container) else {
        return;
    };
    if proto != proto.to_lowercase() {
        sink.report(
            &META,
            cx.at(i, span),
            format!("Defined protocol '{raw}' in EXPOSE instruction should be lowercase"),
        );
    }
}
