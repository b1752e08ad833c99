//! `rm [-r|-R] [-f] [-v] [-d] FILE…`: refuses `/` (`--preserve-root`), directories without
//! `-r`, and reports missing files unless `-f`.
use crate::fs::{FsError, Kind};
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "rRfvdiI",
        &[
            ("recursive", 'r'),
            ("force", 'f'),
            ("verbose", 'v'),
            ("dir", 'd'),
            ("interactive", 'i'),
            ("no-preserve-root", '\u{1}'),
            ("preserve-root", '\u{2}'),
            ("one-file-system", '\u{3}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let force = a.has('f');
    let recursive = a.has('r') || a.has('R');
    if a.ops.is_empty() {
        if force {
            return 0;
        }
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let bb = c::busybox(ctx);
    let mut status = 0;
    for op in &a.ops {
        let abs = ctx.abs(op);
        let base = c::base(op);
        if base == "." || base == ".." {
            let m = format!(
                "refusing to remove '.' or '..' directory: skipping {}",
                c::squote(op)
            );
            c::err(ctx, &p, &m);
            status = 1;
            continue;
        }
        let fail = |ctx: &mut ProgramCtx<'_, '_>, path: &str, e: FsError| {
            let m = if bb {
                format!("can't remove '{path}': {}", e.message())
            } else {
                format!("cannot remove {}: {}", c::squote(path), e.message())
            };
            c::err(ctx, &p, &m);
        };
        let st = match c::lstat(ctx, &abs) {
            Ok(s) => s,
            Err(e) => {
                if !force {
                    fail(ctx, op, e);
                    status = 1;
                }
                continue;
            }
        };
        if st.kind == Kind::Dir {
            if abs == "/" && !a.has('\u{1}') {
                c::err(ctx, &p, "it is dangerous to operate recursively on '/'");
                c::err(ctx, &p, "use --no-preserve-root to override this failsafe");
                status = 1;
                continue;
            }
            if !recursive {
                if a.has('d') {
                    if let Err(e) = ctx.fs().remove(&abs) {
                        fail(ctx, op, e);
                        status = 1;
                    }
                    continue;
                }
                let m = if bb {
                    format!("'{op}' is a directory")
                } else {
                    format!("cannot remove {}: Is a directory", c::squote(op))
                };
                c::err(ctx, &p, &m);
                status = 1;
                continue;
            }
            let all = c::walk(ctx, &abs);
            for path in all.iter().rev() {
                if let Err(e) = ctx.fs().remove(path) {
                    let shown = format!("{op}{}", path.strip_prefix(&abs).unwrap_or(""));
                    fail(ctx, &shown, e);
                    status = 1;
                    break;
                }
                if a.has('v') {
                    let shown = format!("{op}{}", path.strip_prefix(&abs).unwrap_or(""));
                    let kind = if matches!(c::lstat(ctx, path), Ok(s) if s.kind == Kind::Dir) {
                        "directory "
                    } else {
                        ""
                    };
                    let _ = kind;
                    c::out(ctx, &format!("removed {}", c::squote(&shown)));
                }
            }
            continue;
        }
        match ctx.fs().remove(&abs) {
            Ok(()) => {
                if a.has('v') {
                    c::out(ctx, &format!("removed {}", c::squote(op)));
                }
            }
            Err(e) => {
                fail(ctx, op, e);
                status = 1;
            }
        }
    }
    status
}
