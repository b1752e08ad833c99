//! `docker system df -v`: space used per image (shared and unique bytes, containers using it),
//! per container (its writable layer), per volume (links and size) and per build cache record,
//! in docker 28's four tables. Cache records carry Drydock's own ids (BuildKit's are random).
use std::collections::BTreeMap;

use drydock_engine::output::units::human_size;
use drydock_engine::timefmt::human_ago;

use super::ps;
use drydock_engine::output::tabwriter;

use crate::format::human_size4;
use crate::output::Output;
use crate::session::Session;

/// The four sections as docker prints them with the default table format.
pub fn run(s: &Session) -> Output {
    let mut out = String::new();
    out.push_str("Images space usage:\n\n");
    out.push_str(&tabwriter::render(&images(s)));
    out.push_str("\nContainers space usage:\n\n");
    out.push_str(&tabwriter::render(&containers(s)));
    out.push_str("\nLocal Volumes space usage:\n\n");
    out.push_str(&tabwriter::render(&volumes(s)));
    let (total, cache) = build_cache(s);
    out.push_str(&format!("\nBuild cache usage: {}\n\n", human_size4(total)));
    out.push_str(&tabwriter::render(&cache));
    let mut o = Output::new();
    o.out(out);
    o
}

fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

fn images(s: &Session) -> Vec<Vec<String>> {
    let e = &s.engine;
    let now = e.now_ms();
    let images = e.images();
    // How many images hold each layer: a layer in two or more is shared.
    let mut holders: BTreeMap<&str, usize> = BTreeMap::new();
    for img in &images {
        for d in &img.diff_ids {
            *holders.entry(d.as_str()).or_default() += 1;
        }
    }
    let mut rows = vec![header(&[
        "REPOSITORY",
        "TAG",
        "IMAGE ID",
        "CREATED",
        "SIZE",
        "SHARED SIZE",
        "UNIQUE SIZE",
        "CONTAINERS",
    ])];
    for img in &images {
        // Only the first tag, as docker shows it.
        let (repo, tag) = e
            .tags_of(&img.id)
            .first()
            .and_then(|t| drydock_catalog::parse_normalized_named(t).ok())
            .and_then(|r| Some((r.familiar_name(), r.tag?)))
            .unwrap_or_else(|| ("<none>".to_owned(), "<none>".to_owned()));
        let size = img.size();
        let shared: u64 = img
            .diff_ids
            .iter()
            .zip(&img.layer_sizes)
            .filter(|(d, _)| holders.get(d.as_str()).is_some_and(|n| *n > 1))
            .map(|(_, s)| *s)
            .sum();
        let users = e
            .containers()
            .iter()
            .filter(|c| c.image_id == img.id)
            .count();
        rows.push(vec![
            repo,
            tag,
            img.short_id().to_owned(),
            human_ago(now, img.created_ms),
            human_size(size),
            human_size4(shared),
            human_size4(size.saturating_sub(shared)),
            users.to_string(),
        ]);
    }
    rows
}

fn containers(s: &Session) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "CONTAINER ID",
        "IMAGE",
        "COMMAND",
        "LOCAL VOLUMES",
        "SIZE",
        "CREATED",
        "STATUS",
        "NAMES",
    ])];
    let all = s.engine.containers();
    for (c, r) in all.iter().zip(ps::rows(s, &all, true)) {
        let field = |name: &str| {
            r.fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.value.clone())
                .unwrap_or_default()
        };
        rows.push(vec![
            field("ID"),
            field("Image"),
            field("Command"),
            field("LocalVolumes"),
            // The writable layer only: the daemon leaves the virtual size out here.
            human_size(c.layer.size()),
            field("RunningFor"),
            field("Status"),
            field("Names"),
        ]);
    }
    rows
}

fn volumes(s: &Session) -> Vec<Vec<String>> {
    let e = &s.engine;
    let mut rows = vec![header(&["VOLUME NAME", "LINKS", "SIZE"])];
    for v in e.volumes() {
        rows.push(vec![
            v.name.clone(),
            e.volume_users(&v.name).len().to_string(),
            human_size4(v.size()),
        ]);
    }
    rows
}

/// A 25-character record id in BuildKit's alphabet, derived from the cache key.
fn record_id(key: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let hex = key.rsplit(':').next().unwrap_or(key).as_bytes();
    hex.chunks(2)
        .take(25)
        .map(|pair| {
            let v = pair.iter().fold(0usize, |acc, b| {
                acc * 16 + (*b as char).to_digit(16).unwrap_or(0) as usize
            });
            ALPHABET.get(v % ALPHABET.len()).copied().unwrap_or(b'0') as char
        })
        .collect()
}

fn build_cache(s: &Session) -> (u64, Vec<Vec<String>>) {
    let e = &s.engine;
    let now = e.now_ms();
    let mut entries: Vec<_> = e.state().cache.values().collect();
    // Least recently used first, as docker sorts them.
    entries.sort_by(|a, b| (a.last_used_ms, &a.key).cmp(&(b.last_used_ms, &b.key)));
    let total = entries.iter().map(|c| c.size).sum();
    let mut rows = vec![header(&[
        "CACHE ID",
        "CACHE TYPE",
        "SIZE",
        "CREATED",
        "LAST USED",
        "USAGE",
        "SHARED",
    ])];
    for c in entries {
        let id = record_id(&c.key);
        rows.push(vec![
            id.get(..12).unwrap_or(&id).to_owned(),
            "regular".to_owned(),
            human_size(c.size),
            human_ago(now, c.created_ms),
            if c.usage_count == 0 {
                String::new()
            } else {
                human_ago(now, c.last_used_ms)
            },
            c.usage_count.to_string(),
            "false".to_owned(),
        ]);
    }
    (total, rows)
}
