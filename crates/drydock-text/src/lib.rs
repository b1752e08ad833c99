//! Byte spans, the line index and diagnostics: the vocabulary every core crate uses to point into text.
//!
//! Spans are byte offsets inside the core. Lines/columns (characters) exist for CLI output, and
//! UTF-16 offsets only for the UI's editor edge; both are computed here from a [`LineIndex`].

mod diagnostic;
mod line_index;
mod range;
pub mod sort;

pub use diagnostic::{Diagnostic, Severity};
pub use line_index::{LineCol, LineIndex};
pub use range::TextRange;
