//! `adduser` / `addgroup` / `deluser` / `delgroup`: Debian's friendly front-ends (messages of
//! adduser 3.13x) or busybox's applets on alpine (`-D`, `-S`, `-G`, `-u`, `-h`, `-s`, `-H`).
use super::db;
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

fn busybox_adduser(ctx: &mut ProgramCtx<'_, '_>, argv: &[String]) -> i32 {
    let p = "adduser";
    let a = match c::parse(argv, "h:g:s:G:SDHu:k:", &[], true) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, p, &e, 1),
    };
    let Some(name) = a.ops.first().cloned() else {
        c::eout(
            ctx,
            "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: adduser [OPTIONS] USER [GROUP]\n",
        );
        return 1;
    };
    if ctx.user.uid != 0 {
        c::eout(ctx, "adduser: need to be root\n");
        return 1;
    }
    if users::user_by_name(ctx, &name).is_some() {
        c::eout(ctx, &format!("{p}: user '{name}' in use\n"));
        return 1;
    }
    // `adduser USER GROUP` adds an existing user to a group
    let system = a.has('S');
    let uids: Vec<u32> = users::passwd(ctx).iter().map(|e| e.uid).collect();
    let uid = match a.val('u').and_then(|u| u.parse::<u32>().ok()) {
        Some(u) if uids.contains(&u) => {
            c::eout(ctx, &format!("{p}: uid '{u}' in use\n"));
            return 1;
        }
        Some(u) => u,
        None if system => (100..=999).find(|i| !uids.contains(i)).unwrap_or(100),
        None => (1000..=60000).find(|i| !uids.contains(i)).unwrap_or(1000),
    };
    let gid = match a.val('G') {
        Some(g) => match users::group_by_name(ctx, g) {
            Some(gr) => gr.gid,
            None => {
                c::eout(ctx, &format!("{p}: unknown group {g}\n"));
                return 1;
            }
        },
        None if system => {
            // system users without -G join the nogroup group
            users::group_by_name(ctx, "nogroup").map_or(65533, |g| g.gid)
        }
        None => {
            if users::group_by_name(ctx, &name).is_some() {
                c::eout(ctx, &format!("{p}: group '{name}' in use\n"));
                return 1;
            }
            let gids: Vec<u32> = users::groups(ctx).iter().map(|g| g.gid).collect();
            let gid = if gids.contains(&uid) {
                (1000..=60000).find(|i| !gids.contains(i)).unwrap_or(uid)
            } else {
                uid
            };
            db::add_group(ctx, &name, gid, &[]);
            gid
        }
    };
    let home = a
        .val('h')
        .map_or_else(|| format!("/home/{name}"), str::to_owned);
    let shell = a.val('s').map_or_else(
        || {
            if system {
                "/sbin/nologin".to_owned()
            } else {
                "/bin/sh".to_owned()
            }
        },
        str::to_owned,
    );
    db::add_user(
        ctx,
        &users::PwEnt {
            name: name.clone(),
            uid,
            gid,
            gecos: if system {
                String::new()
            } else {
                "Linux User,,,".into()
            },
            home: home.clone(),
            shell,
        },
    );
    if !a.has('H') {
        db::make_home(ctx, &home, uid, gid, 0o2755 & 0o755, true);
    }
    if !a.has('D') && !system {
        c::out(ctx, &format!("Changing password for {name}"));
        c::eout(
            ctx,
            "New password: passwd: password for {name} is unchanged\n"
                .replace("{name}", &name)
                .as_str(),
        );
        return 1;
    }
    0
}

fn busybox_addgroup(ctx: &mut ProgramCtx<'_, '_>, argv: &[String]) -> i32 {
    let p = "addgroup";
    let a = match c::parse(argv, "g:S", &[], true) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, p, &e, 1),
    };
    if ctx.user.uid != 0 {
        c::eout(ctx, "addgroup: need to be root\n");
        return 1;
    }
    match a.ops.as_slice() {
        [user, group] => {
            if users::group_by_name(ctx, group).is_none() {
                c::eout(ctx, &format!("{p}: unknown group {group}\n"));
                return 1;
            }
            if users::user_by_name(ctx, user).is_none() {
                c::eout(ctx, &format!("{p}: unknown user {user}\n"));
                return 1;
            }
            db::add_member(ctx, group, user);
            0
        }
        [name] => {
            let groups = users::groups(ctx);
            if groups.iter().any(|g| &g.name == name) {
                c::eout(ctx, &format!("{p}: group '{name}' in use\n"));
                return 1;
            }
            let gids: Vec<u32> = groups.iter().map(|g| g.gid).collect();
            let gid = match a.val('g').and_then(|g| g.parse::<u32>().ok()) {
                Some(g) if gids.contains(&g) => {
                    c::eout(ctx, &format!("{p}: gid '{g}' in use\n"));
                    return 1;
                }
                Some(g) => g,
                None if a.has('S') => (100..=999).find(|i| !gids.contains(i)).unwrap_or(100),
                None => (1000..=60000).find(|i| !gids.contains(i)).unwrap_or(1000),
            };
            db::add_group(ctx, name, gid, &[]);
            0
        }
        _ => {
            c::eout(
                ctx,
                "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: addgroup [-g GID] [-S] [USER] GROUP\n",
            );
            1
        }
    }
}

