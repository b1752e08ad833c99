//! Corpus of course-style projects (`tests/corpus/NN-ok-*` correct, `NN-broken-*` with a known
//! mistake): each folder holds a `Dockerfile`, its `context` (one path per line; the Dockerfile
//! is implied), an optional `dockerignore`, and `expected`, the diagnostics snapshot
//! (`LINE:COL severity[CODE] message`). One trial per folder compares the snapshot
//! (`UPDATE_EXPECT=1` rewrites them) and asserts that `ok` projects have no error; a
//! `rule counts` trial checks that every broken project triggers something. The per-rule counts
//! over the corpus are printed at the end of the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use drydock_lint::LintOptions;
use drydock_text::{Diagnostic, LineIndex, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn folders() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Dockerfile").is_file())
        .collect();
    out.sort();
    out
}

/// Lints one project; returns the Dockerfile text and the diagnostics.
fn lint(dir: &Path) -> (String, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(dir.join("Dockerfile")).unwrap();
    let ctx = std::fs::read_to_string(dir.join("context")).unwrap_or_default();
    let mut paths: Vec<&str> = ctx.lines().collect();
    paths.push("Dockerfile");
    let ignore = std::fs::read_to_string(dir.join("dockerignore")).ok();
    if ignore.is_some() {
        paths.push(".dockerignore");
    }
    let facts = support::Facts::new(Some(&paths), ignore.as_deref());
    let parse = drydock_syntax::parse(&text);
    let report = drydock_lint::lint(&parse, &facts, &LintOptions::check_mode());
    (text.clone(), report.diagnostics())
}

fn snapshot(text: &str, diags: &[Diagnostic]) -> String {
    let idx = LineIndex::new(text);
    diags
        .iter()
        .map(|d| {
            let p = idx.line_col(text, d.range.start);
            format!(
                "{}:{} {}[{}] {}\n",
                p.line,
                p.col,
                d.severity.as_str(),
                d.code,
                d.message
            )
        })
        .collect()
}

/// Lints a folder and checks its snapshot and, for `ok` projects, the absence of errors.
fn check(dir: &Path) -> Result<(), String> {
    let (text, diags) = lint(dir);
    let got = snapshot(&text, &diags);
    let path = dir.join("expected");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &got).map_err(|e| e.to_string())?;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        return Err(format!(
            "snapshot differs (UPDATE_EXPECT=1 to accept)\n--- want\n{want}--- got\n{got}"
        ));
    }
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    if name.contains("-ok-")
        && let Some(e) = diags.iter().find(|d| d.severity == Severity::Error)
    {
        return Err(format!("a correct project has an error: {e:?}"));
    }
    if name.contains("-broken-") && diags.is_empty() {
        return Err("a broken project triggers nothing".into());
    }
    Ok(())
}

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let dirs = folders();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for d in &dirs {
        for diag in lint(d).1 {
            *counts.entry(diag.code.to_string()).or_default() += 1;
        }
    }
    let n = dirs.len();
    let mut trials: Vec<libtest_mimic::Trial> = dirs
        .into_iter()
        .map(|d| {
            let name = format!("corpus {}", d.file_name().unwrap().to_string_lossy());
            libtest_mimic::Trial::test(name, move || check(&d).map_err(Into::into))
        })
        .collect();
    trials.push(libtest_mimic::Trial::test(
        "corpus has at least 30 projects",
        move || {
            if n >= 30 {
                Ok(())
            } else {
                Err(format!("only {n} projects").into())
            }
        },
    ));
    let listing = args.list;
    let conclusion = libtest_mimic::run(&args, trials);
    if !listing {
        println!("per-rule counts over {n} corpus projects:");
        for (code, c) in &counts {
            println!("  {code:<32} {c}");
        }
    }
    conclusion.exit();
}
