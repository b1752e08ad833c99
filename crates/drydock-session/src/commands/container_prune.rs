//! `docker container prune [-f]`: removes every stopped container after the confirmation.
use crate::cli::Invocation;
use crate::format::human_size4;
use crate::output::{Event, Output};
use crate::session::Session;

pub const WARNING: &str = "WARNING! This will remove all stopped containers.";

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    if !inv.bool("force") {
        return crate::interactive::confirm(s, WARNING, inv);
    }
    let (ids, bytes) = s.engine.prune_containers();
    let mut o = Output::new();
    if !ids.is_empty() {
        o.outln("Deleted Containers:");
        for id in &ids {
            o.outln(id);
            o.events.push(Event::ContainerRemoved { id: id.clone() });
        }
        o.outln("");
    }
    o.outln(format!("Total reclaimed space: {}", human_size4(bytes)));
    o
}
