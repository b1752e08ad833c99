//! `cargo xtask test`: every check CI runs — formatting, clippy (native and wasm32), native tests with
//! the conformance suites, wasm-bindgen tests in headless Chromium, then the release build and the
//! Playwright end-to-end tests. Ends with the runners' own summary lines.
use crate::tools::{self, Need};
use crate::util::{self, Result, cmd, run};

/// Packages that make up the wasm app (everything but native-only tools).
const NATIVE_ONLY: &[&str] = &["xtask", "drydock-testkit", "drydock-cli"];

pub fn main(_args: &[String]) -> Result {
    let started = std::time::Instant::now();
    tools::setup(Need::all())?;

    let t = util::phase("rustfmt");
    run(cmd("cargo").args(["fmt", "--all", "--check"]))?;
    util::done(t);

    let t = util::phase("clippy (native)");
    run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;
    util::done(t);

    let t = util::phase("clippy (wasm32)");
    let mut c = cmd("cargo");
    c.args([
        "clippy",
        "--workspace",
        "--lib",
        "--bins",
        "--locked",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    for p in NATIVE_ONLY {
        c.args(["--exclude", p]);
    }
    run(c.args(["--", "-D", "warnings"]))?;
    run(cmd("cargo").args([
        "clippy",
        "-p",
        "drydock",
        "--tests",
        "--locked",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    util::done(t);

    let t = util::phase("native tests (unit, conformance, scenarios, CLI)");
    run(cmd("cargo")
        .args(["test", "--workspace", "--locked"])
        .env("CI", ci_flag()))?;
    util::done(t);

    let t = util::phase("wasm tests (wasm-bindgen-test in headless Chromium)");
    run(cmd("cargo")
        .args([
            "test",
            "-p",
            "drydock",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env("CHROMEDRIVER", tools::CHROMEDRIVER))?;
    util::done(t);

    crate::dist::build()?;

    let t = util::phase("end-to-end tests (playwright-core under node --test, release build)");
    let minutes = started.elapsed().as_secs_f64() / 60.0;
    println!("    (all earlier phases passed in {minutes:.1} min; node's summary follows last)");
    // Last on purpose: the run ends with node's own `# pass N` / `# fail 0` summary.
    let _ = t;
    run(cmd("node").args(["--test", "--test-concurrency=1", "e2e/"]))
}

/// Keeps `CI=true` when the caller set it (the conformance data must then exist).
fn ci_flag() -> String {
    std::env::var("CI").unwrap_or_default()
}
