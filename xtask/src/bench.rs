//! `cargo xtask bench [parse|build|ui|all]`: runs the benchmarks and prints their figures. `parse` measures
//! the parser natively (with the `parse-dockerfile` and `dockerfile-parser` crates on the same bytes), as
//! wasm in Node, and npm's `dockerfile-ast` in Node, then prints the ratios. `build` measures rebuilding
//! the course recipe with one source file changed natively and as wasm in Node, and the memory of
//! keeping 1,000 build traces. `ui` builds the release app and measures it in headless Chromium: load
//! to interactive, keystroke to diagnostics, scrubbing a build step, and the transfer size.
use crate::tools::{self, Need};
use crate::util::{self, Result, cmd, run};
use std::process::Stdio;

pub fn main(args: &[String]) -> Result {
    let which = args.first().map(String::as_str).unwrap_or("all");
    match which {
        "parse" => parse(),
        "build" => build(),
        "ui" => ui(args.get(1).is_some_and(|a| a == "--quick")),
        "all" => parse().and_then(|()| build()).and_then(|()| ui(false)),
        other => Err(format!(
            "unknown benchmark `{other}` (parse, build, ui, all)"
        )),
    }
}

/// Runs `c`, echoing its stdout, and returns it.
fn tee(c: &mut std::process::Command) -> Result<String> {
    let out = c
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("benchmark failed ({})", out.status))
    }
}

/// The MB/s figure on the first line of `text` containing `label`.
fn rate(text: &str, label: &str) -> Option<f64> {
    let line = text.lines().find(|l| l.contains(label))?;
    let before = line.split(" MB/s").next()?;
    before
        .rsplit([' ', ':'])
        .find(|w| !w.is_empty())?
        .parse()
        .ok()
}

fn parse() -> Result {
    tools::setup(Need {
        wasm: true,
        npm: true,
        browser: false,
    })?;
    let corpus = util::root().join("../shared/corpus/official-images");
    let corpus = std::env::var("DRYDOCK_CORPUS")
        .map(|d| std::path::PathBuf::from(d).join("official-images"))
        .unwrap_or(corpus);

    let t = util::phase("bench parse: native (cargo bench, opt-level 3, LTO)");
    let native = tee(cmd("cargo").args([
        "bench",
        "--locked",
        "-p",
        "drydock-syntax",
        "--bench",
        "parse",
    ]))?;
    util::done(t);

    let t = util::phase("bench parse: wasm in Node, and npm dockerfile-ast");
    run(cmd("cargo").args([
        "build",
        "--locked",
        "--profile",
        "bench",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "drydock-bench-wasm",
    ]))?;
    let target = target_dir();
    let pkg = target.join("bench-wasm");
    run(cmd("wasm-bindgen")
        .args(["--target", "nodejs", "--out-dir"])
        .arg(&pkg)
        .arg(target.join("wasm32-unknown-unknown/release/drydock_bench_wasm.wasm")))?;
    let node = tee(cmd("node").arg("bench/parse.mjs").arg(&pkg).arg(&corpus))?;
    util::done(t);

    let (ours_real, peer_real) = real_rates(&native).unzip();
    let ours = rate(&native, "drydock_syntax::parse (");
    let peer = rate(&native, "parse-dockerfile");
    let peer2 = rate(&native, "dockerfile-parser");
    let lines = rate(&native, "line splitting");
    let wasm = rate(&node, "bench-parse drydock-wasm");
    let ast = rate(&node, "bench-parse dockerfile-ast");
    println!("\nparse throughput on {} (MB/s)", corpus.display());
    let show = |name: &str, v: Option<f64>| match v {
        Some(v) => println!("  {name:<44} {v:>9.1}"),
        None => println!("  {name:<44} {:>9}", "n/a"),
    };
    show("drydock (native, typed tree + spans + diags)", ours);
    show("drydock (wasm in Node)", wasm);
    show("line splitting alone (native)", lines);
    show("parse-dockerfile crate (native)", peer);
    show("dockerfile-parser crate (native)", peer2);
    show("dockerfile-ast npm (Node)", ast);
    let ratio = |name: &str, a: Option<f64>, b: Option<f64>| {
        if let (Some(a), Some(b)) = (a, b) {
            println!("  {name:<44} {:>9.2}x", a / b);
        }
    };
    ratio("drydock native / parse-dockerfile", ours, peer);
    // parse-dockerfile stops at the first error, so on the 11 templates BuildKit rejects it does
    // a fraction of the work drydock does (a full tree and every diagnostic): the files both
    // parse completely are compared too.
    ratio("  same, on the 176 files both accept", ours_real, peer_real);
    ratio("drydock native / dockerfile-parser", ours, peer2);
    ratio("drydock wasm / dockerfile-ast", wasm, ast);
    ratio("drydock native / drydock wasm (goal <= 2)", ours, wasm);
    Ok(())
}

