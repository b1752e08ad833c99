//! `head [-n N|-N] [-c N] [-q|-v] [FILE…]` and `tail [-n [+]N] [-c N] [-f] [FILE…]` (`-f` does not
//! wait: the simulation has no future).
use crate::programs::ProgramCtx;
use crate::programs::common as c;

fn count(s: &str) -> Option<(bool, i64)> {
    let (plus, digits) = match s.strip_prefix('+') {
        Some(d) => (true, d),
        None => (false, s),
    };
    let mult: i64 = match digits.chars().last() {
        Some('k' | 'K') => 1024,
        Some('M') => 1 << 20,
        Some('b') => 512,
        _ => 1,
    };
    let digits = digits.trim_end_matches(['k', 'K', 'M', 'b']);
    let n: i64 = digits.parse().ok()?;
    Some((plus, n * mult))
}

fn fix_numeric(argv: &[String]) -> Vec<String> {
    // `head -5` / `tail -5` / `tail +5`
    argv.iter()
        .enumerate()
        .map(|(i, a)| {
            let after_opt = i > 1
                && argv
                    .get(i - 1)
                    .is_some_and(|p| matches!(p.as_str(), "-n" | "-c" | "--lines" | "--bytes"));
            if i > 0
                && !after_opt
                && a.len() > 1
                && (a.starts_with('-') || a.starts_with('+'))
                && a.chars().skip(1).all(|c| c.is_ascii_digit())
            {
                format!(
                    "-n{}",
                    if a.starts_with('+') {
                        a.clone()
                    } else {
                        a.get(1..).unwrap_or("").to_owned()
                    }
                )
            } else {
                a.clone()
            }
        })
        .collect()
}

fn run_both(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8], tail: bool) -> i32 {
    let p = c::prog(argv);
    let argv = fix_numeric(argv);
    let a = match c::parse(
        &argv,
        "n:c:qvfFs:z",
        &[
            ("lines=", 'n'),
            ("bytes=", 'c'),
            ("quiet", 'q'),
            ("silent", 'q'),
            ("verbose", 'v'),
            ("follow", 'f'),
            ("retry", '\u{1}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let (bytes, spec) = match (a.val('c'), a.val('n')) {
        (Some(cv), _)
            if a.opts.iter().rposition(|o| o.0 == 'c')
                > a.opts.iter().rposition(|o| o.0 == 'n') =>
        {
            (true, cv.to_owned())
        }
        (_, Some(n)) => (false, n.to_owned()),
        _ => (false, "10".to_owned()),
    };
    let Some((plus, n)) = count(spec.trim_start_matches('-'))
        .map(|(p, n)| (p, if spec.starts_with('-') { -n } else { n }))
    else {
        let what = if bytes {
            "number of bytes"
        } else {
            "number of lines"
        };
        let q = c::lquote(ctx, &spec);
        c::err(ctx, &p, &format!("invalid {what}: {q}"));
        return 1;
    };
    let ops = if a.ops.is_empty() {
        vec!["-".to_owned()]
    } else {
        a.ops.clone()
    };
    let headers = (ops.len() > 1 && !a.has('q')) || a.has('v');
    let mut status = 0;
    let mut first = true;
    for op in &ops {
        let data = match c::read_operand(ctx, op, stdin) {
            Ok(d) => d,
            Err(e) => {
                let m = format!("cannot open {} for reading: {}", c::squote(op), e.message());
                c::err(ctx, &p, &m);
                status = 1;
                continue;
            }
        };
        if headers {
            let name = if op == "-" { "standard input" } else { op };
            let h = format!("{}==> {name} <==\n", if first { "" } else { "\n" });
            ctx.stdout(h.as_bytes());
        }
        first = false;
        let out: &[u8] = if bytes {
            let len = data.len() as i64;
            let (s, e) = if tail {
                if plus {
                    ((n - 1).max(0), len)
                } else {
                    ((len - n.abs()).max(0), len)
                }
            } else if n < 0 {
                (0, (len + n).max(0))
            } else {
                (0, n.min(len))
            };
            data.get(s as usize..e as usize).unwrap_or(&[])
        } else {
            let ends: Vec<usize> = data
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1)
                .collect();
            let total_lines = ends.len() + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
            let line_start = |k: usize| {
                if k == 0 {
                    0
                } else {
                    ends.get(k - 1).copied().unwrap_or(data.len())
                }
            };
            let (sl, el) = if tail {
                if plus {
                    ((n.max(1) - 1) as usize, total_lines)
                } else {
                    (
                        total_lines.saturating_sub(n.unsigned_abs() as usize),
                        total_lines,
                    )
                }
            } else if n < 0 {
                (0, total_lines.saturating_sub(n.unsigned_abs() as usize))
            } else {
                (0, (n as usize).min(total_lines))
            };
            let s = line_start(sl.min(total_lines));
            let e = if el >= total_lines {
                data.len()
            } else {
                line_start(el)
            };
            data.get(s..e.max(s)).unwrap_or(&[])
        };
        ctx.stdout(out);
    }
    status
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    run_both(ctx, argv, stdin, false)
}

pub(crate) fn run_tail(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    run_both(ctx, argv, stdin, true)
}
