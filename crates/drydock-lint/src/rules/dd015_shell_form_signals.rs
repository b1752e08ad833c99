//! DD015 `shell-form-signals`: a shell-form CMD/ENTRYPOINT in a stage with a SHELL set — BuildKit
//! says nothing then, but the program still runs under the shell and never gets SIGTERM.
use crate::learn::{Lx, shell_text};
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::instructions::Command;

pub static META: RuleMeta = learner_rule!(
    "DD015", "shell-form-signals", Info,
    description: "Shell-form CMD/ENTRYPOINT: signals do not reach the program",
    url: "https://docs.docker.com/reference/dockerfile/#shell-and-exec-form",
    hint: "Use the exec form (JSON array) or start the command with exec, so your program is PID 1.",
    explanation: "In shell form the configured SHELL runs the command, so the shell is PID 1 and your program is its child. `docker stop` sends SIGTERM to PID 1; shells do not pass it on, so the program keeps running until Docker gives up after 10 seconds and kills it with SIGKILL — no graceful shutdown, no cleanup. BuildKit's JSONArgsRecommended stays quiet when a SHELL instruction is set, but the behaviour is the same.",
    fix: "`CMD [\"python\", \"serve.py\"]`, or keep the shell and replace it with the program: `CMD exec python serve.py`.",
    show_me: Some(ShowMe {
        scenario: "Run the container detached, then docker stop it: it takes 10 seconds and exits with 137.",
        actions: &[Action::Build, Action::Run { detach: true }, Action::Stop],
    }),
);

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for step in &lx.model.steps {
        if step.shell.is_empty() {
            continue;
        }
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        if !matches!(ins.command, Some(Command::Cmd(_) | Command::Entrypoint(_))) {
            continue;
        }
        let Some(text) = shell_text(ins) else {
            continue;
        };
        if text.trim_start().starts_with("exec ") || text.trim().is_empty() {
            continue;
        }
        let msg = format!(
            "{} in shell form runs under {}: docker stop's SIGTERM goes to the shell, not to your program",
            ins.keyword.to_uppercase(),
            step.shell.first().map_or("the shell", String::as_str)
        );
        sink.report(&META, lx.at(step.ins, ins.raw_args_span), msg);
    }
}
