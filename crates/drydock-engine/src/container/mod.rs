//! Containers in the simulated daemon: what the daemon stores per container (config, host
//! config, effective process, state, writable layer, logs, mounts), how containers are named and
//! found (full id, unique id prefix, name), the virtual-clock bookkeeping that lets a process end
//! on its own, and the daemon's error texts. The lifecycle is split by verb: `create.rs`,
//! `start.rs`, `stop.rs`, `remove.rs`, `exec.rs`, `copy.rs`, `commit.rs`; the process comes from
//! `process.rs` (ENTRYPOINT × CMD), `process_explain.rs` explains it (the process calculator);
//! `fs.rs` assembles the container's filesystem with its mounts; `programs.rs` holds what the
//! container runtime simulates besides drydock-shell's programs.
pub mod commit;
pub mod copy;
pub mod create;
pub mod exec;
pub mod fs;
pub mod interactive;
pub mod mounts;
pub mod names;
pub mod nginx;
pub mod ports;
pub mod process;
pub mod process_explain;
pub mod programs;
pub mod python_argparse;
pub mod python_cli;
pub mod python_script;
pub mod python_syntax;
pub mod remove;
pub mod rename;
pub mod servers;
pub mod shell_exec;
pub mod start;
pub mod stop;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use drydock_vfs::Layer;

use crate::config::IdGen;
use crate::engine::Engine;

/// A container's lifecycle state (Docker's `State.Status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Created,
    Running,
    Exited,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Exited => "exited",
        }
    }
}

/// How a running process reacts to `docker stop` (its stop signal, SIGTERM unless the image
/// says otherwise), Ctrl-C (SIGINT) and `docker kill -s`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Signals {
    /// Handles SIGTERM: prints `term_lines` and exits with `term_code`; otherwise (as PID 1 with
    /// no handler) SIGTERM is ignored and `docker stop` kills it after the timeout (137).
    pub handles_term: bool,
    pub term_lines: Vec<(bool, String)>,
    pub term_code: i32,
    /// Handles SIGINT (Ctrl-C on an attached `docker run`): lines and exit code.
    pub handles_int: bool,
    pub int_lines: Vec<(bool, String)>,
    pub int_code: i32,
    /// Handles SIGQUIT (nginx's STOPSIGNAL: a graceful shutdown): lines and exit code.
    #[serde(default)]
    pub handles_quit: bool,
    #[serde(default)]
    pub quit_lines: Vec<(bool, String)>,
    #[serde(default)]
    pub quit_code: i32,
}

impl Signals {
    /// How the process ends on signal `name` (`TERM`, `INT`, `QUIT`): the lines it prints and
    /// its exit status; `None` when it has no handler for it.
    pub fn handler(&self, name: &str) -> Option<(&[(bool, String)], i32)> {
        match name {
            "TERM" if self.handles_term => Some((&self.term_lines, self.term_code)),
            "INT" if self.handles_int => Some((&self.int_lines, self.int_code)),
            "QUIT" if self.handles_quit => Some((&self.quit_lines, self.quit_code)),
            _ => None,
        }
    }
}

/// The state part of `docker inspect`, plus when a running process ends on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub status: Status,
    pub exit_code: i32,
    pub pid: u32,
    pub started_ms: Option<i64>,
    pub finished_ms: Option<i64>,
    /// The runtime's error when the process could not start.
    pub error: String,
    pub oom_killed: bool,
    /// While running: when the process exits by itself (`None`: it never does, e.g. a server).
    pub ends_ms: Option<i64>,
    /// While running: the status it will exit with at `ends_ms`.
    pub ends_code: i32,
    /// While running: how it reacts to signals.
    #[serde(default)]
    pub signals: Signals,
}

impl State {
    pub fn created() -> Self {
        State {
            status: Status::Created,
            exit_code: 0,
            pid: 0,
            started_ms: None,
            finished_ms: None,
            error: String::new(),
            oom_killed: false,
            ends_ms: None,
            ends_code: 0,
            signals: Signals::default(),
        }
    }

