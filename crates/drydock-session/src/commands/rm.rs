//! `docker rm [-f] [-v] CONTAINER…`: prints each name as given; a running container needs `-f`;
//! `-f` ignores missing containers.
use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let force = inv.bool("force");
    let mut o = Output::new();
    for r in inv.args() {
        let id = s.engine.container_id(r).ok();
        match s.engine.remove_container(r, force, inv.bool("volumes")) {
            Ok(()) => {
                if let Some(id) = id {
                    o.events.push(Event::ContainerRemoved { id });
                }
                o.outln(r);
            }
            Err(e) if force && e.message.starts_with("No such container") => {}
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
            }
        }
    }
    o
}
