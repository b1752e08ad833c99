//! `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`: a running container's published mappings as
//! the CLI sorts them (`80/tcp -> 0.0.0.0:8080`, `80/tcp -> [::]:8080`), or the host addresses
//! of one private port (`Error: No public port '81/tcp' published for web` when there is none).
use drydock_engine::container::ports::{join_host_port, reported_ips};

use crate::cli::Invocation;
use crate::output::Output;
use crate::session::Session;

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let args = inv.args();
    let r = args.first().cloned().unwrap_or_default();
    let c = match s.engine.find_container(&r) {
        Ok(c) => c,
        Err(e) => return Output::error(format!("{}\n", e.daemon_text()), 1),
    };
    // (private port with protocol, host address) of every binding; a stopped container has none.
    let mut bindings: Vec<(String, String)> = Vec::new();
    if c.state.running() {
        for (private, bs) in &c.ports {
            for b in bs {
                for ip in reported_ips(b) {
                    bindings.push((private.clone(), join_host_port(ip, &b.host_port)));
                }
            }
        }
    }
    let mut o = Output::new();
    match args.get(1) {
        Some(wanted) => {
            let key = if wanted.contains('/') {
                wanted.clone()
            } else {
                format!("{wanted}/tcp")
            };
            let hosts: Vec<&String> = bindings
                .iter()
                .filter(|(p, _)| *p == key)
                .map(|(_, h)| h)
                .collect();
            if hosts.is_empty() {
                return Output::error(
                    format!("Error: No public port '{key}' published for {r}\n"),
                    1,
                );
            }
            for h in hosts {
                o.outln(h);
            }
        }
        None => {
            let mut lines: Vec<String> = bindings
                .iter()
                .map(|(p, h)| format!("{p} -> {h}"))
                .collect();
            drydock_text::sort::sort(&mut lines);
            for l in lines {
                o.outln(l);
            }
        }
    }
    o
}
