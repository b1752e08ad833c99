//! `drydock lesson check` as a process: the bundled pack and a good lesson exit 0, a lesson with
//! a wrong reference solution exits 1 with its `FAIL` line, an invalid or missing file exits 2
//! with the load error.
use std::path::PathBuf;
use std::process::Command;

fn lesson_check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_drydock"))
        .arg("lesson")
        .arg("check")
        .args(args)
        .output()
        .expect("run drydock");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../drydock-session")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn exit_statuses_of_lesson_check() {
    let (code, stdout, stderr) = lesson_check(&["--bundled"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("lesson first-dockerfile step 1 Pick a base image: ok"));
    assert!(!stdout.contains("FAIL"), "{stdout}");

    let good = fixture("data/lessons/01-first-dockerfile.toml");
    let (code, stdout, _) = lesson_check(&[&good]);
    assert_eq!(code, 0, "{stdout}");

    let bad = fixture("tests/lessons/wrong-entrypoint.toml");
    let (code, stdout, _) = lesson_check(&[&good, &bad]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout
            .contains("lesson wrong-entrypoint step 1 Build: FAIL image_config trainer:latest — "),
        "{stdout}"
    );

    let invalid = fixture("tests/lessons/bad-answer.toml");
    let (code, _, stderr) = lesson_check(&[&invalid]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("predict.answer is 3 but there are 3 choices"),
        "{stderr}"
    );

    let (code, _, stderr) = lesson_check(&["/nonexistent/lesson.toml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read /nonexistent/lesson.toml"),
        "{stderr}"
    );

    let (code, _, _) = lesson_check(&[]);
    assert_eq!(code, 2);
}
