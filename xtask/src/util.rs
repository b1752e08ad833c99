//! Shared helpers: the workspace root, the tool PATH, running commands and logging phases.
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// `~/.cargo/bin` (or `$CARGO_HOME/bin`).
pub fn cargo_bin() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(h) => PathBuf::from(h).join("bin"),
        None => home().join(".cargo/bin"),
    }
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

/// PATH with cargo's bin folder and `node_modules/.bin` first, so Trunk finds the pinned tools.
pub fn tool_path() -> OsString {
    let mut parts = vec![cargo_bin(), root().join("node_modules/.bin")];
    if let Some(p) = std::env::var_os("PATH") {
        parts.extend(std::env::split_paths(&p));
    }
    std::env::join_paths(parts).unwrap_or_default()
}

/// A command run from the workspace root with the tool PATH and Drydock's build environment.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root())
        .env("PATH", tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("CARGO_TERM_COLOR", "never");
    c
}

/// Runs `c`, streaming its output; fails when it exits non-zero.
pub fn run(c: &mut Command) -> Result {
    let shown = show(c);
    let status = c
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `c` quietly and returns its trimmed stdout, or `None` when it cannot run or fails.
pub fn probe(c: &mut Command) -> Option<String> {
    let out = c.stderr(Stdio::null()).stdin(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Whether `program` is found on the tool PATH.
pub fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&tool_path())
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

fn show(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Prints a phase header and returns a timer for [`done`].
pub fn phase(name: &str) -> (String, Instant) {
    println!("\n==> {name}");
    (name.to_owned(), Instant::now())
}

/// Prints how long a phase took.
pub fn done((name, start): (String, Instant)) {
    println!("<== {name} ({:.1}s)", start.elapsed().as_secs_f64());
}

/// Parses `--port N` style options: returns the value following `flag`, if any.
pub fn flag_value(args: &[String], flag: &str) -> Result<Option<String>> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == flag {
            return it
                .next()
                .cloned()
                .map(Some)
                .ok_or_else(|| format!("{flag} needs a value"));
        }
        if let Some(v) = a.strip_prefix(&format!("{flag}=")) {
            return Ok(Some(v.to_owned()));
        }
    }
    Ok(None)
}
