//! `docker ps` / `docker container ls`: running containers (all with `-a`), newest first, in
//! Docker 28's table — id (12), image as the user named it (the short id once that name points
//! elsewhere), command quoted and cut at 20 characters with `…`, created, status (`Up 3
//! seconds`, `Exited (1) 2 minutes ago`, `Created`), ports (`0.0.0.0:8000->8000/tcp, [::]:…`),
//! names — plus `-q`, `-n`, `-l`, `--no-trunc`, `-s`, `-f` and `--format`.
use drydock_engine::container::ports::{join_host_port, reported_ips};
use drydock_engine::container::{Container, Status};
use drydock_engine::output::units::human_size;
use drydock_engine::timefmt::{human_ago, human_duration};

use crate::cli::Invocation;
use crate::format::{self, Row};
use crate::output::Output;
use crate::session::Session;

const DEFAULT: &str =
    "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
const WITH_SIZE: &str = "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}\t{{.Size}}";

/// The daemon's `Command` of a container (args with spaces in single quotes).
pub fn command_line(c: &Container) -> String {
    if c.args.is_empty() {
        return c.path.clone();
    }
    let args: Vec<String> = c
        .args
        .iter()
        .map(|a| {
            if a.contains(' ') {
                format!("'{a}'")
            } else {
                a.clone()
            }
        })
        .collect();
    format!("{} {}", c.path, args.join(" "))
}

