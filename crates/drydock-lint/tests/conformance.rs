//! Conformance runner for the linter: every row of `cases-lint.tsv` (Dockerfile + .dockerignore +
//! build options → BuildKit's warnings with rule, line and detail, and the error of the check run).
//! Facts come from the row: the context holds the Dockerfile and the .dockerignore, ignore
//! patterns go through drydock-vfs's matcher, base images through drydock-catalog. Rows are read
//! at run time; rows listed in docs/divergences.md are asserted to diverge.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use drydock_lint::{LintOptions, Platform};
use drydock_testkit::{Row, Suite, Value, conformance_main, read_tsv};
use drydock_text::LineIndex;

/// Facts of a row: a context holding the Dockerfile (and the .dockerignore when given).
fn facts(row: &Row) -> support::Facts {
    let ignore = row.get("dockerignore").as_str();
    let mut paths = vec!["Dockerfile"];
    if ignore.is_some() {
        paths.push(".dockerignore");
    }
    support::Facts::new(Some(&paths), ignore)
}

fn options(row: &Row) -> LintOptions {
    let mut opts = LintOptions {
        learner: false,
        ..LintOptions::default()
    };
    if let Some(m) = row.get("build_options").as_object() {
        for (k, v) in m {
            let v = v.as_str().unwrap_or("");
            if let Some(name) = k.strip_prefix("build-arg:") {
                opts.build_args.insert(name.to_owned(), v.to_owned());
            } else if k == "platform" {
                let first = v.split(',').next().unwrap_or("");
                opts.platform = Platform::parse(first).unwrap();
            } else if k == "target" {
                opts.target = Some(v.to_owned());
            }
        }
    }
    opts
}

fn check(row: &Row) -> Result<(), String> {
    let text = row.str("dockerfile").to_owned();
    let facts = facts(row);
    let opts = options(row);
    let parse = drydock_syntax::parse(&text);
    let report = drydock_lint::lint(&parse, &facts, &opts);
    let expected = row.get("expected");

    let mut got: Vec<(u32, String, String)> = report
        .warnings
        .iter()
        .map(|w| (w.line, w.message.clone(), w.code.to_owned()))
        .collect();
    got.sort();
    let mut want: Vec<(u32, String, String)> = expected
        .get("warnings")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|w| {
                    (
                        u32::try_from(w["line"].as_u64().unwrap()).unwrap(),
                        w["detail"].as_str().unwrap().to_owned(),
                        w["rule"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    want.sort();
    if got != want {
        return Err(format!(
            "warnings differ\n want: {want:#?}\n  got: {got:#?}"
        ));
    }

    let lines = LineIndex::new(&text);
    match expected.get("build_error").and_then(Value::as_str) {
        Some(msg) => {
            let Some(first) = report.errors.first() else {
                return Err(format!("expected the error {msg:?}, got none"));
            };
            if first.message != msg {
                return Err(format!("error: want {msg:?}, got {:?}", first.message));
            }
            if let Some(line) = expected.get("build_error_line").and_then(Value::as_u64) {
                let got = lines.line_col(&text, first.range.start).line;
                if u64::from(got) != line {
                    return Err(format!("error line: want {line}, got {got}"));
                }
            }
        }
        // `build_error_regexp` rows fail in the solver (a normal build copying an ignored
        // file); the check run BuildKit's lint does has no error for them, like ours.
        None => {
            if let Some(e) = report.errors.first() {
                return Err(format!("unexpected error {:?}", e.message));
            }
        }
    }
    Ok(())
}

fn main() {
    conformance_main(|dir, suite: &mut Suite| {
        let file = "cases-lint.tsv";
        suite.file(file);
        let rows = read_tsv(dir, file).unwrap();
        for row in rows {
            let id = row.id();
            let label = row.str("test").to_owned();
            suite.case(file, &id, &label, move || check(&row));
        }
    });
}
