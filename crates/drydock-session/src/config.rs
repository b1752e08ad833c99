//! The session's seeded configuration: the engine's (clock start, seed, platform), where the
//! host project folder is (`$(pwd)` for bind mounts and `docker cp`), the user's home (for `~`),
//! the virtual pause between two commands, and the client version the texts name.
use drydock_engine::EngineConfig;
use serde::{Deserialize, Serialize};

/// Everything that makes a session deterministic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionConfig {
    pub engine: EngineConfig,
    /// Absolute path of the host project folder (the CLI passes the real working directory, the
    /// web app `/home/learner/project`).
    pub host_dir: String,
    /// The learner's home folder on the host (what `~` expands to).
    pub home: String,
    /// Virtual time that passes between two commands (a learner reading and typing).
    pub command_gap_ms: i64,
    /// The docker client version (`docker version`, `docker -v`).
    pub client_version: String,
    /// Whether the client's stdin is a terminal (`-t` needs one: the web terminal is, a piped
    /// CLI is not).
    pub stdin_tty: bool,
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig {
            engine: EngineConfig::default(),
            host_dir: "/home/learner/project".to_owned(),
            home: "/home/learner".to_owned(),
            command_gap_ms: 5_000,
            client_version: "28.2.2".to_owned(),
            stdin_tty: true,
        }
    }
}
