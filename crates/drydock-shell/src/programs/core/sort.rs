//! `sort [-r] [-n] [-u] [-f] [-V] [-h] [-t SEP] [-k POS] [-o FILE] [FILE…]` and `uniq [-c] [-d]
//! [-u] [-i]`.
use crate::programs::ProgramCtx;
use crate::programs::common as c;
use std::cmp::Ordering;

fn num_prefix(s: &str) -> f64 {
    let t = s.trim_start();
    let end = t
        .char_indices()
        .take_while(|(i, ch)| ch.is_ascii_digit() || *ch == '.' || (*i == 0 && *ch == '-'))
        .map(|(i, ch)| i + ch.len_utf8())
        .last()
        .unwrap_or(0);
    t.get(..end).and_then(|n| n.parse().ok()).unwrap_or(0.0)
}

fn human_val(s: &str) -> f64 {
    let t = s.trim();
    let mult = match t.chars().last() {
        Some('K' | 'k') => 1e3,
        Some('M') => 1e6,
        Some('G') => 1e9,
        Some('T') => 1e12,
        _ => 1.0,
    };
    num_prefix(t) * mult
}

fn version_cmp(a: &str, b: &str) -> Ordering {
    let split = |s: &str| -> Vec<(bool, String)> {
        let mut v: Vec<(bool, String)> = Vec::new();
        for ch in s.chars() {
            let d = ch.is_ascii_digit();
            match v.last_mut() {
                Some((ld, cur)) if *ld == d => cur.push(ch),
                _ => v.push((d, ch.to_string())),
            }
        }
        v
    };
    let (x, y) = (split(a), split(b));
    for (p, q) in x.iter().zip(&y) {
        let o = if p.0 && q.0 {
            p.1.parse::<u128>()
                .unwrap_or(0)
                .cmp(&q.1.parse::<u128>().unwrap_or(0))
        } else {
            p.1.cmp(&q.1)
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    x.len().cmp(&y.len())
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "rnufVht:k:o:sbgcCdM",
        &[
            ("reverse", 'r'),
            ("numeric-sort", 'n'),
            ("unique", 'u'),
            ("ignore-case", 'f'),
            ("version-sort", 'V'),
            ("human-numeric-sort", 'h'),
            ("field-separator=", 't'),
            ("key=", 'k'),
            ("output=", 'o'),
            ("stable", 's'),
            ("general-numeric-sort", 'g'),
            ("check", 'c'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 2),
    };
    let ops = if a.ops.is_empty() {
        vec!["-".to_owned()]
    } else {
        a.ops.clone()
    };
    let mut lines: Vec<String> = Vec::new();
    for op in &ops {
        match c::read_operand(ctx, op, stdin) {
            Ok(d) => lines.extend(String::from_utf8_lossy(&d).lines().map(str::to_owned)),
            Err(e) => {
                c::err(ctx, &p, &format!("cannot read: {op}: {}", e.message()));
                return 2;
            }
        }
    }
    let sep = a.val('t').and_then(|t| t.chars().next());
    let key = a.val('k').map(|k| {
        let (start, end) = k.split_once(',').unwrap_or((k, ""));
        let f = |s: &str| {
            s.trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
                .split('.')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
        };
        (
            f(start).unwrap_or(1),
            f(end),
            k.contains('n'),
            k.contains('r'),
        )
    });
    let field = |line: &str| -> String {
        let Some((start, end, _, _)) = key else {
            return line.to_owned();
        };
        let fields: Vec<&str> = match sep {
            Some(s) => line.split(s).collect(),
            None => line.split_whitespace().collect(),
        };
        let e = end.unwrap_or(fields.len()).min(fields.len());
        let joined = fields
            .get(start.saturating_sub(1)..e.max(start.saturating_sub(1)))
            .unwrap_or(&[]);
        joined.join(&sep.map(String::from).unwrap_or_else(|| " ".into()))
    };
    let numeric = a.has('n') || a.has('g') || key.is_some_and(|k| k.2);
    let cmp = |x: &String, y: &String| -> Ordering {
        let (fx, fy) = (field(x), field(y));
        let o = if a.has('V') {
            version_cmp(&fx, &fy)
        } else if a.has('h') {
            human_val(&fx)
                .partial_cmp(&human_val(&fy))
                .unwrap_or(Ordering::Equal)
        } else if numeric {
            num_prefix(&fx)
                .partial_cmp(&num_prefix(&fy))
                .unwrap_or(Ordering::Equal)
        } else if a.has('f') {
            fx.to_uppercase().cmp(&fy.to_uppercase())
        } else {
            fx.cmp(&fy)
        };
        if o == Ordering::Equal && !a.has('s') && !a.has('u') {
            x.cmp(y)
        } else {
            o
        }
    };
    drydock_text::sort::sort_by(&mut lines, cmp);
    if a.has('r') || key.is_some_and(|k| k.3) {
        lines.reverse();
    }
    if a.has('u') {
        lines.dedup_by(|x, y| cmp(x, y) == Ordering::Equal || field(x) == field(y));
    }
    let mut out = String::new();
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    if let Some(o) = a.val('o') {
        let abs = ctx.abs(o);
        if let Err(e) = c::write(ctx, &abs, out.as_bytes(), 0o666) {
            c::err(ctx, &p, &format!("open failed: {o}: {}", e.message()));
            return 2;
        }
        return 0;
    }
    ctx.stdout(out.as_bytes());
    0
}

pub(crate) fn run_uniq(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "cduif:",
        &[
            ("count", 'c'),
            ("repeated", 'd'),
            ("unique", 'u'),
            ("ignore-case", 'i'),
            ("skip-fields=", 'f'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let input = a.ops.first().cloned().unwrap_or_else(|| "-".into());
    let data = match c::read_operand(ctx, &input, stdin) {
        Ok(d) => d,
        Err(e) => {
            c::err(ctx, &p, &format!("{input}: {}", e.message()));
            return 1;
        }
    };
    let text = String::from_utf8_lossy(&data);
    let mut groups: Vec<(String, usize)> = Vec::new();
    for l in text.lines() {
        let same = groups.last().is_some_and(|(g, _)| {
            if a.has('i') {
                g.eq_ignore_ascii_case(l)
            } else {
                g == l
            }
        });
        if same {
            if let Some(g) = groups.last_mut() {
                g.1 += 1;
            }
        } else {
            groups.push((l.to_owned(), 1));
        }
    }
    let mut out = String::new();
    for (l, n) in groups {
        if (a.has('d') && n < 2) || (a.has('u') && n > 1) {
            continue;
        }
        if a.has('c') {
            out.push_str(&format!("{n:>7} {l}\n"));
        } else {
            out.push_str(&l);
            out.push('\n');
        }
    }
    match a.ops.get(1) {
        Some(o) => {
            let abs = ctx.abs(o);
            let _ = c::write(ctx, &abs, out.as_bytes(), 0o666);
        }
        None => ctx.stdout(out.as_bytes()),
    }
    0
}
