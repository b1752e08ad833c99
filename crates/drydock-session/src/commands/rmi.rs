//! `docker rmi` / `docker image rm [-f] IMAGE…`: `Untagged:`/`Deleted:` lines, the classic
//! store's conflicts (a container uses the image, running or stopped; several references).
use drydock_engine::image_delete::Deleted;

use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let force = inv.bool("force");
    let mut o = Output::new();
    for r in inv.args() {
        match s.engine.remove_image(r, force) {
            Ok(records) => {
                for d in records {
                    match d {
                        Deleted::Untagged(t) => o.outln(format!("Untagged: {t}")),
                        Deleted::Deleted(id) => {
                            o.events.push(Event::ImageRemoved { id: id.clone() });
                            o.outln(format!("Deleted: {id}"));
                        }
                    }
                }
            }
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
            }
        }
    }
    o
}
