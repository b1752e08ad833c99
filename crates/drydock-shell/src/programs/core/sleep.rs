//! `sleep N[smhd]…`: virtual — validates its operands and advances the run's virtual clock by
//! their sum (no real waiting).
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
    let mut total_ms = 0.0f64;
    for o in ops {
        let num = o.trim_end_matches(['s', 'm', 'h', 'd']);
        let unit = match o.get(num.len()..) {
            Some("m") => 60_000.0,
            Some("h") => 3_600_000.0,
            Some("d") => 86_400_000.0,
            _ => 1000.0,
        };
        if let Ok(n) = num.parse::<f64>()
            && n.is_finite()
            && n > 0.0
        {
            total_ms += n * unit;
        }
        if num.parse::<f64>().is_err() || o.len() - num.len() > 1 {
            let q = c::lquote(ctx, o);
            c::err(ctx, &p, &format!("invalid time interval {q}"));
            c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
            return 1;
        }
    }
    // bounded by the clock itself (`Output::advance`)
    c::busy::work(ctx, total_ms.min(1e15) as u64);
    0
}
