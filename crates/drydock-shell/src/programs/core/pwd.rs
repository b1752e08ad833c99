//! `/bin/pwd`: the working directory (`-L`/`-P` accepted).
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, _: &[String], _: &[u8]) -> i32 {
    let cwd = ctx.cwd.clone();
    c::out(ctx, &cwd);
    0
}
