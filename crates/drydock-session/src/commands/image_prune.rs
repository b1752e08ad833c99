//! `docker image prune [-a] [-f]`: dangling images (or every image without a container) after
//! the confirmation.
use drydock_engine::image_delete::Deleted;

use crate::cli::Invocation;
use crate::format::human_size4;
use crate::output::{Event, Output};
use crate::session::Session;

pub const WARNING: &str = "WARNING! This will remove all dangling images.";
pub const WARNING_ALL: &str =
    "WARNING! This will remove all images without at least one container associated to them.";

/// The `Deleted Images:` block.
pub fn report(records: &[Deleted], o: &mut Output) {
    if records.is_empty() {
        return;
    }
    o.outln("Deleted Images:");
    for d in records {
        match d {
            Deleted::Untagged(t) => o.outln(format!("untagged: {t}")),
            Deleted::Deleted(id) => {
                o.events.push(Event::ImageRemoved { id: id.clone() });
                o.outln(format!("deleted: {id}"));
            }
        }
    }
    o.outln("");
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let all = inv.bool("all");
    if !inv.bool("force") {
        return crate::interactive::confirm(s, if all { WARNING_ALL } else { WARNING }, inv);
    }
    let (records, bytes) = s.engine.prune_images(all);
    let mut o = Output::new();
    report(&records, &mut o);
    o.outln(format!("Total reclaimed space: {}", human_size4(bytes)));
    o
}
