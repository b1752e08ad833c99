//! `drydock docker …`: dispatches the docker subcommands Drydock simulates to their files.
use crate::{docker_build, docker_history, docker_images, docker_inspect};

/// Runs `docker ARGS…`; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("build") => docker_build::run(rest),
        Some("images") => docker_images::run(rest, "docker images"),
        Some("history") => docker_history::run(rest, "docker history"),
        Some("image") => match rest.first().map(String::as_str) {
            Some("ls" | "list") => {
                docker_images::run(rest.get(1..).unwrap_or(&[]), "docker image ls")
            }
            Some("inspect") => docker_inspect::run(rest.get(1..).unwrap_or(&[])),
            Some("history") => {
                docker_history::run(rest.get(1..).unwrap_or(&[]), "docker image history")
            }
            Some("build") => docker_build::run(rest.get(1..).unwrap_or(&[])),
            Some(other) => {
                eprintln!("docker: 'image {other}' is not a docker command.\nSee 'docker --help'");
                1
            }
            None => {
                eprintln!(
                    "Usage:  docker image COMMAND\n\nManage images\n\nRun 'docker image COMMAND --help' for more information on a command."
                );
                0
            }
        },
        Some("buildx") if rest.first().map(String::as_str) == Some("build") => {
            docker_build::run(rest.get(1..).unwrap_or(&[]))
        }
        Some(other) => {
            eprintln!("docker: '{other}' is not a docker command.\nSee 'docker --help'");
            1
        }
        None => {
            eprintln!(
                "Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers"
            );
            0
        }
    }
}
