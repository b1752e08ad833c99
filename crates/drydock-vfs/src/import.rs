//! Building trees from flat entry lists (the build context, base images, tests): missing parent
//! directories are created, later entries win, directories merge.

use std::sync::Arc;

use crate::content::Content;
use crate::error::{ErrorKind, VfsError, VfsResult};
use crate::meta::{Metadata, Timestamp};
use crate::node::{DirNode, Node};
use crate::path::AbsPath;
use crate::tree::Tree;

/// What an imported entry is.
#[derive(Debug, Clone)]
pub enum ImportKind {
    /// A regular file with these contents.
    File(Content),
    /// A directory.
    Dir,
    /// A symlink with this target.
    Symlink(String),
}

/// One entry to import: a path (absolute or relative to `/`), a kind, and metadata (defaults:
/// files `0644`, directories `0755`, symlinks `0777`, root-owned, at the epoch).
#[derive(Debug, Clone)]
pub struct ImportEntry {
    /// Where (cleaned and rooted with `AbsPath::from_any`).
    pub path: String,
    /// What.
    pub kind: ImportKind,
    /// Metadata; `None` for the kind's default.
    pub meta: Option<Metadata>,
}

impl ImportEntry {
    /// A regular file.
    pub fn file(path: &str, content: impl Into<Content>) -> Self {
        ImportEntry {
            path: path.to_owned(),
            kind: ImportKind::File(content.into()),
            meta: None,
        }
    }

    /// A directory.
    pub fn dir(path: &str) -> Self {
        ImportEntry {
            path: path.to_owned(),
            kind: ImportKind::Dir,
            meta: None,
        }
    }

    /// A symlink.
    pub fn symlink(path: &str, target: &str) -> Self {
        ImportEntry {
            path: path.to_owned(),
            kind: ImportKind::Symlink(target.to_owned()),
            meta: None,
        }
    }

    /// The default metadata for this entry's kind.
    pub fn default_meta(&self) -> Metadata {
        match self.kind {
            ImportKind::File(_) => Metadata::file_default(),
            ImportKind::Dir => Metadata::dir_default(),
            ImportKind::Symlink(_) => Metadata::symlink_default(),
        }
    }

    /// With permission bits.
    pub fn mode(mut self, mode: u32) -> Self {
        let m = self.meta.unwrap_or_else(|| self.default_meta());
        self.meta = Some(Metadata {
            mode: mode & crate::meta::PERM_MASK,
            ..m
        });
        self
    }

    /// With an owner.
    pub fn owner(mut self, uid: u32, gid: u32) -> Self {
        let m = self.meta.unwrap_or_else(|| self.default_meta());
        self.meta = Some(m.owned_by(uid, gid));
        self
    }

    /// With an mtime.
    pub fn mtime(mut self, t: Timestamp) -> Self {
        let m = self.meta.unwrap_or_else(|| self.default_meta());
        self.meta = Some(m.at(t));
        self
    }
}

impl Tree {
    /// A new tree holding `entries` (see `import`).
    pub fn from_entries(entries: impl IntoIterator<Item = ImportEntry>) -> VfsResult<Tree> {
        let mut t = Tree::new();
        t.import(entries)?;
        Ok(t)
    }

    /// Adds `entries` in order. Missing parents become `0755 root:root` directories with the
    /// entry's mtime; an existing directory given again only gets its metadata updated (children
    /// kept); anything else replaces what was there. Fails with `ENOTDIR` when a parent is a
    /// file or symlink (lexical paths: symlinks are not followed).
    pub fn import(&mut self, entries: impl IntoIterator<Item = ImportEntry>) -> VfsResult<()> {
        for e in entries {
            let path = AbsPath::from_any(&e.path);
            let meta = e.meta.unwrap_or_else(|| e.default_meta());
            let node = match e.kind {
                ImportKind::File(c) => Node::file(meta, c),
                ImportKind::Dir => Node::dir(meta),
                ImportKind::Symlink(t) => Node::symlink(meta, &t),
            };
            if path.is_root() {
                match node {
                    Node::Dir(_) => self.root.meta = meta,
                    _ => return Err(VfsError::new(ErrorKind::IsADirectory, e.path)),
                }
                continue;
            }
            let parent_meta = Metadata::dir_default().at(meta.mtime);
            self.put_creating_parents(&path, node, parent_meta)?;
        }
        Ok(())
    }

    /// Puts `node` at `path` (lexical), creating missing parents with `parent_meta`. A directory
    /// put over an existing directory merges (only the metadata changes).
    pub fn put_creating_parents(
        &mut self,
        path: &AbsPath,
        node: Node,
        parent_meta: Metadata,
    ) -> VfsResult<()> {
        crate::tree::check_depth(path)?;
        let comps: Vec<&str> = path.components().collect();
        put_rec(&mut self.root, &comps, node, parent_meta, path.as_str())
    }
}

fn put_rec(
    dir: &mut DirNode,
    comps: &[&str],
    node: Node,
    parent_meta: Metadata,
    full: &str,
) -> VfsResult<()> {
    let Some((first, rest)) = comps.split_first() else {
        return Ok(());
    };
    if rest.is_empty() {
        let merged = match (dir.get(first), node) {
            (Some(Node::Dir(old)), Node::Dir(new)) if new.is_empty() => {
                let mut d = old.clone();
                d.meta = new.meta;
                Node::Dir(d)
            }
            (_, n) => n,
        };
        dir.insert(Arc::from(*first), merged);
        return Ok(());
    }
    match dir.get(first) {
        Some(Node::Dir(_)) => {}
        Some(_) => return Err(VfsError::new(ErrorKind::NotADirectory, full)),
        None => dir.insert(Arc::from(*first), Node::Dir(DirNode::new(parent_meta))),
    }
    // Edits in place unless the directory is shared with another snapshot.
    match dir.entries.get_mut(*first) {
        Some(Node::Dir(child)) => put_rec(child, rest, node, parent_meta, full),
        _ => Err(VfsError::new(ErrorKind::NotFound, full)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_keeps_earlier_snapshots() {
        let mut t = Tree::from_entries([ImportEntry::file("a/b/c", "1")]).unwrap();
        let snap = t.clone();
        t.import([
            ImportEntry::file("a/b/d", "2"),
            ImportEntry::dir("a").mode(0o700),
        ])
        .unwrap();
        assert_eq!(snap.count(), 3);
        assert_eq!(t.count(), 4);
        assert_eq!(t.stat("/a").unwrap().perm, 0o700);
        assert_eq!(snap.stat("/a").unwrap().perm, 0o755);
        let err = t.import([ImportEntry::file("a/b/c/x", "")]).unwrap_err();
        assert_eq!(err.kind, ErrorKind::NotADirectory);
    }
}
