//! DD005 `expose-unset-variable`: `EXPOSE $PORT` while PORT is not set at that point, so EXPOSE
//! exposes nothing (BuildKit expands EXPOSE silently: no UndefinedVar for it).
use super::var_range;
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::instructions::Command;

pub static META: RuleMeta = learner_rule!(
    "DD005", "expose-unset-variable", Warning,
    description: "EXPOSE uses a variable that is not set",
    url: "https://docs.docker.com/reference/dockerfile/#expose",
    hint: "Give the variable a value before EXPOSE in this stage, e.g. ARG PORT=8000.",
    explanation: "Docker expands $NAME in EXPOSE at build time with the ARG and ENV values of the current stage. An unset variable expands to nothing, without any error or warning, so the image records no exposed port. ARGs declared before the first FROM are not visible inside a stage until repeated with `ARG NAME`, and `ARG NAME` without a default stays unset unless --build-arg gives it.",
    fix: "Declare it with a default in the stage (`ARG PORT=8000` or `ENV PORT=8000`) before EXPOSE, or write the number.",
    show_me: Some(ShowMe {
        scenario: "Build and inspect the image: ExposedPorts is empty.",
        actions: &[Action::Build],
    }),
);

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    let declared = |n: &str| {
        lx.cx
            .df()
            .instructions
            .iter()
            .any(|ins| match &ins.command {
                Some(Command::Arg(a)) => a.args.iter().any(|d| d.key.as_str() == n),
                Some(Command::Env(e)) => e.pairs.iter().any(|p| p.key.value.as_str() == n),
                _ => false,
            })
    };
    for step in &lx.model.steps {
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        let Some(Command::Expose(e)) = &ins.command else {
            continue;
        };
        for p in &e.ports {
            if !p.value.contains('$') {
                continue;
            }
            let env = step.env();
            let Ok(exp) = lx.cx.lexer.process_word(&p.value, &*env) else {
                continue;
            };
            for name in &exp.unmatched {
                if !step.env_known && !declared(name) {
                    continue;
                }
                let msg = format!(
                    "{name} is not set at this point of the stage, so EXPOSE {} exposes nothing",
                    p.value.as_str()
                );
                let range = var_range(lx.cx.parse.text, p.span, name);
                if let Some(f) = sink.report(&META, lx.at(step.ins, range), msg) {
                    f.params = vec![("name", (*name).to_owned())];
                }
            }
        }
    }
}
