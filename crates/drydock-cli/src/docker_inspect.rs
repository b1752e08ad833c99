//! `drydock docker image inspect IMAGE…`: Docker 28's JSON for each image; unknown names make
//! the command fail after printing the ones found.
use drydock_engine::output::inspect;

use crate::docker_history::full;
use crate::docker_state;

/// Runs the command; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if let Some(f) = args.iter().find(|a| a.starts_with('-')) {
        eprintln!("unknown flag: {f}\nSee 'docker image inspect --help'.");
        return 125;
    }
    if names.is_empty() {
        eprintln!(
            "\"docker image inspect\" requires at least 1 argument.\nSee 'docker image inspect --help'.\n\nUsage:  docker image inspect [OPTIONS] IMAGE [IMAGE...]\n\nDisplay detailed information on one or more images"
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
    let mut values = Vec::new();
    let mut missing = Vec::new();
    for n in names {
        match engine.image(n) {
            Some(img) => values.push(inspect::object(&engine, img)),
            None => missing.push(n.clone()),
        }
    }
    print!("{}", inspect::render(&values));
    for m in &missing {
        eprintln!("Error response from daemon: No such image: {}", full(m));
    }
    i32::from(!missing.is_empty())
}
