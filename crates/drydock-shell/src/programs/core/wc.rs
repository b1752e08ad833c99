//! `wc [-l] [-w] [-c] [-m] [-L] [FILE…]`: counts with GNU's column widths (and busybox's).
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "lwcmL",
        &[
            ("lines", 'l'),
            ("words", 'w'),
            ("bytes", 'c'),
            ("chars", 'm'),
            ("max-line-length", 'L'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let sel: Vec<char> = ['l', 'w', 'm', 'c', 'L']
        .into_iter()
        .filter(|f| a.has(*f))
        .collect();
    let sel = if sel.is_empty() {
        vec!['l', 'w', 'c']
    } else {
        sel
    };
    let from_stdin = a.ops.is_empty();
    let ops = if from_stdin {
        vec!["-".to_owned()]
    } else {
        a.ops.clone()
    };
    let mut rows: Vec<(Vec<u64>, Option<String>)> = Vec::new();
    let mut totals = vec![0u64; sel.len()];
    let mut status = 0;
    let mut errors = Vec::new();
    for op in &ops {
        let data = match c::read_operand(ctx, op, stdin) {
            Ok(d) => d,
            Err(e) => {
                errors.push(format!("{op}: {}", e.message()));
                status = 1;
                continue;
            }
        };
        let text = String::from_utf8_lossy(&data);
        let vals: Vec<u64> = sel
            .iter()
            .map(|f| match f {
                'l' => data.iter().filter(|b| **b == b'\n').count() as u64,
                'w' => text.split_whitespace().count() as u64,
                'm' => text.chars().count() as u64,
                'c' => data.len() as u64,
                _ => text.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u64,
            })
            .collect();
        for (t, v) in totals.iter_mut().zip(&vals) {
            *t += v;
        }
        rows.push((vals, (!from_stdin).then(|| op.clone())));
    }
    for e in errors {
        c::err(ctx, &p, &e);
    }
    if rows.len() > 1 {
        rows.push((totals, Some("total".into())));
    }
    let bb = c::busybox(ctx);
    let width = if bb {
        if sel.len() == 1 { 0 } else { 7 }
    } else if sel.len() == 1 && (from_stdin || rows.len() == 1) {
        0
    } else if from_stdin {
        7
    } else {
        rows.iter()
            .flat_map(|r| r.0.iter())
            .map(|v| v.to_string().len())
            .max()
            .unwrap_or(1)
    };
    let mut out = String::new();
    for (vals, name) in rows {
        let cols: Vec<String> = vals.iter().map(|v| format!("{v:>width$}")).collect();
        out.push_str(&cols.join(" "));
        if let Some(n) = name {
            out.push(' ');
            out.push_str(&n);
        }
        out.push('\n');
    }
    ctx.stdout(out.as_bytes());
    status
}