    pub fn running(&self) -> bool {
        self.status == Status::Running
    }
}

/// One line of a container's log (`docker logs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub at_ms: i64,
    pub stderr: bool,
    pub text: String,
}

/// A mount of the container (`docker inspect`'s `Mounts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MountPoint {
    /// `bind` or `volume`.
    pub kind: String,
    /// The volume's name (volumes only).
    pub name: String,
    /// The host path (bind) or the volume's data folder.
    pub source: String,
    pub destination: String,
    pub rw: bool,
    /// `z`, `ro`, … as given; empty by default.
    pub mode: String,
}

/// A published port (`-p 8000:8000`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortBinding {
    pub host_ip: String,
    pub host_port: String,
}

/// The container config (Docker's `Config`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ContainerConfig {
    pub hostname: String,
    pub user: String,
    pub exposed_ports: BTreeSet<String>,
    pub tty: bool,
    pub open_stdin: bool,
    pub attach_stdin: bool,
    pub attach_stdout: bool,
    pub attach_stderr: bool,
    pub env: Vec<String>,
    pub cmd: Option<Vec<String>>,
    pub entrypoint: Option<Vec<String>>,
    pub image: String,
    pub volumes: BTreeSet<String>,
    pub working_dir: String,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: String,
}

/// The host config (Docker's `HostConfig`), the parts Drydock models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HostConfig {
    /// `-v` specs as given.
    pub binds: Vec<String>,
    pub port_bindings: BTreeMap<String, Vec<PortBinding>>,
    pub auto_remove: bool,
    pub network_mode: String,
    pub publish_all_ports: bool,
    /// `--gpus` as given.
    pub gpus: Option<String>,
    pub restart_policy: String,
}

/// A container as the daemon keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Container {
    /// 64 hex digits.
    pub id: String,
    /// Without the leading `/`.
    pub name: String,
    pub created_ms: i64,
    /// The image id (`sha256:…`).
    pub image_id: String,
    pub config: ContainerConfig,
    pub host_config: HostConfig,
    /// The process: `Path` and `Args`.
    pub path: String,
    pub args: Vec<String>,
    pub state: State,
    /// The writable layer (changes against the image).
    pub layer: Layer,
    pub logs: Vec<LogLine>,
    pub mounts: Vec<MountPoint>,
    pub restart_count: u32,
    /// Host ports actually allocated (`-p 8000` gets an ephemeral one), by container port.
    pub ports: BTreeMap<String, Vec<PortBinding>>,
    /// Things the simulation did not model faithfully (shown as notes, never as output).
    pub notes: Vec<String>,
}

impl Container {
    /// The 12-hex short id.
    pub fn short_id(&self) -> &str {
        self.id.get(..12).unwrap_or(&self.id)
    }

    /// The process as one argv.
    pub fn argv(&self) -> Vec<String> {
        let mut v = vec![self.path.clone()];
        v.extend(self.args.iter().cloned());
        v
    }
}

/// An error of the daemon: the message after `Error response from daemon: `, and its kind
/// (which decides `docker run`'s exit status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaemonError {
    pub message: String,
}

impl DaemonError {
    pub fn new(message: impl Into<String>) -> Self {
        DaemonError {
            message: message.into(),
        }
    }

    pub fn no_such_container(reference: &str) -> Self {
        DaemonError::new(format!("No such container: {reference}"))
    }

    /// `Error response from daemon: …` as the client prints it.
    pub fn daemon_text(&self) -> String {
        format!("Error response from daemon: {}", self.message)
    }
}

impl std::fmt::Display for DaemonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.daemon_text())
    }
}

/// Deterministic 64-hex ids for containers, volumes and endpoints: the engine seed, a purpose
/// and a sequence number.
pub fn hex_id(seed: u64, purpose: &str, seq: u64) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in purpose.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut g = IdGen::new(seed ^ h ^ seq.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    (0..4).map(|_| format!("{:016x}", g.next_u64())).collect()
}

