//! `mkdir [-p] [-m MODE] [-v] DIR…` and `rmdir [-p] DIR…`.
use crate::fs::{FsError, Kind};
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "pm:v",
        &[("parents", 'p'), ("mode=", 'm'), ("verbose", 'v')],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    if a.ops.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let bb = c::busybox(ctx);
    let mode = match a.val('m') {
        Some(m) => match super::chmod::apply_mode(m, 0o777 & !ctx.umask, true, 0) {
            Some(v) => Some(v),
            None => {
                c::err(ctx, &p, &format!("invalid mode {}", c::lquote(ctx, m)));
                return 1;
            }
        },
        None => None,
    };
    let mut status = 0;
    for d in &a.ops {
        let abs = ctx.abs(d);
        let fail = |ctx: &mut ProgramCtx<'_, '_>, e: FsError| {
            let m = if bb {
                format!("can't create directory '{d}': {}", e.message())
            } else {
                format!(
                    "cannot create directory {}: {}",
                    c::lquote(ctx, d),
                    e.message()
                )
            };
            c::err(ctx, &p, &m);
        };
        if a.has('p') {
            // each missing component, with a verbose line each
            let comps: Vec<&str> = d.split('/').collect();
            let mut made = Vec::new();
            let mut failed = None;
            for k in 1..=comps.len() {
                let shown = comps.get(..k).unwrap_or(&[]).join("/");
                if shown.is_empty() || comps.get(k - 1).is_some_and(|s| s.is_empty()) {
                    continue;
                }
                let cur = ctx.abs(&shown);
                match c::stat(ctx, &cur) {
                    Ok(s) if s.kind == Kind::Dir => {}
                    Ok(_) => {
                        let last = comps.get(k..).unwrap_or(&[]).iter().all(|s| s.is_empty());
                        let e = if last {
                            FsError::AlreadyExists
                        } else {
                            FsError::NotADirectory
                        };
                        failed = Some((shown, e));
                        break;
                    }
                    Err(FsError::NotFound) => {
                        let m = ctx.new_meta(0o777);
                        if let Err(e) = ctx.fs().mkdir(&cur, m) {
                            failed = Some((shown, e));
                            break;
                        }
                        made.push(shown);
                    }
                    Err(e) => {
                        failed = Some((shown, e));
                        break;
                    }
                }
            }
            if let Some((shown, e)) = failed {
                let m = if bb {
                    format!("can't create directory '{shown}': {}", e.message())
                } else {
                    format!(
                        "cannot create directory {}: {}",
                        c::lquote(ctx, &shown),
                        e.message()
                    )
                };
                c::err(ctx, &p, &m);
                status = 1;
                continue;
            }
            if let Some(m) = mode {
                let _ = ctx.fs().chmod(&abs, m);
            }
            if a.has('v') {
                for m in made {
                    let q = c::lquote(ctx, &m);
                    c::out(ctx, &format!("mkdir: created directory {q}"));
                }
            }
            continue;
        }
        let m = ctx.new_meta(0o777);
        match ctx.fs().mkdir(&abs, m) {
            Ok(()) => {
                if let Some(m) = mode {
                    let _ = ctx.fs().chmod(&abs, m);
                }
                if a.has('v') {
                    let q = c::lquote(ctx, d);
                    c::out(ctx, &format!("mkdir: created directory {q}"));
                }
            }
            Err(e) => {
                fail(ctx, e);
                status = 1;
            }
        }
    }
    status
}

pub(crate) fn run_rmdir(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "pv",
        &[
            ("parents", 'p'),
            ("verbose", 'v'),
            ("ignore-fail-on-non-empty", '\u{1}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    if a.ops.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let bb = c::busybox(ctx);
    let mut status = 0;
    for d in &a.ops {
        let mut targets = vec![d.trim_end_matches('/').to_owned()];
        if a.has('p') {
            let mut cur = targets.first().cloned().unwrap_or_default();
            while let Some(i) = cur.rfind('/') {
                cur = cur.get(..i).unwrap_or("").to_owned();
                if cur.is_empty() {
                    break;
                }
                targets.push(cur.clone());
            }
        }
        for t in targets {
            let abs = ctx.abs(&t);
            let r = match c::lstat(ctx, &abs) {
                Ok(s) if s.kind != Kind::Dir => Err(FsError::NotADirectory),
                Ok(_) => ctx.fs().remove(&abs),
                Err(e) => Err(e),
            };
            if let Err(e) = r {
                if e == FsError::DirectoryNotEmpty && a.has('\u{1}') {
                    break;
                }
                let m = if bb {
                    format!("'{t}': {}", e.message())
                } else {
                    format!("failed to remove {}: {}", c::squote(&t), e.message())
                };
                c::err(ctx, &p, &m);
                status = 1;
                break;
            }
        }
    }
    status
}
