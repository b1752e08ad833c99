//! `.dockerignore` end to end: file text + context → what BuildKit would transfer.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use drydock_vfs::ignore::{PatternMatcher, filter_context, is_excluded, read_all};
use drydock_vfs::{ImportEntry, Tree};

/// `files` is one context path per line (a trailing `/` makes an empty directory); the kept
/// paths (directories with a trailing `/`) must equal `expected`.
fn check(dockerignore: &str, files: &str, expected: &str) {
    let entries = files.split_whitespace().map(|f| match f.strip_suffix('/') {
        Some(d) => ImportEntry::dir(d),
        None => ImportEntry::file(f, "x"),
    });
    let ctx = Tree::from_entries(entries).unwrap();
    let pm = PatternMatcher::new(&read_all(dockerignore).unwrap()).unwrap();
    let kept = filter_context(&ctx, &pm).unwrap();
    let got: Vec<String> = kept
        .walk()
        .map(|(p, n)| {
            if n.is_dir() {
                format!("{}/", p.relative())
            } else {
                p.relative().to_owned()
            }
        })
        .collect();
    let want: Vec<&str> = expected.split_whitespace().collect();
    assert_eq!(got, want, ".dockerignore:\n{dockerignore}");
}

#[test]
fn exclusions_and_reinclusions() {
    check(
        "*.md\n!README.md\nnode_modules\n",
        "README.md CHANGES.md node_modules/x/y.js src/a.md src/app.py",
        "README.md src/ src/a.md src/app.py",
    );
    check(
        "# keep only src\n**\n!src\n",
        "Dockerfile .dockerignore src/app.py src/lib/x.py docs/a.txt",
        "src/ src/app.py src/lib/ src/lib/x.py",
    );
    check(
        "docs\n!docs/keep.txt\n",
        "docs/keep.txt docs/other.txt docs/sub/x a",
        "a docs/ docs/keep.txt",
    );
    check(
        "/build/../dist\n**/*.pyc\n!**/keep.pyc\n",
        "dist/x app.pyc lib/m.pyc lib/keep.pyc lib/m.py",
        "lib/ lib/keep.pyc lib/m.py",
    );
    check("", "a b/c empty/", "a b/ b/c empty/");
}

#[test]
fn excluded_checks_for_lint() {
    let pm = PatternMatcher::new(&["*.md", "!README.md", "tmp/"]).unwrap();
    assert!(is_excluded(&pm, "CHANGES.md").unwrap());
    assert!(!is_excluded(&pm, "README.md").unwrap());
    assert!(is_excluded(&pm, "/tmp/x/y").unwrap());
    assert!(!is_excluded(&pm, ".").unwrap());
    assert_eq!(
        PatternMatcher::new(&["a["]).unwrap_err().to_string(),
        "syntax error in pattern"
    );
}
