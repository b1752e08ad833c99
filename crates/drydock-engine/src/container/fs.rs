//! A container's filesystem while something runs in it: the image's layers, the writable layer,
//! and the mounts placed over them (volumes — copied up from the image directory on first use —
//! and bind mounts of host project folders). After the run the mounts are taken out again:
//! volume contents go back to the volume, bind-mount contents back to the host project (with the
//! paths that changed), and the writable layer keeps only the container's own changes (plus the
//! mount-point directories the runtime created).
use drydock_vfs::{AbsPath, Layer, Metadata, Node, Timestamp, Tree, Upper, diff};

use super::{Container, DaemonError};
use crate::engine::Engine;

/// The host project folder as the daemon sees it (the bind-mount source and `docker cp`'s local
/// side). `.drydock/` is never part of it.
pub struct Host<'a> {
    /// Absolute path of the project folder (`/home/learner/project`).
    pub root: &'a str,
    pub tree: &'a mut Tree,
    /// Paths (relative to the project folder) created, changed or removed so far.
    pub changed: Vec<String>,
}

impl<'a> Host<'a> {
    pub fn new(root: &'a str, tree: &'a mut Tree) -> Self {
        Host {
            root,
            tree,
            changed: Vec::new(),
        }
    }

    /// The tree path (`/models`) of an absolute host path inside the project, `None` outside.
    pub fn inside(&self, abs: &str) -> Option<String> {
        let abs = drydock_vfs::clean(abs);
        let root = drydock_vfs::clean(self.root);
        if abs == root {
            return Some("/".to_owned());
        }
        let rest = if root == "/" {
            abs.strip_prefix('/')
        } else {
            abs.strip_prefix(&root)?.strip_prefix('/')
        }?;
        Some(format!("/{rest}"))
    }

    /// The error for a bind source outside the project folder (Drydock has no other host files).
    pub fn outside_error(&self, abs: &str) -> DaemonError {
        DaemonError::new(format!(
            "invalid mount config for type \"bind\": bind source path {abs} is outside the project folder {} (Drydock can only share the project folder with containers)",
            self.root
        ))
    }

    /// Replaces the subtree at `path` (a tree path) with `node` (`None` removes it), recording
    /// every path that changed.
    pub fn replace(&mut self, path: &str, node: Option<Node>, now: Timestamp) {
        let Ok(p) = AbsPath::parse(path) else { return };
        let existed = self.tree.get(&p).is_some();
        let before = subtree(self.tree, &p);
        let parent_meta = Metadata::dir_default().at(now);
        match node.clone() {
            Some(n) => {
                let _ = self.tree.take(&p);
                let _ = self.tree.put_creating_parents(&p, n, parent_meta);
            }
            None => {
                let _ = self.tree.take(&p);
            }
        }
        let after = subtree(self.tree, &p);
        let base = p.as_str().trim_start_matches('/');
        let exists = self.tree.get(&p).is_some();
        if existed != exists && !base.is_empty() {
            self.changed.push(base.to_owned());
        }
        for ch in diff(&before, &after) {
            let rel = ch.path.as_str().trim_start_matches('/');
            let full = match (base.is_empty(), rel.is_empty()) {
                (true, _) => rel.to_owned(),
                (false, true) => base.to_owned(),
                (false, false) => format!("{base}/{rel}"),
            };
            if !full.is_empty() && !self.changed.contains(&full) {
                self.changed.push(full);
            }
        }
    }
}

/// A tree whose root is the node at `path` (a directory), or a tree holding the single node
/// under the name `_` (so that a file can be compared too); empty when missing.
fn subtree(tree: &Tree, path: &AbsPath) -> Tree {
    match tree.get(path).map(|n| n.to_node()) {
        Some(Node::Dir(d)) => Tree::from_root(d),
        Some(other) => {
            let mut t = Tree::new();
            if let Ok(p) = AbsPath::parse("/_") {
                let _ = t.put(&p, other);
            }
            t
        }
        None => Tree::new(),
    }
}

/// What was at a mount target before the mount was placed.
pub struct Placed {
    index: usize,
    target: AbsPath,
    before: Option<Node>,
}

/// The container's filesystem while mounted.
pub struct Mounted {
    pub upper: Upper,
    placed: Vec<Placed>,
    /// Read-only mount targets.
    pub read_only: Vec<String>,
}

impl Engine {
    /// The merged filesystem of a container (image + writable layer), as an `Upper` over the
    /// image's stack.
    pub fn container_upper(&mut self, c: &Container) -> Upper {
        let img = self.state.images.get(&c.image_id).cloned();
        let stack = match &img {
            Some(i) => self.image_stack(i),
            None => drydock_vfs::LayerStack::new(),
        };
        let mut upper = Upper::at(stack, Timestamp::from_secs(self.now_ms().div_euclid(1000)));
        let merged = c.layer.apply(upper.tree());
        *upper.tree_mut() = merged;
        upper
    }

    /// The container's files without mounts (what `docker diff`/`docker export` see).
    pub fn container_tree(&mut self, id: &str) -> Option<Tree> {
        let c = self.state.containers.get(id)?.clone();
        Some(self.container_upper(&c).tree().clone())
    }

    /// The same files for a caller holding the engine read-only (terminal completion): the
    /// image's stack is built without being cached.
    pub fn container_files(&self, id: &str) -> Option<Tree> {
        let c = self.state.containers.get(id)?;
        let stack = match self.state.images.get(&c.image_id) {
            Some(img) => self.stack_of(img),
            None => drydock_vfs::LayerStack::new(),
        };
        Some(c.layer.apply(stack.tree()))
    }

