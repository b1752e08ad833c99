//! `InvalidDefinitionDescription` (experimental): the comment directly above an ARG or a named
//! FROM does not start with the name it describes (checked while the instruction is parsed).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;
use drydock_syntax::Instruction;
use drydock_syntax::instructions::Command;

pub static META: RuleMeta = buildkit_rule!(
    "InvalidDefinitionDescription", "invalid-definition-description", Parse, experimental: true,
    description: "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.",
    hint: "Start the comment with the name it documents, like `# version the release to build`.",
    explanation: "Tools such as `docker buildx build --call outline` show the comment directly above an ARG or a FROM ... AS as its description, but only when the comment starts with the argument's or stage's name. A comment that does not is probably meant for something else.",
    fix: "Begin the comment with the name (`# foo what foo does`), or separate it from the instruction with an empty comment line.",
);

/// `validateDefinitionDescription(instruction, keys, PrevComment)`.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, ins: &Instruction<'_>) {
    let (what, keys): (&str, Vec<&str>) = match &ins.command {
        Some(Command::From(f)) => match &f.stage_name {
            Some(n) => ("FROM", vec![n.as_str()]),
            None => return,
        },
        Some(Command::Arg(a)) => ("ARG", a.args.iter().map(|d| d.key.as_str()).collect()),
        _ => return,
    };
    let (Some(last), Some(first)) = (ins.comments.last(), keys.first()) else {
        return;
    };
    let word = last.split(' ').next().unwrap_or("");
    if keys.contains(&word) {
        return;
    }
    let example = if keys.len() > 1 { "<arg_key>" } else { first };
    sink.report(
        &META,
        cx.at(i, ins.keyword_span),
        format!("Comment for {what} should follow the format: `# {example} <description>`"),
    );
}
