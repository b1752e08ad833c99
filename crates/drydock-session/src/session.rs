//! The `Session`: the host project files, the simulated daemon, the terminal's mode (docker
//! prompt, a shell inside a container, or attached to a running container) and the history of
//! commands. Front-ends send actions and read plain view data; the session never renders UI.
use serde::{Deserialize, Serialize};

use drydock_engine::{BuildTrace, Engine, EngineState, ShellExecutor};
use drydock_vfs::Tree;

use crate::config::SessionConfig;
use crate::output::Output;

/// Something a front-end asks the session to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// A docker command line already split into words (after `docker`), with what the client
    /// reads on stdin (`docker run -i` only).
    Docker {
        argv: Vec<String>,
        #[serde(default)]
        stdin: Vec<u8>,
    },
    /// A line typed in the terminal: at the docker prompt it is split and expanded as a shell
    /// would (`docker run -v $(pwd)/models:/models …`, `docker rm $(docker ps -aq)`); in a
    /// container shell it goes to the shell.
    Line { text: String },
    /// Creates or replaces a host project file (`path` relative to the project folder).
    WriteFile { path: String, content: String },
    /// Creates or replaces a host project file with raw bytes (an uploaded binary file).
    WriteBytes { path: String, content: Vec<u8> },
    /// Creates a host project folder (and its parents).
    CreateDir { path: String },
    /// Renames a host project file or folder.
    Rename { from: String, to: String },
    /// Deletes a host project file or folder.
    Delete { path: String },
    /// Lets virtual time pass (detached containers may exit meanwhile).
    Wait { ms: i64 },
    /// Ctrl-C in the terminal.
    Interrupt,
    /// Ctrl-P Ctrl-Q in the terminal (detach from an `-it` container).
    Detach,
}

/// One command of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub line: String,
    pub exit_code: i32,
    pub at_ms: i64,
}

/// What the terminal is connected to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Prompt {
    /// The host shell prompt where docker commands are typed.
    Docker,
    /// A shell inside a container (`docker run -it … sh`, `docker exec -it … sh`).
    Shell {
        container: String,
        /// The prompt the shell prints (`# `, `$ `, `root@3f4c5d6e7f8a:/# `).
        prompt: String,
    },
    /// Attached to a container's output until it exits (Ctrl-C sends SIGINT).
    Attached { container: String },
    /// A `[y/N]` question was printed; the next line answers it.
    Question,
}

/// What is saved between runs (the CLI's state file, the web app's storage).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SessionState {
    pub engine: EngineState,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

/// The terminal's connection to a container (not saved: a reload is back at the prompt).
pub(crate) enum Mode {
    Docker,
    Shell(Box<crate::interactive::ShellMode>),
    Attached(crate::interactive::Attached),
    Confirm(crate::interactive::Confirm),
}

/// The one API front-ends call.
pub struct Session {
    pub(crate) config: SessionConfig,
    pub(crate) host: Tree,
    pub(crate) engine: Engine,
    pub(crate) history: Vec<HistoryEntry>,
    pub(crate) last_build: Option<BuildTrace>,
    pub(crate) mode: Mode,
    /// The docker command line being run (prune commands re-run it after `y`).
    pub(crate) current_argv: Vec<String>,
}

impl Session {
    /// A fresh daemon over the host project `host` (a tree rooted at the project folder).
    pub fn new(config: SessionConfig, host: Tree) -> Self {
        Session::restore(config, host, SessionState::default())
    }

    /// A session restored from saved state.
    pub fn restore(config: SessionConfig, host: Tree, state: SessionState) -> Self {
        let mut engine = Engine::with_state(config.engine.clone(), state.engine);
        engine.set_executor(Box::new(
            ShellExecutor::new(Box::new(drydock_shell_registry())).lenient(),
        ));
        Session {
            config,
            host,
            engine,
            history: state.history,
            last_build: None,
            mode: Mode::Docker,
            current_argv: Vec::new(),
        }
    }

    /// What to save.
    pub fn state(&self) -> SessionState {
        SessionState {
            engine: self.engine.state().clone(),
            history: self.history.clone(),
        }
    }

    pub fn config(&self) -> &SessionConfig {
        &self.config
    }

    /// The host project files.
    pub fn host(&self) -> &Tree {
        &self.host
    }

