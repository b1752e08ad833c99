//! `Tree`: one immutable-by-default filesystem snapshot (a persistent tree of nodes). Cloning is
//! O(1); every mutation copies only the path to the changed entry, so earlier clones are
//! unaffected (structural sharing).
//!
//! Two families of methods live here:
//! - lexical ones on `AbsPath` (`get`, `put`, `take`, `modify`): no symlink is ever followed, every
//!   ancestor must be a real directory. Layers, diffs and the engine's plumbing use them.
//! - kernel-like reads on raw `&str` paths (`stat`, `lstat`, `read_dir`, `read_file`,
//!   `read_link`, `realpath`, `exists`): symlinks are followed as Linux does (see `resolve.rs`).
//!
//! Kernel-like *writes* (with a clock) are on `Upper`.

use std::sync::Arc;

use crate::content::Content;
use crate::error::{ErrorKind, VfsError, VfsResult};
use crate::meta::{FileKind, Metadata, Stat};
use crate::node::{DirNode, Name, Node};
use crate::path::AbsPath;

/// The deepest an entry may be (`/a/b` is depth 2). Linux allows deeper trees, but every
/// recursive algorithm here must stay within a 1 MiB wasm stack; creating or moving an entry
/// deeper fails with `ENAMETOOLONG`.
pub const MAX_DEPTH: usize = 256;

/// Longest raw path accepted (`PATH_MAX` - 1).
pub const MAX_PATH_LEN: usize = 4095;

/// Longest entry name (`NAME_MAX`).
pub const MAX_NAME_LEN: usize = 255;

/// `ENAMETOOLONG` unless `path` may hold an entry.
pub(crate) fn check_depth(path: &AbsPath) -> VfsResult<()> {
    if path.depth() > MAX_DEPTH || path.components().any(|c| c.len() > MAX_NAME_LEN) {
        return Err(VfsError::new(ErrorKind::NameTooLong, path.as_str()));
    }
    Ok(())
}

/// `ENAMETOOLONG` unless `node` placed at `path` stays within `MAX_DEPTH`.
pub(crate) fn check_fits(path: &AbsPath, node: &Node) -> VfsResult<()> {
    if !path.is_root() {
        check_depth(path)?;
    }
    let room = MAX_DEPTH + 1 - path.depth().min(MAX_DEPTH);
    if node.is_dir() && height_within(node, room).is_none() {
        return Err(VfsError::new(ErrorKind::NameTooLong, path.as_str()));
    }
    Ok(())
}

/// How many levels `node` spans (a file 1, a directory with files 2, …), giving up with `None`
/// once it exceeds `limit`. Iterative.
pub(crate) fn height_within(node: &Node, limit: usize) -> Option<usize> {
    let mut max = 0usize;
    let mut stack: Vec<(&Node, usize)> = vec![(node, 1)];
    while let Some((n, d)) = stack.pop() {
        if d > limit {
            return None;
        }
        max = max.max(d);
        if let Node::Dir(dir) = n {
            stack.extend(dir.entries().map(|(_, c)| (c, d + 1)));
        }
    }
    Some(max)
}

/// A complete filesystem snapshot. The root is always a directory; a `Tree` never contains
/// whiteouts or opaque markers (those exist only in `Layer`s).
#[derive(Debug, Clone)]
pub struct Tree {
    pub(crate) root: DirNode,
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

/// One child as `readdir` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    /// The entry's name.
    pub name: Name,
    /// Its kind (symlinks are not followed).
    pub kind: FileKind,
}

impl Tree {
    /// An empty filesystem: just `/` (`0755 root:root`, mtime at the epoch), like `FROM scratch`.
    pub fn new() -> Self {
        Tree {
            root: DirNode::new(Metadata::dir_default()),
        }
    }

    /// An empty filesystem whose root has the given metadata.
    pub fn with_root_meta(meta: Metadata) -> Self {
        Tree {
            root: DirNode::new(meta),
        }
    }

    /// A tree whose root is `root` (whiteouts and opaque flags are removed).
    pub fn from_root(root: DirNode) -> Self {
        Tree {
            root: crate::layer::strip_dir(&root).unwrap_or(root),
        }
    }

