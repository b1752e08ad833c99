//! shadow's `useradd` (Debian/Ubuntu defaults: a user group, no home unless `-m`, shell
//! `/bin/sh`, uids from 1000, system accounts below 1000) with its error messages and exit codes.
use super::db;
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = "useradd";
    let a = match c::parse(
        argv,
        "mMd:s:u:g:G:rUNc:lok:e:f:p:b:K:D",
        &[
            ("create-home", 'm'),
            ("no-create-home", 'M'),
            ("home-dir=", 'd'),
            ("shell=", 's'),
            ("uid=", 'u'),
            ("gid=", 'g'),
            ("groups=", 'G'),
            ("system", 'r'),
            ("user-group", 'U'),
            ("no-user-group", 'N'),
            ("comment=", 'c'),
            ("no-log-init", 'l'),
            ("non-unique", 'o'),
            ("key=", 'K'),
            ("password=", 'p'),
            ("base-dir=", 'b'),
            ("badname", '\u{1}'),
            ("skel=", 'k'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, p, &e, 2),
    };
    let Some(name) = a.ops.first().cloned() else {
        c::eout(
            ctx,
            "Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n",
        );
        return 2;
    };
    if !db::check_root(ctx, p, db::PASSWD) {
        return 1;
    }
    if !a.has('\u{1}') && !db::valid_name(&name) {
        c::eout(
            ctx,
            &format!("{p}: invalid user name '{name}': use --badname to ignore\n"),
        );
        return 3;
    }
    let pw = users::passwd(ctx);
    if pw.iter().any(|e| e.name == name) {
        c::eout(ctx, &format!("{p}: user '{name}' already exists\n"));
        return 9;
    }
    let system = a.has('r');
    let uids: Vec<u32> = pw.iter().map(|e| e.uid).collect();
    let uid = match a.val('u') {
        Some(u) => match u.parse::<u32>() {
            Ok(u) if uids.contains(&u) && !a.has('o') => {
                c::eout(ctx, &format!("{p}: UID {u} is not unique\n"));
                return 4;
            }
            Ok(u) => u,
            Err(_) => {
                c::eout(ctx, &format!("{p}: invalid user ID '{u}'\n"));
                return 3;
            }
        },
        None if system => db::next_id(&uids, 100, 999, true),
        None => db::next_id(&uids, 1000, 60000, false),
    };
    let groups = users::groups(ctx);
    let user_group = !a.has('N') && a.val('g').is_none();
    let gid = match a.val('g') {
        Some(g) => match users::gid_of(ctx, g).filter(|id| groups.iter().any(|x| x.gid == *id)) {
            Some(id) => id,
            None => {
                c::eout(ctx, &format!("{p}: group '{g}' does not exist\n"));
                return 6;
            }
        },
        None if user_group => {
            if groups.iter().any(|g| g.name == name) {
                c::eout(
                    ctx,
                    &format!(
                        "{p}: group {name} exists - if you want to add this user to that group, use -g.\n"
                    ),
                );
                return 9;
            }
            let gids: Vec<u32> = groups.iter().map(|g| g.gid).collect();
            if gids.contains(&uid) {
                if system {
                    db::next_id(&gids, 100, 999, true)
                } else {
                    db::next_id(&gids, 1000, 60000, false)
                }
            } else {
                uid
            }
        }
        None => 100,
    };
    let mut extra = Vec::new();
    for g in a
        .val('G')
        .unwrap_or("")
        .split(',')
        .filter(|g| !g.is_empty())
    {
        if users::group_by_name(ctx, g).is_none()
            && g.parse::<u32>()
                .ok()
                .and_then(|id| users::group_by_gid(ctx, id))
                .is_none()
        {
            c::eout(ctx, &format!("{p}: group '{g}' does not exist\n"));
            return 6;
        }
        extra.push(g.to_owned());
    }
    let home = a
        .val('d')
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{}/{name}", a.val('b').unwrap_or("/home")));
    let shell = a.val('s').unwrap_or("/bin/sh").to_owned();
    if user_group {
        db::add_group(ctx, &name, gid, &[]);
    }
    db::add_user(
        ctx,
        &users::PwEnt {
            name: name.clone(),
            uid,
            gid,
            gecos: a.val('c').unwrap_or("").to_owned(),
            home: home.clone(),
            shell,
        },
    );
    for g in &extra {
        let gname = users::group_by_name(ctx, g)
            .or_else(|| {
                g.parse::<u32>()
                    .ok()
                    .and_then(|id| users::group_by_gid(ctx, id))
            })
            .map(|x| x.name)
            .unwrap_or_default();
        db::add_member(ctx, &gname, &name);
    }
    if !a.has('l') {
        db::touch_lastlog(ctx, uid);
    }
    if a.has('m') && !a.has('M') {
        let ubuntu = c::read_text(ctx, "/etc/os-release").is_ok_and(|t| t.contains("ID=ubuntu"));
        let exists = c::exists(ctx, &home);
        if exists {
            c::eout(
                ctx,
                &format!(
                    "{p}: warning: the home directory {home} already exists.\n{p}: Not copying any file from skel directory into it.\n"
                ),
            );
        }
        db::make_home(
            ctx,
            &home,
            uid,
            gid,
            if ubuntu { 0o750 } else { 0o755 },
            !exists,
        );
    }
    0
}