    /// The simulated daemon (read-only; act through [`Session::apply`]).
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }

    /// The trace of the last `docker build` of this session.
    pub fn last_build(&self) -> Option<&BuildTrace> {
        self.last_build.as_ref()
    }

    /// Virtual now (milliseconds since the epoch).
    pub fn now_ms(&self) -> i64 {
        self.engine.now_ms()
    }

    /// Runs a docker command line (`argv` after `docker`).
    pub fn docker(&mut self, argv: &[String]) -> Output {
        self.apply(Action::Docker {
            argv: argv.to_vec(),
            stdin: Vec::new(),
        })
    }

    /// Sends a typed line (see [`Action::Line`]).
    pub fn line(&mut self, text: &str) -> Output {
        self.apply(Action::Line {
            text: text.to_owned(),
        })
    }

    /// Does one action.
    pub fn apply(&mut self, action: Action) -> Output {
        match action {
            Action::Docker { argv, stdin } => {
                let line = format!("docker {}", argv.join(" "));
                self.run_logged(&line, &argv, &stdin)
            }
            Action::Line { text } => self.typed_line(&text),
            Action::WriteFile { path, content } => crate::host::write_file(self, &path, &content),
            Action::WriteBytes { path, content } => crate::host::write_bytes(self, &path, content),
            Action::CreateDir { path } => crate::host::create_dir(self, &path),
            Action::Rename { from, to } => crate::host::rename(self, &from, &to),
            Action::Delete { path } => crate::host::delete(self, &path),
            Action::Wait { ms } => {
                self.engine.advance(ms);
                let mut o = Output::new();
                crate::interactive::settle(self, &mut o);
                o
            }
            Action::Interrupt => crate::interactive::interrupt(self),
            Action::Detach => crate::interactive::detach(self),
        }
    }

    fn typed_line(&mut self, text: &str) -> Output {
        if !matches!(self.mode, Mode::Docker) {
            return crate::interactive::line(self, text);
        }
        let env = crate::shellwords::ShellEnv {
            pwd: self.config.host_dir.clone(),
            home: self.config.home.clone(),
        };
        // `$(docker …)` runs first, as the shell would: its stdout becomes words, its stderr
        // and events come before the command's own output.
        let mut before = Output::new();
        let split = {
            let mut sub = |argv: &[String]| -> Result<String, String> {
                // A substitution's stdin is not this terminal: no interactive session from it.
                let interactive = argv
                    .iter()
                    .skip(2)
                    .take_while(|a| a.starts_with('-'))
                    .any(|a| {
                        matches!(a.as_str(), "--interactive" | "--tty")
                            || (!a.starts_with("--") && a.contains(['i', 't']))
                    });
                if interactive
                    && matches!(
                        argv.get(1).map(String::as_str),
                        Some("run" | "exec" | "start" | "attach")
                    )
                {
                    before.err("the input device is not a TTY\n");
                    return Ok(String::new());
                }
                let o = crate::commands::run(self, argv.get(1..).unwrap_or(&[]), b"");
                let stdout = o.stdout();
                for c in o
                    .chunks
                    .iter()
                    .filter(|c| c.stream != crate::output::Stream::Stdout)
                {
                    before.err(&c.text);
                }
                before.events.extend(o.events);
                Ok(stdout)
            };
            crate::shellwords::split_with(text, &env, Some(&mut sub))
        };
        let words = match split {
            Ok(w) => w,
            Err(e) => {
                before.extend(Output::error(format!("drydock: {e}\n"), 2));
                before.exit_code = 2;
                return before;
            }
        };
        let Some((first, rest)) = words.split_first() else {
            return before;
        };
        let o = if first == "docker" {
            self.run_logged(text.trim(), rest, b"")
        } else {
            Output::error(
                format!("drydock: {first}: this terminal runs docker commands (try `docker ps`)\n"),
                127,
            )
        };
        let code = o.exit_code;
        before.extend(o);
        before.exit_code = code;
        before
    }

    fn run_logged(&mut self, line: &str, argv: &[String], stdin: &[u8]) -> Output {
        let is_build = crate::commands::is_build(argv);
        if !self.history.is_empty() && !is_build {
            self.engine.advance(self.config.command_gap_ms);
        }
        let mut out = Output::new();
        crate::interactive::settle(self, &mut out);
        self.current_argv = argv.to_vec();
        let o = crate::commands::run(self, argv, stdin);
        let code = o.exit_code;
        out.extend(o);
        out.exit_code = code;
        self.history.push(HistoryEntry {
            line: line.to_owned(),
            exit_code: code,
            at_ms: self.engine.now_ms(),
        });
        out
    }

    /// What the terminal is connected to.
    pub fn prompt(&self) -> Prompt {
        match &self.mode {
            Mode::Docker => Prompt::Docker,
            Mode::Shell(s) => Prompt::Shell {
                container: s.container.clone(),
                prompt: s.prompt(),
            },
            Mode::Attached(a) => Prompt::Attached {
                container: a.container.clone(),
            },
            Mode::Confirm(_) => Prompt::Question,
        }
    }
}

/// The programs RUN steps and containers run with.
fn drydock_shell_registry() -> drydock_engine::container::programs::Registry {
    drydock_engine::container::programs::base_registry()
}
