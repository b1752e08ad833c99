//! `drydock docker images` / `docker image ls`: the image table from the saved state (`-q` for
//! ids only).
use drydock_engine::output::images;

use crate::docker_state;

/// Runs the command; returns the exit status.
pub fn run(args: &[String], command: &str) -> i32 {
    let mut quiet = false;
    for a in args {
        match a.as_str() {
            "-q" | "--quiet" => quiet = true,
            "-a" | "--all" | "--no-trunc" => {}
            f if f.starts_with('-') => {
                eprintln!("unknown flag: {f}\nSee '{command} --help'.");
                return 125;
            }
            _ => {}
        }
    }
    let engine = match docker_state::load() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    if quiet {
        for img in engine.images() {
            println!("{}", img.short_id());
        }
    } else {
        print!("{}", images::render(&engine));
    }
    0
}
