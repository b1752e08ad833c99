//! `docker stop [-t N] [-s SIGNAL] CONTAINER…`: SIGTERM, then SIGKILL after the timeout; prints
//! each name as given.
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
        let id = match s.engine.container_id(r) {
            Ok(id) => id,
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
                continue;
            }
        };
        let result = match inv.string("signal") {
            Some(sig) => s.engine.kill_container(&id, sig).map(Some),
            None => s.engine.stop_container(&id, timeout),
        };
        match result {
            Ok(stopped) => {
                if let Some(st) = stopped {
                    o.events.push(Event::ContainerExited {
                        id: id.clone(),
                        code: st.exit_code,
                    });
                }
                if s.engine.find_container(&id).is_err() {
                    o.events.push(Event::ContainerRemoved { id: id.clone() });
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
