//! `docker cp CONTAINER:SRC DEST` and `docker cp SRC CONTAINER:DEST`: between a container and
//! the host project (relative host paths against the working directory, shown absolute), with
//! `Successfully copied 2.05kB to …` on stderr (a terminal is attached) and the daemon's and
//! archive's errors.
use drydock_engine::container::fs::Host;
use drydock_engine::output::units::human_size;

use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

/// `CONTAINER:PATH` split as docker's `splitCpArg` does (a local path with `/` before the colon,
/// or starting with `.`/`/`, is local).
fn split(arg: &str) -> (Option<&str>, &str) {
    if arg.starts_with('/') || arg.starts_with('.') {
        return (None, arg);
    }
    match arg.split_once(':') {
        Some((c, p)) if !c.contains('/') => (Some(c), p),
        _ => (None, arg),
    }
}

/// docker's `resolveLocalPath`: absolute, keeping a trailing `/` or `/.`.
fn local_abs(s: &Session, p: &str) -> String {
    let abs = if p.starts_with('/') {
        p.to_owned()
    } else {
        format!("{}/{p}", s.config.host_dir)
    };
    let mut c = drydock_vfs::clean(&abs);
    if p.ends_with("/.") {
        c.push_str("/.");
    } else if p.ends_with('/') && c != "/" {
        c.push('/');
    }
    c
}

/// `progressHumanSize`: go-units with 3 significant digits.
fn progress_size(n: u64) -> String {
    human_size(n)
}

pub fn run(s: &mut Session, inv: &Invocation) -> Output {
    let (src, dst) = match inv.args() {
        [a, b] => (a.clone(), b.clone()),
        _ => return Output::error("docker: 'docker cp' requires 2 arguments\n", 1),
    };
    let (sc, sp) = split(&src);
    let (dc, dp) = split(&dst);
    let quiet = inv.bool("quiet");
    let root = s.config.host_dir.clone();
    let mut o = Output::new();
    let result = match (sc, dc) {
        (Some(_), Some(_)) => {
            return Output::error("copying between containers is not supported\n", 1);
        }
        (None, None) => {
            return Output::error("must specify at least one container source\n", 1);
        }
        (Some(c), None) => {
            if sp.is_empty() {
                return Output::error("filepath is empty\n", 1);
            }
            let dest = if dp == "-" {
                return Output::error(
                    "drydock: `docker cp … -` (a tar stream on stdout) is not simulated\n",
                    1,
                );
            } else {
                local_abs(s, dp)
            };
            let mut host = Host::new(&root, &mut s.host);
            let r = s.engine.copy_from_container(c, sp, &dest, &mut host);
            for p in std::mem::take(&mut host.changed) {
                o.events.push(Event::HostFileChanged { path: p });
            }
            r.map(|c| (c.bytes, dest))
        }
        (None, Some(c)) => {
            if dp.is_empty() {
                return Output::error("filepath is empty\n", 1);
            }
            let from = local_abs(s, sp);
            let mut host = Host::new(&root, &mut s.host);
            let r = s.engine.copy_to_container(c, &from, dp, &mut host);
            r.map(|x| (x.bytes, format!("{c}:{dp}")))
        }
    };
    match result {
        Ok((bytes, to)) => {
            if !quiet {
                o.err(format!(
                    "Successfully copied {} to {to}\n",
                    progress_size(bytes)
                ));
            }
        }
        Err(e) => {
            o.errln(e);
            o.exit_code = 1;
        }
    }
    o
}
