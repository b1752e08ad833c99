//! The one place that talks to JavaScript: the CodeMirror editor bundle and UTF-16 offsets.
pub mod editor;
pub mod perf;
pub mod utf16;