fn debian_adduser(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], group_only: bool) -> i32 {
    let p = c::prog(argv);
    let a = match c::parse(
        argv,
        "qD",
        &[
            ("system", 's'),
            ("group", 'g'),
            ("ingroup=", 'G'),
            ("gid=", 'i'),
            ("uid=", 'u'),
            ("home=", 'h'),
            ("shell=", 'S'),
            ("gecos=", 'c'),
            ("comment=", 'c'),
            ("disabled-password", 'd'),
            ("disabled-login", 'd'),
            ("no-create-home", 'H'),
            ("quiet", 'q'),
            ("firstuid=", '\u{1}'),
            ("lastuid=", '\u{1}'),
            ("allow-badname", '\u{2}'),
            ("debug", '\u{3}'),
            ("force-badname", '\u{2}'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, &p, &e, 1),
    };
    let quiet = a.has('q');
    let mut out = String::new();
    if ctx.user.uid != 0 {
        c::eout(
            ctx,
            "fatal: Only root may add a user or group to the system.\n",
        );
        return 1;
    }
    let group_only = group_only || (a.has('g') && a.ops.len() == 1 && !a.has('s'));
    match a.ops.as_slice() {
        [user, group] if !group_only => {
            if users::user_by_name(ctx, user).is_none() {
                c::eout(ctx, &format!("fatal: The user `{user}' does not exist.\n"));
                return 1;
            }
            if users::group_by_name(ctx, group).is_none() {
                c::eout(
                    ctx,
                    &format!("fatal: The group `{group}' does not exist.\n"),
                );
                return 1;
            }
            out.push_str(&format!("Adding user `{user}' to group `{group}' ...\n"));
            db::add_member(ctx, group, user);
            out.push_str("Done.\n");
        }
        [name] => {
            let system = a.has('s');
            let groups = users::groups(ctx);
            let gids: Vec<u32> = groups.iter().map(|g| g.gid).collect();
            if group_only {
                if groups.iter().any(|g| &g.name == name) {
                    c::eout(ctx, &format!("fatal: The group `{name}' already exists.\n"));
                    return 1;
                }
                let gid = a.val('i').and_then(|g| g.parse().ok()).unwrap_or_else(|| {
                    if system {
                        db::next_id(&gids, 100, 999, false)
                    } else {
                        db::next_id(&gids, 1000, 59999, false)
                    }
                });
                out.push_str(&format!("Adding group `{name}' (GID {gid}) ...\nDone.\n"));
                db::add_group(ctx, name, gid, &[]);
            } else {
                if users::user_by_name(ctx, name).is_some() {
                    c::eout(ctx, &format!("fatal: The user `{name}' already exists.\n"));
                    return 1;
                }
                let uids: Vec<u32> = users::passwd(ctx).iter().map(|e| e.uid).collect();
                let uid = a.val('u').and_then(|u| u.parse().ok()).unwrap_or_else(|| {
                    if system {
                        db::next_id(&uids, 100, 999, false)
                    } else {
                        db::next_id(&uids, 1000, 59999, false)
                    }
                });
                let (gid, gname) = match a.val('G') {
                    Some(g) => match users::group_by_name(ctx, g) {
                        Some(gr) => (gr.gid, gr.name),
                        None => {
                            c::eout(ctx, &format!("fatal: The group `{g}' does not exist.\n"));
                            return 1;
                        }
                    },
                    None if system && !a.has('g') => (65534, "nogroup".to_owned()),
                    None => {
                        let gid = a.val('i').and_then(|g| g.parse().ok()).unwrap_or_else(|| {
                            if gids.contains(&uid) {
                                db::next_id(&gids, if system { 100 } else { 1000 }, 59999, false)
                            } else {
                                uid
                            }
                        });
                        out.push_str(&format!("Adding new group `{name}' ({gid}) ...\n"));
                        db::add_group(ctx, name, gid, &[]);
                        (gid, name.clone())
                    }
                };
                let home = a.val('h').map_or_else(
                    || {
                        if system {
                            "/nonexistent".to_owned()
                        } else {
                            format!("/home/{name}")
                        }
                    },
                    str::to_owned,
                );
                let shell = a.val('S').map_or_else(
                    || {
                        if system {
                            "/usr/sbin/nologin".to_owned()
                        } else {
                            "/bin/bash".to_owned()
                        }
                    },
                    str::to_owned,
                );
                if system {
                    out.push_str(&format!("Adding system user `{name}' (UID {uid}) ...\nAdding new user `{name}' (UID {uid}) with group `{gname}' ...\n"));
                } else {
                    out.insert_str(0, &format!("Adding user `{name}' ...\n"));
                    out.push_str(&format!(
                        "Adding new user `{name}' ({uid}) with group `{gname} ({gid})' ...\n"
                    ));
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
                db::touch_lastlog(ctx, uid);
                if home == "/nonexistent" || a.has('H') {
                    out.push_str(&format!("Not creating `{home}'.\n"));
                } else {
                    out.push_str(&format!(
                        "Creating home directory `{home}' ...\nCopying files from `/etc/skel' ...\n"
                    ));
                    db::make_home(ctx, &home, uid, gid, 0o700, true);
                }
                if !system {
                    if !a.has('d') {
                        out.push_str("New password: Retype new password: passwd: Authentication token manipulation error\npasswd: password unchanged\nTry again? [y/N] ");
                    }
                    if users::group_by_name(ctx, "users").is_some() {
                        out.push_str(&format!("Adding new user `{name}' to supplemental / extra groups `users' ...\nAdding user `{name}' to group `users' ...\n"));
                        db::add_member(ctx, "users", name);
                    }
                }
            }
        }
        _ => {
            c::eout(ctx, "fatal: Only one or two names allowed.\n");
            return 1;
        }
    }
    if !quiet {
        ctx.stdout(out.as_bytes());
    }
    0
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    if c::busybox(ctx) {
        return busybox_adduser(ctx, argv);
    }
    debian_adduser(ctx, argv, false)
}

pub(crate) fn run_addgroup(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    if c::busybox(ctx) {
        return busybox_addgroup(ctx, argv);
    }
    debian_adduser(ctx, argv, true)
}
