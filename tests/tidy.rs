//! Tidy checks over the source tree: every file says what it owns, no ignored tests, the core stays
//! pure (no IO, clock, randomness or web crates) and crate dependencies point one way.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !name.starts_with('.') && name != "target" && !name.starts_with("target-") {
                rust_files(&p, out);
            }
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

fn all_rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for d in [
        "src",
        "tests",
        "crates",
        "xtask",
        "testkit",
        "fuzz/fuzz_targets",
    ] {
        rust_files(&root().join(d), &mut files);
    }
    files.sort();
    files
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

#[test]
fn every_file_opens_with_a_doc_line() {
    let missing: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|p| rel(&p))
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading `//!` line: {missing:#?}"
    );
}

#[test]
fn no_ignored_tests() {
    let marker = ["#[", "ignore"].concat();
    let found: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .contains(&marker)
        })
        .map(|p| rel(&p))
        .collect();
    assert!(
        found.is_empty(),
        "ignored tests are not allowed: {found:#?}"
    );
}

/// The core crates and their rank: a crate may depend only on crates of lower rank.
const RANKS: &[(&str, u8)] = &[
    ("drydock-text", 0),
    ("drydock-syntax", 1),
    ("drydock-vfs", 1),
    ("drydock-catalog", 1),
    ("drydock-lint", 2),
    ("drydock-shell", 2),
    ("drydock-engine", 3),
    ("drydock-session", 4),
    ("drydock-cli", 5),
];

fn crate_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("crates"))
        .map(|r| {
            r.flatten()
                .map(|e| e.path())
                .filter(|p| p.join("Cargo.toml").is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// Names of the `[dependencies]` (not dev-dependencies) of a manifest.
fn runtime_deps(manifest: &str) -> Vec<String> {
    let mut deps = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            in_deps = t == "[dependencies]" || t.ends_with(".dependencies]") && !t.contains("dev-");
            continue;
        }
        if let (true, Some((name, _))) = (in_deps, t.split_once('=')) {
            let name = name.trim().split('.').next().unwrap_or("");
            if !name.is_empty() && !name.starts_with('#') {
                deps.push(name.trim_matches('"').to_owned());
            }
        }
    }
    deps
}

#[test]
fn core_dependencies_point_one_way() {
    let rank = |n: &str| RANKS.iter().find(|(c, _)| *c == n).map(|(_, r)| *r);
    let mut problems = Vec::new();
    for dir in crate_dirs() {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        let Some(own) = rank(&name) else {
            problems.push(format!("{name} has no rank in tests/tidy.rs RANKS: add it"));
            continue;
        };
        for dep in runtime_deps(&manifest) {
            if ["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen"]
                .iter()
                .any(|w| dep.starts_with(w))
            {
                problems.push(format!("{name} depends on the web crate {dep}"));
            }
            if let Some(r) = rank(&dep) {
                if r >= own {
                    problems.push(format!("{name} (rank {own}) depends on {dep} (rank {r})"));
                }
                if name == "drydock-lint"
                    && !["drydock-syntax", "drydock-text"].contains(&dep.as_str())
                {
                    problems.push(format!(
                        "drydock-lint may depend on the syntax crate only, not {dep}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn core_library_code_is_pure() {
    let banned = [
        "std::fs",
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "std::process",
        "std::env::var",
        "std::time::Instant",
        "SystemTime",
        "println!",
        "eprintln!",
        "thread_rng",
    ];
    let mut problems = Vec::new();
    for dir in crate_dirs() {
        if dir.ends_with("drydock-cli") {
            continue; // the native front-end does its own IO and hands the core data
        }
        let mut files = Vec::new();
        rust_files(&dir.join("src"), &mut files);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            // Unit tests at the bottom of a file may print; the library part may not.
            let lib_part = text.split("#[cfg(test)]").next().unwrap_or("");
            for b in banned {
                if lib_part.contains(b) {
                    problems.push(format!("{} uses `{b}`", rel(&f)));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "core crates must do no IO, read no clock: {problems:#?}"
    );
}

#[test]
fn runtime_deps_reads_only_the_dependencies_table() {
    let m = "[package]\nname = \"x\"\n[dependencies]\na = \"1\"\nb.workspace = true\n[dev-dependencies]\nc = \"1\"\n";
    assert_eq!(runtime_deps(m), ["a", "b"]);
}
