//! `id [-u|-g|-G|-n] [USER]` and `whoami`, resolved through `/etc/passwd` and `/etc/group`.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "ugGnr",
        &[
            ("user", 'u'),
            ("group", 'g'),
            ("groups", 'G'),
            ("name", 'n'),
            ("real", 'r'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let (uid, gid, name) = match a.ops.first() {
        Some(u) => match users::user_by_name(ctx, u)
            .or_else(|| u.parse().ok().and_then(|n| users::user_by_uid(ctx, n)))
        {
            Some(pw) => (pw.uid, pw.gid, Some(pw.name)),
            None => {
                let q = c::lquote(ctx, u);
                c::err(ctx, &p, &format!("{q}: no such user"));
                return 1;
            }
        },
        None => (
            ctx.user.uid,
            ctx.user.gid,
            users::user_by_uid(ctx, ctx.user.uid).map(|p| p.name),
        ),
    };
    let mut gids = vec![gid];
    if let Some(n) = &name {
        for g in users::supplementary(ctx, n) {
            if !gids.contains(&g.gid) {
                gids.push(g.gid);
            }
        }
    }
    let names = a.has('n');
    let line = if a.has('u') {
        if names {
            match &name {
                Some(n) => n.clone(),
                None => {
                    c::err(ctx, &p, &format!("cannot find name for user ID {uid}"));
                    return 1;
                }
            }
        } else {
            uid.to_string()
        }
    } else if a.has('g') {
        if names {
            users::group_name(ctx, gid)
        } else {
            gid.to_string()
        }
    } else if a.has('G') {
        gids.iter()
            .map(|g| {
                if names {
                    users::group_name(ctx, *g)
                } else {
                    g.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        let fmt_u = match &name {
            Some(n) => format!("uid={uid}({n})"),
            None => format!("uid={uid}"),
        };
        let fmt_g = |ctx: &ProgramCtx<'_, '_>, g: u32| match users::group_by_gid(ctx, g) {
            Some(gr) => format!("{g}({})", gr.name),
            None => g.to_string(),
        };
        let gl: Vec<String> = gids.iter().map(|g| fmt_g(ctx, *g)).collect();
        format!("{fmt_u} gid={} groups={}", fmt_g(ctx, gid), gl.join(","))
    };
    c::out(ctx, &line);
    0
}

pub(crate) fn run_whoami(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    match users::user_by_uid(ctx, ctx.user.uid) {
        Some(pw) => {
            c::out(ctx, &pw.name);
            0
        }
        None => {
            let uid = ctx.user.uid;
            if c::busybox(ctx) {
                c::err(ctx, &p, &format!("unknown uid {uid}"));
            } else {
                c::err(ctx, &p, &format!("cannot find name for user ID {uid}"));
            }
            1
        }
    }
}
