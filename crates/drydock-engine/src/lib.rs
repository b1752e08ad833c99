//! drydock-engine: the simulated Docker daemon. `docker build` over Drydock's virtual
//! filesystem — BuildKit's conversion (ARG/ENV scoping, stages, reachability) and solve (layers,
//! COPY/ADD semantics, RUN through a pluggable executor, mounts), a build cache whose misses
//! carry their reason as data, deterministic ids and a virtual clock — plus the image store and
//! Docker's console formats (BuildKit plain progress, `docker images`, `docker history`,
//! `docker image inspect`).
//!
//! The engine does no IO: the caller hands it the build context as a `Tree` and gets a
//! [`BuildTrace`] back. It knows nothing of consoles or views: printers in [`output`] turn
//! traces and state into text.
//!
//! ```
//! use drydock_engine::{BuildRequest, Engine, EngineConfig};
//! use drydock_vfs::{ImportEntry, Tree};
//!
//! let ctx = Tree::from_entries([
//!     ImportEntry::file("Dockerfile", "FROM alpine:3.20\nCOPY app.txt /app/\n"),
//!     ImportEntry::file("app.txt", "hello\n"),
//! ]).unwrap();
//! let mut engine = Engine::new(EngineConfig::default());
//! let mut req = BuildRequest::new(ctx);
//! req.tags.push("demo".into());
//! let trace = engine.build(req.clone());
//! assert!(trace.outcome.is_ok());
//! let again = engine.build(req);
//! assert!(again.cached_steps().all(|s| s.cache == drydock_engine::CacheStatus::Hit));
//! assert_eq!(trace.image_id(), again.image_id());
//! ```

pub mod args;
pub mod base;
pub mod cache;
pub mod config;
pub mod container;
pub mod context;
pub mod dispatch;
pub mod engine;
pub mod executor;
pub mod image;
pub mod image_delete;
pub mod lint;
pub mod output;
pub mod plan;
pub mod pull;
pub mod reason;
pub mod scope;
pub mod shell_executor;
pub mod solve;
pub mod state;
pub mod timefmt;
pub mod trace;
pub mod volume;

pub use config::{EngineConfig, SpeedModel};
pub use engine::{BuildRequest, Engine};
pub use executor::{RecordingExecutor, RunExecutor, RunOutcome, RunRequest, RunUser};
pub use image::{History, Image, ImageConfig};
pub use reason::{FileChange, FileChangeKind, MissReason};
pub use shell_executor::ShellExecutor;
pub use state::EngineState;
pub use trace::{BuildFailure, BuildTrace, CacheStatus, Step, Vertex, VertexLine, VertexStatus};
