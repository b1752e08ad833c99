//! Size insight, case by case: a Dockerfile, the wasted rows expected (directory, how, adder
//! line, remover line) and the rewrites expected (title, and that building them really saves
//! about what was predicted). The daemon's images are untouched by the analysis.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use drydock_session::insights::ForecastRequest;
use drydock_session::{Session, SessionConfig};
use drydock_vfs::{ImportEntry, Tree};

fn check(dockerfile: &str, waste: &[&str], rewrites: &[&str]) {
    let host = Tree::from_entries([
        ImportEntry::file("Dockerfile", dockerfile),
        ImportEntry::file("requirements.txt", "numpy==2.5.5\n"),
    ])
    .unwrap();
    let mut s = Session::new(SessionConfig::default(), host);
    let images = s.line("docker images -a -q").stdout();
    let ins = s.size_insight(&ForecastRequest::default());
    assert_eq!(ins.error, None);
    let rows: Vec<String> = ins
        .waste
        .iter()
        .map(|w| {
            format!(
                "{} {} {} | {}",
                w.row.path, w.row.how, w.added_by, w.removed_by
            )
        })
        .collect();
    assert_eq!(rows, waste);
    let titles: Vec<&str> = ins.rewrites.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, rewrites);
    for r in &ins.rewrites {
        let saved = r.verified.clone().unwrap();
        let predicted = i64::try_from(r.predicted_bytes).unwrap();
        assert!(
            saved > 0 && saved >= predicted / 2,
            "{}: saved {saved}, predicted {predicted}",
            r.title
        );
        assert!(r.diff.iter().any(|d| d.op == '+'));
    }
    assert!(ins.efficiency_permille <= 1000);
    assert_eq!(s.line("docker images -a -q").stdout(), images);
}

#[test]
fn apt_lists_deleted_by_a_later_run_are_wasted_and_merging_saves_them() {
    check(
        "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n",
        &[
            "/var/lib/apt/lists deleted line 2: RUN apt-get update && apt-get install -y curl | line 3: RUN rm -rf /var/lib/apt/lists/*",
        ],
        &["Merge line 3 into line 2"],
    );
}

#[test]
fn pip_without_no_cache_dir_keeps_its_cache() {
    check(
        "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
        &[],
        &["pip install --no-cache-dir on line 3"],
    );
}

#[test]
fn a_clean_dockerfile_wastes_nothing() {
    check(
        "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
        &[],
        &[],
    );
}
