//! `POST /containers/{id}/start`: the runtime side — devices (`--gpus` on a machine without the
//! NVIDIA runtime), host ports, the user, the process environment (`PATH`, `HOSTNAME`, `TERM`,
//! the config's `Env`, `HOME`), the working directory (created when missing), then the process
//! itself as PID 1 through drydock-shell over the mounted filesystem. Its output becomes the
//! log; a process that keeps running (a server, `sleep infinity`) leaves the container "Up",
//! otherwise it exits at start + its simulated duration. Start failures are the OCI runtime's
//! texts and leave the container "Created" with exit code 127/126/128.
use drydock_shell::{ExecError, Process, Runtime, ShellConfig, Stream, User, run_argv};
use drydock_vfs::Create;

use super::fs::Host;
use super::programs::{ContainerPrograms, base_registry};
use super::{DaemonError, LogLine, Status};
use crate::engine::Engine;

/// What starting a container did.
#[derive(Debug, Clone, Default)]
pub struct Started {
    /// Output of the process during this start (also appended to the logs).
    pub lines: Vec<LogLine>,
    /// When the process ends by itself (`None`: it keeps running until stopped).
    pub ends_ms: Option<i64>,
    pub exit_code: i32,
    /// Notes on what was simulated.
    pub notes: Vec<String>,
    /// The process (environment, directory, user) when it was not run (interactive starts).
    pub process: Option<Process>,
}

/// What `docker exec` changes about the process.
#[derive(Debug, Clone, Default)]
pub struct ProcessOverrides {
    pub user: Option<String>,
    pub workdir: Option<String>,
    /// `KEY=VALUE` entries added to the environment.
    pub env: Vec<String>,
    pub tty: bool,
}

/// The process of a container (or of an exec in it): user resolved in its `/etc/passwd`,
/// environment, working directory (created when missing).
pub fn prepare(
    mounted: &mut super::fs::Mounted,
    c: &super::Container,
    o: &ProcessOverrides,
) -> Result<Process, String> {
    let rootfs = mounted.upper.tree().clone();
    let user_spec = o.user.clone().unwrap_or_else(|| c.config.user.clone());
    let user = if user_spec.is_empty() {
        crate::executor::RunUser {
            uid: 0,
            gid: 0,
            name: "root".to_owned(),
            groups: Vec::new(),
        }
    } else {
        crate::solve::users::run_user(&rootfs, &user_spec)?
    };
    let home = crate::solve::users::passwd(&rootfs)
        .iter()
        .find(|(n, _, _)| *n == user.name)
        .map(|_| home_of(&rootfs, &user.name))
        .unwrap_or_else(|| "/".to_owned());
    let workdir = match &o.workdir {
        Some(w) => drydock_vfs::clean(w),
        None if c.config.working_dir.is_empty() => "/".to_owned(),
        None => drydock_vfs::clean(&c.config.working_dir),
    };
    if !mounted.upper.tree().is_dir(&workdir) {
        let _ = mounted.upper.mkdir_all(&workdir, Create::dir());
    }
    let mut env = process_env(c, &home);
    if o.tty && !env.iter().any(|(k, _)| k == "TERM") {
        env.insert(2.min(env.len()), ("TERM".to_owned(), "xterm".to_owned()));
    }
    for e in &o.env {
        if let Some((k, v)) = e.split_once('=') {
            match env.iter_mut().find(|(ek, _)| ek == k) {
                Some(slot) => slot.1 = v.to_owned(),
                None => env.push((k.to_owned(), v.to_owned())),
            }
        }
    }
    Ok(Process {
        env,
        cwd: workdir,
        user: User {
            uid: user.uid,
            gid: user.gid,
            name: user.name.clone(),
        },
        umask: 0o022,
    })
}

/// The process environment the runtime builds (moby `CreateDaemonEnvironment` + HOME).
pub fn process_env(c: &super::Container, home: &str) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = vec![
        (
            "PATH".to_owned(),
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_owned(),
        ),
        ("HOSTNAME".to_owned(), c.config.hostname.clone()),
    ];
    if c.config.tty {
        env.push(("TERM".to_owned(), "xterm".to_owned()));
    }
    for e in &c.config.env {
        let Some((k, v)) = e.split_once('=') else {
            continue; // `-e NAME` with NAME unset on the client: not passed
        };
        match env.iter_mut().find(|(ek, _)| ek == k) {
            Some(slot) => slot.1 = v.to_owned(),
            None => env.push((k.to_owned(), v.to_owned())),
        }
    }
    if !env.iter().any(|(k, _)| k == "HOME") {
        env.push(("HOME".to_owned(), home.to_owned()));
    }
    env
}

/// The OCI runtime's message for a process that cannot start.
pub fn oci_start_error(e: &ExecError, name: &str) -> Option<(String, i32)> {
    oci_error(
        "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init:",
        e,
        name,
    )
}