    /// `docker diff`: the container's changes against its image (mounts excluded).
    pub fn container_changes(&mut self, id: &str) -> Vec<drydock_vfs::Change> {
        let Some(c) = self.state.containers.get(id).cloned() else {
            return Vec::new();
        };
        let up = self.container_upper(&c);
        diff(up.lower().tree(), up.tree())
    }

    /// Places the container's mounts over its filesystem.
    pub fn mount(&mut self, c: &Container, host: &mut Host<'_>) -> Result<Mounted, DaemonError> {
        let mut upper = self.container_upper(c);
        let now = upper.now();
        let mut order: Vec<usize> = (0..c.mounts.len()).collect();
        drydock_text::sort::sort_by_key(&mut order, |&i| {
            c.mounts.get(i).map_or(0, |m| m.destination.len())
        });
        let mut placed = Vec::new();
        let mut read_only = Vec::new();
        for i in order {
            let Some(m) = c.mounts.get(i) else { continue };
            let Ok(target) = AbsPath::parse(&m.destination) else {
                continue;
            };
            let before = upper.tree().get(&target).map(|n| n.to_node());
            let node = if m.kind == "volume" {
                let needs_copy = self
                    .state
                    .volumes
                    .get(&m.name)
                    .is_some_and(|v| !v.populated);
                if needs_copy {
                    // First use: the volume gets the image directory's contents.
                    let init = match &before {
                        Some(Node::Dir(d)) => Tree::from_root(d.clone()),
                        _ => Tree::new(),
                    };
                    self.set_volume_tree(&m.name, &init);
                }
                let t = self
                    .state
                    .volumes
                    .get(&m.name)
                    .map(super::super::volume::Volume::tree)
                    .unwrap_or_default();
                Node::Dir(t.root().clone())
            } else {
                let Some(hp) = host.inside(&m.source) else {
                    return Err(host.outside_error(&m.source));
                };
                let Ok(hpath) = AbsPath::parse(&hp) else {
                    return Err(host.outside_error(&m.source));
                };
                match host.tree.get(&hpath).map(|n| n.to_node()) {
                    Some(n) => n,
                    None => {
                        // `-v` creates a missing host folder (owned by root on a real host).
                        let dir = Node::dir(Metadata::dir_default().at(now));
                        host.replace(&hp, Some(dir.clone()), now);
                        dir
                    }
                }
            };
            // Replace (not merge with) what the image has there: a mount hides it.
            let _ = upper.tree_mut().take(&target);
            let _ = upper.tree_mut().put_creating_parents(
                &target,
                node,
                Metadata::dir_default().at(now),
            );
            if !m.rw {
                read_only.push(m.destination.clone());
            }
            placed.push(Placed {
                index: i,
                target,
                before,
            });
        }
        Ok(Mounted {
            upper,
            placed,
            read_only,
        })
    }

    /// Takes the mounts out again: volume and bind contents go back to their sources, the
    /// writable layer is stored. Returns nothing; host changes are recorded in `host`.
    pub fn unmount(&mut self, id: &str, mut m: Mounted, host: &mut Host<'_>) {
        let Some(c) = self.state.containers.get(id).cloned() else {
            return;
        };
        let now = m.upper.now();
        while let Some(p) = m.placed.pop() {
            let Some(mp) = c.mounts.get(p.index) else {
                continue;
            };
            let inside = m.upper.tree().get(&p.target).map(|n| n.to_node());
            if mp.kind == "volume" {
                let t = match &inside {
                    Some(Node::Dir(d)) => Tree::from_root(d.clone()),
                    _ => Tree::new(),
                };
                self.set_volume_tree(&mp.name, &t);
            } else if mp.rw
                && let Some(hp) = host.inside(&mp.source)
            {
                let same = match (&inside, host_node(host, &hp)) {
                    (Some(a), Some(b)) => a.same_as(&b),
                    (None, None) => true,
                    _ => false,
                };
                if !same {
                    host.replace(&hp, inside.clone(), now);
                }
            }
            // The mount point stays as the runtime created it: the image's entry, or an empty
            // directory when there was none.
            let restored = p
                .before
                .unwrap_or_else(|| Node::dir(Metadata::dir_default().at(now)));
            let _ = m.upper.tree_mut().take(&p.target);
            let _ = m.upper.tree_mut().put_creating_parents(
                &p.target,
                restored,
                Metadata::dir_default().at(now),
            );
        }
        let layer = Layer::from_diff(m.upper.lower().tree(), m.upper.tree());
        if let Some(c) = self.container_mut(id) {
            c.layer = layer;
        }
    }
}

fn host_node(host: &Host<'_>, path: &str) -> Option<Node> {
    let p = AbsPath::parse(path).ok()?;
    host.tree.get(&p).map(|n| n.to_node())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_paths() {
        let mut t = Tree::new();
        let h = Host::new("/home/learner/project", &mut t);
        assert_eq!(
            h.inside("/home/learner/project/models/").as_deref(),
            Some("/models")
        );
        assert_eq!(h.inside("/home/learner/project").as_deref(), Some("/"));
        assert_eq!(h.inside("/home/learner/projectx"), None);
        assert_eq!(h.inside("/etc"), None);
    }

    #[test]
    fn replace_records_changes() {
        let mut t = Tree::new();
        let mut h = Host::new("/p", &mut t);
        let mut sub = Tree::new();
        sub.put(
            &AbsPath::parse("/model.pt").unwrap(),
            Node::file(Metadata::file_default(), "x".into()),
        )
        .unwrap();
        h.replace(
            "/models",
            Some(Node::Dir(sub.root().clone())),
            Timestamp::EPOCH,
        );
        assert_eq!(
            h.changed,
            vec!["models".to_owned(), "models/model.pt".to_owned()]
        );
    }
}
