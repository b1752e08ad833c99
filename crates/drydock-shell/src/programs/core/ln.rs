//! `ln [-s] [-f] [-n] [-v] [-T] TARGET… [LINK|DIR]`: symbolic links, and hard links (simulated as
//! copies sharing the contents).
use crate::fs::Kind;
use crate::programs::ProgramCtx;
use crate::programs::common as c;

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "sfnvTrt:L",
        &[
            ("symbolic", 's'),
            ("force", 'f'),
            ("no-dereference", 'n'),
            ("verbose", 'v'),
            ("no-target-directory", 'T'),
            ("relative", 'r'),
            ("target-directory=", 't'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    if a.ops.is_empty() {
        c::err(ctx, &p, "missing file operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let (targets, link): (Vec<String>, String) = match a.val('t') {
        Some(t) => (a.ops.clone(), t.to_owned()),
        None if a.ops.len() == 1 => (a.ops.clone(), ".".into()),
        None => {
            let (l, rest) = a
                .ops
                .split_last()
                .map_or((String::new(), Vec::new()), |(l, r)| {
                    (l.clone(), r.to_vec())
                });
            (rest, l)
        }
    };
    let labs = ctx.abs(&link);
    // with -n, a symlink to a directory is treated as a file
    let link_is_dir = !a.has('T')
        && if a.has('n') {
            matches!(c::lstat(ctx, &labs), Ok(s) if s.kind == Kind::Dir)
        } else {
            c::is_dir(ctx, &labs)
        };
    if targets.len() > 1 && !link_is_dir {
        c::err(
            ctx,
            &p,
            &format!("target {} is not a directory", c::squote(&link)),
        );
        return 1;
    }
    let mut status = 0;
    for t in &targets {
        let (dst, shown) = if link_is_dir {
            let name = c::base(t).to_owned();
            (
                c::join(&labs, &name),
                if link == "." {
                    name.clone()
                } else {
                    c::join(&link, &name)
                },
            )
        } else {
            (labs.clone(), link.clone())
        };
        if c::lstat(ctx, &dst).is_ok() {
            if a.has('f') {
                if matches!(c::lstat(ctx, &dst), Ok(s) if s.kind == Kind::Dir) {
                    c::err(
                        ctx,
                        &p,
                        &format!("{}: cannot overwrite directory", c::squote(&shown)),
                    );
                    status = 1;
                    continue;
                }
                let _ = ctx.fs().remove(&dst);
            } else {
                let kind = if a.has('s') {
                    "symbolic link"
                } else {
                    "hard link"
                };
                c::err(
                    ctx,
                    &p,
                    &format!("failed to create {kind} {}: File exists", c::squote(&shown)),
                );
                status = 1;
                continue;
            }
        }
        let r = if a.has('s') {
            let m = ctx.new_meta(0o777);
            ctx.fs().symlink(t, &dst, m)
        } else {
            let src = ctx.abs(t);
            match c::stat(ctx, &src) {
                Ok(st) if st.kind == Kind::Dir => {
                    c::err(
                        ctx,
                        &p,
                        &format!("{}: hard link not allowed for directory", c::squote(t)),
                    );
                    status = 1;
                    continue;
                }
                Ok(st) => {
                    let m = crate::fs::NewMeta {
                        mode: st.mode,
                        uid: st.uid,
                        gid: st.gid,
                        mtime: st.mtime,
                    };
                    ctx.fs().copy_file(&src, &dst, m)
                }
                Err(e) => {
                    c::err(
                        ctx,
                        &p,
                        &format!("failed to access {}: {}", c::squote(t), e.message()),
                    );
                    status = 1;
                    continue;
                }
            }
        };
        match r {
            Ok(()) => {
                if a.has('v') {
                    let arrow = if a.has('s') { "->" } else { "=>" };
                    c::out(
                        ctx,
                        &format!("{} {arrow} {}", c::squote(&shown), c::squote(t)),
                    );
                }
            }
            Err(e) => {
                let kind = if a.has('s') {
                    "symbolic link"
                } else {
                    "hard link"
                };
                c::err(
                    ctx,
                    &p,
                    &format!(
                        "failed to create {kind} {}: {}",
                        c::squote(&shown),
                        e.message()
                    ),
                );
                status = 1;
            }
        }
    }
    status
}
