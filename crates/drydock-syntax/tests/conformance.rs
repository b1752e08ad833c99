//! Conformance runner for BuildKit's parser and instruction data: testfiles dumps,
//! testfiles-negative rejections, and the `cases-parser-*`, `cases-instructions-*`,
//! `cases-bflag`, `cases-expose` and `cases-run-device` rows (one named test each).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod conformance_support;

fn main() {
    drydock_testkit::conformance_main(|dir, suite| {
        conformance_support::testfiles(dir, suite);
        conformance_support::rows(dir, suite);
    });
}
