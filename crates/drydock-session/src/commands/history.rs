//! `docker history IMAGE`: the history table (newest entry first; `<missing>` below the top),
//! `--no-trunc`, `-q`.
use drydock_engine::output::history;

use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

/// `app` → `app:latest` as the daemon names a missing image.
pub fn full(name: &str) -> String {
    drydock_engine::container::create::no_such_image_ref(name)
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let name = inv.args().first().cloned().unwrap_or_default();
    let Some(img) = s.engine.image(&name) else {
        return Output::error(
            format!(
                "Error response from daemon: No such image: {}\n",
                full(&name)
            ),
            1,
        );
    };
    let mut o = Output::new();
    if inv.bool("quiet") {
        let id = if inv.bool("no-trunc") {
            img.id.clone()
        } else {
            img.short_id().to_owned()
        };
        o.outln(&id);
        for _ in 1..img.history.len() {
            o.outln("<missing>");
        }
        return o;
    }
    o.out(history::render(
        img,
        s.engine.now_ms(),
        inv.bool("no-trunc"),
    ));
    o
}
