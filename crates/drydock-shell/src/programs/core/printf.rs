//! `/usr/bin/printf` and `/usr/bin/test` / `[` as files: the shell builtins' behaviour, run as a
//! program (e.g. through `env`, `xargs` or `find -exec`).
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let mut v = argv.to_vec();
    if let Some(first) = v.first_mut() {
        *first = c::prog(argv);
    }
    c::run_builtin(ctx, &v, stdin)
}
