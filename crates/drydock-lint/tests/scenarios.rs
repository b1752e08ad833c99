//! Scenario tests for the rules: `tests/scenarios/*.txt`, one file per rule, each with cases
//! that trigger it and cases that must not. A case is `=== title`, `expect: CODE line N
//! ["text"]` / `expect-not: CODE` lines, then `--- Dockerfile`, optional `--- context` (one path
//! per line, directories end with `/`; without it the context is unknown) and
//! `--- .dockerignore` sections. Linted in check mode (every stage, learner rules on) with
//! catalog base images, unless an `options:` line says `build` (only the stages the target
//! needs), `target=NAME` or `arg:NAME=value`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use drydock_lint::LintOptions;
use drydock_text::LineIndex;
use std::path::Path;

struct Case {
    file: String,
    title: String,
    header: String,
    body: String,
}

fn cases(dir: &Path) -> Vec<Case> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        let text = format!("\n{text}");
        for chunk in text.split("\n=== ").skip(1) {
            let (title, rest) = chunk.split_once('\n').unwrap_or((chunk, ""));
            let first_section = if rest.starts_with("--- ") {
                Some(0)
            } else {
                rest.find("\n--- ").map(|k| k + 1)
            };
            let (header, body) = match first_section {
                Some(k) => (&rest[..k], &rest[k..]),
                None => (rest, ""),
            };
            out.push(Case {
                file: name.clone(),
                title: title.trim().to_owned(),
                header: header.to_owned(),
                body: body.to_owned(),
            });
        }
    }
    out
}

/// Lints a case and checks its expectations.
fn check(case: &Case) -> Result<(), String> {
    let sections = support::sections(&case.body);
    let get = |n: &str| {
        sections
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    let dockerfile = get("Dockerfile").ok_or("no --- Dockerfile section")?;
    let ctx: Option<Vec<&str>> = get("context").map(|c| c.lines().collect());
    let facts = support::Facts::new(ctx.as_deref(), get(".dockerignore"));
    let parse = drydock_syntax::parse(dockerfile);
    let mut opts = LintOptions::check_mode();
    for line in case.header.lines() {
        let Some(rest) = line.strip_prefix("options:") else {
            continue;
        };
        for w in rest.split_whitespace() {
            if w == "build" {
                opts.all_stages = false;
            } else if let Some(t) = w.strip_prefix("target=") {
                opts.target = Some(t.to_owned());
            } else if let Some((k, v)) = w.strip_prefix("arg:").and_then(|a| a.split_once('=')) {
                opts.build_args.insert(k.to_owned(), v.to_owned());
            } else {
                return Err(format!("unknown option {w}"));
            }
        }
    }
    let report = drydock_lint::lint(&parse, &facts, &opts);
    let lines = LineIndex::new(dockerfile);
    let mut found: Vec<(String, u32, String)> = report
        .findings()
        .map(|f| (f.code.to_owned(), f.line, f.message.clone()))
        .collect();
    for d in report.errors.iter().chain(&report.syntax) {
        let line = lines.line_col(dockerfile, d.range.start).line;
        found.push((d.code.to_string(), line, d.message.clone()));
    }
    let mut expectations = 0;
    for line in case.header.lines() {
        if let Some(rest) = line.strip_prefix("expect:") {
            expectations += 1;
            let rest = rest.trim();
            let (head, text) = match rest.split_once('"') {
                Some((h, t)) => (
                    h.trim(),
                    Some(t.strip_suffix('"').unwrap_or(t).replace("\\\"", "\"")),
                ),
                None => (rest, None),
            };
            let mut words = head.split_whitespace();
            let code = words.next().unwrap_or("");
            let want_line: Option<u32> = match (words.next(), words.next()) {
                (Some("line"), Some(n)) => Some(n.parse().map_err(|_| format!("bad line {n}"))?),
                _ => None,
            };
            let ok = found.iter().any(|(c, l, m)| {
                c == code
                    && want_line.is_none_or(|w| w == *l)
                    && text.as_deref().is_none_or(|t| m.contains(t))
            });
            if !ok {
                return Err(format!("expected {rest}\nfound: {found:#?}"));
            }
        } else if let Some(code) = line.strip_prefix("expect-not:") {
            expectations += 1;
            let code = code.trim();
            if let Some(f) = found.iter().find(|(c, _, _)| c == code) {
                return Err(format!("did not expect {code}, found {f:?}"));
            }
        }
    }
    if expectations == 0 {
        return Err("a case needs expect: or expect-not: lines".into());
    }
    Ok(())
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let args = libtest_mimic::Arguments::from_args();
    let trials = cases(&dir)
        .into_iter()
        .map(|c| {
            let name = format!("{}: {}", c.file, c.title);
            libtest_mimic::Trial::test(name, move || check(&c).map_err(Into::into))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
