//! `docker diff CONTAINER`: the changes of the container's writable layer (`A`/`C`/`D`, sorted
//! by path; volumes and bind mounts are not part of it).
use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let r = inv.args().first().cloned().unwrap_or_default();
    let id = match s.engine.container_id(&r) {
        Ok(id) => id,
        Err(e) => return Output::error(format!("{}\n", e.daemon_text()), 1),
    };
    let mut o = Output::new();
    for ch in s.engine.container_changes(&id) {
        o.outln(ch.to_string());
    }
    o
}
