//! Copying entries from any tree (build context, another stage, the same upper) into an
//! `Upper`, with the knobs COPY/ADD and `cp` need: dereference the source or not, override
//! owner and mode, how created parents look, merge directories. Without overrides a copied
//! subtree is shared, not duplicated (O(1) whatever its size).

use crate::error::{ErrorKind, VfsError, VfsResult};
use crate::fsops::Create;
use crate::meta::{Metadata, PERM_MASK, Timestamp};
use crate::node::{DirNode, Node};
use crate::path::AbsPath;
use crate::tree::{NodeRef, Tree};
use crate::upper::Upper;

/// How `Upper::copy_in` copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyOptions {
    /// Follow a symlink named as the source (COPY rule F11: yes). Symlinks deeper inside a
    /// copied directory are always copied as symlinks.
    pub follow_source: bool,
    /// Owner for every copied entry (`--chown`); `None` keeps the source's.
    pub owner: Option<(u32, u32)>,
    /// Permission bits for every copied file and directory (`--chmod`); `None` keeps the
    /// source's. Symlinks keep `0777`.
    pub mode: Option<u32>,
    /// mtime for every copied entry; `None` keeps the source's.
    pub mtime: Option<Timestamp>,
    /// How missing parents of the destination are created (their mtime is the upper's clock).
    pub parents: Create,
    /// When a directory is merged into an existing one, also give the existing one the
    /// source's metadata (`false`: the existing directory keeps its own).
    pub merge_dir_meta: bool,
}

impl Default for CopyOptions {
    fn default() -> Self {
        CopyOptions {
            follow_source: true,
            owner: None,
            mode: None,
            mtime: None,
            parents: Create::dir(),
            merge_dir_meta: false,
        }
    }
}

impl CopyOptions {
    fn meta(&self, m: &Metadata, symlink: bool) -> Metadata {
        let mut out = *m;
        if let Some((u, g)) = self.owner {
            out.uid = u;
            out.gid = g;
        }
        if let (Some(mode), false) = (self.mode, symlink) {
            out.mode = mode & PERM_MASK;
        }
        if let Some(t) = self.mtime {
            out.mtime = t;
        }
        out
    }

    fn is_identity(&self) -> bool {
        self.owner.is_none() && self.mode.is_none() && self.mtime.is_none()
    }

    /// `node` with the overrides applied recursively (shared when there are none).
    fn transform(&self, node: &Node) -> Node {
        if self.is_identity() {
            return node.clone();
        }
        match node {
            Node::File(f) => Node::file(self.meta(&f.meta, false), f.content.clone()),
            Node::Symlink(l) => {
                let mut l = l.clone();
                l.meta = self.meta(&l.meta, true);
                Node::Symlink(l)
            }
            Node::Dir(d) => {
                let mut out = DirNode::new(self.meta(&d.meta, false));
                for (name, child) in d.entries() {
                    if !matches!(child, Node::Whiteout) {
                        out.insert(name.clone(), self.transform(child));
                    }
                }
                Node::Dir(out)
            }
            Node::Whiteout => Node::Whiteout,
        }
    }
}

impl Upper {
    /// Copies the entry at `src` in `from` so that it becomes `dst` here (`dst` is the final
    /// name, not a directory to copy into: callers apply COPY's "dest ends with `/`" rules).
    ///
    /// - `dst` missing: created (missing parents too, with `opts.parents`).
    /// - file over an existing file or symlink: replaced.
    /// - directory over an existing directory: merged recursively (existing entries not in the
    ///   source stay; files are replaced).
    /// - file onto an existing directory: `EISDIR`; directory onto a non-directory: `ENOTDIR`
    ///   (BuildKit: `cannot replace to directory … with file` / `cannot copy to non-directory`).
    ///
    /// Symlinks in `dst`'s parents are followed. Returns the physical destination path.
    pub fn copy_in(
        &mut self,
        from: &Tree,
        src: &str,
        dst: &str,
        opts: &CopyOptions,
    ) -> VfsResult<AbsPath> {
        let node = match from.resolve(src, opts.follow_source)?.node {
            Some(n) => n.to_node(),
            None => return Err(VfsError::new(ErrorKind::NotFound, src)),
        };
        self.place(&node, dst, opts)
    }

    /// Places an already built node at `dst` with the same rules as `copy_in` (for heredocs,
    /// downloaded files, extracted archives).
    pub fn place(&mut self, node: &Node, dst: &str, opts: &CopyOptions) -> VfsResult<AbsPath> {
        let node = opts.transform(node);
        if let Some(parent) = parent_of(dst) {
            let mut p = opts.parents;
            if let Some((u, g)) = opts.owner {
                p = p.owner(u, g);
            }
            if let Some(m) = opts.mode {
                p = p.mode(m);
            }
            self.mkdir_all(&parent, p)?;
        }
        let r = self.tree.resolve(dst, true)?;
        let target = r.path.clone();
        let existing = r.node.map(|n| n.to_node());
        let existed = existing.is_some();
        let merged = match (existing, node) {
            (None, n) => n,
            (Some(Node::Dir(old)), Node::Dir(new)) => {
                Node::Dir(merge_dirs(old, &new, opts, &target)?)
            }
            (Some(Node::Dir(_)), _) => return Err(VfsError::new(ErrorKind::IsADirectory, dst)),
            (Some(_), Node::Dir(_)) => return Err(VfsError::new(ErrorKind::NotADirectory, dst)),
            (Some(_), n) => n,
        };
        self.tree.put(&target, merged)?;
        if !existed {
            let now = self.now;
            if let Some(parent) = target.parent() {
                let _ = self.tree.modify(&parent, |n| {
                    if let Some(m) = n.meta_mut() {
                        m.mtime = now;
                    }
                    Ok(())
                });
            }
        }
        Ok(target)
    }

    /// The entry at `path` as seen now, if any (following symlinks).
    pub fn node_at(&self, path: &str) -> Option<Node> {
        self.tree
            .resolve(path, true)
            .ok()?
            .node
            .map(|n: NodeRef<'_>| n.to_node())
    }
}

/// The textual parent of a raw path (`None` when it has no parent component to create).
fn parent_of(raw: &str) -> Option<String> {
    let trimmed = raw.trim_end_matches('/');
    let idx = trimmed.rfind('/')?;
    let parent = trimmed.get(..idx).unwrap_or("");
    if parent.is_empty() {
        None
    } else {
        Some(parent.to_owned())
    }
}

/// Merges `new` into `old` (both directories): children of `new` win, directories recurse,
/// entries only in `old` stay.
/// A file meeting an existing directory is `EISDIR`, a directory meeting an existing
/// non-directory `ENOTDIR` (errors name the destination path).
fn merge_dirs(
    mut old: DirNode,
    new: &DirNode,
    opts: &CopyOptions,
    at: &AbsPath,
) -> VfsResult<DirNode> {
    if opts.merge_dir_meta {
        old.meta = new.meta;
    }
    for (name, child) in new.entries() {
        let path = at.child(name);
        let merged = match (old.get(name), child) {
            (Some(Node::Dir(o)), Node::Dir(n)) => Node::Dir(merge_dirs(o.clone(), n, opts, &path)?),
            (Some(Node::Dir(_)), _) => {
                return Err(VfsError::new(ErrorKind::IsADirectory, path.as_str()));
            }
            (Some(_), Node::Dir(_)) => {
                return Err(VfsError::new(ErrorKind::NotADirectory, path.as_str()));
            }
            _ => child.clone(),
        };
        old.insert(name.clone(), merged);
    }
    Ok(old)
}