/// The OCI runtime's message after `prefix` (create or exec) for a program that cannot start,
/// with its exit status (127 not found, 126 permission denied); `None` when it is not simulated.
pub fn oci_error(prefix: &str, e: &ExecError, name: &str) -> Option<(String, i32)> {
    let q = drydock_syntax::words::go_quote(name);
    match e {
        ExecError::NotFound if name.contains('/') => Some((
            format!("{prefix} exec: {q}: stat {name}: no such file or directory: unknown"),
            127,
        )),
        ExecError::NotFound => Some((
            format!("{prefix} exec: {q}: executable file not found in $PATH: unknown"),
            127,
        )),
        ExecError::PermissionDenied => Some((
            format!("{prefix} exec: {q}: permission denied: unknown"),
            126,
        )),
        ExecError::NotSimulated(_) => None,
    }
}

/// Splits captured output into log lines spread over the run (`busy_before(offset)`: virtual
/// time spent before the output byte at `offset`, e.g. in `sleep`).
pub fn log_lines(
    log: &[(Stream, Vec<u8>)],
    start_ms: i64,
    step_ms: i64,
    busy_before: &dyn Fn(usize) -> i64,
) -> Vec<LogLine> {
    let mut out = Vec::new();
    let mut n = 0i64;
    let mut offset = 0usize;
    let mut pending: Option<(bool, Vec<u8>, usize)> = None;
    let mut flush = |stderr: bool, bytes: &[u8], at_offset: usize, n: &mut i64| {
        *n += 1;
        out.push(LogLine {
            at_ms: start_ms + step_ms * *n + busy_before(at_offset),
            stderr,
            text: String::from_utf8_lossy(bytes).into_owned(),
        });
    };
    for (stream, bytes) in log {
        let stderr = matches!(stream, Stream::Stderr);
        for &b in bytes {
            if b == b'\n' {
                match pending.take() {
                    Some((e, line, at)) if e == stderr => flush(e, &line, at, &mut n),
                    Some((e, line, at)) => {
                        flush(e, &line, at, &mut n);
                        flush(stderr, b"", offset, &mut n);
                    }
                    None => flush(stderr, b"", offset, &mut n),
                }
            } else {
                match &mut pending {
                    Some((e, line, _)) if *e == stderr => line.push(b),
                    _ => {
                        if let Some((e, line, at)) = pending.take() {
                            flush(e, &line, at, &mut n);
                        }
                        pending = Some((stderr, vec![b], offset));
                    }
                }
            }
            offset += 1;
        }
    }
    if let Some((e, line, at)) = pending {
        flush(e, &line, at, &mut n);
    }
    out
}

impl Engine {
    /// Starts a created or exited container. A running container is left as it is.
    pub fn start_container(
        &mut self,
        id: &str,
        host: &mut Host<'_>,
        stdin: &[u8],
    ) -> Result<Started, DaemonError> {
        self.start_container_with(id, host, stdin, false)
    }

