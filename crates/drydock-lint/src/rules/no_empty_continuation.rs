//! `NoEmptyContinuation`: an empty line inside a continued instruction (the parser records it;
//! BuildKit reports it from the parser's warnings).
use crate::convert::Cx;
use crate::linter::{At, Sink};
use crate::meta::RuleMeta;
use drydock_text::TextRange;

pub static META: RuleMeta = buildkit_rule!(
    "NoEmptyContinuation", "no-empty-continuation", Parse, experimental: false,
    description: "Empty continuation lines will become errors in a future release",
    hint: "Remove the blank line inside the continued instruction (or end it with a backslash too).",
    explanation: "A line ending in a backslash continues onto the next line. Docker skips empty lines inside such a continuation, so the instruction still works, but this is deprecated: a blank line usually means a backslash was left behind by mistake, and a future release will reject it.",
    fix: "Delete the empty line, or remove the trailing backslash if the instruction was meant to end there.",
);

/// Reports the parser's warning at `range` (the line after the empty one).
pub fn report(cx: &Cx<'_, '_>, sink: &mut Sink, range: TextRange) {
    let at = At {
        ins: None,
        range,
        line: cx.line_of(range.start),
    };
    sink.report(&META, at, "Empty continuation line");
}
