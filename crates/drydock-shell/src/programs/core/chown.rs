//! `chown [-R] [-h] USER[:GROUP] FILE…` and `chgrp [-R] GROUP FILE…`: owners resolved by name
//! through the image's `/etc/passwd` and `/etc/group` (numbers pass as they are).
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let chgrp = p == "chgrp";
    let a = match c::parse(
        argv,
        "RhfvcHLP",
        &[
            ("recursive", 'R'),
            ("no-dereference", 'h'),
            ("silent", 'f'),
            ("quiet", 'f'),
            ("verbose", 'v'),
            ("changes", 'c'),
            ("from=", '\u{1}'),
            ("reference=", '\u{2}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let Some(spec) = a.ops.first().cloned() else {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    };
    let files = a.ops.get(1..).unwrap_or(&[]).to_vec();
    if files.is_empty() {
        let q = c::lquote(ctx, &spec);
        c::err(ctx, &p, &format!("missing operand after {q}"));
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 1;
    }
    let bb = c::busybox(ctx);
    let (user_part, group_part) = if chgrp {
        (None, Some(spec.clone()))
    } else {
        match spec.split_once([':', '.']) {
            Some((u, g)) => (
                Some(u.to_owned()).filter(|u| !u.is_empty()),
                Some(g.to_owned()),
            ),
            None => (Some(spec.clone()), None),
        }
    };
    let mut uid = None;
    let mut gid = None;
    if let Some(u) = &user_part {
        match users::uid_of(ctx, u) {
            Some((id, primary)) => {
                uid = Some(id);
                // `user:` (empty group) means the user's login group
                if group_part.as_deref() == Some("") {
                    gid = primary;
                }
            }
            None => {
                let m = if bb {
                    format!("unknown user {u}")
                } else {
                    format!("invalid user: {}", c::lquote(ctx, &spec))
                };
                c::err(ctx, &p, &m);
                return 1;
            }
        }
    }
    if let Some(g) = group_part.as_ref().filter(|g| !g.is_empty()) {
        match users::gid_of(ctx, g) {
            Some(id) => gid = Some(id),
            None => {
                let m = if bb {
                    format!("unknown group {g}")
                } else if chgrp {
                    format!("invalid group: {}", c::lquote(ctx, g))
                } else {
                    format!("invalid group: {}", c::lquote(ctx, &spec))
                };
                c::err(ctx, &p, &m);
                return 1;
            }
        }
    }
    if ctx.user.uid != 0 {
        for f in &files {
            let m = format!(
                "changing ownership of {}: Operation not permitted",
                c::squote(f)
            );
            c::err(ctx, &p, &m);
        }
        return 1;
    }
    let mut status = 0;
    for f in &files {
        let abs = ctx.abs(f);
        if let Err(e) = c::lstat(ctx, &abs) {
            let m = if bb {
                format!("{f}: {}", e.message())
            } else {
                format!("cannot access {}: {}", c::squote(f), e.message())
            };
            c::err(ctx, &p, &m);
            status = 1;
            continue;
        }
        let targets = if a.has('R') {
            c::walk(ctx, &abs)
        } else {
            vec![abs]
        };
        for t in targets {
            let Ok(st) = c::lstat(ctx, &t).or_else(|_| c::stat(ctx, &t)) else {
                continue;
            };
            let nu = uid.unwrap_or(st.uid);
            let ng = gid.unwrap_or(st.gid);
            let _ = ctx.fs().chown(&t, nu, ng);
        }
    }
    status
}