    /// The root directory.
    pub fn root(&self) -> &DirNode {
        &self.root
    }

    /// Whether both trees are the very same version (O(1); `false` does not mean they differ).
    pub fn ptr_eq(&self, other: &Tree) -> bool {
        self.root.same_entries(&other.root) && self.root.meta == other.root.meta
    }

    // ----- lexical access (no symlinks) -----

    /// The node at `path`, walking real directories only (no symlink is followed).
    pub fn get(&self, path: &AbsPath) -> Option<NodeRef<'_>> {
        let mut dir = &self.root;
        let mut comps = path.components().peekable();
        if comps.peek().is_none() {
            return Some(NodeRef::Root(&self.root));
        }
        while let Some(c) = comps.next() {
            let node = dir.get(c)?;
            if comps.peek().is_none() {
                return Some(NodeRef::Node(node));
            }
            dir = node.as_dir()?;
        }
        None
    }

    /// The directory at `path` (lexical).
    pub fn get_dir(&self, path: &AbsPath) -> Option<&DirNode> {
        match self.get(path)? {
            NodeRef::Root(d) => Some(d),
            NodeRef::Node(n) => n.as_dir(),
        }
    }

    /// Runs `f` on the parent directory of `path` (lexically; ancestors must be directories),
    /// copying only the path from the root. `f` receives the parent and the final name.
    /// Fails with `EBUSY` for the root itself.
    pub fn with_parent<T>(
        &mut self,
        path: &AbsPath,
        f: impl FnOnce(&mut DirNode, &str) -> VfsResult<T>,
    ) -> VfsResult<T> {
        let Some(name) = path.file_name() else {
            return Err(VfsError::new(ErrorKind::Busy, path.as_str()));
        };
        check_depth(path)?;
        let parents: Vec<&str> = path.components().collect();
        let parents = parents
            .get(..parents.len().saturating_sub(1))
            .unwrap_or(&[]);
        descend(&mut self.root, parents, path.as_str(), |dir| f(dir, name))
    }

    /// Runs `f` on the directory at `path` (lexical), copying only the path from the root.
    pub fn with_dir<T>(
        &mut self,
        path: &AbsPath,
        f: impl FnOnce(&mut DirNode) -> VfsResult<T>,
    ) -> VfsResult<T> {
        check_depth(path)?;
        let comps: Vec<&str> = path.components().collect();
        descend(&mut self.root, &comps, path.as_str(), f)
    }

    /// Puts `node` at `path` (lexical; the parent must exist as a directory), replacing whatever
    /// was there. Returns the previous node. A directory may replace the root; whiteouts are
    /// rejected (`EINVAL`).
    pub fn put(&mut self, path: &AbsPath, node: Node) -> VfsResult<Option<Node>> {
        if matches!(node, Node::Whiteout) {
            return Err(VfsError::new(ErrorKind::InvalidArgument, path.as_str()));
        }
        check_fits(path, &node)?;
        if path.is_root() {
            return match node {
                Node::Dir(d) => {
                    let old = std::mem::replace(&mut self.root, d);
                    Ok(Some(Node::Dir(old)))
                }
                _ => Err(VfsError::new(ErrorKind::Busy, path.as_str())),
            };
        }
        self.with_parent(path, |dir, name| {
            let prev = dir.get(name).cloned();
            dir.insert(Arc::from(name), node);
            Ok(prev)
        })
    }

    /// Removes and returns the node at `path` (lexical). `ENOENT` when missing, `EBUSY` for `/`.
    pub fn take(&mut self, path: &AbsPath) -> VfsResult<Node> {
        self.with_parent(path, |dir, name| {
            dir.remove(name)
                .ok_or_else(|| VfsError::new(ErrorKind::NotFound, path.as_str()))
        })
    }

    /// `put` that also stamps the parent directory's mtime (one path copy).
    pub(crate) fn put_stamped(
        &mut self,
        path: &AbsPath,
        node: Node,
        now: crate::meta::Timestamp,
    ) -> VfsResult<()> {
        check_fits(path, &node)?;
        self.with_parent(path, |dir, name| {
            dir.insert(Arc::from(name), node);
            dir.meta.mtime = now;
            Ok(())
        })
    }

    /// `take` that also stamps the parent directory's mtime (one path copy).
    pub(crate) fn take_stamped(
        &mut self,
        path: &AbsPath,
        now: crate::meta::Timestamp,
    ) -> VfsResult<Node> {
        self.with_parent(path, |dir, name| {
            let n = dir
                .remove(name)
                .ok_or_else(|| VfsError::new(ErrorKind::NotFound, path.as_str()))?;
            dir.meta.mtime = now;
            Ok(n)
        })
    }

    /// Runs `f` on the node at `path` (lexical; `ENOENT` when missing). The root is passed as a
    /// `Node::Dir` and must stay a directory.
    pub fn modify<T>(
        &mut self,
        path: &AbsPath,
        f: impl FnOnce(&mut Node) -> VfsResult<T>,
    ) -> VfsResult<T> {
        if path.is_root() {
            let mut node = Node::Dir(self.root.clone());
            let r = f(&mut node)?;
            match node {
                Node::Dir(d) => self.root = d,
                _ => return Err(VfsError::new(ErrorKind::Busy, path.as_str())),
            }
            return Ok(r);
        }
        self.with_parent(path, |dir, name| {
            let mut node = dir
                .get(name)
                .cloned()
                .ok_or_else(|| VfsError::new(ErrorKind::NotFound, path.as_str()))?;
            let r = f(&mut node)?;
            dir.insert(Arc::from(name), node);
            Ok(r)
        })
    }

    /// Sets the metadata of the entry at `path` (lexical).
    pub fn set_meta(&mut self, path: &AbsPath, meta: Metadata) -> VfsResult<()> {
        self.modify(path, |n| match n.meta_mut() {
            Some(m) => {
                *m = meta;
                Ok(())
            }
            None => Err(VfsError::new(ErrorKind::NotFound, path.as_str())),
        })
    }

    // ----- kernel-like reads (symlinks followed) -----

    /// `stat(2)`: follows symlinks.
    pub fn stat(&self, path: &str) -> VfsResult<Stat> {
        let r = self.lookup(path, true)?;
        r.1.stat()
            .ok_or_else(|| VfsError::new(ErrorKind::NotFound, path))
    }

    /// `lstat(2)`: does not follow a final symlink.
    pub fn lstat(&self, path: &str) -> VfsResult<Stat> {
        let r = self.lookup(path, false)?;
        r.1.stat()
            .ok_or_else(|| VfsError::new(ErrorKind::NotFound, path))
    }

    /// The resolved path and node of an existing entry (`ENOENT` when missing).
    pub fn lookup(&self, path: &str, follow: bool) -> VfsResult<(AbsPath, NodeRef<'_>)> {
        let r = self.resolve(path, follow)?;
        match r.node {
            Some(n) => Ok((r.path, n)),
            None => Err(VfsError::new(ErrorKind::NotFound, path)),
        }
    }

    /// Whether `path` exists (following symlinks, like `test -e`).
    pub fn exists(&self, path: &str) -> bool {
        self.lookup(path, true).is_ok()
    }

    /// Whether `path` is a directory (following symlinks, like `test -d`).
    pub fn is_dir(&self, path: &str) -> bool {
        self.lookup(path, true)
            .is_ok_and(|(_, n)| n.kind() == FileKind::Dir)
    }

    /// Whether `path` is a regular file (following symlinks, like `test -f`).
    pub fn is_file(&self, path: &str) -> bool {
        self.lookup(path, true)
            .is_ok_and(|(_, n)| n.kind() == FileKind::File)
    }

    /// The children of a directory (following symlinks), sorted by name.
    pub fn read_dir(&self, path: &str) -> VfsResult<Vec<DirEntry>> {
        let (_, node) = self.lookup(path, true)?;
        let dir = node
            .as_dir()
            .ok_or_else(|| VfsError::new(ErrorKind::NotADirectory, path))?;
        Ok(dir
            .entries()
            .filter_map(|(name, n)| {
                n.kind().map(|kind| DirEntry {
                    name: name.clone(),
                    kind,
                })
            })
            .collect())
    }

    /// The contents of a regular file (following symlinks). `EISDIR` for directories.
    pub fn read_file(&self, path: &str) -> VfsResult<Content> {
        let (_, node) = self.lookup(path, true)?;
        match node {
            NodeRef::Node(Node::File(f)) => Ok(f.content.clone()),
            _ => Err(VfsError::new(ErrorKind::IsADirectory, path)),
        }
    }

    /// The target of a symlink (`EINVAL` when `path` is not one).
    pub fn read_link(&self, path: &str) -> VfsResult<Arc<str>> {
        let (_, node) = self.lookup(path, false)?;
        match node {
            NodeRef::Node(Node::Symlink(l)) => Ok(l.target.clone()),
            _ => Err(VfsError::new(ErrorKind::InvalidArgument, path)),
        }
    }

    /// `realpath(3)`: the canonical path of an existing entry, every symlink resolved.
    pub fn realpath(&self, path: &str) -> VfsResult<AbsPath> {
        Ok(self.lookup(path, true)?.0)
    }

    /// Sum of the sizes of every file and symlink (directories count 0), like `du --apparent-size`
    /// without directory blocks.
    pub fn total_size(&self) -> u64 {
        self.walk()
            .filter(|(_, n)| !n.is_dir())
            .map(|(_, n)| n.size())
            .sum()
    }

    /// Number of entries (excluding the root).
    pub fn count(&self) -> usize {
        self.walk().count()
    }
}

