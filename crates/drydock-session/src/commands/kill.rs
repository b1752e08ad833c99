//! `docker kill [-s SIGNAL] CONTAINER…`: SIGKILL (137) by default; prints each name as given.
use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let signal = inv.string("signal").unwrap_or("KILL").to_owned();
    let mut o = Output::new();
    for r in inv.args() {
        match s.engine.kill_container(r, &signal) {
            Ok(st) => {
                if let Ok(id) = s.engine.container_id(r) {
                    o.events.push(Event::ContainerExited {
                        id,
                        code: st.exit_code,
                    });
                }
                o.outln(r);
            }
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
            }
        }
    }
    o
}
