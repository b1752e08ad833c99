//! `install [-d] [-D] [-m MODE] [-o OWNER] [-g GROUP] [-t DIR] SRC… DEST`: copy with mode and
//! owner, or create directories.
use crate::fs::Kind;
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "dDm:o:g:t:Tvcsp",
        &[
            ("directory", 'd'),
            ("mode=", 'm'),
            ("owner=", 'o'),
            ("group=", 'g'),
            ("target-directory=", 't'),
            ("no-target-directory", 'T'),
            ("verbose", 'v'),
            ("strip", 's'),
            ("preserve-timestamps", 'p'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let mode = match a.val('m') {
        Some(m) => match super::chmod::apply_mode(m, 0o755, false, 0) {
            Some(v) => v,
            None => {
                c::err(ctx, &p, &format!("invalid mode {}", c::lquote(ctx, m)));
                return 1;
            }
        },
        None => 0o755,
    };
    let uid = match a.val('o') {
        Some(o) => match users::uid_of(ctx, o) {
            Some((u, _)) => Some(u),
            None => {
                c::err(ctx, &p, &format!("invalid user {}", c::lquote(ctx, o)));
                return 1;
            }
        },
        None => None,
    };
    let gid = match a.val('g') {
        Some(g) => match users::gid_of(ctx, g) {
            Some(v) => Some(v),
            None => {
                c::err(ctx, &p, &format!("invalid group {}", c::lquote(ctx, g)));
                return 1;
            }
        },
        None => None,
    };
    let finish = |ctx: &mut ProgramCtx<'_, '_>, path: &str| {
        let _ = ctx.fs().chmod(path, mode);
        if uid.is_some() || gid.is_some() {
            let st = c::stat(ctx, path).ok();
            let _ = ctx.fs().chown(
                path,
                uid.unwrap_or(st.map_or(0, |s| s.uid)),
                gid.unwrap_or(st.map_or(0, |s| s.gid)),
            );
        }
    };
    if a.has('d') {
        let mut status = 0;
        for d in &a.ops {
            let abs = ctx.abs(d);
            let m = ctx.new_meta(0o755);
            if let Err(e) = c::mkdir_p_with(ctx, &abs, m) {
                c::err(
                    ctx,
                    &p,
                    &format!(
                        "cannot create directory {}: {}",
                        c::lquote(ctx, d),
                        e.message()
                    ),
                );
                status = 1;
                continue;
            }
            finish(ctx, &abs);
        }
        return status;
    }
    let (srcs, dest) = match a.val('t') {
        Some(t) => (a.ops.clone(), t.to_owned()),
        None => match a.ops.split_last() {
            Some((l, r)) if !r.is_empty() => (r.to_vec(), l.clone()),
            _ => {
                c::err(
                    ctx,
                    &p,
                    "missing destination file operand after "
                        .to_owned()
                        .as_str()
                        .trim_end(),
                );
                return 1;
            }
        },
    };
    let dabs = ctx.abs(&dest);
    if a.has('D') {
        let parent = if a.val('t').is_some() {
            dabs.clone()
        } else {
            c::parent(&dabs).to_owned()
        };
        let m = ctx.new_meta(0o755);
        let _ = c::mkdir_p_with(ctx, &parent, m);
    }
    let into = c::is_dir(ctx, &dabs) && !a.has('T');
    let mut status = 0;
    for s in &srcs {
        let sabs = ctx.abs(s);
        match c::stat(ctx, &sabs) {
            Ok(st) if st.kind == Kind::Dir => {
                c::err(ctx, &p, &format!("omitting directory {}", c::squote(s)));
                status = 1;
                continue;
            }
            Err(e) => {
                c::err(
                    ctx,
                    &p,
                    &format!("cannot stat {}: {}", c::squote(s), e.message()),
                );
                status = 1;
                continue;
            }
            _ => {}
        }
        let target = if into {
            c::join(&dabs, c::base(s))
        } else {
            dabs.clone()
        };
        let _ = ctx.fs().remove(&target);
        let m = ctx.new_meta(mode);
        if let Err(e) = ctx.fs().copy_file(&sabs, &target, m) {
            c::err(
                ctx,
                &p,
                &format!(
                    "cannot create regular file {}: {}",
                    c::squote(&dest),
                    e.message()
                ),
            );
            status = 1;
            continue;
        }
        finish(ctx, &target);
    }
    status
}
