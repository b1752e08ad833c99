//! DD018 `exec-form-not-json`: `CMD ['python', 'app.py']` looks like the exec form but is not
//! valid JSON (single quotes, a trailing comma, an unquoted word), so it runs as a shell command.
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::shellwords;
use drydock_syntax::Kind;

pub static META: RuleMeta = learner_rule!(
    "DD018", "exec-form-not-json", Warning,
    description: "Exec form that is not valid JSON runs as a shell command",
    url: "https://docs.docker.com/reference/dockerfile/#exec-form",
    hint: "The exec form is JSON: double quotes only, commas between items, no trailing comma.",
    explanation: "Docker only treats `[...]` as the exec form when it parses as a JSON array of strings. Otherwise the whole text, brackets included, is a shell-form command: `CMD ['python', 'app.py']` runs `/bin/sh -c \"['python', 'app.py']\"`, and the shell looks for a program called `[python,` — `/bin/sh: 1: [python,: not found`, exit code 127.",
    fix: "Use double quotes: `CMD [\"python\", \"app.py\"]`.",
    show_me: Some(ShowMe {
        scenario: "Run the container: /bin/sh: 1: {word}: not found.",
        actions: &[Action::Build, Action::Run { detach: false }],
    }),
);

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for (i, ins) in lx.cx.df().instructions.iter().enumerate() {
        if !matches!(ins.kind, Kind::Cmd | Kind::Entrypoint | Kind::Run) || ins.json {
            continue;
        }
        let raw = ins.raw_args.trim();
        if !(raw.starts_with('[') && raw.ends_with(']')) {
            continue;
        }
        let reason = if raw.contains('\'') {
            "single quotes"
        } else if raw.trim_end_matches(']').trim_end().ends_with(',') {
            "a trailing comma"
        } else {
            "not a JSON array of strings"
        };
        let word = shellwords::commands(raw)
            .first()
            .and_then(|c| c.words.first().cloned())
            .unwrap_or_default();
        let msg = format!(
            "This is not valid JSON ({reason}), so Docker runs it with /bin/sh -c and the shell looks for a program named \"{word}\""
        );
        if let Some(f) = sink.report(&META, lx.at(i, ins.raw_args_span), msg) {
            f.params = vec![("word", word)];
        }
    }
}
