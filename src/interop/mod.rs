//! The one place that talks to JavaScript: the CodeMirror editor bundle, UTF-16 offsets,
//! IndexedDB, the user's files and downloads.
pub mod download;
pub mod editor;
pub mod fetch;
pub mod files;
pub mod frame;
pub mod idb;
pub mod perf;
pub mod utf16;
