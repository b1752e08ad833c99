//! `docker pull NAME[:TAG]`: a catalog image into the image store, with the progress a terminal
//! shows once the pull is done (`ID: Pull complete` per layer, or `Already exists`), the digest,
//! the status line and the full name.
use drydock_engine::pull::Pulled;

use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

/// The progress lines (what `docker run` prints on stderr for a missing image).
pub fn progress(p: &Pulled) -> String {
    if p.up_to_date {
        return format!(
            "{}: Pulling from {}\nDigest: {}\nStatus: Image is up to date for {}\n",
            p.tag, p.repository, p.digest, p.familiar
        );
    }
    let mut s = format!("{}: Pulling from {}\n", p.tag, p.repository);
    for (id, existed) in &p.layers {
        if *existed {
            s.push_str(&format!("{id}: Already exists\n"));
        } else {
            s.push_str(&format!("{id}: Pull complete\n"));
        }
    }
    s.push_str(&format!(
        "Digest: {}\nStatus: Downloaded newer image for {}\n",
        p.digest, p.familiar
    ));
    s
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let name = inv.args().first().cloned().unwrap_or_default();
    if let Err(e) = drydock_catalog::parse_normalized_named(&name) {
        return Output::error(format!("{e}\n"), 1);
    }
    match s.engine.pull(&name) {
        Ok(p) => {
            let mut o = Output::new();
            if inv.bool("quiet") {
                o.outln(&p.full);
            } else {
                o.out(progress(&p));
                o.outln(&p.full);
            }
            o
        }
        Err(e) => Output::error(format!("{}\n", e.daemon_text()), 1),
    }
}
