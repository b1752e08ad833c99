//! `docker volume create|ls|inspect|rm|prune`.
use drydock_engine::output::inspect::J;
use drydock_engine::timefmt::rfc3339;

use crate::cli::Invocation;
use crate::format::{self, Row, human_size4};
use crate::output::{Event, Output};
use crate::session::Session;

pub const PRUNE_WARNING: &str =
    "WARNING! This will remove anonymous local volumes not used by at least one container.";
pub const PRUNE_WARNING_ALL: &str =
    "WARNING! This will remove all local volumes not used by at least one container.";

pub fn create(s: &mut Session, inv: &Invocation) -> Output {
    let name = inv
        .args()
        .first()
        .cloned()
        .or_else(|| inv.string("name").map(str::to_owned));
    let labels: std::collections::BTreeMap<String, String> = inv
        .list("label")
        .iter()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            (k.to_owned(), v.to_owned())
        })
        .collect();
    match s
        .engine
        .create_volume(name.as_deref(), Some(labels), Some(Default::default()))
    {
        Ok(n) => {
            let mut o = Output::new();
            o.outln(&n);
            o.events.push(Event::VolumeCreated { name: n });
            o
        }
        Err(e) => Output::error(format!("{}\n", e.daemon_text()), 1),
    }
}

pub fn ls(s: &mut Session, inv: &Invocation) -> Output {
    let rows: Vec<Row> = s
        .engine
        .volumes()
        .into_iter()
        .filter(|v| {
            inv.list("filter").iter().all(|f| match f.split_once('=') {
                Some(("dangling", val)) => {
                    (val == "true") == s.engine.volume_users(&v.name).is_empty()
                }
                Some(("name", n)) => v.name.contains(n),
                _ => true,
            })
        })
        .map(|v| {
            let mut r = Row::default();
            r.push("Availability", "AVAILABILITY", "N/A");
            r.push("Driver", "DRIVER", "local");
            r.push("Group", "GROUP", "N/A");
            r.push(
                "Labels",
                "LABELS",
                v.labels
                    .as_ref()
                    .map(|l| {
                        l.iter()
                            .map(|(k, x)| format!("{k}={x}"))
                            .collect::<Vec<_>>()
                            .join(",")
                    })
                    .unwrap_or_default(),
            );
            r.push("Links", "LINKS", "N/A");
            r.push("Mountpoint", "MOUNTPOINT", v.mountpoint());
            r.push("Name", "VOLUME NAME", v.name.clone());
            r.push("Scope", "SCOPE", "local");
            r.push("Size", "SIZE", "N/A");
            r.push("Status", "STATUS", "N/A");
            r
        })
        .collect();
    let mut o = Output::new();
    if inv.bool("quiet") {
        for r in &rows {
            if let Some(f) = r.fields.iter().find(|f| f.name == "Name") {
                o.outln(&f.value);
            }
        }
        return o;
    }
    match format::render(
        inv.string("format"),
        "{{.Driver}}\t{{.Name}}",
        "volumeContext",
        &rows,
    ) {
        Ok(t) => o.out(t),
        Err(e) => return Output::error(format!("{e}\n"), 1),
    }
    o
}

fn map(m: Option<&std::collections::BTreeMap<String, String>>) -> J {
    match m {
        None => J::Null,
        Some(m) => J::Obj(
            m.iter()
                .map(|(k, v)| (k.clone(), J::Str(v.clone())))
                .collect(),
        ),
    }
}

/// A volume's inspect object.
pub fn json(s: &Session, name: &str) -> Option<J> {
    let v = s.engine.volume(name).ok()?;
    Some(J::Obj(vec![
        (
            "CreatedAt".into(),
            J::Str(rfc3339(v.created_ms - v.created_ms.rem_euclid(1000))),
        ),
        ("Driver".into(), J::Str("local".into())),
        ("Labels".into(), map(v.labels.as_ref())),
        ("Mountpoint".into(), J::Str(v.mountpoint())),
        ("Name".into(), J::Str(v.name.clone())),
        ("Options".into(), map(v.options.as_ref())),
        ("Scope".into(), J::Str("local".into())),
    ]))
}

pub fn inspect(s: &mut Session, inv: &Invocation) -> Output {
    let found = inv
        .args()
        .iter()
        .map(|n| match json(s, n) {
            Some(j) => super::inspect::Found::Object(j),
            None => super::inspect::Found::Missing(format!(
                "Error response from daemon: get {n}: no such volume"
            )),
        })
        .collect();
    super::inspect::print(inv, found)
}

pub fn rm(s: &mut Session, inv: &Invocation) -> Output {
    let mut o = Output::new();
    for n in inv.args() {
        match s.engine.remove_volume(n, inv.bool("force")) {
            Ok(()) => {
                o.outln(n);
                o.events.push(Event::VolumeRemoved { name: n.clone() });
            }
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
            }
        }
    }
    o
}

pub fn prune(s: &mut Session, inv: &Invocation) -> Output {
    let all = inv.bool("all");
    if !inv.bool("force") {
        return crate::interactive::confirm(
            s,
            if all {
                PRUNE_WARNING_ALL
            } else {
                PRUNE_WARNING
            },
            inv,
        );
    }
    let (names, bytes) = s.engine.prune_volumes(all);
    let mut o = Output::new();
    if !names.is_empty() {
        o.outln("Deleted Volumes:");
        for n in &names {
            o.outln(n);
            o.events.push(Event::VolumeRemoved { name: n.clone() });
        }
        o.outln("");
    }
    o.outln(format!("Total reclaimed space: {}", human_size4(bytes)));
    o
}
