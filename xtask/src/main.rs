//! `cargo xtask …`: Drydock's automation. Each subcommand lives in its own file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bench;
mod conformance;
mod dist;
mod serve;
mod service_worker;
mod singlefile;
mod test;
mod tools;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  serve [--port N]     install what is missing, then serve the app on http://127.0.0.1:N (default 8080)
  test                 install what is missing, then run every check and test (what CI runs)
  dist                 release build into dist/ (+ dist/drydock.html, one offline file, + dist/sw.js); prints sizes
  conformance          run every conformance suite; one `conformance FILE PASSED/TOTAL` line per data file
  bench [parse|build|ui|all]
                       run benchmarks and print their figures
  setup                only install the tools (rustup target, trunk, wasm-bindgen-cli, npm packages, chromium)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match cmd.as_str() {
        "serve" => serve::main(rest),
        "test" => test::main(rest),
        "dist" => dist::main(rest),
        "conformance" => conformance::main(rest),
        "bench" => bench::main(rest),
        "setup" => tools::setup(tools::Need::all()),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
