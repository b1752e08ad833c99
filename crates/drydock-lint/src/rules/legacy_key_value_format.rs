//! `LegacyKeyValueFormat`: `ENV key value` / `LABEL key value` without `=` (dispatch time).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::Instruction;
use drydock_syntax::instructions::KeyValue;

pub static META: RuleMeta = buildkit_rule!(
    "LegacyKeyValueFormat", "legacy-key-value-format", Dispatch, experimental: false,
    description: "Legacy key/value format with whitespace separator should not be used",
    hint: "Write ENV NAME=value (with =); the space-separated form is legacy.",
    explanation: "`ENV NAME value` sets one variable to everything after the first space, while `ENV NAME=value OTHER=x` sets several. The legacy form is easy to misread: `ENV PATH /a /b` sets PATH to \"/a /b\". The key=value form is unambiguous and lets one line set several variables.",
    fix: "Add the equals sign: `ENV MODEL_DIR=/models` (quote values with spaces: `LABEL description=\"my app\"`).",
);

/// One pair of `dispatchEnv` / `dispatchLabel`.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    ins: &Instruction<'_>,
    pair: &KeyValue<'_>,
) {
    if !pair.legacy {
        return;
    }
    let name = ins.keyword.as_str();
    sink.report(
        &META,
        cx.at(i, pair.key.span.cover(pair.value.span)),
        format!(
            "\"{name} key=value\" should be used instead of legacy \"{name} key value\" format"
        ),
    );
}
