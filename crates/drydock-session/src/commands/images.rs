//! `docker images` / `docker image ls`: one row per tag (`<none>` for dangling images), newest
//! first, optionally filtered by `REPOSITORY[:TAG]`; `-q` (unique ids), `--no-trunc`, `--digests`,
//! `--format`.
use drydock_engine::output::units::human_size;
use drydock_engine::timefmt::human_ago;

use crate::cli::Invocation;
use crate::format::{self, Row};
use crate::output::Output;
use crate::session::Session;

const DEFAULT: &str = "{{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
const DIGESTS: &str =
    "{{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

/// Go's `time.Time.String()` of a UTC instant (`2026-11-23 09:00:00 +0000 UTC`).
pub fn go_time(ms: i64) -> String {
    let r = drydock_engine::timefmt::rfc3339(ms - ms.rem_euclid(1000));
    let r = r.trim_end_matches('Z');
    format!("{} +0000 UTC", r.replace('T', " "))
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let engine = &s.engine;
    let now = engine.now_ms();
    let no_trunc = inv.bool("no-trunc");
    let filter = inv.args().first().map(|f| match f.rsplit_once(':') {
        Some((r, t)) if !t.contains('/') => (r.to_owned(), Some(t.to_owned())),
        _ => (f.clone(), None),
    });
    let mut rows = Vec::new();
    for img in engine.images() {
        let mut tags: Vec<(String, String)> = engine
            .tags_of(&img.id)
            .iter()
            .map(|t| match drydock_catalog::parse_normalized_named(t) {
                Ok(r) => (r.familiar_name(), r.tag.unwrap_or_else(|| "<none>".into())),
                Err(_) => (t.clone(), "<none>".to_owned()),
            })
            .collect();
        if tags.is_empty() {
            tags.push(("<none>".to_owned(), "<none>".to_owned()));
        }
        for (repo, tag) in tags {
            if let Some((fr, ft)) = &filter {
                let repo_ok = drydock_catalog::parse_normalized_named(fr)
                    .map(|r| r.familiar_name() == repo)
                    .unwrap_or(false);
                if !repo_ok || ft.as_ref().is_some_and(|t| *t != tag) {
                    continue;
                }
            }
            let id = if no_trunc {
                img.id.clone()
            } else {
                img.short_id().to_owned()
            };
            let digest = img
                .repo_digests
                .first()
                .and_then(|d| d.split_once('@').map(|(_, x)| x.to_owned()))
                .unwrap_or_else(|| "<none>".to_owned());
            let size = human_size(img.size());
            let mut r = Row::default();
            r.push("Containers", "CONTAINERS", "N/A");
            r.push("CreatedAt", "CREATED AT", go_time(img.created_ms));
            r.push("CreatedSince", "CREATED", human_ago(now, img.created_ms));
            r.push("Digest", "DIGEST", digest);
            r.push("ID", "IMAGE ID", id);
            r.push("Repository", "REPOSITORY", repo);
            r.push("SharedSize", "SHARED SIZE", "N/A");
            r.push("Size", "SIZE", size.clone());
            r.push("Tag", "TAG", tag);
            r.push("UniqueSize", "UNIQUE SIZE", "N/A");
            r.push("VirtualSize", "VIRTUAL SIZE", size);
            rows.push(r);
        }
    }
    let mut o = Output::new();
    if inv.bool("quiet") {
        let mut seen: Vec<String> = Vec::new();
        for r in &rows {
            let id = r
                .fields
                .iter()
                .find(|f| f.name == "ID")
                .map(|f| f.value.clone())
                .unwrap_or_default();
            if !seen.contains(&id) {
                o.outln(&id);
                seen.push(id);
            }
        }
        return o;
    }
    let default = if inv.bool("digests") {
        DIGESTS
    } else {
        DEFAULT
    };
    match format::render(inv.string("format"), default, "imageContext", &rows) {
        Ok(t) => o.out(t),
        Err(e) => return Output::error(format!("{e}\n"), 1),
    }
    o
}
