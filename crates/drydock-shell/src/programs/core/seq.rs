//! `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST` (integers and simple decimals) and `yes [STRING]`
//! (bounded: one pipe buffer of lines, since nothing reads forever in a simulation).
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let mut sep = "\n".to_owned();
    let mut width = false;
    let mut nums = Vec::new();
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        i += 1;
        match a.as_str() {
            "-s" => {
                sep = argv.get(i).cloned().unwrap_or_default();
                i += 1;
            }
            "-w" | "--equal-width" => width = true,
            s if s.starts_with("-s") => sep = s.get(2..).unwrap_or("").to_owned(),
            s => match s.parse::<f64>() {
                Ok(v) => nums.push((v, s.split_once('.').map_or(0, |(_, f)| f.len()))),
                Err(_) => {
                    let q = c::lquote(ctx, s);
                    c::err(ctx, &p, &format!("invalid floating point argument: {q}"));
                    c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
                    return 1;
                }
            },
        }
    }
    let (first, inc, last) = match nums.as_slice() {
        [l] => ((1.0, 0), (1.0, 0), *l),
        [f, l] => (*f, (1.0, 0), *l),
        [f, s, l] => (*f, *s, *l),
        _ => {
            let m = if nums.is_empty() {
                "missing operand"
            } else {
                "extra operand"
            };
            c::err(ctx, &p, m);
            c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
            return 1;
        }
    };
    if inc.0 == 0.0 {
        c::err(ctx, &p, "invalid Zero increment value: '0'");
        return 1;
    }
    let prec = first.1.max(inc.1);
    let mut items = Vec::new();
    let mut k = 0u32;
    loop {
        let v = first.0 + f64::from(k) * inc.0;
        if (inc.0 > 0.0 && v > last.0 + 1e-9) || (inc.0 < 0.0 && v < last.0 - 1e-9) || k > 1_000_000
        {
            break;
        }
        items.push(format!("{v:.prec$}"));
        k += 1;
    }
    if width {
        let w = items.iter().map(String::len).max().unwrap_or(0);
        for s in &mut items {
            *s = format!("{s:0>w$}");
        }
    }
    if items.is_empty() {
        return 0;
    }
    let mut text = items.join(&sep);
    text.push('\n');
    ctx.stdout(text.as_bytes());
    0
}

pub(crate) fn run_yes(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let line = match argv.get(1..) {
        Some(rest) if !rest.is_empty() => rest.join(" "),
        _ => "y".to_owned(),
    };
    let mut text = String::new();
    while text.len() < 65_536 {
        text.push_str(&line);
        text.push('\n');
    }
    ctx.stdout(text.as_bytes());
    0
}
