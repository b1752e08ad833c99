//! `cargo xtask bench [parse|build|ui|all]`: runs the benchmarks and prints their figures.
use crate::util::{self, Result, cmd, run};

pub fn main(args: &[String]) -> Result {
    let which = args.first().map(String::as_str).unwrap_or("all");
    match which {
        "parse" => parse(),
        "all" => parse(),
        other => Err(format!("unknown benchmark `{other}` (parse, all)")),
    }
}

fn parse() -> Result {
    let t = util::phase("bench parse (native)");
    run(cmd("cargo").args([
        "bench",
        "--locked",
        "-p",
        "drydock-syntax",
        "--bench",
        "parse",
    ]))?;
    util::done(t);
    Ok(())
}