/// Drydock's and parse-dockerfile's MB/s from the bench's line `176 real Dockerfiles only:
/// drydock A MB/s, parse-dockerfile B MB/s (…)`.
fn real_rates(text: &str) -> Option<(f64, f64)> {
    let line = text
        .lines()
        .find(|l| l.contains("real Dockerfiles only:"))?;
    let (_, after) = line.split_once("drydock ")?;
    let ours = after.split(" MB/s").next()?.trim().parse().ok()?;
    let (_, after) = after.split_once("parse-dockerfile ")?;
    let peer = after.split(" MB/s").next()?.trim().parse().ok()?;
    Some((ours, peer))
}

/// The first number after `label` on the first line containing it (`label: 0.54 ms/build`).
fn figure(text: &str, label: &str) -> Option<f64> {
    let line = text.lines().find(|l| l.contains(label))?;
    let (_, after) = line.split_once(label)?;
    after
        .split([' ', ':'])
        .find(|w| !w.is_empty())?
        .parse()
        .ok()
}

fn build() -> Result {
    tools::setup(Need {
        wasm: true,
        npm: false,
        browser: false,
    })?;
    let t = util::phase("bench build: native (cargo bench, opt-level 3, LTO)");
    let native = tee(cmd("cargo").args([
        "bench",
        "--locked",
        "-p",
        "drydock-engine",
        "--bench",
        "build",
    ]))?;
    util::done(t);

    let t = util::phase("bench build: wasm in Node");
    run(cmd("cargo").args([
        "build",
        "--locked",
        "--profile",
        "bench",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "drydock-bench-build-wasm",
    ]))?;
    let target = target_dir();
    let pkg = target.join("bench-build-wasm");
    run(cmd("wasm-bindgen")
        .args(["--target", "nodejs", "--out-dir"])
        .arg(&pkg)
        .arg(target.join("wasm32-unknown-unknown/release/drydock_bench_build_wasm.wasm")))?;
    let node = tee(cmd("node").arg("bench/build.mjs").arg(&pkg))?;
    util::done(t);

    let native_ms = figure(&native, "bench rebuild_one_file_changed:");
    let wasm_ms = figure(&node, "rebuild_one_file_changed wasm:");
    let mb = figure(&native, "bench memory_1000_traces:");
    println!("\nbuild: the course recipe rebuilt with one source file changed");
    let show = |name: &str, v: Option<f64>, unit: &str| match v {
        Some(v) => println!("  {name:<44} {v:>9.3} {unit}"),
        None => println!("  {name:<44} {:>9} {unit}", "n/a"),
    };
    show("rebuild, native (goal <= 2 ms)", native_ms, "ms");
    show("rebuild, wasm in Node", wasm_ms, "ms");
    show("1,000 build traces kept (goal <= 50 MB)", mb, "MB");
    if let (Some(n), Some(w)) = (native_ms, wasm_ms) {
        println!("  {:<44} {:>9.2}x", "wasm / native", w / n);
    }
    Ok(())
}