/// A node found in a tree: the root directory or an ordinary node.
#[derive(Debug, Clone, Copy)]
pub enum NodeRef<'a> {
    /// The root directory.
    Root(&'a DirNode),
    /// Any other entry.
    Node(&'a Node),
}

impl<'a> NodeRef<'a> {
    /// The entry's kind.
    pub fn kind(&self) -> FileKind {
        match self {
            NodeRef::Root(_) => FileKind::Dir,
            NodeRef::Node(n) => n.kind().unwrap_or(FileKind::File),
        }
    }

    /// The directory, if this is one.
    pub fn as_dir(&self) -> Option<&'a DirNode> {
        match self {
            NodeRef::Root(d) => Some(d),
            NodeRef::Node(n) => n.as_dir(),
        }
    }

    /// The node (the root becomes a cloned `Node::Dir`, O(1)).
    pub fn to_node(&self) -> Node {
        match self {
            NodeRef::Root(d) => Node::Dir((*d).clone()),
            NodeRef::Node(n) => (*n).clone(),
        }
    }

    /// Metadata.
    pub fn meta(&self) -> Metadata {
        match self {
            NodeRef::Root(d) => d.meta,
            NodeRef::Node(n) => n.meta().copied().unwrap_or(Metadata::file_default()),
        }
    }

    /// `stat` of the entry.
    pub fn stat(&self) -> Option<Stat> {
        match self {
            NodeRef::Root(d) => Node::Dir((*d).clone()).stat(),
            NodeRef::Node(n) => n.stat(),
        }
    }

    /// The file contents, if this is a regular file.
    pub fn content(&self) -> Option<&'a Content> {
        match self {
            NodeRef::Node(Node::File(f)) => Some(&f.content),
            _ => None,
        }
    }

    /// The symlink target, if this is a symlink.
    pub fn link_target(&self) -> Option<&'a str> {
        match self {
            NodeRef::Node(Node::Symlink(l)) => Some(&l.target),
            _ => None,
        }
    }
}

/// Walks down `comps` from `dir`, copying each directory on the way, and runs `f` on the last.
fn descend<T, F: FnOnce(&mut DirNode) -> VfsResult<T>>(
    dir: &mut DirNode,
    comps: &[&str],
    full: &str,
    f: F,
) -> VfsResult<T> {
    let Some((first, rest)) = comps.split_first() else {
        return f(dir);
    };
    match dir.get(first) {
        Some(Node::Dir(_)) => {}
        Some(_) => return Err(VfsError::new(ErrorKind::NotADirectory, full)),
        None => return Err(VfsError::new(ErrorKind::NotFound, full)),
    }
    match dir.entries.get_mut(*first) {
        Some(Node::Dir(child)) => descend(child, rest, full, f),
        _ => Err(VfsError::new(ErrorKind::NotFound, full)),
    }
}