/// docker's `formatter.Ellipsis`.
pub fn ellipsis(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Go's `strconv.Quote` (non-printable characters escaped).
pub fn go_quote(s: &str) -> String {
    crate::cli::flags::go_quote(s)
}

/// The daemon's `State.String()`.
pub fn status_text(c: &Container, now: i64) -> String {
    match c.state.status {
        Status::Running => format!(
            "Up {}",
            human_duration(now - c.state.started_ms.unwrap_or(now))
        ),
        Status::Created => "Created".to_owned(),
        Status::Exited => match c.state.finished_ms {
            Some(f) if c.state.started_ms.is_some() => {
                format!("Exited ({}) {}", c.state.exit_code, human_ago(now, f))
            }
            _ => "Created".to_owned(),
        },
    }
}

/// docker's `DisplayablePorts` (published ports on 0.0.0.0 and [::]).
pub fn ports_text(c: &Container) -> String {
    if !c.state.running() {
        return String::new();
    }
    // (private, ip, public, proto)
    let mut ports: Vec<(u16, String, u16, String)> = Vec::new();
    for p in &c.config.exposed_ports {
        let (num, proto) = p.split_once('/').unwrap_or((p, "tcp"));
        let private: u16 = num.parse().unwrap_or(0);
        match c.ports.get(p) {
            Some(bs) if !bs.is_empty() => {
                for b in bs {
                    let public: u16 = b.host_port.parse().unwrap_or(0);
                    for ip in reported_ips(b) {
                        ports.push((private, ip.to_owned(), public, proto.to_owned()));
                    }
                }
            }
            _ => ports.push((private, String::new(), 0, proto.to_owned())),
        }
    }
    drydock_text::sort::sort_by(&mut ports, |a, b| {
        (a.0, &a.1, a.2, &a.3).cmp(&(b.0, &b.1, b.2, &b.3))
    });
    let mut groups: Vec<(String, u16, u16)> = Vec::new();
    let mut mappings = Vec::new();
    let mut result = Vec::new();
    for (private, ip, public, proto) in &ports {
        let key = if ip.is_empty() {
            proto.clone()
        } else {
            if public != private {
                mappings.push(format!("{}->{private}/{proto}", join_host_port(ip, public)));
                continue;
            }
            format!("{ip}/{proto}")
        };
        match groups.iter_mut().find(|g| g.0 == key) {
            None => groups.push((key, *private, *private)),
            Some(g) if *private == g.2 + 1 => g.2 = *private,
            Some(g) => {
                result.push(form_group(&g.0, g.1, g.2));
                g.1 = *private;
                g.2 = *private;
            }
        }
    }
    for (k, a, b) in groups {
        result.push(form_group(&k, a, b));
    }
    result.extend(mappings);
    result.join(", ")
}

fn form_group(key: &str, first: u16, last: u16) -> String {
    let (ip, proto) = match key.rsplit_once('/') {
        Some((ip, p)) => (ip, p),
        None => ("", key),
    };
    let mut g = first.to_string();
    if first != last {
        g = format!("{g}-{last}");
    }
    if !ip.is_empty() {
        let h = if ip.contains(':') {
            format!("[{ip}]")
        } else {
            ip.to_owned()
        };
        g = format!("{h}:{g}->{g}");
    }
    format!("{g}/{proto}")
}

/// The IMAGE column: the name as given (tag kept only if given), or the short image id when
/// that name no longer names the container's image.
pub fn image_text(s: &Session, c: &Container, trunc: bool) -> String {
    let still = s
        .engine
        .image(&c.config.image)
        .is_some_and(|i| i.id == c.image_id);
    if !still {
        let hex = c.image_id.trim_start_matches("sha256:");
        return if trunc {
            hex.get(..12).unwrap_or(hex).to_owned()
        } else {
            c.image_id.clone()
        };
    }
    if !trunc {
        return c.config.image.clone();
    }
    match drydock_catalog::parse_normalized_named(&c.config.image) {
        Ok(r) => r.familiar(),
        Err(_) => c.config.image.clone(),
    }
}

fn matches_filter(s: &Session, c: &Container, f: &str) -> bool {
    let (k, v) = f.split_once('=').unwrap_or((f, ""));
    match k {
        "status" => c.state.status.as_str() == v,
        "name" => c.name.contains(v),
        "id" => c.id.starts_with(v),
        "ancestor" => s.engine.image(v).is_some_and(|i| i.id == c.image_id),
        "exited" => !c.state.running() && c.state.exit_code.to_string() == v,
        "label" => {
            let (lk, lv) = v.split_once('=').unwrap_or((v, ""));
            c.config
                .labels
                .get(lk)
                .is_some_and(|x| lv.is_empty() || x == lv)
        }
        "volume" => c.mounts.iter().any(|m| m.name == v || m.destination == v),
        _ => true,
    }
}

/// Rows of the table for `containers`.
pub fn rows(s: &Session, containers: &[&Container], trunc: bool) -> Vec<Row> {
    let now = s.engine.now_ms();
    containers
        .iter()
        .map(|c| {
            let cmd = command_line(c);
            let cmd = if trunc { ellipsis(&cmd, 20) } else { cmd };
            let mut r = Row::default();
            r.push("Command", "COMMAND", go_quote(&cmd));
            r.push(
                "CreatedAt",
                "CREATED AT",
                super::images::go_time(c.created_ms),
            );
            r.push(
                "ID",
                "CONTAINER ID",
                if trunc {
                    c.short_id().to_owned()
                } else {
                    c.id.clone()
                },
            );
            r.push("Image", "IMAGE", image_text(s, c, trunc));
            r.push(
                "Labels",
                "LABELS",
                c.config
                    .labels
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            r.push(
                "LocalVolumes",
                "LOCAL VOLUMES",
                c.mounts
                    .iter()
                    .filter(|m| m.kind == "volume")
                    .count()
                    .to_string(),
            );
            r.push(
                "Mounts",
                "MOUNTS",
                c.mounts
                    .iter()
                    .map(|m| {
                        let n = if m.kind == "volume" {
                            m.name.clone()
                        } else {
                            m.source.clone()
                        };
                        if trunc { ellipsis(&n, 15) } else { n }
                    })
                    .collect::<Vec<_>>()
                    .join(","),
            );
            r.push("Names", "NAMES", c.name.clone());
            r.push("Networks", "NETWORKS", c.host_config.network_mode.clone());
            r.push("Ports", "PORTS", ports_text(c));
            r.push("RunningFor", "CREATED", human_ago(now, c.created_ms));
            let img_size = s
                .engine
                .state()
                .images
                .get(&c.image_id)
                .map_or(0, |i| i.size());
            r.push(
                "Size",
                "SIZE",
                format!(
                    "{} (virtual {})",
                    human_size(c.layer.size()),
                    human_size(img_size + c.layer.size())
                ),
            );
            r.push("State", "STATE", c.state.status.as_str());
            r.push("Status", "STATUS", status_text(c, now));
            r
        })
        .collect()
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    s.engine.settle();
    let last: i64 = inv
        .string("last")
        .and_then(|n| n.parse().ok())
        .unwrap_or(-1);
    let all = inv.bool("all") || last > 0 || inv.bool("latest");
    let filters = inv.list("filter");
    let mut list: Vec<&Container> = s
        .engine
        .containers()
        .into_iter()
        .filter(|c| all || c.state.running())
        .filter(|c| filters.iter().all(|f| matches_filter(s, c, f)))
        .collect();
    if inv.bool("latest") {
        list.truncate(1);
    } else if last > 0 {
        list.truncate(usize::try_from(last).unwrap_or(usize::MAX));
    }
    let trunc = !inv.bool("no-trunc");
    let mut o = Output::new();
    if inv.bool("quiet") {
        for c in &list {
            o.outln(if trunc { c.short_id() } else { c.id.as_str() });
        }
        return o;
    }
    let rows = rows(s, &list, trunc);
    let default = if inv.bool("size") { WITH_SIZE } else { DEFAULT };
    match format::render(inv.string("format"), default, "ContainerContext", &rows) {
        Ok(t) => o.out(t),
        Err(e) => return Output::error(format!("{e}\n"), 1),
    }
    o
}
