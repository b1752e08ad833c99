//! DD016 `shell-entrypoint-ignores-cmd`: a shell-form ENTRYPOINT with a CMD in the same stage —
//! the CMD (and any `docker run` arguments) never reach the program.
use crate::learn::{Lx, shell_text};
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::Kind;

pub static META: RuleMeta = learner_rule!(
    "DD016", "shell-entrypoint-ignores-cmd", Warning,
    description: "Shell-form ENTRYPOINT ignores CMD and docker run arguments",
    url: "https://docs.docker.com/reference/dockerfile/#understand-how-cmd-and-entrypoint-interact",
    hint: "Write ENTRYPOINT in exec form (JSON array) so CMD and docker run arguments are appended to it.",
    explanation: "With an exec-form ENTRYPOINT, Docker appends CMD (or the arguments given to `docker run image ...`) to it: ENTRYPOINT [\"python\", \"train.py\"] + CMD [\"--epochs\", \"5\"] runs `python train.py --epochs 5`. A shell-form ENTRYPOINT becomes `/bin/sh -c \"python train.py\"`, and the CMD values are passed to sh as `$0 $1 …`, which the command string never uses: they are silently ignored.",
    fix: "`ENTRYPOINT [\"python\", \"train.py\"]` with `CMD [\"--epochs\", \"5\"]`.",
    show_me: Some(ShowMe {
        scenario: "Run the container with extra arguments: the program never sees them (nor the CMD of line {cmd_line}).",
        actions: &[Action::Build, Action::Run { detach: false }],
    }),
);

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for s in 0..lx.model.stages.len() {
        let ins = lx.stage_instructions(s);
        let entry = ins.iter().rev().find(|(_, x)| x.kind == Kind::Entrypoint);
        let cmd = ins.iter().rev().find(|(_, x)| x.kind == Kind::Cmd);
        let (Some((e, entry)), Some((_, cmd))) = (entry, cmd) else {
            continue;
        };
        let Some(text) = shell_text(entry) else {
            continue;
        };
        if text.trim().is_empty()
            || text.contains("$@")
            || text.contains("$*")
            || text.contains("$1")
        {
            continue;
        }
        let msg = format!(
            "ENTRYPOINT in shell form ignores the CMD on line {} and any docker run arguments",
            cmd.start_line
        );
        if let Some(f) = sink.report(&META, lx.at(*e, entry.raw_args_span), msg) {
            f.params = vec![("cmd_line", cmd.start_line.to_string())];
        }
    }
}
