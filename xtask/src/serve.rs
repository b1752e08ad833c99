//! `cargo xtask serve [--port N] [--release]`: install what is missing, then serve the app with Trunk.
use crate::tools::{self, Need};
use crate::util::{self, Result, cmd, run};

pub fn main(args: &[String]) -> Result {
    let port = util::flag_value(args, "--port")?.unwrap_or_else(|| "8080".to_owned());
    port.parse::<u16>()
        .map_err(|_| format!("--port needs a port number, got `{port}`"))?;
    tools::setup(Need::build())?;
    println!("\nServing Drydock on http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    let mut c = cmd("trunk");
    c.args(["serve", "--address", "127.0.0.1", "--port", &port]);
    if args.iter().any(|a| a == "--release") {
        c.arg("--release");
    }
    run(&mut c)
}
