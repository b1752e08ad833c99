//! `docker run`: create (pulling a missing image first), start, then either print the id (`-d`)
//! or stay attached — the process's output on stdout/stderr (merged with `-t`), the exit status
//! being the container's — or, for a process that keeps running, leave the terminal attached
//! (Ctrl-C sends SIGINT) or in a shell inside the container (`-it … sh`).
use drydock_engine::container::DaemonError;
use drydock_engine::container::fs::Host;
use drydock_engine::container::start::Started;

use crate::cli::Invocation;
use crate::output::{Event, Output};
use crate::session::Session;

/// docker's `toStatusError`: 127 for a missing executable, 126 when it cannot be run, else 125.
pub fn status_of(msg: &str) -> i32 {
    if msg.contains("executable file not found")
        || msg.contains("no such file or directory")
        || msg.contains("system cannot find the file specified")
    {
        127
    } else if msg.contains("permission denied") || msg.contains("is a directory") {
        126
    } else {
        125
    }
}

/// Starts a container with the host project mounted where asked; host changes become events.
pub fn start(
    s: &mut Session,
    id: &str,
    stdin: &[u8],
    o: &mut Output,
) -> Result<Started, DaemonError> {
    start_with(s, id, stdin, false, o)
}

/// [`start`], optionally leaving an interactive shell process to the terminal.
pub fn start_with(
    s: &mut Session,
    id: &str,
    stdin: &[u8],
    interactive: bool,
    o: &mut Output,
) -> Result<Started, DaemonError> {
    let root = s.config.host_dir.clone();
    let mut host = Host::new(&root, &mut s.host);
    let r = s
        .engine
        .start_container_with(id, &mut host, stdin, interactive);
    for p in std::mem::take(&mut host.changed) {
        o.events.push(Event::HostFileChanged { path: p });
    }
    if r.is_ok() {
        o.events.push(Event::ContainerStarted { id: id.to_owned() });
    }
    r
}

/// Prints a started process's output as an attached client sees it.
pub fn print_lines(o: &mut Output, st: &Started, tty: bool) {
    for l in &st.lines {
        if l.stderr && !tty {
            o.errln(&l.text);
        } else {
            o.outln(&l.text);
        }
    }
}

/// Waits (in virtual time) for an attached container's process to end; returns its status.
pub fn wait_exit(s: &mut Session, id: &str, ends_ms: i64, o: &mut Output) -> i32 {
    let now = s.engine.now_ms();
    if ends_ms > now {
        s.engine.advance(ends_ms - now);
    }
    let mut code = 0;
    for (cid, c) in s.engine.settle() {
        if cid == id {
            code = c;
        }
        o.events.push(Event::ContainerExited { id: cid, code: c });
    }
    if let Ok(c) = s.engine.find_container(id)
        && !c.state.running()
    {
        code = c.state.exit_code;
    } else if s.engine.find_container(id).is_err() {
        o.events.push(Event::ContainerRemoved { id: id.to_owned() });
    }
    code
}

pub fn run(s: &mut Session, inv: &Invocation, stdin: &[u8]) -> Output {
    let detach = inv.bool("detach");
    let spec = match super::container_opts::spec(s, inv, detach) {
        Ok(x) => x,
        Err(o) => return o,
    };
    if !detach && spec.attach_stdin && spec.tty && !s.config.stdin_tty {
        return Output::error("the input device is not a TTY\n", 1);
    }
    let mut o = Output::new();
    let id = match super::container_opts::create(s, inv, &spec, &mut o) {
        Ok(id) => id,
        Err(e) => {
            let code = e.exit_code;
            if e.text()
                .contains("includes invalid characters for a local volume name")
            {
                o.events.push(Event::Explanation {
                    topic: "host-paths".to_owned(),
                });
            }
            o.extend(e);
            o.exit_code = code;
            return o;
        }
    };
    let name = s
        .engine
        .find_container(&id)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    o.events.push(Event::ContainerCreated {
        id: id.clone(),
        name,
    });
    let shell = if spec.tty && spec.attach_stdin && !detach {
        s.engine.container_shell_kind(&id)
    } else {
        None
    };
    let st = match start_with(
        s,
        &id,
        if spec.attach_stdin { stdin } else { b"" },
        shell.is_some(),
        &mut o,
    ) {
        Ok(st) => st,
        Err(e) => {
            if spec.auto_remove {
                let _ = s.engine.remove_container(&id, true, true);
                o.events.push(Event::ContainerRemoved { id: id.clone() });
            }
            if e.message.contains("capabilities: [[gpu]]") {
                o.events.push(Event::Explanation {
                    topic: "gpus".to_owned(),
                });
            }
            let code = status_of(&e.message);
            o.extend(inv.error_with_help(&e.daemon_text(), code));
            o.exit_code = code;
            return o;
        }
    };
    if detach {
        o.outln(&id);
        return o;
    }
    if let (Some(kind), Some(process)) = (shell, &st.process) {
        let argv = s
            .engine
            .find_container(&id)
            .map(drydock_engine::container::Container::argv)
            .unwrap_or_default();
        match s.engine.open_shell(&id, &argv, process, kind, false) {
            Ok(sess) => crate::interactive::enter_shell(s, sess, spec.auto_remove, &mut o),
            Err(e) => {
                o.errln(e.daemon_text());
                o.exit_code = 1;
            }
        }
        return o;
    }
    print_lines(&mut o, &st, spec.tty);
    match st.ends_ms {
        Some(t) => {
            o.exit_code = wait_exit(s, &id, t, &mut o);
        }
        None => crate::interactive::attach(s, &id, spec.tty && spec.attach_stdin, &mut o),
    }
    o
}
