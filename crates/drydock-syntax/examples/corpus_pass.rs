//! Profiling driver: parses the official-images corpus N times (or the 10 MB generated file of
//! the bench with `--big`), for `valgrind --tool=callgrind` instruction counts that do not
//! depend on machine load. Usage: `corpus_pass [N] [--big] [--peer] [--real] [--sizes]` (`--real`: without the 11
//! templates).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::hint::black_box;

fn generated(target: usize) -> String {
    let unit = "FROM python:3.12-slim AS base\n# comment line\nARG VERSION=1.0\nENV A=1 B=\"two words\" \\\n    C=3\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY --chown=app:app --from=base src/ /app/src/\nRUN <<EOF\necho hello\nEOF\nCMD [\"python\", \"-m\", \"app\"]\nEXPOSE 8000/tcp\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n\n";
    let mut s = String::with_capacity(target + unit.len());
    while s.len() < target {
        s.push_str(unit);
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--sizes") {
        use drydock_syntax::instructions as c;
        use std::mem::size_of;
        println!(
            "Instruction {}",
            size_of::<drydock_syntax::Instruction<'_>>()
        );
        println!("Command {}", size_of::<c::Command<'_>>());
        println!(
            "Text {} Arg {} Flag {}",
            size_of::<drydock_syntax::Text<'_>>(),
            size_of::<drydock_syntax::Arg<'_>>(),
            size_of::<drydock_syntax::Flag<'_>>()
        );
        println!(
            "Add {} Copy {} Run {} From {} Healthcheck {} Env {} Args {} Onbuild {}",
            size_of::<c::Add<'_>>(),
            size_of::<c::Copy<'_>>(),
            size_of::<c::Run<'_>>(),
            size_of::<c::From<'_>>(),
            size_of::<c::Healthcheck<'_>>(),
            size_of::<c::Env<'_>>(),
            size_of::<c::Args<'_>>(),
            size_of::<c::Onbuild<'_>>()
        );
        println!(
            "Diagnostic {} Comment {}",
            size_of::<drydock_syntax::Diagnostic>(),
            size_of::<drydock_syntax::Comment<'_>>()
        );
        return;
    }
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1);
    let files: Vec<String> = if args.iter().any(|a| a == "--big") {
        vec![generated(10 * 1024 * 1024)]
    } else {
        let dir = drydock_testkit::corpus_dir()
            .expect("corpus")
            .join("official-images");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        if args.iter().any(|a| a == "--real") {
            paths.retain(|p| !p.to_string_lossy().ends_with(".template"));
        }
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    };
    let peer = args.iter().any(|a| a == "--peer");
    let bytes: usize = files.iter().map(String::len).sum();
    let mut count = 0usize;
    for _ in 0..n {
        for t in &files {
            if peer {
                count += parse_dockerfile::parse(black_box(t)).map_or(0, |d| d.instructions.len());
            } else {
                let p = drydock_syntax::parse(black_box(t));
                count += p.dockerfile.instructions.len() + p.diagnostics.len();
            }
        }
    }
    println!("{} files, {bytes} bytes, x{n}: {count}", files.len());
}
