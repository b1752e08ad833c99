//! `drydock docker history IMAGE`: the history table of an image from the saved state.
use drydock_engine::output::history;

use crate::docker_state;

/// Runs the command; returns the exit status.
pub fn run(args: &[String], command: &str) -> i32 {
    let mut no_trunc = false;
    let mut names = Vec::new();
    for a in args {
        match a.as_str() {
            "--no-trunc" => no_trunc = true,
            "-H" | "--human" => {}
            f if f.starts_with('-') => {
                eprintln!("unknown flag: {f}\nSee '{command} --help'.");
                return 125;
            }
            n => names.push(n.to_owned()),
        }
    }
    if names.len() != 1 {
        eprintln!(
            "\"{command}\" requires exactly 1 argument.\nSee '{command} --help'.\n\nUsage:  {command} [OPTIONS] IMAGE\n\nShow the history of an image"
        );
        return 1;
    }
    let engine = match docker_state::load() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let name = &names[0];
    match engine.image(name) {
        Some(img) => {
            print!("{}", history::render(img, engine.now_ms(), no_trunc));
            0
        }
        None => {
            eprintln!("Error response from daemon: No such image: {}", full(name));
            1
        }
    }
}

/// `app` → `app:latest` as the daemon names it in errors.
pub fn full(name: &str) -> String {
    if name.contains(':') || name.contains('@') {
        name.to_owned()
    } else {
        format!("{name}:latest")
    }
}
