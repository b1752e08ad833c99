//! drydock-session: the one API front-ends call. A [`Session`] holds the host project files (a
//! VFS tree: the build context and the bind-mount source; `.drydock/` is never part of it), the
//! simulated daemon (images, containers, volumes, build cache), the history of commands and a
//! seeded configuration. It takes actions ([`Action`]: a docker command line, a typed line, a file
//! edit, Ctrl-C, time passing) and returns plain data ([`Output`]: stdout/stderr chunks in order,
//! the exit status, events) and views ([`view`]); it renders no UI.
//!
//! Docker command lines go through two levels: [`cli`] parses argv as the docker client's
//! cobra/pflag does (help texts, usage errors and exit statuses captured from docker 28.2.2), and
//! one file per command in `commands/` interprets the flags and prints Docker's formats.
//!
//! ```
//! use drydock_session::{Session, SessionConfig};
//! use drydock_vfs::{ImportEntry, Tree};
//!
//! let host = Tree::from_entries([ImportEntry::file("Dockerfile", "FROM alpine:3.20\n")]).unwrap();
//! let mut s = Session::new(SessionConfig::default(), host);
//! let out = s.line("docker build -t demo .");
//! assert_eq!(out.exit_code, 0);
//! assert!(s.line("docker images").stdout().starts_with("REPOSITORY   TAG"));
//! assert_eq!(s.line("docker run").exit_code, 1);
//! ```
pub mod cli;
pub mod commands;
pub mod complete;
pub mod complete_line;
pub mod config;
pub mod examples;
pub mod explain;
pub mod explain_word;
pub mod format;
pub mod host;
pub mod insights;
pub mod interactive;
pub mod lesson;
pub mod output;
pub mod session;
pub mod shellwords;
pub mod view;

pub use config::SessionConfig;
pub use output::{Chunk, Event, Output, Stream};
pub use session::{Action, HistoryEntry, Prompt, Session, SessionState};
pub use shellwords::{ShellEnv, split as split_command_line};
