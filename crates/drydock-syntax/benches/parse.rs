//! Parsing throughput on the official-images corpus: Drydock's full parse (typed tree, spans,
//! diagnostics), physical line splitting alone, and the peers `parse-dockerfile` and
//! `dockerfile-parser` on the same bytes; then a ~10 MB generated file (linear time).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `f` over every file until at least `budget` has passed; returns MB/s.
fn measure(files: &[String], budget: Duration, mut f: impl FnMut(&str) -> usize) -> f64 {
    let bytes: usize = files.iter().map(String::len).sum();
    // warm-up
    for t in files {
        black_box(f(t));
    }
    let start = Instant::now();
    let mut rounds = 0u64;
    while start.elapsed() < budget {
        for t in files {
            black_box(f(black_box(t)));
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    (bytes as f64 * rounds as f64) / secs / 1e6
}

/// Runs `f` and `g` over every file in alternating rounds until at least `budget` has passed;
/// returns their MB/s. Alternating keeps both sides under the same machine load (the machine
/// may be shared), so their ratio is fair even when the absolute figures move.
fn measure_pair(
    files: &[String],
    budget: Duration,
    mut f: impl FnMut(&str) -> usize,
    mut g: impl FnMut(&str) -> usize,
) -> (f64, f64) {
    let bytes: usize = files.iter().map(String::len).sum();
    for t in files {
        black_box(f(t));
        black_box(g(t));
    }
    let (mut tf, mut tg) = (Duration::ZERO, Duration::ZERO);
    let start = Instant::now();
    let mut rounds = 0u64;
    while start.elapsed() < budget {
        let a = Instant::now();
        for t in files {
            black_box(f(black_box(t)));
        }
        let b = Instant::now();
        for t in files {
            black_box(g(black_box(t)));
        }
        tf += b - a;
        tg += b.elapsed();
        rounds += 1;
    }
    let rate = |d: Duration| (bytes as f64 * rounds as f64) / d.as_secs_f64() / 1e6;
    (rate(tf), rate(tg))
}

fn generated(target: usize) -> String {
    let unit = "FROM python:3.12-slim AS base\n# comment line\nARG VERSION=1.0\nENV A=1 B=\"two words\" \\\n    C=3\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY --chown=app:app --from=base src/ /app/src/\nRUN <<EOF\necho hello\nEOF\nCMD [\"python\", \"-m\", \"app\"]\nEXPOSE 8000/tcp\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n\n";
    let mut s = String::with_capacity(target + unit.len());
    while s.len() < target {
        s.push_str(unit);
    }
    s
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let budget = Duration::from_millis(if quick { 200 } else { 2000 });
    if std::env::args().any(|a| a == "--only-big") {
        let big = vec![generated(10 * 1024 * 1024)];
        let rate = measure(&big, budget, |t| {
            drydock_syntax::parse(t).dockerfile.instructions.len()
        });
        println!("10 MB generated file: {rate:.1} MB/s");
        return;
    }
    let Some(dir) = drydock_testkit::corpus_dir().map(|d| d.join("official-images")) else {
        eprintln!("!! corpus not found (set DRYDOCK_CORPUS): benchmark SKIPPED");
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let files: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let bytes: usize = files.iter().map(String::len).sum();
    println!(
        "corpus: {} files, {:.2} MB",
        files.len(),
        bytes as f64 / 1e6
    );

    if std::env::args().any(|a| a == "--only-drydock") {
        let ours = measure(&files, budget, |t| {
            drydock_syntax::parse(t).dockerfile.instructions.len()
        });
        println!("drydock_syntax::parse: {ours:.1} MB/s");
        return;
    }
    let real: Vec<String> = paths
        .iter()
        .zip(&files)
        .filter(|(p, _)| !p.to_string_lossy().ends_with(".template"))
        .map(|(_, t)| t.clone())
        .collect();
    let drydock = |t: &str| drydock_syntax::parse(t).dockerfile.instructions.len();
    let peer = |t: &str| parse_dockerfile::parse(t).map_or(0, |d| d.instructions.len());
    // Drydock and parse-dockerfile alternate round by round (see `measure_pair`).
    let (ours, peer1) = measure_pair(&files, budget, drydock, peer);
    let (ours_real, peer1_real) = measure_pair(&real, budget, drydock, peer);
    let lines = measure(&files, budget, |t| {
        memchr::memchr_iter(b'\n', t.as_bytes()).count()
    });
    let peer2 = measure(&files, budget, |t| {
        dockerfile_parser::Dockerfile::parse(t).map_or(0, |d| d.instructions.len())
    });
    println!("drydock_syntax::parse (typed tree, spans, diagnostics): {ours:>9.1} MB/s");
    println!("line splitting alone (memchr)                         : {lines:>9.1} MB/s");
    println!(
        "parse-dockerfile 0.1                                  : {peer1:>9.1} MB/s  (drydock x{:.2})",
        ours / peer1
    );
    println!(
        "dockerfile-parser 0.9                                 : {peer2:>9.1} MB/s  (drydock x{:.2})",
        ours / peer2
    );
    println!(
        "176 real Dockerfiles only: drydock {ours_real:.1} MB/s, parse-dockerfile {peer1_real:.1} MB/s (drydock x{:.2})",
        ours_real / peer1_real
    );

    // Linear time: the cost per instruction of the generated text at 1 MB and 10 MB, next to the
    // corpus's. The generated text has ~7x more instructions per byte than the corpus (43 bytes
    // each against ~325), so its MB/s is lower by that factor; at 10 MB the tree (~120 MB) no
    // longer fits any cache and its first use page-faults, which costs a further constant factor.
    let corpus_ins: usize = files.iter().map(|t| drydock(t)).sum();
    let per_ins =
        |rate: f64, bytes: usize, ins: usize| bytes as f64 / (rate * 1e6) / ins as f64 * 1e9;
    println!(
        "corpus: {corpus_ins} instructions, {:.0} ns per instruction",
        per_ins(ours, bytes, corpus_ins)
    );
    let one = vec![generated(1024 * 1024)];
    let n1 = drydock(&one[0]);
    let one_rate = measure(&one, budget, drydock);
    println!(
        "1 MB generated file ({n1} instructions): {one_rate:.1} MB/s, {:.0} ns per instruction",
        per_ins(one_rate, one[0].len(), n1)
    );
    let big = vec![generated(10 * 1024 * 1024)];
    let start = Instant::now();
    let n = drydock_syntax::parse(&big[0]).dockerfile.instructions.len();
    let once = start.elapsed();
    let big_rate = measure(&big, budget, |t| {
        drydock_syntax::parse(t).dockerfile.instructions.len()
    });
    println!(
        "10 MB generated file ({n} instructions): first parse {:.1} ms, {big_rate:.1} MB/s, {:.0} ns per instruction",
        once.as_secs_f64() * 1e3,
        per_ins(big_rate, big[0].len(), n)
    );
}
