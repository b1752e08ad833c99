//! `docker commit [-a AUTHOR] [-m MESSAGE] CONTAINER [REPOSITORY[:TAG]]`: prints the new image id.
use drydock_engine::container::commit::CommitSpec;

use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let args = inv.args();
    let c = args.first().cloned().unwrap_or_default();
    let reference = args.get(1).cloned();
    if let Some(r) = &reference
        && let Err(e) = drydock_catalog::parse_normalized_named(r)
    {
        return Output::error(
            format!(
                "Error parsing reference: {} is not a valid repository/tag: {e}\n",
                crate::cli::flags::go_quote(r)
            ),
            1,
        );
    }
    if inv.has("change") {
        return Output::error("drydock: `docker commit --change` is not simulated\n", 1);
    }
    let spec = CommitSpec {
        author: inv.string("author").unwrap_or("").to_owned(),
        message: inv.string("message").unwrap_or("").to_owned(),
        reference: reference.clone(),
    };
    match s.engine.commit_container(&c, &spec) {
        Ok(id) => {
            let mut o = Output::new();
            o.outln(&id);
            o.events.push(Event::ImageBuilt {
                id,
                tags: reference.into_iter().collect(),
            });
            o
        }
        Err(e) => Output::error(format!("{}\n", e.daemon_text()), 1),
    }
}
