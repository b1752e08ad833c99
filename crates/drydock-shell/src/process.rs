//! What a shell runs as and with: the process (args, env, cwd, user, umask), the seeded
//! configuration (pid, virtual clock, limits) and the runtime (filesystem, programs, output).
use crate::fs::ShellFs;
use crate::output::Output;
use crate::programs::Programs;

/// The user a process runs as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub uid: u32,
    pub gid: u32,
    pub name: String,
}

impl User {
    pub fn root() -> Self {
        Self {
            uid: 0,
            gid: 0,
            name: "root".into(),
        }
    }
}

/// Bounds that keep every simulation finite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Commands, loop iterations and function calls, all shells of one run together.
    pub max_steps: u64,
    /// Bytes of stdout + stderr kept.
    pub max_output: usize,
    /// Nesting of function calls, `eval`, `.`, subshells and nested shells.
    pub max_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_steps: 1_000_000,
            max_output: 8 << 20,
            max_depth: 200,
        }
    }
}

/// Seeded, deterministic configuration of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellConfig {
    /// `$$` of the top-level shell; children count up from it.
    pub pid: u32,
    /// Virtual time (seconds since the epoch) stamped on everything the run writes.
    pub mtime: i64,
    pub limits: Limits,
    /// Whether `set -o pipefail` works in `sh`/`dash` (dash 0.5.12 as shipped by Debian
    /// refuses it; bash always accepts it).
    pub dash_pipefail: bool,
    /// Whether the network is reachable (`false` under `RUN --network=none` or
    /// `docker run --network none`): downloading programs fail with their real messages.
    pub network: bool,
    /// Whether stdout and stderr are a terminal (`docker run -t`, a shell in the terminal):
    /// programs that check `isatty` (`ls` columns and quoting) format for it.
    pub tty: bool,
}

impl Default for ShellConfig {
    fn default() -> Self {
        Self {
            pid: 1,
            mtime: 0,
            limits: Limits::default(),
            dash_pipefail: false,
            network: true,
            tty: false,
        }
    }
}

/// The process a script runs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Process {
    /// Exported environment, in order.
    pub env: Vec<(String, String)>,
    /// Absolute working directory.
    pub cwd: String,
    pub user: User,
    pub umask: u32,
}

impl Default for Process {
    fn default() -> Self {
        Self {
            env: vec![
                (
                    "PATH".into(),
                    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into(),
                ),
                ("HOME".into(), "/root".into()),
            ],
            cwd: "/".into(),
            user: User::root(),
            umask: 0o022,
        }
    }
}

impl Process {
    pub fn get_env(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Everything a run shares across nested shells and programs: the filesystem, the program
/// registry, the configuration, the output log and the step budget.
pub struct Runtime<'a> {
    pub fs: &'a mut dyn ShellFs,
    pub programs: &'a dyn Programs,
    pub config: ShellConfig,
    pub output: Output,
    pub(crate) captures: Vec<Vec<u8>>,
    pub(crate) steps: u64,
    pub(crate) next_pid: u32,
    /// Set once a limit was hit: every shell unwinds.
    pub(crate) aborted: Option<i32>,
    /// Run-time notes about constructs that were not simulated faithfully.
    pub notes: Vec<String>,
}

impl<'a> Runtime<'a> {
    pub fn new(fs: &'a mut dyn ShellFs, programs: &'a dyn Programs, config: ShellConfig) -> Self {
        let next_pid = config.pid.saturating_add(1);
        let max = config.limits.max_output;
        Self {
            fs,
            programs,
            config,
            output: Output::new(max),
            captures: Vec::new(),
            steps: 0,
            next_pid,
            aborted: None,
            notes: Vec::new(),
        }
    }

    /// A fresh deterministic pid for a child process.
    pub fn alloc_pid(&mut self) -> u32 {
        let p = self.next_pid;
        self.next_pid = self.next_pid.saturating_add(1);
        p
    }
}
