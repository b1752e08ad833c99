//! `drydock`: the command line over Drydock's core. `main` dispatches on the subcommand; each
//! subcommand lives in its own file and returns the process exit status.
mod docker;
mod docker_state;
mod docker_terminal;
mod lesson;
mod lint;
mod parse;

const USAGE: &str = "Usage: drydock <command> [args]

Commands:
  parse [--dump buildkit|json|none] FILE   Parse a Dockerfile as BuildKit does
  lint [--format text|json] [FILE]         Lint a Dockerfile (build checks and learner rules)
  docker ARGS...                           The simulated docker CLI (build, run, ps, cp, exec, volumes, …)
  lesson check (--bundled | FILE...)       Run lessons' reference solutions and check every goal
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("parse") => parse::run(args.get(1..).unwrap_or(&[])),
        Some("lint") => lint::run(args.get(1..).unwrap_or(&[])),
        Some("docker") => docker::run(args.get(1..).unwrap_or(&[])),
        Some("lesson") => lesson::run(args.get(1..).unwrap_or(&[])),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            0
        }
        Some(other) => {
            eprintln!("drydock: unknown command {other:?}\n\n{USAGE}");
            2
        }
        None => {
            eprint!("{USAGE}");
            2
        }
    };
    std::process::exit(code);
}
