//! Conformance runner for drydock-vfs: `.dockerignore` matching and reading, WORKDIR rules.
#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {
    drydock_testkit::conformance_main(|_dir, _suite| {});
}
