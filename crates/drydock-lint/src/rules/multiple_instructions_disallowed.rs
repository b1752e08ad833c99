//! `MultipleInstructionsDisallowed`: a second CMD, ENTRYPOINT or HEALTHCHECK in one stage,
//! reported at the earlier one, which is the one ignored (dispatch time).
use crate::convert::Cx;
use crate::linter::{At, Sink};
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::Instruction;

pub static META: RuleMeta = RuleMeta {
    show_me: Some(ShowMe {
        scenario: "Run the container: only the last instruction of this kind takes effect.",
        actions: &[Action::Build, Action::Run { detach: false }],
    }),
    ..buildkit_rule!(
        "MultipleInstructionsDisallowed", "multiple-instructions-disallowed", Dispatch, experimental: false,
        description: "Multiple instructions of the same type should not be used in the same stage",
        hint: "Only the last CMD (or ENTRYPOINT, HEALTHCHECK) of a stage counts: delete the earlier one.",
        explanation: "CMD, ENTRYPOINT and HEALTHCHECK set one value in the image config; each new one replaces the previous. Writing two in a stage usually means the author expected both to run, but only the last takes effect. To run several commands, combine them in one script or one command.",
        fix: "Keep a single CMD/ENTRYPOINT/HEALTHCHECK per stage; run several programs through one script.",
    )
};

/// `validateUsedOnce`: `prev` is the stage's previous instruction of this kind.
pub fn check(
    cx: &Cx<'_, '_>,
    sink: &mut Sink,
    prev: &mut Option<usize>,
    i: usize,
    ins: &Instruction<'_>,
) {
    if let Some(p) = *prev
        && let Some(pi) = cx.ins(p)
    {
        let at = At {
            ins: Some(i),
            range: pi.keyword_span,
            line: pi.start_line,
        };
        sink.report(
            &META,
            at,
            format!(
                "Multiple {} instructions should not be used in the same stage because only the last one will be used",
                ins.keyword.as_str()
            ),
        );
    }
    *prev = Some(i);
}
