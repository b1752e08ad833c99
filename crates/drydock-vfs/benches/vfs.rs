//! Benchmarks for drydock-vfs: snapshot cost vs tree size, memory of many snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {}
