//! BuildKit's build checks in `docker build` output: a `WARN:` line per check in the
//! `[internal] load build definition` step and Docker's summary at the very end of a successful
//! build (the scenario `build-checks.md` shows failing builds, where the summary precedes the
//! Dockerfile excerpt).
#![allow(clippy::unwrap_used)]

use drydock_engine::output::plain;
use drydock_engine::{BuildRequest, Engine, EngineConfig};
use drydock_vfs::{ImportEntry, Tree};

fn build(dockerfile: &str) -> (drydock_engine::BuildTrace, String) {
    let ctx = Tree::from_entries([
        ImportEntry::file("Dockerfile", dockerfile),
        ImportEntry::file("app.py", "print('hi')\n"),
    ])
    .unwrap();
    let mut engine = Engine::new(EngineConfig::default());
    let mut req = BuildRequest::new(ctx);
    req.tags.push("app".into());
    let trace = engine.build(req);
    let console = plain::render(&trace);
    (trace, console)
}

const JSON_ARGS: &str = "JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals";

#[test]
fn warnings_end_the_output() {
    let (trace, console) = build(
        "FROM python:3.12-slim\nENV APP_HOME /app\nWORKDIR $APP_HOME\nCOPY app.py .\nCMD python app.py\n",
    );
    assert!(trace.outcome.is_ok(), "{console}");
    let legacy = "LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format (line 2)";
    assert!(
        console.contains(&format!(
            "#1 transferring dockerfile: 90B done\n#1 WARN: {legacy}\n#1 WARN: {JSON_ARGS} (line 5)\n#1 DONE 0.0s\n"
        )),
        "{console}"
    );
    assert!(
        console.ends_with(&format!(
            "#8 DONE 0.0s\n\n 2 warnings found (use docker --debug to expand):\n - {legacy}\n - {JSON_ARGS} (line 5)\n"
        )),
        "{console}"
    );
    assert_eq!(
        trace.checks.iter().map(|f| f.code).collect::<Vec<_>>(),
        ["LegacyKeyValueFormat", "JSONArgsRecommended"]
    );
}

#[test]
fn one_warning_and_none() {
    let (_, console) = build("FROM python:3.12-slim\nCOPY app.py .\nCMD python app.py\n");
    assert!(
        console.ends_with(&format!(
            "\n\n 1 warning found (use docker --debug to expand):\n - {JSON_ARGS} (line 3)\n"
        )),
        "{console}"
    );
    let (trace, console) =
        build("FROM python:3.12-slim\nCOPY app.py .\nCMD [\"python\", \"app.py\"]\n");
    assert!(trace.checks.is_empty());
    assert!(
        !console.contains("WARN") && !console.contains("warning"),
        "{console}"
    );
    assert!(console.ends_with(" done\n#7 DONE 0.0s\n"), "{console}");
}

#[test]
fn learner_rules_stay_out_of_docker_output() {
    // DD002 (missing COPY source) is a Drydock tip: docker build prints only BuildKit's checks.
    let (trace, console) = build("FROM python:3.12-slim\nCOPY requirement.txt .\n");
    assert!(trace.checks.is_empty());
    assert!(!console.contains("DD0"), "{console}");
}

#[test]
fn check_error_true_fails_with_the_first_violation() {
    let (trace, console) =
        build("# check=error=true\nFROM python:3.12-slim\nCOPY app.py .\nCMD python app.py\n");
    let err = trace.outcome.unwrap_err();
    assert_eq!(
        err.message,
        "failed to solve: lint violation found for rules: JSONArgsRecommended"
    );
    assert_eq!(err.location.map(|l| l.start_line), Some(4));
    assert!(console.ends_with("ERROR: failed to build: failed to solve: lint violation found for rules: JSONArgsRecommended\n"), "{console}");
    // skip= silences a rule: no warning, no violation.
    let (trace, _) = build(
        "# check=skip=JSONArgsRecommended;error=true\nFROM python:3.12-slim\nCMD python app.py\n",
    );
    assert!(trace.outcome.is_ok());
    assert!(trace.checks.is_empty());
}
