//! The what-if cache forecast, case by case: a project is built once, one edit is made, and the
//! forecast (one line per step: number, cached/rebuild, why) must match. Then the edited
//! project is really built and every step's cache status must match the forecast.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use drydock_engine::CacheStatus;
use drydock_session::insights::{ForecastRequest, words};
use drydock_session::{Action, Session, SessionConfig};
use drydock_vfs::{ImportEntry, Tree};

const DOCKERFILE: &str = "\
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt --no-cache-dir
COPY src/ src/
CMD [\"python\", \"src/train.py\"]
";

fn project() -> Tree {
    Tree::from_entries([
        ImportEntry::file("Dockerfile", DOCKERFILE),
        ImportEntry::file("requirements.txt", "numpy==2.5.5\n"),
        ImportEntry::file("src/train.py", "print('train')\n"),
    ])
    .unwrap()
}

/// Builds the project, applies `edit` (path, new text; empty path = no edit), forecasts, checks
/// the forecast's lines and summary, then builds for real and checks the forecast was right.
fn check(edit: (&str, &str), expected: &str, summary: &str) {
    let mut s = Session::new(SessionConfig::default(), project());
    assert_eq!(s.line("docker build -t app .").exit_code, 0);
    let images_before = s.line("docker images -a -q").stdout();
    if !edit.0.is_empty() {
        s.apply(Action::WriteFile {
            path: edit.0.to_owned(),
            content: edit.1.to_owned(),
        });
    }
    let f = s.forecast(&ForecastRequest {
        dockerfile: "Dockerfile".into(),
        ..ForecastRequest::default()
    });
    let got: Vec<String> = f
        .steps
        .iter()
        .map(|st| {
            if st.rebuild {
                format!("{} rebuild {}", st.number, st.why)
            } else {
                format!("{} cached", st.number)
            }
        })
        .collect();
    assert_eq!(got.join("\n"), expected.trim(), "edit {}", edit.0);
    assert_eq!(f.summary, summary);
    // the forecast left the daemon alone
    assert_eq!(s.line("docker images -a -q").stdout(), images_before);
    // and the real build agrees, step by step
    assert_eq!(s.line("docker build -t app .").exit_code, 0);
    let trace = s.last_build().unwrap();
    let real: Vec<bool> = trace
        .steps
        .iter()
        .filter(|st| st.vertex.is_some() && !matches!(st.cache, CacheStatus::NotApplicable))
        .map(|st| matches!(st.cache, CacheStatus::Miss(_)))
        .collect();
    let predicted: Vec<bool> = f.steps.iter().map(|st| st.rebuild).collect();
    assert_eq!(real, predicted);
}

#[test]
fn no_change_keeps_everything_cached() {
    check(
        ("", ""),
        "2 cached\n3 cached\n4 cached\n5 cached",
        "Building now takes every step (4) from the cache.",
    );
}

#[test]
fn a_source_file_copied_late_rebuilds_only_the_last_step() {
    check(
        ("src/train.py", "print('train v2')\n"),
        "2 cached\n3 cached\n4 cached\n5 rebuild `src/train.py` changed",
        "Building now will rebuild step 5 (`src/train.py` changed), under a second and 18 B of layers.",
    );
}

#[test]
fn requirements_rebuild_the_pip_step_and_everything_after() {
    check(
        ("requirements.txt", "numpy==2.5.5\ntyper==0.29.1\n"),
        "2 cached\n3 rebuild `requirements.txt` changed\n4 rebuild previous step rebuilt\n5 rebuild previous step rebuilt",
        "Building now will rebuild steps 3–5 (`requirements.txt` changed), about 2 s and 52.2 MB of layers.",
    );
}

#[test]
fn an_edited_instruction_rebuilds_from_its_line() {
    check(
        (
            "Dockerfile",
            &DOCKERFILE.replace("--no-cache-dir", "--no-cache-dir --quiet"),
        ),
        "2 cached\n3 cached\n4 rebuild instruction changed\n5 rebuild previous step rebuilt",
        "Building now will rebuild steps 4–5 (instruction changed), about 1 s and 40.0 MB of layers.",
    );
}

#[test]
fn words_round_for_people() {
    assert_eq!(words::duration(185_000), "about 3 min");
    assert_eq!(words::size(1_230_000_000), "1.2 GB");
}
