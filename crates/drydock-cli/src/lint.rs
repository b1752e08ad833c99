//! `drydock lint [FILE] [--format text|json]`: lints one Dockerfile (default `./Dockerfile`) with
//! the working directory as its build context — syntax errors, BuildKit's build checks and
//! Drydock's learner rules — printed as `FILE:LINE:COL: severity[CODE]: message` plus an indented
//! `help: …` line (or a JSON array); exits 1 when there are errors, 2 on failure. The facts come
//! from the engine's `ContextFacts` over the folder (files, `.dockerignore`) and the catalog.
use drydock_engine::lint::ContextFacts;
use drydock_lint::LintOptions;
use drydock_text::{Diagnostic, LineIndex};
use std::io::Write;
use std::path::Path;

const USAGE: &str = "Usage: drydock lint [--format text|json] [FILE]";

/// The facts of the working directory as a build context (the engine's [`ContextFacts`] over
/// the folder read as a tree). `dockerfile` is the FILE argument.
fn folder_facts(dockerfile: &str) -> Result<ContextFacts, String> {
    let tree = crate::docker_state::read_tree(Path::new("."))?;
    let rel = dockerfile.trim_start_matches("./");
    ContextFacts::new(&tree, rel)
}

fn help_of(d: &Diagnostic) -> String {
    if !d.hint.is_empty() {
        return d.hint.to_string();
    }
    drydock_lint::rule(&d.code)
        .map(|r| r.hint.to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "see https://docs.docker.com/reference/dockerfile/".to_owned())
}

/// Runs the subcommand; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let mut json = false;
    let mut file: Option<&str> = None;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        let format = if a == "--format" {
            i += 1;
            match args.get(i) {
                Some(v) => Some(v.as_str()),
                None => {
                    eprintln!("drydock lint: --format needs a value\n{USAGE}");
                    return 2;
                }
            }
        } else {
            a.strip_prefix("--format=")
        };
        if let Some(f) = format {
            json = match f {
                "json" => true,
                "text" => false,
                other => {
                    eprintln!("drydock lint: unknown format {other:?}\n{USAGE}");
                    return 2;
                }
            };
        } else if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return 0;
        } else if a.starts_with('-') {
            eprintln!("drydock lint: unknown flag {a}\n{USAGE}");
            return 2;
        } else if file.replace(a).is_some() {
            eprintln!("drydock lint: one FILE expected\n{USAGE}");
            return 2;
        }
        i += 1;
    }
    let path = file.unwrap_or("Dockerfile");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("drydock lint: cannot read {path}: {e}");
            return 2;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let facts = match folder_facts(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("drydock lint: {e}");
            return 2;
        }
    };
    let parse = drydock_syntax::parse(&text);
    let report = drydock_lint::lint(&parse, &facts, &LintOptions::check_mode());
    let diags = report.diagnostics();
    let index = LineIndex::new(&text);
    let mut out = std::io::stdout().lock();
    let written = if json {
        let items: Vec<serde_json::Value> = diags
            .iter()
            .map(|d| {
                let start = index.line_col(&text, d.range.start);
                let end = index.line_col(&text, d.range.end);
                serde_json::json!({
                    "file": path,
                    "line": start.line,
                    "column": start.col,
                    "end_line": end.line,
                    "end_column": end.col,
                    "severity": d.severity.as_str(),
                    "code": d.code,
                    "message": d.message,
                    "help": help_of(d),
                    "url": drydock_lint::rule(&d.code).map(|r| r.url).unwrap_or(""),
                })
            })
            .collect();
        match serde_json::to_string_pretty(&items) {
            Ok(s) => writeln!(out, "{s}"),
            Err(e) => {
                eprintln!("drydock lint: cannot serialise the diagnostics: {e}");
                return 2;
            }
        }
    } else {
        let mut r = Ok(());
        for d in &diags {
            let pos = index.line_col(&text, d.range.start);
            r = r.and_then(|()| {
                writeln!(
                    out,
                    "{path}:{}:{}: {}[{}]: {}\n  help: {}",
                    pos.line,
                    pos.col,
                    d.severity.as_str(),
                    d.code,
                    d.message,
                    help_of(d)
                )
            });
        }
        r
    };
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("drydock lint: cannot write output: {e}");
        return 2;
    }
    i32::from(diags.iter().any(Diagnostic::is_error))
}
