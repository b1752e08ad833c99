//! Drydock's virtual filesystem: absolute `/`-paths, persistent trees with structural sharing,
//! immutable OCI layers (whiteouts, opaque directories), union views of layer stacks, a writable
//! `Upper` with kernel-like operations, `docker diff`-style changes, sha256 digests, wildcards,
//! and `.dockerignore` (moby/patternmatcher-exact).
//!
//! # Shape
//! - [`AbsPath`]: cleaned absolute path; [`clean`] is Go's `path.Clean`;
//!   [`normalize_workdir`]/[`normalize_path`] are BuildKit's WORKDIR/COPY-destination rules.
//! - [`Tree`]: one snapshot (O(1) clone). Lexical plumbing (`get`/`put`/`take`/`modify`) and
//!   kernel-like reads (`stat`, `lstat`, `read_dir`, `read_file`, `read_link`, `resolve`).
//! - [`Layer`]: immutable diff; [`LayerStack`]: union view (derefs to its merged `Tree`).
//! - [`Upper`]: writable layer over a stack with a virtual clock; kernel-like writes
//!   (`write_file`, `mkdir_all`, `rename`, `remove_all`, …), `copy_in` for COPY, `commit` → `Layer`.
//! - [`diff()`] → [`Change`] list (A/C/D); [`Digest`] and [`digest`] helpers.
//! - [`ignore`]: `.dockerignore` reading, matching and context filtering.
//!
//! Everything is pure (no IO, no clock, no randomness) and total on user input: bad paths and
//! patterns are errors, never panics.

pub mod content;
pub mod copy;
pub mod diff;
pub mod digest;
pub mod error;
pub mod fsops;
pub mod glob;
pub mod ignore;
pub mod import;
pub mod layer;
pub mod meta;
pub mod node;
pub mod path;
pub mod persist;
pub mod pmap;
pub mod resolve;
pub mod stack;
pub mod stats;
pub mod tree;
pub mod upper;
pub mod walk;
pub mod workdir;

pub use content::{Content, Synthetic};
pub use copy::CopyOptions;
pub use diff::{Change, ChangeKind, diff};
pub use digest::{Digest, chain_id, content_digest, content_tree_digest, image_id};
pub use error::{ErrorKind, VfsError, VfsResult};
pub use fsops::Create;
pub use glob::{BadPattern, Dialect, fnmatch, go_match, has_wildcards};
pub use import::{ImportEntry, ImportKind};
pub use layer::{Layer, OciEntry};
pub use meta::{FileKind, Metadata, Stat, Timestamp};
pub use node::{DirNode, FileNode, Name, Node, SymlinkNode};
pub use path::{AbsPath, PathError, clean};
pub use resolve::{MAX_SYMLINK_HOPS, Resolved};
pub use stack::LayerStack;
pub use stats::{MemoryStats, memory_stats};
pub use tree::{DirEntry, NodeRef, Tree};
pub use upper::Upper;
pub use walk::Walk;
pub use workdir::{normalize_path, normalize_workdir};
