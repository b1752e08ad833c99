//! `docker system df` and `docker system prune`.
use std::collections::BTreeSet;

use crate::cli::Invocation;
use crate::format::{self, Row, human_size4};
use crate::output::{Event, Output};
use crate::session::Session;

fn with_percent(reclaimable: u64, total: u64) -> String {
    match (reclaimable * 100).checked_div(total) {
        Some(p) => format!("{} ({p}%)", human_size4(reclaimable)),
        None => human_size4(reclaimable),
    }
}

pub fn df(s: &mut Session, inv: &Invocation) -> Output {
    s.engine.settle();
    if inv.bool("verbose") {
        if inv.string("format").is_some_and(|f| f != "table") {
            return Output::error(
                "drydock: docker system df -v with a --format template is not simulated; drop -v or --format\n",
                1,
            );
        }
        return super::system_df_verbose::run(s);
    }
    let e = &s.engine;
    let images = e.images();
    let used: BTreeSet<String> = e.containers().iter().map(|c| c.image_id.clone()).collect();
    // Layers shared between images count once.
    let mut seen = BTreeSet::new();
    let mut total = 0u64;
    let mut active_bytes = 0u64;
    for img in &images {
        for (d, size) in img.diff_ids.iter().zip(&img.layer_sizes) {
            if seen.insert(d.clone()) {
                total += size;
            }
        }
        if used.contains(&img.id) {
            active_bytes += img.size();
        }
    }
    let active_images = images.iter().filter(|i| used.contains(&i.id)).count();
    let containers = e.containers();
    let c_total: u64 = containers.iter().map(|c| c.layer.size()).sum();
    let c_reclaim: u64 = containers
        .iter()
        .filter(|c| !c.state.running())
        .map(|c| c.layer.size())
        .sum();
    let c_active = containers.iter().filter(|c| c.state.running()).count();
    let volumes = e.volumes();
    let v_total: u64 = volumes.iter().map(|v| v.size()).sum();
    let v_unused: u64 = volumes
        .iter()
        .filter(|v| e.volume_users(&v.name).is_empty())
        .map(|v| v.size())
        .sum();
    let v_active = volumes
        .iter()
        .filter(|v| !e.volume_users(&v.name).is_empty())
        .count();
    let cache = &e.state().cache;
    let cache_size: u64 = cache.values().map(|c| c.size).sum();
    let mut rows = Vec::new();
    let mut push = |t: &str, n: usize, a: usize, size: String, rec: String| {
        let mut r = Row::default();
        r.push("Active", "ACTIVE", a.to_string());
        r.push("Reclaimable", "RECLAIMABLE", rec);
        r.push("Size", "SIZE", size);
        r.push("TotalCount", "TOTAL", n.to_string());
        r.push("Type", "TYPE", t.to_owned());
        rows.push(r);
    };
    push(
        "Images",
        images.len(),
        active_images,
        human_size4(total),
        with_percent(total.saturating_sub(active_bytes.min(total)), total),
    );
    push(
        "Containers",
        containers.len(),
        c_active,
        human_size4(c_total),
        with_percent(c_reclaim, c_total),
    );
    push(
        "Local Volumes",
        volumes.len(),
        v_active,
        human_size4(v_total),
        with_percent(v_unused, v_total),
    );
    push(
        "Build Cache",
        cache.len(),
        0,
        human_size4(cache_size),
        human_size4(cache_size),
    );
    let mut o = Output::new();
    match format::render(
        inv.string("format"),
        "{{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
        // The first row docker's template runs on (its error names that type).
        "diskUsageImagesContext",
        &rows,
    ) {
        Ok(t) => o.out(t),
        Err(e) => return Output::error(format!("{e}\n"), 1),
    }
    o
}

/// The warning `docker system prune` shows.
pub fn prune_warning(all: bool, volumes: bool) -> String {
    let mut w = String::from(
        "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n",
    );
    if volumes {
        w.push_str("  - all anonymous volumes not used by at least one container\n");
    }
    if all {
        w.push_str("  - all images without at least one container associated to them\n  - all build cache\n");
    } else {
        w.push_str("  - all dangling images\n  - unused build cache\n");
    }
    w
}

pub fn prune(s: &mut Session, inv: &Invocation) -> Output {
    let all = inv.bool("all");
    let volumes = inv.bool("volumes");
    if !inv.bool("force") {
        return crate::interactive::confirm(s, &prune_warning(all, volumes), inv);
    }
    let mut o = Output::new();
    let (ids, c_bytes) = s.engine.prune_containers();
    if !ids.is_empty() {
        o.outln("Deleted Containers:");
        for id in &ids {
            o.outln(id);
            o.events.push(Event::ContainerRemoved { id: id.clone() });
        }
        o.outln("");
    }
    let mut v_bytes = 0;
    if volumes {
        let (names, b) = s.engine.prune_volumes(false);
        v_bytes = b;
        if !names.is_empty() {
            o.outln("Deleted Volumes:");
            for n in &names {
                o.outln(n);
            }
            o.outln("");
        }
    }
    let (records, i_bytes) = s.engine.prune_images(all);
    super::image_prune::report(&records, &mut o);
    let (cache_ids, cache_bytes) = s.engine.prune_build_cache(all);
    if !cache_ids.is_empty() {
        o.outln("Deleted build cache objects:");
        for id in &cache_ids {
            o.outln(id);
        }
        o.outln("");
    }
    o.outln(format!(
        "Total reclaimed space: {}",
        human_size4(c_bytes + v_bytes + i_bytes + cache_bytes)
    ));
    o
}
