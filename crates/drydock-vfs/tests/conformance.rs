//! Conformance runner for drydock-vfs: moby/patternmatcher (`cases-patternmatcher.tsv`,
//! `cases-patternmatcher-compile.tsv`), ignorefile.ReadAll (`cases-dockerignore-readall.tsv`)
//! and BuildKit's NormalizeWorkdir (`cases-workdir.tsv`). Rows are read at run time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use drydock_testkit::{Row, Suite, Value, read_tsv};
use drydock_vfs::ignore::{self, MatchInfo, PatternError, PatternMatcher};
use drydock_vfs::normalize_workdir;

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Rows of upstream tests that only run on Windows (none today; kept data-driven).
fn windows_only(row: &Row) -> bool {
    let t = row.str("test").to_ascii_lowercase();
    t.contains("windows") && !t.contains("non-windows")
}

fn expect_outcome(
    got: Result<bool, PatternError>,
    want_match: bool,
    want_err: Option<&str>,
) -> Result<(), String> {
    match (got, want_err) {
        (Ok(m), None) if m == want_match => Ok(()),
        (Err(e), Some(w)) if e.to_string() == w => Ok(()),
        (got, _) => Err(format!(
            "got {got:?}, want match={want_match} error={want_err:?}"
        )),
    }
}

/// Go's `filepath.Dir` split into the parent directories used by the upstream test loops.
fn parent_dirs(path: &str) -> Option<Vec<String>> {
    let dir = match path.rfind('/') {
        Some(i) => drydock_vfs::clean(&path[..=i]),
        None => ".".to_owned(),
    };
    if dir == "." {
        return None;
    }
    let parts: Vec<&str> = dir.split('/').collect();
    Some((1..=parts.len()).map(|n| parts[..n].join("/")).collect())
}

fn check_matcher_row(row: &Row) -> Result<(), String> {
    let function = row.str("function");
    let patterns = strings(row.get("patterns"));
    let path = row.str("path");
    let want_match = row.get("expected_match").as_bool().unwrap_or(false);
    let want_err = row.get("expected_error").as_str();
    match function {
        "Matches" => expect_outcome(ignore::matches(path, &patterns), want_match, want_err),
        "MatchesOrParentMatches" => {
            let pm = match PatternMatcher::new(&patterns) {
                Ok(pm) => pm,
                Err(e) => return expect_outcome(Err(e), want_match, want_err),
            };
            expect_outcome(pm.matches_or_parent_matches(path), want_match, want_err)
                .map_err(|e| format!("MatchesOrParentMatches: {e}"))?;
            // MatchesUsingParentResults, walking the parents first, and without context.
            let mut info = MatchInfo::default();
            for p in parent_dirs(path).unwrap_or_default() {
                info = pm
                    .matches_using_parent_results(&p, &info)
                    .map_err(|e| e.to_string())?
                    .1;
            }
            let got = pm.matches_using_parent_results(path, &info).map(|r| r.0);
            expect_outcome(got, want_match, want_err)
                .map_err(|e| format!("MatchesUsingParentResults: {e}"))?;
            let got = pm
                .matches_using_parent_results(path, &MatchInfo::default())
                .map(|r| r.0);
            expect_outcome(got, want_match, want_err)
                .map_err(|e| format!("MatchesUsingParentResults (no context): {e}"))?;
            // The deprecated single-bool variant is only checked upstream for one pattern.
            if patterns.len() == 1 {
                let mut parent = false;
                for p in parent_dirs(path).unwrap_or_default() {
                    parent = pm.matches_using_parent_result(&p, parent).unwrap_or(false);
                }
                expect_outcome(
                    pm.matches_using_parent_result(path, parent),
                    want_match,
                    want_err,
                )
                .map_err(|e| format!("MatchesUsingParentResult: {e}"))?;
            }
            Ok(())
        }
        other => Err(format!("unknown function {other:?}")),
    }
}

fn check_compile_row(row: &Row) -> Result<(), String> {
    let pattern = row.str("pattern");
    let pm = PatternMatcher::new(&[pattern]).map_err(|e| e.to_string())?;
    let p = pm.patterns().first().ok_or("no pattern compiled")?;
    let ty = p
        .match_type()
        .map(|t| t.go_name())
        .unwrap_or("regexp did not compile");
    let want_ty = row.str("match_type");
    if ty != want_ty {
        return Err(format!("match type {ty}, want {want_ty}"));
    }
    let want_re = row.get("unix_regexp").as_str();
    if p.regexp() != want_re {
        return Err(format!("regexp {:?}, want {want_re:?}", p.regexp()));
    }
    Ok(())
}

fn check_readall_row(row: &Row) -> Result<(), String> {
    let got = ignore::read_all(row.str("dockerignore_content")).map_err(|e| e.to_string())?;
    let want = strings(row.get("expected_patterns"));
    if got == want {
        Ok(())
    } else {
        Err(format!("got {got:?}, want {want:?}"))
    }
}

fn check_workdir_row(row: &Row) -> Result<(), String> {
    let got = normalize_workdir(row.str("current_workdir"), row.str("workdir_arg"));
    let want = row.str("expected_workdir");
    if row.get("expected_error").is_string() {
        return Err(format!("expected an error, got {got:?}"));
    }
    if got == want {
        Ok(())
    } else {
        Err(format!("got {got:?}, want {want:?}"))
    }
}

fn add_file(
    dir: &std::path::Path,
    suite: &mut Suite,
    file: &str,
    check: fn(&Row) -> Result<(), String>,
) {
    suite.file(file);
    let rows = match read_tsv(dir, file) {
        Ok(rows) => rows,
        Err(e) => {
            let e2 = e.clone();
            suite.case(file, file, "read", move || Err(e2));
            eprintln!("{e}");
            return;
        }
    };
    for row in rows {
        if windows_only(&row) {
            suite.not_applicable(file);
            continue;
        }
        let label = row
            .fields()
            .iter()
            .take(3)
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let id = row.id();
        suite.case(file, &id, &label, move || check(&row));
    }
}

fn main() {
    drydock_testkit::conformance_main(|dir, suite| {
        add_file(dir, suite, "cases-patternmatcher.tsv", check_matcher_row);
        add_file(
            dir,
            suite,
            "cases-patternmatcher-compile.tsv",
            check_compile_row,
        );
        add_file(
            dir,
            suite,
            "cases-dockerignore-readall.tsv",
            check_readall_row,
        );
        add_file(dir, suite, "cases-workdir.tsv", check_workdir_row);
    });
}
