//! `mktemp [-d] [-p DIR] [-t] [TEMPLATE]`: a new file or directory with a deterministic name
//! (the X's become letters derived from the process id).
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "dp:tqu",
        &[
            ("directory", 'd'),
            ("tmpdir=", 'p'),
            ("quiet", 'q'),
            ("dry-run", 'u'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let template = a
        .ops
        .first()
        .cloned()
        .unwrap_or_else(|| "tmp.XXXXXXXXXX".into());
    let xs = template.chars().rev().take_while(|&ch| ch == 'X').count();
    if xs < 3 {
        let q = c::lquote(ctx, &template);
        c::err(ctx, &p, &format!("too few X's in template {q}"));
        return 1;
    }
    let dir = match a.val('p') {
        Some(d) => d.to_owned(),
        None if a.ops.is_empty() || a.has('t') => {
            ctx.get_env("TMPDIR").unwrap_or("/tmp").to_owned()
        }
        None => String::new(),
    };
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut seed = c::seed_of(&format!("{}{}{template}", ctx.pid, ctx.rt.config.mtime));
    for attempt in 0..100u64 {
        let mut s = String::new();
        for _ in 0..xs {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407 + attempt);
            s.push(char::from(
                *ALNUM
                    .get((seed >> 33) as usize % ALNUM.len())
                    .unwrap_or(&b'a'),
            ));
        }
        let name = format!("{}{s}", template.get(..template.len() - xs).unwrap_or(""));
        let shown = if dir.is_empty() {
            name
        } else {
            c::join(&dir, &name)
        };
        let abs = ctx.abs(&shown);
        if c::exists(ctx, &abs) {
            continue;
        }
        if !a.has('u') {
            let r = if a.has('d') {
                let m = ctx.new_meta(0o700);
                ctx.fs()
                    .mkdir(&abs, crate::fs::NewMeta { mode: 0o700, ..m })
            } else {
                let m = ctx.new_meta(0o600);
                ctx.fs().write_file(
                    &abs,
                    b"",
                    crate::fs::WriteMode::Truncate,
                    crate::fs::NewMeta { mode: 0o600, ..m },
                )
            };
            if let Err(e) = r {
                let what = if a.has('d') { "directory" } else { "file" };
                let q = c::lquote(ctx, &shown);
                c::err(
                    ctx,
                    &p,
                    &format!("failed to create {what} via template {q}: {}", e.message()),
                );
                return 1;
            }
        }
        c::out(ctx, &shown);
        return 0;
    }
    1
}
