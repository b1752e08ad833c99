//! shadow's `usermod` (`-aG` supplementary groups, `-s`, `-d`, `-u`, `-g`, `-l`) and `chpasswd`
//! (reads its input; passwords are not simulated).
use super::db;
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = "usermod";
    let a = match c::parse(
        argv,
        "aG:s:d:u:g:l:LUmoc:e:f:p:",
        &[
            ("append", 'a'),
            ("groups=", 'G'),
            ("shell=", 's'),
            ("home=", 'd'),
            ("uid=", 'u'),
            ("gid=", 'g'),
            ("login=", 'l'),
            ("lock", 'L'),
            ("unlock", 'U'),
            ("move-home", 'm'),
            ("comment=", 'c'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, p, &e, 2),
    };
    let Some(name) = a.ops.first().cloned() else {
        c::eout(ctx, "Usage: usermod [options] LOGIN\n");
        return 2;
    };
    if !db::check_root(ctx, p, db::PASSWD) {
        return 1;
    }
    if users::user_by_name(ctx, &name).is_none() {
        c::eout(ctx, &format!("{p}: user '{name}' does not exist\n"));
        return 6;
    }
    if let Some(gs) = a.val('G') {
        for g in gs.split(',').filter(|g| !g.is_empty()) {
            if users::group_by_name(ctx, g).is_none() {
                c::eout(ctx, &format!("{p}: group '{g}' does not exist\n"));
                return 6;
            }
        }
        if !a.has('a') {
            let n = name.clone();
            for path in [db::GROUP, db::GSHADOW] {
                db::rewrite(ctx, path, &|l: &str| {
                    let mut f: Vec<String> = l.split(':').map(str::to_owned).collect();
                    if let Some(m) = f.get_mut(3) {
                        *m = m
                            .split(',')
                            .filter(|x| !x.is_empty() && *x != n)
                            .collect::<Vec<_>>()
                            .join(",");
                    }
                    Some(f.join(":"))
                });
            }
        }
        for g in gs.split(',').filter(|g| !g.is_empty()) {
            db::add_member(ctx, g, &name);
        }
    }
    let gid = match a.val('g') {
        Some(g) => match users::gid_of(ctx, g) {
            Some(id) => Some(id),
            None => {
                c::eout(ctx, &format!("{p}: group '{g}' does not exist\n"));
                return 6;
            }
        },
        None => None,
    };
    let (shell, home, uid, login) = (
        a.val('s').map(str::to_owned),
        a.val('d').map(str::to_owned),
        a.val('u').and_then(|u| u.parse::<u32>().ok()),
        a.val('l').map(str::to_owned),
    );
    let n = name.clone();
    db::rewrite(ctx, db::PASSWD, &|l: &str| {
        let mut f: Vec<String> = l.split(':').map(str::to_owned).collect();
        if f.first() == Some(&n) {
            if let (Some(v), Some(x)) = (&login, f.get_mut(0)) {
                *x = v.clone();
            }
            if let (Some(v), Some(x)) = (uid, f.get_mut(2)) {
                *x = v.to_string();
            }
            if let (Some(v), Some(x)) = (gid, f.get_mut(3)) {
                *x = v.to_string();
            }
            if let (Some(v), Some(x)) = (&home, f.get_mut(5)) {
                *x = v.clone();
            }
            if let (Some(v), Some(x)) = (&shell, f.get_mut(6)) {
                *x = v.clone();
            }
        }
        Some(f.join(":"))
    });
    0
}

pub(crate) fn run_chpasswd(ctx: &mut ProgramCtx<'_, '_>, _: &[String], _: &[u8]) -> i32 {
    ctx.consumed_stdin = true;
    if ctx.user.uid != 0 {
        c::eout(
            ctx,
            "chpasswd: Permission denied.\nchpasswd: cannot lock /etc/passwd; try again later.\n",
        );
        return 1;
    }
    0
}
