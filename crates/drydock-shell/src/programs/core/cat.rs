//! `cat [-n] [-b] [-s] [-A|-E|-T] [FILE…]`: files and stdin (`-`) in order; synthetic files print
//! their placeholder line.
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "nbsAETuve",
        &[
            ("number", 'n'),
            ("number-nonblank", 'b'),
            ("squeeze-blank", 's'),
            ("show-all", 'A'),
            ("show-ends", 'E'),
            ("show-tabs", 'T'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let ops = if a.ops.is_empty() {
        vec!["-".to_owned()]
    } else {
        a.ops.clone()
    };
    let plain = !(a.has('n')
        || a.has('b')
        || a.has('s')
        || a.has('A')
        || a.has('E')
        || a.has('T')
        || a.has('e'));
    let mut status = 0;
    let mut line_no = 0;
    let mut last_blank = false;
    for op in &ops {
        let data = match c::read_operand(ctx, op, stdin) {
            Ok(d) => d,
            Err(e) => {
                c::err(ctx, &p, &format!("{op}: {}", e.message()));
                status = 1;
                continue;
            }
        };
        if plain {
            ctx.stdout(&data);
            continue;
        }
        let mut out = Vec::new();
        for line in data.split_inclusive(|&b| b == b'\n') {
            let body = line.strip_suffix(b"\n").unwrap_or(line);
            let blank = body.is_empty();
            if a.has('s') && blank && last_blank {
                continue;
            }
            last_blank = blank;
            if a.has('b') && !blank || a.has('n') && !a.has('b') {
                line_no += 1;
                out.extend_from_slice(format!("{line_no:>6}\t").as_bytes());
            }
            for &b in body {
                if b == b'\t' && (a.has('T') || a.has('A')) {
                    out.extend_from_slice(b"^I");
                } else {
                    out.push(b);
                }
            }
            if line.ends_with(b"\n") {
                if a.has('E') || a.has('A') || a.has('e') {
                    out.push(b'$');
                }
                out.push(b'\n');
            }
        }
        ctx.stdout(&out);
    }
    status
}
