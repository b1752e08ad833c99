//! `sleep N[smhd]…`: virtual — validates its operands and returns at once.
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let ops = argv.get(1..).unwrap_or(&[]);
    if ops.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    for o in ops {
        let num = o.trim_end_matches(['s', 'm', 'h', 'd']);
        if num.parse::<f64>().is_err() || o.len() - num.len() > 1 {
            let q = c::lquote(ctx, o);
            c::err(ctx, &p, &format!("invalid time interval {q}"));
            c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
            return 1;
        }
    }
    0
}
