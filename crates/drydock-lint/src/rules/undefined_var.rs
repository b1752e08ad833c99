//! `UndefinedVar`: a word the builder expands (ENV, COPY, WORKDIR, … — never RUN's command)
//! references a variable that is neither set nor declared by an ARG of the stage (dispatch time).
use super::var_range;
use crate::convert::Cx;
use crate::dispatch::StageState;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::instructions::suggest::suggest;
use drydock_text::TextRange;

pub static META: RuleMeta = buildkit_rule!(
    "UndefinedVar", "undefined-var", Dispatch, experimental: false,
    description: "Variables should be defined before their use",
    hint: "Declare the variable in this stage (ARG NAME or ENV NAME=value) before using it.",
    explanation: "Docker expands $NAME in instructions like ENV, COPY and WORKDIR itself, at build time, using only ARG and ENV values visible in the current stage plus the base image's environment. An unknown name expands to an empty string without an error, so `COPY $SRC .` copies the whole context and `ENV PATH=$PAHT:/x` wipes PATH. ARGs declared before the first FROM are only visible inside a stage after `ARG NAME` is repeated there.",
    fix: "Fix the spelling, or declare it: `ARG NAME` (repeat a global ARG inside the stage) or `ENV NAME=value` before the line that uses it.",
);

/// `reportUnmatchedVariables`: `unmatched` minus the stage's declared ARGs, with a suggestion
/// from the environment. When the base image's environment is unknown only names declared
/// outside the stage (`declared_outside`: global ARGs, other stages) are reported.
pub fn report(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    span: TextRange,
    unmatched: &[&str],
    st: &StageState,
    declared_outside: &dyn Fn(&str) -> bool,
) {
    if unmatched.is_empty() {
        return;
    }
    let mut keys: Option<Vec<&str>> = None;
    for name in unmatched {
        if st.build_args.iter().any(|a| a == name) {
            continue;
        }
        if matches!(
            *name,
            "BUILDKIT_SBOM_SCAN_CONTEXT" | "BUILDKIT_SBOM_SCAN_STAGE"
        ) {
            continue;
        }
        if !st.env_known && !declared_outside(name) {
            continue;
        }
        let mut msg = format!("Usage of undefined variable '${name}'");
        // Suggestions come from the environment (its last 1 000 names at most, so a file with
        // thousands of ENV lines stays fast).
        let keys = keys.get_or_insert_with(|| {
            let all = st.env.keys();
            let from = all.len().saturating_sub(1_000);
            all.get(from..).map(<[&str]>::to_vec).unwrap_or_default()
        });
        if let Some(s) = suggest(name, keys, true) {
            msg.push_str(&format!(" (did you mean ${s}?)"));
        }
        let range = var_range(cx.parse.text, span, name);
        sink.report(&META, cx.at(i, range), msg);
    }
}
