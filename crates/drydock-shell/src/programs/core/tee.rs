//! `tee [-a] FILE…`: stdin to stdout and to each file.
use crate::fs::{NewMeta, WriteMode};
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "ai",
        &[("append", 'a'), ("ignore-interrupts", 'i')],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    ctx.consumed_stdin = true;
    let mode = if a.has('a') {
        WriteMode::Append
    } else {
        WriteMode::Truncate
    };
    let mut status = 0;
    for f in &a.ops {
        let path = ctx.abs(f);
        let m: NewMeta = ctx.new_meta(0o666);
        if let Err(e) = ctx.fs().write_file(&path, stdin, mode, m) {
            c::err(ctx, &p, &format!("{f}: {}", e.message()));
            status = 1;
        }
    }
    ctx.stdout(stdin);
    status
}
