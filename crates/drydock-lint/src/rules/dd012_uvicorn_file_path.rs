//! DD012 `uvicorn-file-path`: `uvicorn src/app/api.py:app` (a file path) where uvicorn and
//! gunicorn expect a module path (`src.app.api:app`).
use crate::learn::{Lx, exec_args};
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::instructions::Command;
use drydock_syntax::words::go_quote;
use drydock_text::TextRange;

pub static META: RuleMeta = learner_rule!(
    "DD012", "uvicorn-file-path", Warning,
    description: "uvicorn/gunicorn given a file path instead of a module path",
    url: "https://www.uvicorn.org/settings/#application",
    hint: "Name the app as module:attribute with dots, like src.app.api:app, run from the folder that contains src.",
    explanation: "uvicorn and gunicorn import your application the way Python's `import` does: `main:app` means \"import the module main, take its attribute app\". Module paths use dots and no .py suffix; a file path such as `src/app/api.py:app` is not a module name, so the server stops at start-up with `Error loading ASGI app. Could not import module \"src/app/api.py\"`.",
    fix: "Write `uvicorn src.app.api:app` (with __init__.py files where needed), or `--app-dir src app.api:app`.",
    show_me: Some(ShowMe {
        scenario: "Run the container: uvicorn exits with `Could not import module \"{module}\"`.",
        actions: &[Action::Build, Action::Run { detach: false }],
    }),
);

/// Options of uvicorn/gunicorn that take a separate value.
const VALUE_OPTIONS: [&str; 28] = [
    "--host",
    "--port",
    "--uds",
    "--fd",
    "--workers",
    "--loop",
    "--http",
    "--ws",
    "--lifespan",
    "--env-file",
    "--log-config",
    "--log-level",
    "--root-path",
    "--limit-concurrency",
    "--backlog",
    "--timeout-keep-alive",
    "--app-dir",
    "--reload-dir",
    "--forwarded-allow-ips",
    "-b",
    "--bind",
    "-w",
    "-k",
    "--worker-class",
    "-c",
    "--config",
    "--timeout",
    "--chdir",
];

/// The app spec argument of a uvicorn/gunicorn command line.
fn app_spec(args: &[String]) -> Option<&str> {
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        if a.starts_with('-') {
            skip = !a.contains('=') && VALUE_OPTIONS.contains(&a.as_str());
            continue;
        }
        return a.contains(':').then_some(a.as_str());
    }
    None
}

/// The module path a file-path app spec means, when the spec is a file path.
pub fn module_for(spec: &str) -> Option<String> {
    let (module, attr) = spec.rsplit_once(':')?;
    if !module.contains('/') && !module.ends_with(".py") {
        return None;
    }
    let m = module
        .trim_start_matches("./")
        .trim_end_matches(".py")
        .trim_matches('/')
        .replace('/', ".");
    Some(format!("{m}:{attr}"))
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for (i, ins) in lx.cx.df().instructions.iter().enumerate() {
        if !matches!(
            ins.command,
            Some(Command::Run(_) | Command::Cmd(_) | Command::Entrypoint(_))
        ) {
            continue;
        }
        for cmd in lx.commands(i).iter() {
            let Some((prog, args)) = cmd.program() else {
                continue;
            };
            if !matches!(prog, "uvicorn" | "gunicorn") {
                continue;
            }
            let Some(spec) = app_spec(args) else { continue };
            let Some(good) = module_for(spec) else {
                continue;
            };
            let range = exec_args(ins)
                .and_then(|a| a.iter().find(|x| x.value.as_str() == spec).map(|x| x.span))
                .or_else(|| {
                    let t = lx.text(ins.raw_args_span);
                    t.find(spec).map(|o| {
                        let start = ins.raw_args_span.start as usize + o;
                        TextRange::from_usize(start, start + spec.len())
                    })
                })
                .unwrap_or(ins.raw_args_span);
            let msg = format!(
                "{prog} takes a Python module path, not a file path: {} should be {}",
                go_quote(spec),
                go_quote(&good)
            );
            if let Some(f) = sink.report(&META, lx.at(i, range), msg) {
                let module = spec.rsplit_once(':').map_or(spec, |(m, _)| m).to_owned();
                f.params = vec![("module", module), ("suggestion", good)];
            }
        }
    }
}
