//! `cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE…]`.
use crate::programs::ProgramCtx;
use crate::programs::common as c;

fn ranges(list: &str) -> Option<Vec<(usize, usize)>> {
    let mut v = Vec::new();
    for part in list.split(',') {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (
                if a.is_empty() { 1 } else { a.parse().ok()? },
                if b.is_empty() {
                    usize::MAX
                } else {
                    b.parse().ok()?
                },
            ),
            None => {
                let n = part.parse().ok()?;
                (n, n)
            }
        };
        if a == 0 {
            return None;
        }
        v.push((a, b));
    }
    Some(v)
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "f:d:c:b:sn",
        &[
            ("fields=", 'f'),
            ("delimiter=", 'd'),
            ("characters=", 'c'),
            ("bytes=", 'b'),
            ("only-delimited", 's'),
            ("output-delimiter=", 'o'),
            ("complement", '\u{1}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let (mode, list) = match (a.val('f'), a.val('c').or(a.val('b'))) {
        (Some(f), None) => ('f', f),
        (None, Some(l)) => ('c', l),
        (None, None) => {
            c::err(
                ctx,
                &p,
                "you must specify a list of bytes, characters, or fields",
            );
            c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
            return 1;
        }
        _ => {
            c::err(ctx, &p, "only one type of list may be specified");
            c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
            return 1;
        }
    };
    let Some(rs) = ranges(list) else {
        let q = c::lquote(ctx, list);
        c::err(ctx, &p, &format!("invalid field value {q}"));
        return 1;
    };
    let delim = a.val('d').unwrap_or("\t");
    if delim.chars().count() != 1 {
        c::err(ctx, &p, "the delimiter must be a single character");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let out_delim = a.val('o').unwrap_or(delim).to_owned();
    let complement = a.has('\u{1}');
    let sel = |i: usize| rs.iter().any(|(a, b)| (*a..=*b).contains(&i)) != complement;
    let ops = if a.ops.is_empty() {
        vec!["-".to_owned()]
    } else {
        a.ops.clone()
    };
    let mut out = String::new();
    let mut status = 0;
    for op in &ops {
        let data = match c::read_operand(ctx, op, stdin) {
            Ok(d) => d,
            Err(e) => {
                c::err(ctx, &p, &format!("{op}: {}", e.message()));
                status = 1;
                continue;
            }
        };
        for line in String::from_utf8_lossy(&data).lines() {
            if mode == 'c' {
                let s: String = line
                    .chars()
                    .enumerate()
                    .filter(|(i, _)| sel(i + 1))
                    .map(|(_, ch)| ch)
                    .collect();
                out.push_str(&s);
                out.push('\n');
                continue;
            }
            if !line.contains(delim) {
                if !a.has('s') {
                    out.push_str(line);
                    out.push('\n');
                }
                continue;
            }
            let fields: Vec<&str> = line
                .split(delim)
                .enumerate()
                .filter(|(i, _)| sel(i + 1))
                .map(|(_, f)| f)
                .collect();
            out.push_str(&fields.join(&out_delim));
            out.push('\n');
        }
    }
    ctx.stdout(out.as_bytes());
    status
}
