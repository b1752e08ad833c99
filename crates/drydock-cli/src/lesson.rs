//! `drydock lesson check FILE...` and `drydock lesson check --bundled`: loads each lesson (file IO
//! here only), runs its reference solution headlessly through drydock-session's validator and
//! prints one line per step, `lesson ID step N TITLE: ok` or `… FAIL <goal> — <why>` per failed
//! goal (then the failing solution lines with the end of their output, indented). Exits 0 when every step of every lesson passes, 1 when a goal fails, 2 when a file is
//! unreadable or not a valid lesson (the load error is printed).
use drydock_session::lesson::{self, CheckReport};
use std::io::Write;

const USAGE: &str = "Usage: drydock lesson check (--bundled | FILE...)";

/// Runs the subcommand; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") => check(args.get(1..).unwrap_or(&[])),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            0
        }
        _ => {
            eprintln!("{USAGE}");
            2
        }
    }
}

fn check(args: &[String]) -> i32 {
    let mut sources: Vec<(String, Result<String, String>)> = Vec::new();
    for a in args {
        if a == "--bundled" {
            for (name, text) in lesson::pack::sources() {
                sources.push((format!("bundled:{name}"), Ok((*text).to_owned())));
            }
        } else if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return 0;
        } else if a.starts_with('-') {
            eprintln!("drydock lesson check: unknown flag {a}\n{USAGE}");
            return 2;
        } else {
            let text = std::fs::read_to_string(a).map_err(|e| format!("cannot read {a}: {e}"));
            sources.push((a.clone(), text));
        }
    }
    if sources.is_empty() {
        eprintln!("{USAGE}");
        return 2;
    }
    let mut code = 0;
    let mut out = std::io::stdout().lock();
    for (name, text) in sources {
        let loaded = text.and_then(|t| lesson::load(&t).map_err(|e| e.message));
        let lesson = match loaded {
            Ok(l) => l,
            Err(e) => {
                eprintln!("drydock lesson check: {name}: {e}");
                code = 2;
                continue;
            }
        };
        let report = lesson::check(&lesson);
        if print(&mut out, &report).is_err() {
            return 2;
        }
        if !report.passed() && code == 0 {
            code = 1;
        }
    }
    code
}

fn print(out: &mut impl Write, report: &CheckReport) -> std::io::Result<()> {
    out.write_all(report.render().as_bytes())
}
