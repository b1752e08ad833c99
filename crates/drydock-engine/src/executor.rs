//! The RUN seam: a [`RunExecutor`] runs one RUN step's process over the step's writable layer.
//! The engine prepares everything (argv, environment, user, mounts already placed in the
//! filesystem) and turns the outcome into trace data; executors know nothing of caches or
//! Dockerfiles. [`RecordingExecutor`] only records the command.
use drydock_vfs::Upper;

/// The user a RUN runs as (resolved in the container's `/etc/passwd`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunUser {
    pub uid: u32,
    pub gid: u32,
    pub name: String,
    /// Supplementary groups.
    pub groups: Vec<u32>,
}

/// A mount visible during the step (already placed in the filesystem by the engine).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunMount {
    /// `bind`, `cache`, `tmpfs`, `secret` or `ssh`.
    pub kind: String,
    pub target: String,
    pub read_only: bool,
}

/// Everything a RUN step's process gets.
pub struct RunRequest<'a> {
    /// The step's writable layer (the union view of everything below, plus mounts).
    pub upper: &'a mut Upper,
    /// The process arguments (`["/bin/sh", "-c", "apt-get update"]` for the shell form).
    pub argv: Vec<String>,
    /// The environment, in order.
    pub env: Vec<(String, String)>,
    pub workdir: String,
    pub user: RunUser,
    pub mounts: Vec<RunMount>,
    /// `default`, `none` or `host`.
    pub network: String,
    pub hostname: String,
    /// Virtual time (seconds since the epoch) for files the process writes.
    pub now_secs: i64,
}

/// What the process did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunOutcome {
    pub exit_code: i32,
    /// Output lines: milliseconds after start, stderr?, text (without newline).
    pub lines: Vec<(i64, bool, String)>,
    /// Simulated duration.
    pub duration_ms: i64,
    /// When the process could not start at all (`exec: "x": executable file not found in
    /// $PATH`), the runtime's message; the step fails with it.
    pub start_error: Option<String>,
    /// Things the simulation did not model faithfully (shown as notes, never printed as output).
    pub notes: Vec<String>,
}

/// Runs RUN steps.
pub trait RunExecutor {
    fn run(&self, req: RunRequest<'_>) -> RunOutcome;
}

/// Records the command and succeeds without changing any file (the default until programs are
/// simulated).
#[derive(Debug, Clone, Copy, Default)]
pub struct RecordingExecutor;

impl RunExecutor for RecordingExecutor {
    fn run(&self, req: RunRequest<'_>) -> RunOutcome {
        let text = req.argv.join(" ");
        // A deterministic pseudo-duration: longer commands take a little longer.
        let duration_ms = 100 + i64::try_from(text.len() % 900).unwrap_or(0);
        RunOutcome {
            exit_code: 0,
            lines: Vec::new(),
            duration_ms,
            start_error: None,
            notes: vec![format!("not executed (recorded only): {text}")],
        }
    }
}
