//! DD002 `copy-source-missing`: a COPY/ADD source is not in the project, or `.dockerignore`
//! keeps it out of the build context, so the build cannot copy it (facts: the context).
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::paths;
use drydock_syntax::instructions::Command;
use drydock_syntax::instructions::suggest::suggest;
use drydock_syntax::words::go_quote;
use drydock_text::Severity;

pub static META: RuleMeta = learner_rule!(
    "DD002", "copy-source-missing", Error,
    description: "COPY source missing from the build context",
    url: "https://docs.docker.com/build/concepts/context/",
    hint: "COPY reads from the build context (the folder you build, minus .dockerignore); check the path and .dockerignore.",
    explanation: "`docker build .` sends the folder `.` (the build context) to the builder, without what .dockerignore excludes, and COPY can only read from that. Paths are relative to the context root, not to the Dockerfile or to WORKDIR, and they are case-sensitive. A path that is not there stops the build with `failed to compute cache key: … \"/path\": not found`; a wildcard that matches nothing copies nothing.",
    fix: "Fix the path (relative to the build context), build from the right folder, or remove the pattern from .dockerignore.",
    show_me: Some(ShowMe {
        scenario: "Build: the step on line {line} fails with \"/{path}\": not found.",
        actions: &[Action::Build],
    }),
);

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    let Some(ctx) = &lx.model.context else { return };
    let present: std::collections::BTreeSet<&str> = ctx.iter().map(|e| e.path.as_str()).collect();
    let visible = |p: &str| !lx.cx.facts.is_ignored(p);
    for step in &lx.model.steps {
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        let from_context = match &ins.command {
            Some(Command::Copy(c)) => c.from.is_none(),
            Some(Command::Add(_)) => true,
            _ => false,
        };
        if !from_context {
            continue;
        }
        let kw = ins.keyword.to_uppercase();
        for (span, src) in &step.sources {
            if src.contains("://") || src.starts_with("git@") {
                continue;
            }
            let norm = paths::clean(src.trim_start_matches('/'));
            if norm == "." || norm.starts_with("../") || norm == ".." {
                continue;
            }
            let at = lx.at(step.ins, *span);
            if paths::has_glob(&norm) {
                let matches: Vec<&str> = ctx
                    .iter()
                    .filter(|e| paths::glob_match(&norm, &e.path))
                    .map(|e| e.path.as_str())
                    .collect();
                let msg = if matches.is_empty() {
                    format!(
                        "{kw} source {} matches no file in the build context, so nothing is copied",
                        go_quote(src)
                    )
                } else if !matches.iter().any(|p| visible(p)) {
                    format!(
                        "every file matching {} is excluded by .dockerignore, so nothing is copied",
                        go_quote(src)
                    )
                } else {
                    continue;
                };
                if let Some(f) = sink.report(&META, at, msg) {
                    f.severity = Severity::Warning;
                    f.params = vec![("path", norm.clone()), ("line", ins.start_line.to_string())];
                }
                continue;
            }
            let exists = present.contains(norm.as_str());
            let msg = if !exists {
                let names: Vec<&str> = ctx.iter().map(|e| e.path.as_str()).collect();
                let mut m = format!(
                    "{kw} source {} does not exist in the build context",
                    go_quote(&norm)
                );
                if let Some(s) = suggest(&norm, &names, true) {
                    m.push_str(&format!(" (did you mean {}?)", go_quote(&s)));
                }
                m
            } else if !visible(&norm) {
                format!(
                    "{} is in the project but .dockerignore excludes it, so the build cannot see it",
                    go_quote(&norm)
                )
            } else {
                continue;
            };
            if let Some(f) = sink.report(&META, at, msg) {
                f.params = vec![("path", norm.clone()), ("line", ins.start_line.to_string())];
            }
        }
    }
}
