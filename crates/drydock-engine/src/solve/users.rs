//! Users and groups inside a stage's filesystem (`/etc/passwd`, `/etc/group`): `--chown`
//! resolution (names → ids, unknown names → 0) and RUN's user (unknown → BuildKit's error).
use drydock_vfs::Tree;

use crate::executor::RunUser;

fn read(tree: &Tree, path: &str) -> String {
    tree.read_file(path)
        .ok()
        .and_then(|c| c.as_text().map(str::to_owned))
        .unwrap_or_default()
}

/// `(name, uid, gid)` of every passwd entry.
pub fn passwd(tree: &Tree) -> Vec<(String, u32, u32)> {
    read(tree, "/etc/passwd")
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((
                (*f.first()?).to_owned(),
                f.get(2)?.parse().ok()?,
                f.get(3)?.parse().ok()?,
            ))
        })
        .collect()
}

/// `(name, gid, members)` of every group entry.
pub fn groups(tree: &Tree) -> Vec<(String, u32, Vec<String>)> {
    read(tree, "/etc/group")
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((
                (*f.first()?).to_owned(),
                f.get(2)?.parse().ok()?,
                f.get(3)
                    .map(|m| {
                        m.split(',')
                            .filter(|x| !x.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            ))
        })
        .collect()
}

/// `--chown=user[:group]` → ids (F9).
pub fn chown_ids(tree: &Tree, spec: &str) -> (u32, u32) {
    let (u, g) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let pw = passwd(tree);
    let (uid, primary) = match u.parse::<u32>() {
        Ok(n) => (n, n),
        Err(_) => pw
            .iter()
            .find(|(n, _, _)| n == u)
            .map_or((0, 0), |(_, uid, gid)| (*uid, *gid)),
    };
    let gid = match g {
        None => primary,
        Some(g) => match g.parse::<u32>() {
            Ok(n) => n,
            Err(_) => groups(tree)
                .iter()
                .find(|(n, _, _)| n == g)
                .map_or(0, |(_, gid, _)| *gid),
        },
    };
    (uid, gid)
}

/// RUN's user (U1), or BuildKit's error.
pub fn run_user(tree: &Tree, spec: &str) -> Result<RunUser, String> {
    let spec = if spec.is_empty() { "root" } else { spec };
    let (u, g) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let pw = passwd(tree);
    let gr = groups(tree);
    let (uid, name, primary) = match u.parse::<u32>() {
        Ok(n) => match pw.iter().find(|(_, id, _)| *id == n) {
            Some((name, _, gid)) => (n, name.clone(), *gid),
            None => (n, String::new(), 0),
        },
        Err(_) => match pw.iter().find(|(n, _, _)| n == u) {
            Some((name, id, gid)) => (*id, name.clone(), *gid),
            None => {
                return Err(format!(
                    "unable to find user {u}: no matching entries in passwd file"
                ));
            }
        },
    };
    let (gid, groups_list) = match g {
        Some(g) => {
            let gid = match g.parse::<u32>() {
                Ok(n) => n,
                Err(_) => match gr.iter().find(|(n, _, _)| n == g) {
                    Some((_, id, _)) => *id,
                    None => {
                        return Err(format!(
                            "unable to find group {g}: no matching entries in group file"
                        ));
                    }
                },
            };
            (gid, vec![gid])
        }
        None => {
            let mut list = vec![primary];
            for (_, id, members) in &gr {
                if !name.is_empty() && members.contains(&name) && !list.contains(id) {
                    list.push(*id);
                }
            }
            (primary, list)
        }
    };
    Ok(RunUser {
        uid,
        gid,
        name,
        groups: groups_list,
    })
}
