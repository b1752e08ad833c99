//! `docker cp` between a container (with its volumes and bind mounts in place) and the host
//! project, following Docker's archive rules: a file onto a missing path becomes that file, onto a
//! directory goes inside it, onto `dir/` that does not exist is `no such directory`; a directory
//! onto a missing path becomes it, onto a directory goes inside unless the source ends in `/.`
//! (then its contents are copied). The size printed is the tar stream's.
use drydock_vfs::{AbsPath, Metadata, Node, Timestamp, Tree};

use super::DaemonError;
use super::fs::Host;
use crate::engine::Engine;

/// Bytes of the tar stream for a node: a 512-byte header per entry, contents padded to 512, and
/// the two 512-byte end blocks.
pub fn tar_size(node: &Node) -> u64 {
    fn entries(n: &Node) -> u64 {
        match n {
            Node::Dir(d) => 512 + d.entries().map(|(_, c)| entries(c)).sum::<u64>(),
            other => 512 + other.size().div_ceil(512) * 512,
        }
    }
    entries(node) + 1024
}

/// Where a copy lands, by Docker's rules. `dst_exists_dir`: the destination exists and is a
/// directory; `dst_exists`: it exists at all. Returns the final path, or the error text.
pub fn target_path(
    src_is_dir: bool,
    src_contents_only: bool,
    src_name: &str,
    dst: &str,
    dst_exists: bool,
    dst_exists_dir: bool,
) -> Result<(String, bool), String> {
    let trailing = dst.ends_with('/') || dst.ends_with("/.");
    let clean = drydock_vfs::clean(dst);
    if !src_is_dir {
        if dst_exists_dir {
            return Ok((join(&clean, src_name), false));
        }
        if dst_exists {
            return Ok((clean, false));
        }
        if trailing {
            return Err("no such directory".to_owned());
        }
        return Ok((clean, false));
    }
    if dst_exists && !dst_exists_dir {
        return Err("cannot copy a directory to a file".to_owned());
    }
    if dst_exists_dir && !src_contents_only {
        return Ok((join(&clean, src_name), false));
    }
    // Contents go into the destination (created when missing).
    Ok((clean, true))
}

fn join(dir: &str, name: &str) -> String {
    if dir == "/" {
        format!("/{name}")
    } else {
        format!("{dir}/{name}")
    }
}

fn merge_into(tree: &mut Tree, path: &AbsPath, node: Node, contents_only: bool, now: Timestamp) {
    let parent_meta = Metadata::dir_default().at(now);
    match (contents_only, node) {
        (true, Node::Dir(d)) => {
            if tree.get(path).is_none() {
                let _ = tree.put_creating_parents(
                    path,
                    Node::Dir(drydock_vfs::DirNode::new(d.meta)),
                    parent_meta,
                );
            }
            for (name, child) in d.entries() {
                let p = path.child(name);
                merge_into(tree, &p, child.clone(), false, now);
            }
        }
        (_, Node::Dir(d)) => {
            if tree
                .get(path)
                .is_some_and(|n| n.kind() == drydock_vfs::FileKind::Dir)
            {
                for (name, child) in d.entries() {
                    let p = path.child(name);
                    merge_into(tree, &p, child.clone(), false, now);
                }
            } else {
                let _ = tree.take(path);
                let _ = tree.put_creating_parents(path, Node::Dir(d), parent_meta);
            }
        }
        (_, other) => {
            let _ = tree.take(path);
            let _ = tree.put_creating_parents(path, other, parent_meta);
        }
    }
}

/// What a copy moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// Bytes of the tar stream.
    pub bytes: u64,
}

impl Engine {
    /// `docker cp CONTAINER:SRC DEST`: `dest_abs` is the absolute host path as the client resolved
    /// it (trailing `/` kept).
    pub fn copy_from_container(
        &mut self,
        reference: &str,
        src: &str,
        dest_abs: &str,
        host: &mut Host<'_>,
    ) -> Result<Copied, String> {
        let c = self
            .find_container(reference)
            .map_err(|e| e.daemon_text())?
            .clone();
        let mounted = self.mount(&c, host).map_err(|e| e.daemon_text())?;
        let src_abs = if src.starts_with('/') {
            src.to_owned()
        } else {
            format!("/{src}")
        };
        let node = match mounted
            .upper
            .tree()
            .lookup(&drydock_vfs::clean(&src_abs), true)
        {
            Ok((_, n)) => n.to_node(),
            Err(_) => {
                self.unmount(&c.id, mounted, host);
                return Err(DaemonError::new(format!(
                    "Could not find the file {src} in container {reference}"
                ))
                .daemon_text());
            }
        };
        self.unmount(&c.id, mounted, host);
        let Some(dest_tree) = host.inside(dest_abs) else {
            return Err(host.outside_error(dest_abs).message);
        };
        let dest_tree_path = if dest_abs.ends_with('/') && dest_tree != "/" {
            format!("{dest_tree}/")
        } else {
            dest_tree.clone()
        };
        let dpath = AbsPath::parse(&drydock_vfs::clean(&dest_tree)).map_err(|e| e.to_string())?;
        let existing = host.tree.get(&dpath).map(|n| n.kind());
        if existing.is_none() {
            let parent = dpath.parent().unwrap_or_else(AbsPath::root);
            if !host.tree.is_dir(parent.as_str()) {
                let shown = dest_abs.trim_end_matches('/');
                let shown_parent = shown
                    .rsplit_once('/')
                    .map_or("/", |(p, _)| if p.is_empty() { "/" } else { p });
                return Err(format!("lstat {shown_parent}: no such file or directory"));
            }
        }
        let src_name = drydock_vfs::clean(&src_abs)
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_owned();
        let (final_path, contents) = target_path(
            node.is_dir(),
            src.ends_with("/."),
            &src_name,
            &dest_tree_path,
            existing.is_some(),
            existing == Some(drydock_vfs::FileKind::Dir),
        )?;
        let bytes = tar_size(&node);
        let now = Timestamp::from_secs(self.now_ms().div_euclid(1000));
        let mut new_tree = host.tree.clone();
        if let Ok(p) = AbsPath::parse(&final_path) {
            merge_into(&mut new_tree, &p, node, contents, now);
            let changed = new_tree.get(&p).map(|n| n.to_node());
            host.replace(&final_path, changed, now);
        }
        Ok(Copied { bytes })
    }

