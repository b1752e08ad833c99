//! Users and groups as the image's `/etc/passwd` and `/etc/group` list them: lookups by name and
//! id, resolving `user[:group]` specs (chown, useradd), and the next free ids.
use crate::programs::ProgramCtx;

/// One `/etc/passwd` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PwEnt {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub gecos: String,
    pub home: String,
    pub shell: String,
}

/// One `/etc/group` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GrEnt {
    pub name: String,
    pub gid: u32,
    pub members: Vec<String>,
}

fn lines(ctx: &ProgramCtx<'_, '_>, path: &str) -> Vec<String> {
    ctx.rt
        .fs
        .read_file(path)
        .map(|b| {
            String::from_utf8_lossy(&b)
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn passwd(ctx: &ProgramCtx<'_, '_>) -> Vec<PwEnt> {
    lines(ctx, "/etc/passwd")
        .iter()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some(PwEnt {
                name: (*f.first()?).to_owned(),
                uid: f.get(2)?.parse().ok()?,
                gid: f.get(3)?.parse().ok()?,
                gecos: f.get(4).copied().unwrap_or("").to_owned(),
                home: f.get(5).copied().unwrap_or("/").to_owned(),
                shell: f.get(6).copied().unwrap_or("").to_owned(),
            })
        })
        .collect()
}

pub(crate) fn groups(ctx: &ProgramCtx<'_, '_>) -> Vec<GrEnt> {
    lines(ctx, "/etc/group")
        .iter()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some(GrEnt {
                name: (*f.first()?).to_owned(),
                gid: f.get(2)?.parse().ok()?,
                members: f
                    .get(3)
                    .map(|m| {
                        m.split(',')
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        })
        .collect()
}

pub(crate) fn user_by_name(ctx: &ProgramCtx<'_, '_>, name: &str) -> Option<PwEnt> {
    passwd(ctx).into_iter().find(|p| p.name == name)
}

pub(crate) fn user_by_uid(ctx: &ProgramCtx<'_, '_>, uid: u32) -> Option<PwEnt> {
    passwd(ctx).into_iter().find(|p| p.uid == uid)
}

pub(crate) fn group_by_name(ctx: &ProgramCtx<'_, '_>, name: &str) -> Option<GrEnt> {
    groups(ctx).into_iter().find(|g| g.name == name)
}

pub(crate) fn group_by_gid(ctx: &ProgramCtx<'_, '_>, gid: u32) -> Option<GrEnt> {
    groups(ctx).into_iter().find(|g| g.gid == gid)
}

/// The name of uid (or the number when unknown).
pub(crate) fn user_name(ctx: &ProgramCtx<'_, '_>, uid: u32) -> String {
    user_by_uid(ctx, uid).map_or_else(|| uid.to_string(), |p| p.name)
}

/// The name of gid (or the number when unknown).
pub(crate) fn group_name(ctx: &ProgramCtx<'_, '_>, gid: u32) -> String {
    group_by_gid(ctx, gid).map_or_else(|| gid.to_string(), |g| g.name)
}

/// Resolves a user name or number.
pub(crate) fn uid_of(ctx: &ProgramCtx<'_, '_>, s: &str) -> Option<(u32, Option<u32>)> {
    if let Some(p) = user_by_name(ctx, s) {
        return Some((p.uid, Some(p.gid)));
    }
    s.parse().ok().map(|u| (u, None))
}

/// Resolves a group name or number.
pub(crate) fn gid_of(ctx: &ProgramCtx<'_, '_>, s: &str) -> Option<u32> {
    if let Some(g) = group_by_name(ctx, s) {
        return Some(g.gid);
    }
    s.parse().ok()
}

/// The groups `name` belongs to besides its primary one.
pub(crate) fn supplementary(ctx: &ProgramCtx<'_, '_>, name: &str) -> Vec<GrEnt> {
    groups(ctx)
        .into_iter()
        .filter(|g| g.members.iter().any(|m| m == name))
        .collect()
}
