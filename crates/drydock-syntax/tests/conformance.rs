//! Conformance runner for the parser and instruction data (placeholder).
fn main() {}
