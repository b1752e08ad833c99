//! `docker restart [-t N] CONTAINER…`: stop then start; prints each name as given.
use drydock_engine::container::fs::Host;

use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let timeout = inv
        .string("timeout")
        .and_then(|t| t.parse::<i64>().ok())
        .unwrap_or(10);
    let mut o = Output::new();
    for r in inv.args() {
        let root = s.config.host_dir.clone();
        let mut host = Host::new(&root, &mut s.host);
        let res = s.engine.restart_container(r, timeout, &mut host);
        for p in std::mem::take(&mut host.changed) {
            o.events.push(Event::HostFileChanged { path: p });
        }
        match res {
            Ok(_) => o.outln(r),
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
            }
        }
    }
    o
}
