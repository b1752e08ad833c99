//! BuildKit-exact Dockerfile parsing: logical lines, directives, heredocs, typed instructions with byte
//! spans and diagnostics, and BuildKit's word expansion (`words`).
//!
//! Entry point: [`parse`]. It never fails and never panics: bad input yields a tree with error
//! nodes plus [`drydock_text::Diagnostic`]s (codes listed in [`codes`]).
//!
//! The tree borrows from the source text ([`Text`] is a slice of it, or a window into a shared
//! buffer for joined lines): keep the text and parse again when needed, a parse costs
//! microseconds. This keeps the parser zero-copy on the hot path.

pub mod ast;
pub mod codes;
pub mod directive;
pub mod docs;
pub mod dump;
mod go;
pub mod heredoc;
pub mod instructions;
pub mod json;
pub mod lineparse;
mod node;
mod parse;
pub mod piece;
mod segmap;
mod shlex;
pub mod split;
mod stage1;
#[cfg(test)]
mod tests;
pub mod text;
mod validate;
pub mod words;

pub use ast::{Arg, Comment, Directive, Dockerfile, Flag, Heredoc, Instruction, Kind, Stage};
pub use drydock_text::{Diagnostic, Severity, TextRange};
pub use parse::{LogicalLine, Parse, parse};
pub use text::Text;
