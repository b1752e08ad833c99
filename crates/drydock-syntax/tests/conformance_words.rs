//! Conformance runner for word expansion data (placeholder).
fn main() {}
