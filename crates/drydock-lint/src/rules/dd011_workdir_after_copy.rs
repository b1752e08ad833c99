//! DD011 `workdir-after-copy`: files are copied to a relative destination before any WORKDIR
//! (so they land in `/`), then WORKDIR moves elsewhere and a later command looks for them there.
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::paths;
use drydock_syntax::instructions::Command;
use drydock_syntax::words::go_quote;
use drydock_text::TextRange;

pub static META: RuleMeta = learner_rule!(
    "DD011", "workdir-after-copy", Warning,
    description: "COPY runs before the WORKDIR that later commands rely on",
    url: "https://docs.docker.com/reference/dockerfile/#workdir",
    hint: "Put WORKDIR before the COPY instructions that use relative destinations.",
    explanation: "A relative COPY destination like `.` means the current WORKDIR at that line. Before any WORKDIR it is `/` (for most base images), so `COPY train.py .` writes /train.py. A WORKDIR /app further down does not move files that were already copied: commands that run in /app and expect train.py there fail with `No such file or directory`.",
    fix: "Move `WORKDIR /app` above the COPY lines (or copy to an absolute path: `COPY train.py /app/`).",
    show_me: Some(ShowMe {
        scenario: "Run the container: {workdir}/{file} does not exist, the file is at {copied}.",
        actions: &[Action::Build, Action::Run { detach: false }],
    }),
);

struct Copied {
    ins: usize,
    range: TextRange,
    /// Relative names the files are reachable by from the copy directory.
    names: Vec<String>,
    at: String,
}

fn mentions(word: &str, name: &str) -> bool {
    let w = word.strip_prefix("./").unwrap_or(word);
    w == name || w.starts_with(&format!("{name}/"))
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    let mut copies: Vec<Copied> = Vec::new();
    let mut reported: Vec<usize> = Vec::new();
    let mut stage = None;
    // Steps are in stage order: one pass, starting over at each stage.
    for step in &lx.model.steps {
        if stage != Some(step.stage) {
            stage = Some(step.stage);
            copies.clear();
        }
        let Some(ins) = lx.cx.ins(step.ins) else {
            continue;
        };
        let at_root = step.workdir.is_empty() || step.workdir == "/";
        match &ins.command {
            Some(Command::Copy(_) | Command::Add(_)) if at_root => {
                if let Some(c) = root_copy(lx, step) {
                    copies.push(c);
                }
            }
            Some(Command::Run(_) | Command::Cmd(_) | Command::Entrypoint(_))
                if !at_root && !copies.is_empty() =>
            {
                let words: Vec<String> = lx
                    .commands(step.ins)
                    .iter()
                    .flat_map(|c| c.words.iter().cloned())
                    .collect();
                for c in &copies {
                    if reported.contains(&c.ins) {
                        continue;
                    }
                    let Some(name) = c
                        .names
                        .iter()
                        .find(|n| words.iter().any(|w| mentions(w, n)))
                    else {
                        continue;
                    };
                    let copied = paths::resolve(&c.at, name);
                    let msg = format!(
                        "{} is copied to {} because no WORKDIR is set yet, but line {} runs in {}, where it does not exist",
                        go_quote(name),
                        go_quote(&copied),
                        ins.start_line,
                        go_quote(&step.workdir)
                    );
                    if let Some(f) = sink.report(&META, lx.at(c.ins, c.range), msg) {
                        f.params = vec![
                            ("file", name.clone()),
                            ("workdir", step.workdir.clone()),
                            ("copied", copied),
                        ];
                    }
                    reported.push(c.ins);
                }
            }
            _ => {}
        }
    }
}

/// A COPY/ADD made at `/` with a relative destination: the names its files are reachable by.
fn root_copy(lx: &Lx<'_, '_, '_>, step: &crate::model::Step) -> Option<Copied> {
    let dest = step.dest.as_deref()?;
    if dest.starts_with('/') {
        return None;
    }
    let d = paths::clean(dest);
    let mut names = Vec::new();
    for (_, src) in &step.sources {
        let sn = paths::clean(src.trim_start_matches('/'));
        if sn == "." && d == "." {
            // The whole context lands in /: its top-level entries (when known).
            if let Some(ctx) = &lx.model.context {
                names.extend(
                    ctx.iter()
                        .filter(|e| !e.path.contains('/'))
                        .filter(|e| !lx.cx.facts.is_ignored(&e.path))
                        .filter(|e| !e.path.starts_with('.') && e.path != "Dockerfile")
                        .map(|e| e.path.clone()),
                );
            }
            continue;
        }
        if sn == "." || paths::has_glob(&sn) || src.contains("://") {
            continue;
        }
        let base = sn.rsplit('/').next().unwrap_or(&sn).to_owned();
        let into_dir = dest.ends_with('/') || d == "." || step.sources.len() > 1;
        names.push(match (d.as_str(), into_dir) {
            (".", _) => base,
            (_, true) => format!("{d}/{base}"),
            (_, false) => d.clone(),
        });
    }
    if d != "." && !names.contains(&d) {
        names.push(d.clone());
    }
    let (first, last) = (step.sources.first()?, step.sources.last()?);
    Some(Copied {
        ins: step.ins,
        range: first.0.cover(last.0),
        names,
        at: "/".to_owned(),
    })
}
