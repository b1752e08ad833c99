//! Tree nodes: files, directories (persistent maps of named children), symlinks, and the
//! whiteout marker that only layers contain.

use std::sync::Arc;

use crate::content::Content;
use crate::meta::{FileKind, Metadata, Stat};
use crate::pmap::PMap;

/// A directory entry name: never empty, never `.`/`..`, never contains `/`. Shared string.
pub type Name = Arc<str>;

/// A regular file.
#[derive(Debug, Clone)]
pub struct FileNode {
    /// Permissions, owner, mtime.
    pub meta: Metadata,
    /// The bytes (real or synthetic).
    pub content: Content,
}

/// A symbolic link.
#[derive(Debug, Clone)]
pub struct SymlinkNode {
    /// Metadata (permissions are always shown as `0777`; owner and mtime matter).
    pub meta: Metadata,
    /// The target exactly as written (relative or absolute, may dangle).
    pub target: Arc<str>,
}

/// A directory: metadata plus a persistent sorted map of children.
#[derive(Debug, Clone)]
pub struct DirNode {
    /// Permissions, owner, mtime.
    pub meta: Metadata,
    /// Only in layers: an OCI opaque directory (`.wh..wh..opq`): hides everything below it in
    /// lower layers. Always `false` in a `Tree`.
    pub opaque: bool,
    pub(crate) entries: PMap<Name, Node>,
}

/// One entry of a tree or a layer.
#[derive(Debug, Clone)]
pub enum Node {
    /// Regular file.
    File(FileNode),
    /// Directory.
    Dir(DirNode),
    /// Symbolic link.
    Symlink(SymlinkNode),
    /// Only in layers: this name is deleted (OCI `.wh.<name>`).
    Whiteout,
}

impl DirNode {
    /// An empty directory.
    pub fn new(meta: Metadata) -> Self {
        DirNode {
            meta,
            opaque: false,
            entries: PMap::new(),
        }
    }

    /// The child called `name`.
    pub fn get(&self, name: &str) -> Option<&Node> {
        self.entries.get(name)
    }

    /// Children in name order (byte order).
    pub fn entries(&self) -> impl Iterator<Item = (&Name, &Node)> {
        self.entries.iter()
    }

    /// Number of children.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the directory has no children.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Inserts or replaces a child (path copying: other snapshots are unaffected).
    pub fn insert(&mut self, name: Name, node: Node) {
        self.entries.insert(name, node);
    }

    /// Removes a child.
    pub fn remove(&mut self, name: &str) -> Option<Node> {
        self.entries.remove(name)
    }

    /// Whether both directories share the very same children map (O(1) "unchanged" test).
    pub fn same_entries(&self, other: &DirNode) -> bool {
        self.entries.ptr_eq(&other.entries)
    }

    /// Number of child directories (for `nlink`).
    fn subdirs(&self) -> u64 {
        self.entries
            .values()
            .filter(|n| matches!(n, Node::Dir(_)))
            .count() as u64
    }
}

impl Node {
    /// A file node.
    pub fn file(meta: Metadata, content: Content) -> Self {
        Node::File(FileNode { meta, content })
    }

    /// An empty directory node.
    pub fn dir(meta: Metadata) -> Self {
        Node::Dir(DirNode::new(meta))
    }

    /// A symlink node.
    pub fn symlink(meta: Metadata, target: &str) -> Self {
        Node::Symlink(SymlinkNode {
            meta,
            target: Arc::from(target),
        })
    }

    /// The kind; `None` for a whiteout.
    pub fn kind(&self) -> Option<FileKind> {
        match self {
            Node::File(_) => Some(FileKind::File),
            Node::Dir(_) => Some(FileKind::Dir),
            Node::Symlink(_) => Some(FileKind::Symlink),
            Node::Whiteout => None,
        }
    }

    /// The metadata; `None` for a whiteout.
    pub fn meta(&self) -> Option<&Metadata> {
        match self {
            Node::File(f) => Some(&f.meta),
            Node::Dir(d) => Some(&d.meta),
            Node::Symlink(l) => Some(&l.meta),
            Node::Whiteout => None,
        }
    }

    /// Mutable metadata; `None` for a whiteout.
    pub fn meta_mut(&mut self) -> Option<&mut Metadata> {
        match self {
            Node::File(f) => Some(&mut f.meta),
            Node::Dir(d) => Some(&mut d.meta),
            Node::Symlink(l) => Some(&mut l.meta),
            Node::Whiteout => None,
        }
    }

    /// The directory, if this is one.
    pub fn as_dir(&self) -> Option<&DirNode> {
        match self {
            Node::Dir(d) => Some(d),
            _ => None,
        }
    }

    /// The file, if this is one.
    pub fn as_file(&self) -> Option<&FileNode> {
        match self {
            Node::File(f) => Some(f),
            _ => None,
        }
    }

    /// The symlink, if this is one.
    pub fn as_symlink(&self) -> Option<&SymlinkNode> {
        match self {
            Node::Symlink(l) => Some(l),
            _ => None,
        }
    }

    /// Whether this is a directory.
    pub fn is_dir(&self) -> bool {
        matches!(self, Node::Dir(_))
    }

    /// Size as `stat` reports it: file length, symlink target length, 4096 for directories,
    /// 0 for whiteouts.
    pub fn size(&self) -> u64 {
        match self {
            Node::File(f) => f.content.len(),
            Node::Dir(_) => 4096,
            Node::Symlink(l) => l.target.len() as u64,
            Node::Whiteout => 0,
        }
    }

    /// The `stat` of this node; `None` for a whiteout.
    pub fn stat(&self) -> Option<Stat> {
        let kind = self.kind()?;
        let meta = self.meta()?;
        let nlink = match self {
            Node::Dir(d) => 2 + d.subdirs(),
            _ => 1,
        };
        Some(Stat {
            kind,
            perm: meta.mode,
            uid: meta.uid,
            gid: meta.gid,
            size: self.size(),
            mtime: meta.mtime,
            nlink,
        })
    }

    /// Whether two nodes are equal as far as layers and diffs are concerned: same kind, metadata
    /// and content (recursively for directories). Shared subtrees compare in O(1).
    pub fn same_as(&self, other: &Node) -> bool {
        match (self, other) {
            (Node::File(a), Node::File(b)) => a.meta == b.meta && a.content.same_as(&b.content),
            (Node::Symlink(a), Node::Symlink(b)) => a.meta == b.meta && a.target == b.target,
            (Node::Whiteout, Node::Whiteout) => true,
            (Node::Dir(a), Node::Dir(b)) => {
                if a.meta != b.meta || a.opaque != b.opaque || a.len() != b.len() {
                    return false;
                }
                if a.same_entries(b) {
                    return true;
                }
                let mut same = true;
                a.entries.diff(&b.entries, &mut |d| match d {
                    crate::pmap::DiffItem::Both(_, x, y) => {
                        if same && !x.same_as(y) {
                            same = false;
                        }
                    }
                    _ => same = false,
                });
                same
            }
            _ => false,
        }
    }
}
