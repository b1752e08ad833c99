//! `docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]`.
use crate::cli::Invocation;
use crate::cli::flags::go_quote;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let (src, dst) = match inv.args() {
        [a, b] => (a.clone(), b.clone()),
        _ => return Output::new().with_code(1),
    };
    if let Err(e) = drydock_catalog::parse_normalized_named(&dst) {
        return Output::error(
            format!(
                "Error parsing reference: {} is not a valid repository/tag: {e}\n",
                go_quote(&dst)
            ),
            1,
        );
    }
    let Some(id) = s.engine.image(&src).map(|i| i.id.clone()) else {
        return Output::error(
            format!(
                "Error response from daemon: No such image: {}\n",
                super::history::full(&src)
            ),
            1,
        );
    };
    match s.engine.tag_image(&id, &dst) {
        Ok(()) => {
            let mut o = Output::new();
            o.events.push(Event::ImageTagged { id, tag: dst });
            o
        }
        Err(e) => Output::error(format!("{}\n", e.daemon_text()), 1),
    }
}
