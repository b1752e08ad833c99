//! `docker create`: the container is created (the image pulled first when missing) and its id
//! printed; nothing runs.
use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let spec = match super::container_opts::spec(s, inv, false) {
        Ok(x) => x,
        Err(o) => return o,
    };
    let mut o = Output::new();
    match super::container_opts::create(s, inv, &spec, &mut o) {
        Ok(id) => {
            let name = s
                .engine
                .find_container(&id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            o.outln(&id);
            o.events.push(Event::ContainerCreated { id, name });
        }
        Err(e) => {
            let code = e.exit_code;
            o.extend(e);
            o.exit_code = code;
        }
    }
    o
}