impl Engine {
    /// Every container, newest first (`docker ps -a` order).
    pub fn containers(&self) -> Vec<&Container> {
        let mut v: Vec<&Container> = self.state.containers.values().collect();
        drydock_text::sort::sort_by(&mut v, |a, b| {
            b.created_ms.cmp(&a.created_ms).then(b.id.cmp(&a.id))
        });
        v
    }

    /// The container a reference names, as the daemon resolves it: full id, then name (with or
    /// without `/`), then a unique id prefix.
    pub fn find_container(&self, reference: &str) -> Result<&Container, DaemonError> {
        if reference.is_empty() {
            return Err(DaemonError::no_such_container(reference));
        }
        if let Some(c) = self.state.containers.get(reference) {
            return Ok(c);
        }
        let name = reference.strip_prefix('/').unwrap_or(reference);
        if let Some(c) = self.state.containers.values().find(|c| c.name == name) {
            return Ok(c);
        }
        let mut found = self
            .state
            .containers
            .values()
            .filter(|c| c.id.starts_with(reference));
        match (found.next(), found.next()) {
            (Some(c), None) => Ok(c),
            (Some(_), Some(_)) => Err(DaemonError::new(format!(
                "multiple IDs found with provided prefix: {reference}"
            ))),
            _ => Err(DaemonError::no_such_container(reference)),
        }
    }

    /// The id of the container a reference names.
    pub fn container_id(&self, reference: &str) -> Result<String, DaemonError> {
        self.find_container(reference).map(|c| c.id.clone())
    }

    pub(crate) fn container_mut(&mut self, id: &str) -> Option<&mut Container> {
        self.state.containers.get_mut(id)
    }

    /// Brings every container up to the virtual clock: processes whose time has come exit (and
    /// `--rm` containers go away). Returns the ids of containers that exited, with their codes.
    pub fn settle(&mut self) -> Vec<(String, i32)> {
        let now = self.now_ms();
        let due: Vec<String> = self
            .state
            .containers
            .values()
            .filter(|c| c.state.running() && c.state.ends_ms.is_some_and(|t| t <= now))
            .map(|c| c.id.clone())
            .collect();
        let mut out = Vec::new();
        for id in due {
            let (at, code) = match self.state.containers.get(&id) {
                Some(c) => (c.state.ends_ms.unwrap_or(now), c.state.ends_code),
                None => continue,
            };
            self.finish_process(&id, code, at);
            out.push((id, code));
        }
        out
    }

    /// Marks a container's process as exited at `at_ms` with `code` (removing it when it was
    /// started with `--rm`).
    pub(crate) fn finish_process(&mut self, id: &str, code: i32, at_ms: i64) {
        let auto_remove = match self.state.containers.get_mut(id) {
            Some(c) => {
                c.logs.retain(|l| l.at_ms <= at_ms);
                c.state.status = Status::Exited;
                c.state.exit_code = code;
                c.state.pid = 0;
                c.state.finished_ms = Some(at_ms);
                c.state.ends_ms = None;
                c.state.signals = Signals::default();
                c.host_config.auto_remove
            }
            None => return,
        };
        if auto_remove {
            self.remove_container_now(id);
        }
    }

    /// A fresh container id.
    pub(crate) fn next_container_id(&mut self) -> String {
        self.state.container_seq += 1;
        hex_id(self.config.seed, "container", self.state.container_seq)
    }

    /// A fresh id for other objects (volumes, endpoints, exec sessions).
    pub fn next_object_id(&mut self, purpose: &str) -> String {
        self.state.container_seq += 1;
        hex_id(self.config.seed, purpose, self.state.container_seq)
    }

    /// A random-looking unused name from the seeded generator.
    pub(crate) fn next_container_name(&mut self) -> String {
        self.state.container_seq += 1;
        let mut g = IdGen::new(self.config.seed ^ self.state.container_seq.rotate_left(17));
        let taken: BTreeSet<String> = self
            .state
            .containers
            .values()
            .map(|c| c.name.clone())
            .collect();
        names::unused_name(&mut g, |n| taken.contains(n))
    }
}
