//! DD017 `stopsignal-shell-entrypoint`: STOPSIGNAL in a stage whose program runs through a
//! shell-form ENTRYPOINT (or CMD): the signal reaches the shell, not the program.
use crate::learn::{Lx, shell_text};
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::Kind;

pub static META: RuleMeta = learner_rule!(
    "DD017", "stopsignal-shell-entrypoint", Warning,
    description: "STOPSIGNAL with a shell-form ENTRYPOINT or CMD",
    url: "https://docs.docker.com/reference/dockerfile/#stopsignal",
    hint: "STOPSIGNAL only helps if your program is PID 1: use the exec form for ENTRYPOINT/CMD.",
    explanation: "STOPSIGNAL chooses which signal `docker stop` sends to the container's PID 1. With a shell-form ENTRYPOINT or CMD, PID 1 is /bin/sh, which does not forward signals to the program it started. The program never receives the signal you configured, and after the grace period Docker kills everything with SIGKILL.",
    fix: "Write the ENTRYPOINT/CMD as a JSON array so the program itself is PID 1 and receives the STOPSIGNAL.",
    show_me: Some(ShowMe {
        scenario: "Run detached and docker stop: the signal goes to /bin/sh; after 10 s the container is killed.",
        actions: &[Action::Build, Action::Run { detach: true }, Action::Stop],
    }),
);

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for s in 0..lx.model.stages.len() {
        let ins = lx.stage_instructions(s);
        let Some((si, sig)) = ins.iter().rev().find(|(_, x)| x.kind == Kind::Stopsignal) else {
            continue;
        };
        let entry = ins.iter().rev().find(|(_, x)| x.kind == Kind::Entrypoint);
        let cmd = ins.iter().rev().find(|(_, x)| x.kind == Kind::Cmd);
        let Some((_, proc_ins)) = entry.or(cmd) else {
            continue;
        };
        let Some(text) = shell_text(proc_ins) else {
            continue;
        };
        if text.trim().is_empty() || text.trim_start().starts_with("exec ") {
            continue;
        }
        let msg = format!(
            "STOPSIGNAL {} is sent to /bin/sh, which runs your program from the shell-form {} on line {}: the program never receives it",
            sig.line.split_whitespace().nth(1).unwrap_or(""),
            proc_ins.keyword.to_uppercase(),
            proc_ins.start_line
        );
        sink.report(&META, lx.at(*si, sig.raw_args_span), msg);
    }
}
