//! `true` and `false` as files (`/usr/bin/true`): exit 0 / exit 1, ignoring their arguments.
use crate::programs::ProgramCtx;

pub(crate) fn run_true(_: &mut ProgramCtx<'_, '_>, _: &[String], _: &[u8]) -> i32 {
    0
}

pub(crate) fn run_false(_: &mut ProgramCtx<'_, '_>, _: &[String], _: &[u8]) -> i32 {
    1
}
