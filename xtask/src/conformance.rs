//! `cargo xtask conformance`: runs every conformance suite and prints its `conformance FILE P/T` lines.
use crate::util::{self, Result, cmd};
use std::process::Stdio;

pub fn main(_args: &[String]) -> Result {
    let t = util::phase("conformance suites");
    let out = cmd("cargo")
        .args(["test", "--workspace", "--locked", "--test", "conformance*"])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("conformance "))
        .collect();
    util::done(t);
    for l in &lines {
        println!("{l}");
    }
    if !out.status.success() {
        return Err(
            "a conformance suite failed (run `cargo test --test conformance` for details)".into(),
        );
    }
    Ok(())
}
