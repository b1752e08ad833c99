//! `UndefinedArgInFrom`: FROM's image or `--platform` uses a variable that is neither a global
//! ARG nor a predefined one (checked for every stage).
use super::var_range;
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::Instruction;
use drydock_syntax::instructions::suggest::suggest;

pub static META: RuleMeta = buildkit_rule!(
    "UndefinedArgInFrom", "undefined-arg-in-from", Parse, experimental: false,
    description: "FROM command must use declared ARGs",
    hint: "Declare the variable with ARG before the first FROM (a global ARG) to use it in FROM.",
    explanation: "FROM lines are expanded with global ARGs only: those declared before the first FROM, plus predefined ones like TARGETPLATFORM. An ARG declared inside a stage, an ENV, or a misspelled name expands to nothing, so the image name silently changes (or becomes empty and the build fails).",
    fix: "Add `ARG NAME=default` at the top of the file, before the first FROM, or fix the spelling.",
);

/// `reportUnusedFromArgs(argKeys, unmatched)`.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    i: usize,
    ins: &Instruction<'_>,
    unmatched: &[&str],
    arg_keys: &[String],
) {
    let keys: Vec<&str> = arg_keys.iter().map(String::as_str).collect();
    for name in unmatched {
        if keys.contains(name) {
            continue;
        }
        let mut msg = format!("FROM argument '{name}' is not declared");
        if let Some(s) = suggest(name, &keys, true) {
            msg.push_str(&format!(" (did you mean {s}?)"));
        }
        let range = var_range(cx.parse.text, ins.span, name);
        sink.report(&META, cx.at(i, range), msg);
    }
}
