//! `docker history IMAGE`: the history table (newest entry first; `<missing>` below the top),
//! `--no-trunc`, `-q`, `--format` and `-H=false` (dates in RFC 3339, sizes in bytes).
use drydock_engine::image::Image;
use drydock_engine::output::history;
use drydock_engine::output::units::human_size;
use drydock_engine::timefmt::{human_ago, rfc3339};

use crate::cli::Invocation;
use crate::format::{self, Row};
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
    let human = inv.string("human") != Some("false");
    if inv.string("format").is_none() && human {
        o.out(history::render(
            img,
            s.engine.now_ms(),
            inv.bool("no-trunc"),
        ));
        return o;
    }
    let rows = rows(img, s.engine.now_ms(), inv.bool("no-trunc"), human);
    match format::render(inv.string("format"), DEFAULT, "historyContext", &rows) {
        Ok(t) => o.out(t),
        Err(e) => return Output::error(format!("{e}\n"), 1),
    }
    o
}

/// The docker CLI's default history table.
const DEFAULT: &str = "{{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

/// The history rows with the docker CLI's history fields.
fn rows(img: &Image, now_ms: i64, no_trunc: bool, human: bool) -> Vec<Row> {
    let at = |ms: i64| rfc3339(ms - ms.rem_euclid(1000));
    history::rows(img, no_trunc)
        .into_iter()
        .map(|h| {
            let mut r = Row::default();
            r.push("ID", "IMAGE", h.id);
            let since = if human {
                human_ago(now_ms, h.created_ms)
            } else {
                at(h.created_ms)
            };
            r.push("CreatedSince", "CREATED", since);
            r.push("CreatedAt", "CREATED AT", at(h.created_ms));
            r.push("CreatedBy", "CREATED BY", h.created_by);
            let size = if human {
                human_size(h.size)
            } else {
                h.size.to_string()
            };
            r.push("Size", "SIZE", size);
            r.push("Comment", "COMMENT", h.comment);
            r
        })
        .collect()
}
