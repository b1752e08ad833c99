//! DD006 `exec-form-variable`: `$VAR` inside an exec-form CMD/ENTRYPOINT/RUN/HEALTHCHECK, where
//! no shell runs to expand it.
use super::var_range;
use crate::learn::{Lx, exec_args};
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::Arg;
use drydock_syntax::instructions::Command;

pub static META: RuleMeta = learner_rule!(
    "DD006", "exec-form-variable", Warning,
    description: "Variable in an exec-form command is not expanded",
    url: "https://docs.docker.com/reference/dockerfile/#shell-and-exec-form",
    hint: "The exec form runs no shell, so $VAR stays literal: use [\"sh\", \"-c\", \"... $VAR\"] or read the variable in your program.",
    explanation: "The JSON (exec) form `CMD [\"uvicorn\", \"app:app\", \"--port\", \"$PORT\"]` starts the program directly with exactly these strings; variable expansion is a shell feature, and no shell is involved. The program receives the five characters `$PORT` and fails (`Invalid value for '--port': '$PORT' is not a valid integer`). Docker only expands variables itself in instructions like ENV, COPY and WORKDIR, never in CMD/ENTRYPOINT.",
    fix: "Let a shell expand it while keeping your program as PID 1: `CMD [\"sh\", \"-c\", \"exec uvicorn app:app --port $PORT\"]`, or read the environment variable in the program.",
    show_me: Some(ShowMe {
        scenario: "Run the container: the program receives the literal text \"${name}\".",
        actions: &[Action::Build, Action::Run { detach: false }],
    }),
);

/// The first `$NAME` / `${NAME…}` reference in a word.
fn first_var(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = s.get(i..).and_then(|t| t.find('$')) {
        let at = i + k + 1;
        let start = if b.get(at) == Some(&b'{') { at + 1 } else { at };
        let len = s.get(start..).map_or(0, |t| {
            t.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .count()
        });
        if len > 0 && !b.get(start).is_some_and(u8::is_ascii_digit) {
            return s.get(start..start + len);
        }
        i = at;
    }
    None
}

fn is_shell(args: &[Arg<'_>]) -> bool {
    let name = args
        .first()
        .map(|a| a.value.rsplit('/').next().unwrap_or("").to_owned())
        .unwrap_or_default();
    matches!(name.as_str(), "sh" | "bash" | "dash" | "ash" | "zsh")
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for (i, ins) in lx.cx.df().instructions.iter().enumerate() {
        let args: &[Arg<'_>] = match &ins.command {
            Some(Command::Healthcheck(h))
                if h.test.first().is_some_and(|t| t.as_str() == "CMD") =>
            {
                &h.cmd
            }
            Some(Command::Run(_) | Command::Cmd(_) | Command::Entrypoint(_)) => {
                match exec_args(ins) {
                    Some(a) => a,
                    None => continue,
                }
            }
            _ => continue,
        };
        if is_shell(args) {
            continue;
        }
        for a in args {
            let Some(name) = first_var(&a.value) else {
                continue;
            };
            let prog = args.first().map_or("", |x| x.value.as_str());
            let msg = format!(
                "The exec form runs {prog} without a shell, so \"${name}\" is passed as literal text, not the value of {name}"
            );
            let range = var_range(lx.cx.parse.text, a.span, name);
            if let Some(f) = sink.report(&META, lx.at(i, range), msg) {
                f.params = vec![("name", name.to_owned())];
            }
            break;
        }
    }
}
