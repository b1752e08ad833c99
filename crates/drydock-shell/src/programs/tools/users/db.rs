//! Editing the account files: appending users and groups, adding members, removing entries,
//! free ids, name validation, home directories from `/etc/skel`, and `lastlog`'s sparse growth.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

pub(crate) const PASSWD: &str = "/etc/passwd";
pub(crate) const GROUP: &str = "/etc/group";
pub(crate) const SHADOW: &str = "/etc/shadow";
pub(crate) const GSHADOW: &str = "/etc/gshadow";

/// shadow's default name rule (`^[a-z_][-a-z0-9_]*\$?$`, at most 32 characters).
pub(crate) fn valid_name(n: &str) -> bool {
    let mut chars = n.chars();
    let first_ok = chars
        .next()
        .is_some_and(|ch| ch.is_ascii_lowercase() || ch == '_');
    let body = n.trim_end_matches('$');
    first_ok
        && n.len() <= 32
        && body
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '_')
}

fn append_line(ctx: &mut ProgramCtx<'_, '_>, path: &str, line: &str, mode: u32) {
    let cur = c::read_text(ctx, path).unwrap_or_default();
    let mut s = cur;
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
    s.push_str(line);
    s.push('\n');
    let m = c::root_meta(ctx, mode);
    let existing = ctx.rt.fs.stat(path).is_ok();
    let _ = ctx
        .fs()
        .write_file(path, s.as_bytes(), crate::fs::WriteMode::Truncate, m);
    if !existing {
        let _ = ctx.fs().chmod(path, mode);
    }
}

/// Days since the epoch on the virtual clock (shadow's "last change").
pub(crate) fn today(ctx: &ProgramCtx<'_, '_>) -> i64 {
    ctx.rt.config.mtime.div_euclid(86_400)
}

pub(crate) fn add_user(ctx: &mut ProgramCtx<'_, '_>, e: &users::PwEnt) {
    let line = format!(
        "{}:x:{}:{}:{}:{}:{}",
        e.name, e.uid, e.gid, e.gecos, e.home, e.shell
    );
    append_line(ctx, PASSWD, &line, 0o644);
    if c::exists(ctx, SHADOW) {
        let day = today(ctx);
        append_line(
            ctx,
            SHADOW,
            &format!("{}:!:{day}:0:99999:7:::", e.name),
            0o640,
        );
    }
}

pub(crate) fn add_group(ctx: &mut ProgramCtx<'_, '_>, name: &str, gid: u32, members: &[String]) {
    append_line(
        ctx,
        GROUP,
        &format!("{name}:x:{gid}:{}", members.join(",")),
        0o644,
    );
    if c::exists(ctx, GSHADOW) {
        append_line(
            ctx,
            GSHADOW,
            &format!("{name}:!::{}", members.join(",")),
            0o640,
        );
    }
}

/// Rewrites a colon file keeping lines `keep` accepts (optionally editing them).
pub(crate) fn rewrite(
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    f: &dyn Fn(&str) -> Option<String>,
) {
    let Ok(text) = c::read_text(ctx, path) else {
        return;
    };
    let mut out = String::new();
    for l in text.lines() {
        if let Some(new) = f(l) {
            out.push_str(&new);
            out.push('\n');
        }
    }
    let m = c::root_meta(ctx, 0o644);
    let _ = ctx
        .fs()
        .write_file(path, out.as_bytes(), crate::fs::WriteMode::Truncate, m);
}

/// Adds `user` to the member list of `group`.
pub(crate) fn add_member(ctx: &mut ProgramCtx<'_, '_>, group: &str, user: &str) {
    for path in [GROUP, GSHADOW] {
        let field = 3;
        rewrite(ctx, path, &|l: &str| {
            let mut f: Vec<String> = l.split(':').map(str::to_owned).collect();
            if f.first().map(String::as_str) == Some(group) {
                while f.len() <= field {
                    f.push(String::new());
                }
                if let Some(m) = f.get_mut(field) {
                    let mut list: Vec<&str> = m.split(',').filter(|x| !x.is_empty()).collect();
                    if !list.contains(&user) {
                        list.push(user);
                    }
                    *m = list.join(",");
                }
            }
            Some(f.join(":"))
        });
    }
}

/// The next free id: one past the highest in `[lo, hi]`, or (system accounts) the highest free
/// going down from `hi`.
pub(crate) fn next_id(used: &[u32], lo: u32, hi: u32, system: bool) -> u32 {
    if system {
        return (lo..=hi).rev().find(|i| !used.contains(i)).unwrap_or(lo);
    }
    match used.iter().copied().filter(|u| (lo..=hi).contains(u)).max() {
        Some(m) if m < hi => m + 1,
        Some(_) => (lo..=hi).find(|i| !used.contains(i)).unwrap_or(lo),
        None => lo,
    }
}

/// Creates a home directory from `/etc/skel`, owned by the user.
pub(crate) fn make_home(
    ctx: &mut ProgramCtx<'_, '_>,
    home: &str,
    uid: u32,
    gid: u32,
    mode: u32,
    skel: bool,
) {
    let m = crate::fs::NewMeta {
        mode,
        uid,
        gid,
        mtime: ctx.rt.config.mtime,
    };
    let _ = c::mkdir_p_root(ctx, c::parent(home));
    if ctx.rt.fs.stat(home).is_err() {
        let _ = ctx.fs().mkdir(home, m);
    }
    let _ = ctx.fs().chmod(home, mode);
    let _ = ctx.fs().chown(home, uid, gid);
    if !skel {
        return;
    }
    for n in ctx.rt.fs.read_dir("/etc/skel").unwrap_or_default() {
        let src = c::join("/etc/skel", &n);
        let dst = c::join(home, &n);
        let fm = crate::fs::NewMeta {
            mode: 0o644,
            uid,
            gid,
            mtime: ctx.rt.config.mtime,
        };
        if ctx.fs().copy_file(&src, &dst, fm).is_ok() {
            let _ = ctx.fs().chown(&dst, uid, gid);
        }
    }
}

/// `lastlog` is indexed by uid (292 bytes each): a large uid makes a large file.
pub(crate) fn touch_lastlog(ctx: &mut ProgramCtx<'_, '_>, uid: u32) {
    let path = "/var/log/lastlog";
    let want = (u64::from(uid) + 1) * 292;
    let cur = ctx.rt.fs.stat(path).map(|s| s.size).unwrap_or(0);
    if want > cur && c::is_dir(ctx, "/var/log") {
        let m = c::root_meta(ctx, 0o664);
        let _ = ctx.fs().write_synthetic(
            path,
            want,
            c::seed_of("lastlog"),
            "lastlog (sparse on disk, not in a layer)",
            m,
        );
    }
}

/// Whether the files may be edited (root only).
pub(crate) fn check_root(ctx: &mut ProgramCtx<'_, '_>, prog: &str, file: &str) -> bool {
    if ctx.user.uid == 0 {
        return true;
    }
    c::eout(
        ctx,
        &format!("{prog}: Permission denied.\n{prog}: cannot lock {file}; try again later.\n"),
    );
    false
}
