//! `ConsistentInstructionCasing`: an instruction keyword in mixed case, or in the minority case
//! of the file (keywords inside stages are counted; ties count as upper-case).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::RuleMeta;

pub static META: RuleMeta = buildkit_rule!(
    "ConsistentInstructionCasing", "consistent-instruction-casing", Parse, experimental: false,
    description: "All commands within the Dockerfile should use the same casing (either upper or lower)",
    hint: "Write every instruction keyword in the same case, usually upper case (RUN, COPY).",
    explanation: "Dockerfile keywords are case-insensitive, so `copy` and `COPY` behave the same. Mixing cases makes the file harder to scan: by convention keywords are upper case so they stand apart from their arguments.",
    fix: "Rewrite the keyword in the case most of the file uses.",
);

fn consistent(s: &str) -> bool {
    s == s.to_lowercase() || s == s.to_uppercase()
}

/// `validateCommandCasing(stages)`.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink) {
    let df = cx.df();
    let in_stages = || {
        df.stages
            .iter()
            .flat_map(|s| s.from..s.end)
            .filter_map(|i| cx.ins(i).filter(|x| x.command.is_some()).map(|x| (i, x)))
    };
    let (mut lower, mut upper) = (0usize, 0usize);
    for (_, ins) in in_stages() {
        let k = ins.keyword.as_str();
        if consistent(k) {
            if k == k.to_lowercase() {
                lower += 1;
            } else {
                upper += 1;
            }
        }
    }
    let majority_lower = lower > upper;
    for (i, ins) in in_stages() {
        let k = ins.keyword.as_str();
        let casing = if majority_lower && k.to_lowercase() != k {
            "lowercase"
        } else if !majority_lower && k.to_uppercase() != k {
            "uppercase"
        } else {
            continue;
        };
        sink.report(
            &META,
            cx.at(i, ins.keyword_span),
            format!("Command '{k}' should match the case of the command majority ({casing})"),
        );
    }
}
