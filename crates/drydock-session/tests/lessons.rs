//! `drydock lesson check` as data: every bundled lesson must pass its own reference solution, and
//! every fixture lesson under `tests/lessons/` must fail exactly as its `# expect: ` header lines
//! say (the report's `FAIL` lines, or the load error for `# expect-load-error: `). One check
//! helper, one trial per lesson.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use drydock_session::lesson;
use drydock_testkit::Suite;

/// Loads and checks a lesson; returns the load error or the report's `FAIL` lines (without the
/// `lesson ID step N TITLE: ` head, as `step N: FAIL …`).
fn check(text: &str) -> Result<Vec<String>, String> {
    let l = lesson::load(text).map_err(|e| e.message)?;
    let report = lesson::check(&l);
    let mut fails = Vec::new();
    for step in &report.steps {
        for f in &step.failures {
            fails.push(format!("step {}: FAIL {} — {}", step.number, f.goal, f.why));
        }
    }
    if fails.is_empty() != report.passed() {
        return Err("passed() disagrees with the failures".to_owned());
    }
    Ok(fails)
}

fn main() {
    let mut suite = Suite::new();
    for (name, text) in lesson::pack::sources() {
        suite.case("bundled", name, name, move || match check(text) {
            Ok(f) if f.is_empty() => Ok(()),
            Ok(f) => Err(f.join("\n")),
            Err(e) => Err(format!("does not load: {e}")),
        });
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/lessons");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixture lessons in {}", dir.display());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        suite.case("fixtures", &name, &name, move || {
            let expect: Vec<String> = text
                .lines()
                .filter_map(|l| l.strip_prefix("# expect: "))
                .map(str::to_owned)
                .collect();
            let load_error: Vec<&str> = text
                .lines()
                .filter_map(|l| l.strip_prefix("# expect-load-error: "))
                .collect();
            if expect.is_empty() && load_error.is_empty() {
                return Err("a fixture needs `# expect: ` or `# expect-load-error: ` lines".into());
            }
            let got = check(&text);
            match (&got, load_error.is_empty()) {
                (Ok(fails), true) if *fails == expect => Ok(()),
                (Err(e), false) if *e == load_error.join("\n") => Ok(()),
                _ => Err(format!(
                    "expected {:?}{:?}\n     got {got:?}",
                    expect, load_error
                )),
            }
        });
    }
    suite.run();
}
