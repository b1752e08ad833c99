//! `docker rename CONTAINER NEW_NAME`: nothing on success; the CLI's empty-name error and the
//! daemon's errors otherwise.
use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let args = inv.args();
    let old = args.first().map_or("", |a| a.trim());
    let new = args.get(1).map_or("", |a| a.trim());
    if old.is_empty() || new.is_empty() {
        return Output::error("Error: Neither old nor new names may be empty\n", 1);
    }
    match s.engine.rename_container(old, new) {
        Ok(_) => Output::new(),
        Err(e) => Output::error(format!("{}\n", e.daemon_text()), 1),
    }
}
