//! DD007 `cache-mount-unused`: `RUN --mount=type=cache` around a pip/uv install that does not
//! use it — `--no-cache-dir`/`--no-cache` turns the cache off, or the mount is not where the
//! tool keeps its cache for the current user.
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::model::Step;
use crate::paths;
use crate::shellwords::SimpleCommand;
use drydock_syntax::instructions::{Command, parse_mount};
use drydock_syntax::words::go_quote;

pub static META: RuleMeta = learner_rule!(
    "DD007", "cache-mount-unused", Warning,
    description: "Cache mount that the package manager does not use",
    url: "https://docs.docker.com/build/cache/optimize/#use-cache-mounts",
    hint: "Mount the cache where the tool looks for it (pip: /root/.cache/pip as root) and let it use it (no --no-cache-dir).",
    explanation: "`RUN --mount=type=cache,target=DIR` keeps DIR between builds (outside the image), so a package manager that caches its downloads there can skip them on the next build. It only helps if the tool really writes to DIR: pip's cache is ~/.cache/pip (/root/.cache/pip for root, /home/<user>/.cache/pip after USER), uv's is ~/.cache/uv, and `pip --no-cache-dir` or `uv --no-cache` disable caching altogether. With a mismatch the mount stays empty and every rebuild downloads everything again.",
    fix: "Drop --no-cache-dir (the cache is not part of the image anyway), and target the right directory: `RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt` (uv: `target=/root/.cache/uv`).",
    show_me: Some(ShowMe {
        scenario: "Add a package to requirements.txt and rebuild: {tool} downloads every package again.",
        actions: &[
            Action::Build,
            Action::EditFile { path: "requirements.txt" },
            Action::Build,
        ],
    }),
);

fn truthy(v: Option<&str>) -> bool {
    v.is_some_and(|v| {
        !v.is_empty()
            && !matches!(
                v.to_ascii_lowercase().as_str(),
                "0" | "false" | "no" | "off"
            )
    })
}

/// The variable from the command line, else the build environment.
fn var<'s>(cmd: &'s SimpleCommand, step: &'s Step, name: &str) -> Option<&'s str> {
    cmd.assignment(name).or_else(|| step.env_var(name))
}

/// The home directory of the step's user (`None` when it cannot be told).
fn home(step: &Step) -> Option<String> {
    let user = step.user.split(':').next().unwrap_or("");
    if user.is_empty() || user == "root" || user == "0" {
        return Some("/root".to_owned());
    }
    if let Some(h) = step.env_var("HOME") {
        return Some(h.to_owned());
    }
    (!user.bytes().all(|b| b.is_ascii_digit())).then(|| format!("/home/{user}"))
}

/// (tool, cache disabled, cache dir) of an install command.
fn cache_use(cmd: &SimpleCommand, step: &Step) -> Option<(&'static str, bool, Option<String>)> {
    let (prog, args) = cmd.program()?;
    let first = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(String::as_str);
    let xdg = |sub: &str| var(cmd, step, "XDG_CACHE_HOME").map(|x| format!("{x}/{sub}"));
    let is_pip = prog == "pip"
        || prog
            .strip_prefix("pip")
            .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'));
    if is_pip && first == Some("install") {
        let off = args.iter().any(|a| a == "--no-cache-dir")
            || truthy(var(cmd, step, "PIP_NO_CACHE_DIR"));
        let dir = var(cmd, step, "PIP_CACHE_DIR")
            .map(str::to_owned)
            .or_else(|| xdg("pip"))
            .or_else(|| home(step).map(|h| format!("{h}/.cache/pip")));
        return Some(("pip", off, dir));
    }
    let uv_install = prog == "uv"
        && (matches!(first, Some("sync" | "add" | "lock" | "run"))
            || first == Some("pip") && args.iter().any(|a| a == "install"));
    if uv_install {
        let off = args.iter().any(|a| a == "--no-cache" || a == "-n")
            || truthy(var(cmd, step, "UV_NO_CACHE"));
        let dir = var(cmd, step, "UV_CACHE_DIR")
            .map(str::to_owned)
            .or_else(|| xdg("uv"))
            .or_else(|| home(step).map(|h| format!("{h}/.cache/uv")));
        return Some(("uv", off, dir));
    }
    None
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for step in &lx.model.steps {
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        let Some(Command::Run(run)) = &ins.command else {
            continue;
        };
        let mut targets = Vec::new();
        for m in &run.mounts {
            let mut env = crate::env::EnvList::default();
            for (k, v) in &step.cache_vars {
                env.set(k, v);
            }
            let lexer = lx.cx.lexer;
            let mut expander = |w: &str| -> Result<String, String> {
                lexer
                    .process_word(w, &env)
                    .map(|e| e.value.into_owned())
                    .map_err(|e| e.to_string())
            };
            if let Ok(mount) = parse_mount(&m.value, Some(&mut expander))
                && mount.kind == "cache"
            {
                let t = paths::resolve(&step.workdir, &mount.target);
                targets.push((m.span, t));
            }
        }
        let Some((span, first_target)) = targets.first().cloned() else {
            continue;
        };
        let covers = |dir: &str| {
            targets
                .iter()
                .any(|(_, t)| dir == t || dir.starts_with(&format!("{t}/")))
        };
        let uses: Vec<_> = lx
            .commands(step.ins)
            .iter()
            .filter_map(|c| cache_use(c, step))
            .collect();
        // Quiet as soon as one tool of the RUN really uses a mounted cache.
        if uses
            .iter()
            .any(|(_, off, dir)| !off && dir.as_deref().is_some_and(covers))
        {
            continue;
        }
        let Some((tool, off, dir)) = uses.into_iter().next() else {
            continue;
        };
        let msg = if off {
            let flag = if tool == "pip" {
                "--no-cache-dir"
            } else {
                "--no-cache"
            };
            format!(
                "{tool} runs with its cache turned off ({flag} or the matching variable), so the cache mount at {} is never filled",
                go_quote(&first_target)
            )
        } else if let Some(d) = dir {
            format!(
                "{tool} caches downloads in {} here, not in {}: the cache mount is never used",
                go_quote(&d),
                go_quote(&first_target)
            )
        } else {
            continue;
        };
        if let Some(f) = sink.report(&META, lx.at(step.ins, span), msg) {
            f.params = vec![("tool", tool.to_owned())];
        }
    }
}
