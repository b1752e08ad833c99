//! Console transcripts: every `tests/transcripts/*.md` is a terminal session against a
//! `Session` with the default (fixed-seed) configuration. Fenced blocks run in order within each
//! `##` section (each section is a fresh session over the project files given before the first
//! `##`): ```` ```file path=P ```` writes a host project file, ```` ```delete path=P ````
//! removes one, and ```` ```console ```` is what the terminal shows — lines that start with the
//! current prompt (`$ ` at the docker prompt, the shell's prompt inside a container) are typed,
//! everything else is expected output, `[exit N]` follows a non-zero status and
//! `[explains TOPIC]` an explanation the terminal offers. `^C` sends
//! Ctrl-C, `^P^Q` detaches, `[wait 30s]` lets virtual time pass. A typed line ending in `<TAB>`
//! asks for completion instead of running: the next line shows `⇥ ` and the completed line, or
//! the candidates separated by two spaces when Tab adds nothing. `UPDATE_EXPECT=1` rewrites the
//! console blocks from what the session printed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use drydock_session::{Action, Prompt, Session, SessionConfig};
use drydock_testkit::libtest_mimic::{self, Arguments, Trial};
use drydock_vfs::{ImportEntry, Tree};

struct Block {
    info: String,
    body: String,
    range: (usize, usize),
}

fn blocks(text: &str) -> Vec<(usize, Block)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(start) = text[pos..].find("```") {
        let s = pos + start;
        let line_end = text[s..].find('\n').map_or(text.len(), |i| s + i);
        let info = text[s + 3..line_end].trim().to_owned();
        let body_start = (line_end + 1).min(text.len());
        let close = if text[body_start..].starts_with("```") {
            body_start
        } else {
            text[body_start..]
                .find("\n```")
                .map_or(text.len(), |i| body_start + i + 1)
        };
        out.push((
            s,
            Block {
                info,
                body: text[body_start..close].to_owned(),
                range: (body_start, close),
            },
        ));
        pos = (close + 3).min(text.len());
    }
    out
}

fn attr<'a>(info: &'a str, key: &str) -> Option<&'a str> {
    info.split_whitespace()
        .find_map(|w| w.strip_prefix(&format!("{key}=")))
}

fn prompt_text(s: &Session) -> Option<String> {
    match s.prompt() {
        Prompt::Docker => Some("$ ".to_owned()),
        Prompt::Shell { prompt, .. } => Some(prompt),
        Prompt::Attached { .. } => None,
        Prompt::Question => Some("Are you sure you want to continue? [y/N] ".to_owned()),
    }
}

/// Runs one console block; returns what the terminal showed.
fn run_console(s: &mut Session, expected: &str) -> String {
    let mut actual = String::new();
    for line in expected.lines() {
        let action = if line == "^C" {
            Some((line.to_owned(), Action::Interrupt))
        } else if line == "^P^Q" {
            Some((line.to_owned(), Action::Detach))
        } else if let Some(w) = line
            .strip_prefix("[wait ")
            .and_then(|l| l.strip_suffix("s]"))
        {
            let secs: i64 = w.parse().unwrap_or(0);
            Some((line.to_owned(), Action::Wait { ms: secs * 1000 }))
        } else {
            match prompt_text(s) {
                Some(p) if line.starts_with(&p) && line.ends_with("<TAB>") => {
                    let typed = &line[p.len()..line.len() - "<TAB>".len()];
                    let c = drydock_session::complete_line::complete_line(s, typed);
                    actual.push_str(line);
                    actual.push('\n');
                    match c.apply(typed) {
                        Some(done) => actual.push_str(&format!("⇥ {done}\n")),
                        None => {
                            actual.push_str(&c.items.join("  "));
                            actual.push('\n');
                        }
                    }
                    None
                }
                Some(p) if line.starts_with(&p) => {
                    let cmd = &line[p.len()..];
                    Some((
                        line.to_owned(),
                        Action::Line {
                            text: cmd.to_owned(),
                        },
                    ))
                }
                _ => None,
            }
        };
        let Some((shown, action)) = action else {
            continue;
        };
        match prompt_text(s) {
            // The question is already on screen: only the answer follows it.
            Some(p) if matches!(s.prompt(), Prompt::Question) && actual.ends_with(&p) => {
                actual.push_str(&shown[p.len()..]);
            }
            _ => actual.push_str(&shown),
        }
        actual.push('\n');
        let out = s.apply(action);
        let text = out.text();
        actual.push_str(&text);
        if !text.is_empty() && !text.ends_with('\n') && !matches!(s.prompt(), Prompt::Question) {
            actual.push('\n');
        }
        if out.exit_code != 0 && matches!(s.prompt(), Prompt::Docker) {
            actual.push_str(&format!("[exit {}]\n", out.exit_code));
        }
        for e in &out.events {
            if let drydock_session::Event::Explanation { topic } = e {
                actual.push_str(&format!("[explains {topic}]\n"));
            }
        }
    }
    actual
}

fn host_of(files: &[(String, String)]) -> Tree {
    Tree::from_entries(
        files
            .iter()
            .map(|(p, c)| ImportEntry::file(p, c.as_str()))
            .collect::<Vec<_>>(),
    )
    .unwrap()
}

fn run_file(path: &Path, update: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let all = blocks(&text);
    let first_section = text.find("\n## ").unwrap_or(text.len());
    let mut base_files = Vec::new();
    for (at, b) in &all {
        if *at < first_section && b.info.starts_with("file") {
            base_files.push((
                attr(&b.info, "path").unwrap_or("x").to_owned(),
                b.body.clone(),
            ));
        }
    }
    let mut section_starts: Vec<usize> = text.match_indices("\n## ").map(|(i, _)| i).collect();
    if section_starts.is_empty() {
        section_starts.push(0);
    }
    let mut failures = Vec::new();
    let mut replacements: Vec<((usize, usize), String)> = Vec::new();
    for (k, start) in section_starts.iter().enumerate() {
        let end = section_starts.get(k + 1).copied().unwrap_or(text.len());
        let mut s = Session::new(SessionConfig::default(), host_of(&base_files));
        for (at, b) in &all {
            if *at < *start || *at >= end || (*at < first_section && b.info.starts_with("file")) {
                continue;
            }
            if b.info.starts_with("file") {
                let p = attr(&b.info, "path").unwrap_or("x").to_owned();
                let out = s.apply(Action::WriteFile {
                    path: p,
                    content: b.body.clone(),
                });
                assert_eq!(out.exit_code, 0, "{}", out.text());
            } else if b.info.starts_with("delete") {
                let p = attr(&b.info, "path").unwrap_or("x").to_owned();
                s.apply(Action::Delete { path: p });
            } else if b.info == "console" {
                let actual = run_console(&mut s, &b.body);
                if actual != b.body {
                    if update {
                        replacements.push((b.range, actual));
                    } else {
                        failures.push(format!(
                            "console block at byte {} differs:\n--- expected\n{}--- actual\n{}",
                            b.range.0, b.body, actual
                        ));
                    }
                }
            }
        }
    }
    if update && !replacements.is_empty() {
        let mut new = text.clone();
        replacements.sort_by_key(|(r, _)| std::cmp::Reverse(r.0));
        for ((a, b), t) in replacements {
            new.replace_range(a..b, &t);
        }
        std::fs::write(path, new).map_err(|e| e.to_string())?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let trials = files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || run_file(&p, update).map_err(Into::into))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
