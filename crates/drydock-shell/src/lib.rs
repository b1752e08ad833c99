//! drydock-shell: a POSIX sh (dash-compatible) lexer, parser and interpreter. Knows nothing of
//! Dockerfiles or layers: it runs scripts against a filesystem seam ([`fs::ShellFs`], bound to
//! `drydock_vfs` in `vfs_binding.rs`) and dispatches executable files to a
//! [`programs::Programs`] registry.
//!
//! How the engine runs `RUN apt-get update` (shell form = exec `["/bin/sh", "-c", …]`):
//!
//! ```
//! use drydock_shell::{Process, Registry, Runtime, ShellConfig, run_argv};
//! use drydock_shell::programs::program_marker;
//! use drydock_vfs::{Content, Create, LayerStack, Upper};
//!
//! let mut upper = Upper::new(LayerStack::new()); // the step's writable layer
//! upper.mkdir_all("/bin", Create::dir()).unwrap();
//! upper.write_file("/bin/sh", Content::bytes(program_marker("sh")), Create::file().mode(0o755)).unwrap();
//! let programs = Registry::with_shells(); // the engine adds its simulated programs
//! let mut rt = Runtime::new(&mut upper, &programs, ShellConfig::default());
//! let argv = ["/bin/sh", "-c", "apt-get update"].map(String::from);
//! let status = run_argv(&mut rt, &Process::default(), &argv, b"").unwrap();
//! assert_eq!(status, 127);
//! assert_eq!(rt.output.stderr, b"/bin/sh: 1: apt-get: not found\n");
//! ```
pub mod ast;
mod builtins;
pub mod error;
pub mod exec;
pub mod expand;
pub mod fs;
pub mod lexer;
pub mod output;
pub mod parser;
pub mod process;
pub mod programs;
mod run;
pub mod state;
mod vfs_binding;

pub use exec::resolve::Resolved;
pub use fs::ShellFs;
pub use output::{Output, Stream};
pub use parser::{ParseOptions, parse, parse_with};
pub use process::{Limits, Process, Runtime, ShellConfig, User};
pub use programs::{ExecError, ExitStatus, Program, ProgramCtx, Programs, Registry};
pub use run::{run_argv, run_script};
pub use state::{Dialect, Shell};
