//! drydock-shell: a POSIX sh (dash-compatible) lexer, parser and interpreter. Knows nothing of
//! Dockerfiles or layers: it runs scripts against a filesystem seam ([`fs::ShellFs`], bound to
//! `drydock_vfs` in `vfs_binding.rs`) and dispatches executable files to a
//! [`programs::Programs`] registry.
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