    /// `docker cp SRC CONTAINER:DEST`.
    pub fn copy_to_container(
        &mut self,
        reference: &str,
        src_abs: &str,
        dest: &str,
        host: &mut Host<'_>,
    ) -> Result<Copied, String> {
        let c = self
            .find_container(reference)
            .map_err(|e| e.daemon_text())?
            .clone();
        let Some(src_tree) = host.inside(src_abs) else {
            return Err(format!("lstat {src_abs}: no such file or directory"));
        };
        let spath = AbsPath::parse(&src_tree).map_err(|e| e.to_string())?;
        let Some(node) = host.tree.get(&spath).map(|n| n.to_node()) else {
            return Err(format!(
                "lstat {}: no such file or directory",
                drydock_vfs::clean(src_abs)
            ));
        };
        let mut mounted = self.mount(&c, host).map_err(|e| e.daemon_text())?;
        let dest_abs = if dest.starts_with('/') {
            dest.to_owned()
        } else {
            format!("/{dest}")
        };
        let dclean = drydock_vfs::clean(&dest_abs);
        let existing = mounted
            .upper
            .tree()
            .lookup(&dclean, true)
            .ok()
            .map(|(_, n)| n.kind());
        if existing.is_none() {
            let parent = AbsPath::parse(&dclean)
                .ok()
                .and_then(|p| p.parent())
                .unwrap_or_else(AbsPath::root);
            if !mounted.upper.tree().is_dir(parent.as_str()) {
                self.unmount(&c.id, mounted, host);
                return Err(DaemonError::new(format!(
                    "Could not find the file {} in container {reference}",
                    parent
                ))
                .daemon_text());
            }
        }
        let src_name = spath.file_name().unwrap_or("").to_owned();
        let target = target_path(
            node.is_dir(),
            src_abs.ends_with("/."),
            &src_name,
            &dest_abs,
            existing.is_some(),
            existing == Some(drydock_vfs::FileKind::Dir),
        );
        let (final_path, contents) = match target {
            Ok(t) => t,
            Err(e) => {
                self.unmount(&c.id, mounted, host);
                return Err(e);
            }
        };
        let bytes = tar_size(&node);
        let now = mounted.upper.now();
        if let Ok(p) = AbsPath::parse(&final_path) {
            merge_into(mounted.upper.tree_mut(), &p, node, contents, now);
        }
        self.unmount(&c.id, mounted, host);
        Ok(Copied { bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_cp_rules() {
        // file → missing path: becomes that file
        assert_eq!(
            target_path(false, false, "m.pt", "/p/x", false, false),
            Ok(("/p/x".into(), false))
        );
        // file → existing dir: inside it
        assert_eq!(
            target_path(false, false, "m.pt", "/p/models/", true, true),
            Ok(("/p/models/m.pt".into(), false))
        );
        // file → missing dir/
        assert_eq!(
            target_path(false, false, "m.pt", "/p/models/", false, false),
            Err("no such directory".into())
        );
        // dir → existing dir: inside; with /. : contents
        assert_eq!(
            target_path(true, false, "models", "/p/out", true, true),
            Ok(("/p/out/models".into(), false))
        );
        assert_eq!(
            target_path(true, true, "models", "/p/out", true, true),
            Ok(("/p/out".into(), true))
        );
        // dir → missing: created with the contents
        assert_eq!(
            target_path(true, false, "models", "/p/new", false, false),
            Ok(("/p/new".into(), true))
        );
        assert!(target_path(true, false, "models", "/p/file", true, false).is_err());
        let f = Node::file(Metadata::file_default(), "x".into());
        assert_eq!(tar_size(&f), 2048);
    }
}
