//! BuildKit-exact Dockerfile parsing: logical lines, directives, heredocs, typed instructions with byte
//! spans and diagnostics, and BuildKit's word expansion (`words`).

pub mod words;
