//! `drydock parse` over the real-Dockerfile corpus: the 176 Dockerfiles are accepted and the
//! 11 `*.template` files (template code, see the corpus's SOURCE.md) are rejected with an error.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::process::Command;

#[test]
fn official_images_corpus() {
    let Some(dir) = drydock_testkit::corpus_dir().map(|d| d.join("official-images")) else {
        eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        eprintln!("!! corpus not found (set DRYDOCK_CORPUS): official-images test SKIPPED");
        eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (mut accepted, mut rejected, mut wrong) = (0, 0, Vec::new());
    for f in &files {
        let out = Command::new(env!("CARGO_BIN_EXE_drydock"))
            .args(["parse", "--dump", "buildkit"])
            .arg(f)
            .output()
            .unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let template = name.ends_with(".template");
        match (out.status.code(), template) {
            (Some(0), false) if !out.stdout.is_empty() => accepted += 1,
            (Some(1), true) if stderr.contains(": error[") => rejected += 1,
            (code, _) => wrong.push(format!("{name}: exit {code:?}\n{stderr}")),
        }
    }
    println!(
        "corpus: {accepted} accepted, {rejected} rejected, {} wrong",
        wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(accepted + rejected, files.len());
}
