//! Fuzz target for the docker command line: level 1 (argv → flags and arguments, help and usage
//! errors) must be total on any words, and whole lines typed in a session (shell-word splitting,
//! parsing, and the commands themselves over a tiny project) must never panic.
#![no_main]

use drydock_session::{Session, SessionConfig, cli, split_command_line, ShellEnv};
use drydock_vfs::{ImportEntry, Tree};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Level 1 on raw words (NUL-separated, so any word can appear).
    let argv: Vec<String> = text.split('\0').map(str::to_owned).collect();
    let _ = cli::parse(&argv, "28.2.2");
    let env = ShellEnv {
        pwd: "/home/learner/project".to_owned(),
        home: "/home/learner".to_owned(),
    };
    let _ = split_command_line(text, &env);
    // Lines through a session: both levels and the commands (bounded).
    let host = Tree::from_entries([
        ImportEntry::file("Dockerfile", "FROM scratch\nCOPY a.txt /a.txt\nCMD [\"x\"]\n"),
        ImportEntry::file("a.txt", "a\n"),
    ])
    .unwrap_or_default();
    let mut s = Session::new(SessionConfig::default(), host);
    for line in text.lines().take(6) {
        let line = if line.starts_with("docker") {
            line.to_owned()
        } else {
            format!("docker {line}")
        };
        let _ = s.line(&line);
    }
});
