//! shadow's `groupadd` and `groupdel` (gids from 1000, system groups below 1000).
use super::db;
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = "groupadd";
    let a = match c::parse(
        argv,
        "g:rfoK:p:",
        &[
            ("gid=", 'g'),
            ("system", 'r'),
            ("force", 'f'),
            ("non-unique", 'o'),
            ("key=", 'K'),
        ],
        true,
    ) {
        Ok(a) => a,
        Err(e) => return c::usage_error(ctx, p, &e, 2),
    };
    let Some(name) = a.ops.first().cloned() else {
        c::eout(ctx, "Usage: groupadd [options] GROUP\n");
        return 2;
    };
    if !db::check_root(ctx, p, db::GROUP) {
        return 10;
    }
    if !db::valid_name(&name) {
        c::eout(ctx, &format!("{p}: '{name}' is not a valid group name\n"));
        return 3;
    }
    let groups = users::groups(ctx);
    if groups.iter().any(|g| g.name == name) {
        if a.has('f') {
            return 0;
        }
        c::eout(ctx, &format!("{p}: group '{name}' already exists\n"));
        return 9;
    }
    let gids: Vec<u32> = groups.iter().map(|g| g.gid).collect();
    let gid = match a.val('g') {
        Some(g) => match g.parse::<u32>() {
            Ok(id) if gids.contains(&id) && !a.has('o') => {
                if a.has('f') {
                    db::next_id(&gids, 1000, 60000, false)
                } else {
                    c::eout(ctx, &format!("{p}: GID '{id}' already exists\n"));
                    return 4;
                }
            }
            Ok(id) => id,
            Err(_) => {
                c::eout(ctx, &format!("{p}: invalid group ID '{g}'\n"));
                return 3;
            }
        },
        None if a.has('r') => db::next_id(&gids, 100, 999, true),
        None => db::next_id(&gids, 1000, 60000, false),
    };
    db::add_group(ctx, &name, gid, &[]);
    0
}

/// `groupdel NAME` / `userdel [-r] NAME`.
pub(crate) fn run_del(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let remove_home = argv.iter().any(|a| a == "-r" || a == "--remove");
    let Some(name) = argv.iter().skip(1).find(|a| !a.starts_with('-')).cloned() else {
        c::eout(ctx, &format!("Usage: {p} [options] NAME\n"));
        return 2;
    };
    if !db::check_root(ctx, &p, db::PASSWD) {
        return 1;
    }
    let is_user = p == "userdel" || p == "deluser";
    if is_user {
        let Some(u) = users::user_by_name(ctx, &name) else {
            c::eout(ctx, &format!("{p}: user '{name}' does not exist\n"));
            return 6;
        };
        let n = name.clone();
        db::rewrite(ctx, db::PASSWD, &|l: &str| {
            (!l.starts_with(&format!("{n}:"))).then(|| l.to_owned())
        });
        db::rewrite(ctx, db::SHADOW, &|l: &str| {
            (!l.starts_with(&format!("{n}:"))).then(|| l.to_owned())
        });
        // the user group goes too when nobody else uses it
        db::rewrite(ctx, db::GROUP, &|l: &str| {
            (!l.starts_with(&format!("{n}:x:{}:", u.gid))).then(|| l.to_owned())
        });
        if remove_home {
            c::remove_tree(ctx, &u.home);
        }
        return 0;
    }
    if users::group_by_name(ctx, &name).is_none() {
        c::eout(ctx, &format!("{p}: group '{name}' does not exist\n"));
        return 6;
    }
    let n = name.clone();
    db::rewrite(ctx, db::GROUP, &|l: &str| {
        (!l.starts_with(&format!("{n}:"))).then(|| l.to_owned())
    });
    db::rewrite(ctx, db::GSHADOW, &|l: &str| {
        (!l.starts_with(&format!("{n}:"))).then(|| l.to_owned())
    });
    0
}