fn ui(quick: bool) -> Result {
    crate::dist::build()?;
    tools::setup(Need::all())?;
    let t = util::phase("bench ui: the release build in headless Chromium");
    let dist = util::root().join("dist");
    let mut c = cmd("node");
    c.arg("bench/ui.mjs").arg(&dist);
    if quick {
        c.arg("--quick");
    }
    let out = tee(&mut c)?;
    util::done(t);
    println!("\nui: the release build in headless Chromium on this machine");
    let goal = |name: &str, v: Option<f64>, max: f64, unit: &str| match v {
        Some(v) => {
            let verdict = if v <= max { "ok" } else { "OVER" };
            println!("  {name:<46} {v:>9.1} {unit:<3} goal <= {max} {unit}  {verdict}");
        }
        None => println!("  {name:<46} {:>9} {unit}", "n/a"),
    };
    goal(
        "load to interactive (median)",
        ui_figure(&out, "load-to-interactive", "median"),
        1000.0,
        "ms",
    );
    goal(
        "keystroke -> diagnostics, course (p95)",
        ui_figure(&out, "keystroke-course", "p95"),
        16.0,
        "ms",
    );
    goal(
        "keystroke -> diagnostics, 2,000 lines (p95)",
        ui_figure(&out, "keystroke-2000-lines", "p95"),
        50.0,
        "ms",
    );
    goal(
        "scrub one build step (p95)",
        ui_figure(&out, "scrub-step", "p95"),
        16.0,
        "ms",
    );
    println!("  transfer size (gzip -9):");
    for line in out.lines().filter(|l| l.starts_with("bench-ui size ")) {
        let w: Vec<&str> = line.split_whitespace().collect();
        if let [_, _, name, _, raw, _, gz] = w.as_slice() {
            println!("    {name:<44} {gz:>9} B gzip ({raw} B raw)");
        }
    }
    let total = out
        .lines()
        .find_map(|l| l.strip_prefix("bench-ui size-total gzip "))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(|b| b / 1024.0);
    goal("total transfer, wasm + js + css", total, 600.0, "KB");
    Ok(())
}

/// The figure after `key` on the `bench-ui NAME …` line: `bench-ui scrub-step p50 3.1 ms, p95 …`.
fn ui_figure(text: &str, name: &str, key: &str) -> Option<f64> {
    let line = text.lines().find(|l| {
        l.strip_prefix("bench-ui ")
            .is_some_and(|r| r.starts_with(name))
    })?;
    let mut words = line.split_whitespace();
    words.find(|w| *w == key)?;
    words.next()?.trim_end_matches(',').parse().ok()
}

fn target_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| util::root().join("target"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn rates_are_read_from_bench_lines() {
        let text = "drydock_syntax::parse (typed tree, spans, diagnostics):    1234.5 MB/s\n\
                    bench-parse dockerfile-ast 3.6 MB/s (298.752 ms per corpus pass)\n";
        assert_eq!(super::rate(text, "drydock_syntax::parse ("), Some(1234.5));
        assert_eq!(super::rate(text, "dockerfile-ast"), Some(3.6));
        assert_eq!(super::rate(text, "nothing"), None);
        let real = "176 real Dockerfiles only: drydock 312.6 MB/s, parse-dockerfile 704.2 MB/s (drydock x0.44)";
        assert_eq!(super::real_rates(real), Some((312.6, 704.2)));
        assert_eq!(super::real_rates(text), None);
    }

    #[test]
    fn figures_are_read_from_ui_bench_lines() {
        let out = "bench-ui load-to-interactive median 412.5 ms, max 980.1 ms (9 fresh contexts)\n\
                   bench-ui scrub-step p50 3.1 ms, p95 7.9 ms (40 steps)\n";
        assert_eq!(
            super::ui_figure(out, "load-to-interactive", "median"),
            Some(412.5)
        );
        assert_eq!(
            super::ui_figure(out, "load-to-interactive", "max"),
            Some(980.1)
        );
        assert_eq!(super::ui_figure(out, "scrub-step", "p95"), Some(7.9));
        assert_eq!(super::ui_figure(out, "keystroke-course", "p95"), None);
    }

    #[test]
    fn figures_are_read_from_build_bench_lines() {
        let text = "bench rebuild_one_file_changed: 0.541 ms/build (goal <= 2 ms)\n\
                    bench memory_1000_traces: 13.1 MB (snapshots 9.0 MB + trace data 4.1 MB; goal <= 50 MB)\n\
                    bench-build rebuild_one_file_changed wasm: 1.234 ms/build (4 steps re-run)\n";
        assert_eq!(
            super::figure(text, "bench rebuild_one_file_changed:"),
            Some(0.541)
        );
        assert_eq!(super::figure(text, "bench memory_1000_traces:"), Some(13.1));
        assert_eq!(
            super::figure(text, "rebuild_one_file_changed wasm:"),
            Some(1.234)
        );
        assert_eq!(super::figure(text, "nothing"), None);
    }
}