    /// Starts a container; `interactive`: its process is a shell reading the terminal, which is
    /// not run here (lines come one by one, see `interactive.rs`).
    pub fn start_container_with(
        &mut self,
        id: &str,
        host: &mut Host<'_>,
        stdin: &[u8],
        interactive: bool,
    ) -> Result<Started, DaemonError> {
        self.settle();
        let c = self
            .state
            .containers
            .get(id)
            .cloned()
            .ok_or_else(|| DaemonError::no_such_container(id))?;
        if c.state.status == Status::Running {
            return Ok(Started {
                ends_ms: c.state.ends_ms,
                ..Started::default()
            });
        }
        if c.host_config.gpus.is_some() {
            return Err(self.start_failed(
                id,
                "could not select device driver \"\" with capabilities: [[gpu]]",
                128,
            ));
        }
        // Host ports.
        let in_use: Vec<u16> = self
            .state
            .containers
            .values()
            .filter(|o| o.id != id && o.state.running())
            .flat_map(|o| {
                o.ports
                    .values()
                    .flatten()
                    .filter_map(|b| b.host_port.parse().ok())
            })
            .collect();
        let mut wanted = c.host_config.port_bindings.clone();
        if c.host_config.publish_all_ports {
            for p in &c.config.exposed_ports {
                wanted.entry(p.clone()).or_insert_with(|| {
                    vec![super::PortBinding {
                        host_ip: String::new(),
                        host_port: String::new(),
                    }]
                });
            }
        }
        let ports = match super::ports::allocate(&wanted, &in_use) {
            Ok(p) => p,
            Err(port) => {
                let ep = self.next_object_id("endpoint");
                let msg = format!(
                    "driver failed programming external connectivity on endpoint {} ({ep}): Bind for 0.0.0.0:{port} failed: port is already allocated",
                    c.name
                );
                return Err(self.start_failed(id, &msg, 128));
            }
        };

        let mut mounted = self.mount(&c, host)?;
        let process = match prepare(&mut mounted, &c, &ProcessOverrides::default()) {
            Ok(p) => p,
            Err(e) => {
                self.unmount(id, mounted, host);
                return Err(self.start_failed(id, &e, 128));
            }
        };
        if interactive {
            // A shell reading the terminal: PID 1 waits for input (`docker run -it … sh`).
            let started_ms = self.now_ms();
            self.unmount(id, mounted, host);
            if let Some(cm) = self.container_mut(id) {
                cm.state.status = Status::Running;
                cm.state.pid = 1000 + (cm.restart_count % 1000) * 7;
                cm.state.started_ms = Some(started_ms);
                cm.state.finished_ms = None;
                cm.state.error = String::new();
                cm.state.exit_code = 0;
                cm.state.ends_ms = None;
                cm.state.ends_code = 0;
                cm.state.signals = super::Signals::default();
                cm.ports = ports;
            }
            return Ok(Started {
                process: Some(process),
                ..Started::default()
            });
        }
        let started_ms = self.now_ms();
        let base = base_registry();
        let argv = c.argv();
        let mut programs = ContainerPrograms::new(&base);
        programs.shell_execs = super::shell_exec::shell_execs_program(&argv);
        let config = ShellConfig {
            pid: 1,
            mtime: started_ms.div_euclid(1000),
            network: c.host_config.network_mode != "none",
            tty: c.config.tty,
            ..ShellConfig::default()
        };
        let (result, log, mut notes) = {
            let mut rt = Runtime::new(&mut mounted.upper, &programs, config);
            let r = run_argv(&mut rt, &process, &argv, stdin);
            (r, rt.output.log.clone(), rt.notes.clone())
        };
        let effects = programs.effects.borrow().clone();
        notes.extend(effects.notes.iter().cloned());
        let code = match result {
            Ok(code) => code,
            Err(e) => match oci_start_error(&e, c.path.as_str()) {
                Some((msg, code)) => {
                    self.unmount(id, mounted, host);
                    return Err(self.start_failed(id, &msg, code));
                }
                None => {
                    if let ExecError::NotSimulated(what) = &e {
                        notes.push(format!("{}: {what} (Drydock)", c.path));
                    }
                    0
                }
            },
        };
        self.unmount(id, mounted, host);
        let step = 40;
        let lines = log_lines(&log, started_ms, step, &|o| effects.busy_before(o));
        let busy = effects.busy_ms + 60 + step * i64::try_from(lines.len()).unwrap_or(0);
        let ends_ms = if effects.forever.is_some() {
            None
        } else {
            Some(started_ms + busy.max(1))
        };
        if let Some(cm) = self.container_mut(id) {
            cm.state.status = Status::Running;
            cm.state.pid = 1000 + (cm.restart_count % 1000) * 7;
            cm.state.started_ms = Some(started_ms);
            cm.state.finished_ms = None;
            cm.state.error = String::new();
            cm.state.exit_code = 0;
            cm.state.ends_ms = ends_ms;
            cm.state.ends_code = code;
            cm.state.signals = effects.signals.clone();
            cm.logs.extend(lines.iter().cloned());
            cm.ports = ports;
            cm.notes.extend(notes.iter().cloned());
        }
        Ok(Started {
            lines,
            ends_ms,
            exit_code: code,
            notes,
            process: None,
        })
    }

    /// Records a failed start (the container stays "Created" with the runtime's error).
    fn start_failed(&mut self, id: &str, msg: &str, code: i32) -> DaemonError {
        if let Some(c) = self.container_mut(id) {
            if c.state.status != Status::Exited {
                c.state.status = Status::Created;
            }
            c.state.exit_code = code;
            c.state.error = msg.to_owned();
        }
        DaemonError::new(msg)
    }

    /// Output of a container's process between two instants (what an attached client saw).
    pub fn container_output(&self, id: &str, from_ms: i64) -> Vec<LogLine> {
        self.state
            .containers
            .get(id)
            .map(|c| {
                c.logs
                    .iter()
                    .filter(|l| l.at_ms > from_ms)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn home_of(tree: &drydock_vfs::Tree, user: &str) -> String {
    let text = tree
        .read_file("/etc/passwd")
        .ok()
        .and_then(|c| c.as_text().map(str::to_owned))
        .unwrap_or_default();
    text.lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.first() == Some(&user)).then(|| f.get(5).map_or("/", |h| *h).to_owned())
        })
        .unwrap_or_else(|| "/".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oci_messages() {
        let (m, code) = oci_start_error(&ExecError::NotFound, "unicorn").unwrap();
        assert_eq!(code, 127);
        assert!(m.ends_with("exec: \"unicorn\": executable file not found in $PATH: unknown"));
        let (m, _) = oci_start_error(&ExecError::NotFound, "/app/run.sh").unwrap();
        assert!(m.ends_with(
            "exec: \"/app/run.sh\": stat /app/run.sh: no such file or directory: unknown"
        ));
    }
}
