//! Kernel-like write operations on an `Upper` (what the shell's programs and the engine call):
//! `open(O_CREAT|O_TRUNC)`, append, `mkdir`, `mkdir -p`, `unlink`, `rmdir`, `rm -rf`, `rename`,
//! `symlink`, `link`, `chmod`, `chown`, `utimes`. Paths are raw strings (absolute, or relative to
//! `/`; callers join the working directory) resolved like the kernel does; creating or removing
//! an entry stamps the parent directory's mtime with the upper's clock.
//!
//! Permissions are not checked here (callers that simulate non-root users check `Stat`).

use std::sync::Arc;

use crate::content::Content;
use crate::error::{ErrorKind, VfsError, VfsResult};
use crate::meta::{Metadata, PERM_MASK, Timestamp};
use crate::node::Node;
use crate::path::AbsPath;
use crate::tree::NodeRef;
use crate::upper::Upper;

/// Attributes of an entry being created: permission bits and owner (the mtime is the clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Create {
    /// Permission bits (already masked by any umask the caller applies).
    pub mode: u32,
    /// Owner user id.
    pub uid: u32,
    /// Owner group id.
    pub gid: u32,
}

impl Create {
    /// `0644 root:root`.
    pub const fn file() -> Self {
        Create {
            mode: 0o644,
            uid: 0,
            gid: 0,
        }
    }

    /// `0755 root:root`.
    pub const fn dir() -> Self {
        Create {
            mode: 0o755,
            uid: 0,
            gid: 0,
        }
    }

    /// Same with another owner.
    pub const fn owner(self, uid: u32, gid: u32) -> Self {
        Create { uid, gid, ..self }
    }

    /// Same with other permission bits.
    pub const fn mode(self, mode: u32) -> Self {
        Create {
            mode: mode & PERM_MASK,
            ..self
        }
    }

    /// The metadata of a new entry created at `now`.
    pub const fn meta(self, now: Timestamp) -> Metadata {
        Metadata {
            mode: self.mode & PERM_MASK,
            uid: self.uid,
            gid: self.gid,
            mtime: now,
        }
    }
}

fn err(kind: ErrorKind, path: &str) -> VfsError {
    VfsError::new(kind, path)
}

/// The kernel's classification of a path's last component (`LAST_NORM`, `LAST_DOT`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Norm,
    Dot,
    DotDot,
    Root,
}

fn last_component(path: &str) -> Last {
    match path.split('/').rev().find(|c| !c.is_empty()) {
        None => Last::Root,
        Some(".") => Last::Dot,
        Some("..") => Last::DotDot,
        Some(_) => Last::Norm,
    }
}

impl Upper {
    /// Writes `content` to a file like `open(O_WRONLY|O_CREAT|O_TRUNC)` + `write`: follows a final
    /// symlink (creating a dangling link's target), replaces an existing file's contents (keeping
    /// its mode and owner, updating its mtime) or creates it with `create`. `EISDIR` for a
    /// directory (or a path ending in `/`), `ENOENT`/`ENOTDIR` for a bad parent. Returns the
    /// physical path written.
    pub fn write_file(
        &mut self,
        path: &str,
        content: Content,
        create: Create,
    ) -> VfsResult<AbsPath> {
        let now = self.now;
        let r = self.tree.resolve(path, true)?;
        let target = r.path.clone();
        match r.node {
            Some(NodeRef::Node(Node::File(f))) => {
                let node = Node::file(f.meta.at(now), content);
                self.tree.put(&target, node)?;
            }
            Some(_) => return Err(err(ErrorKind::IsADirectory, path)),
            None if r.trailing_slash => return Err(err(ErrorKind::IsADirectory, path)),
            None => {
                self.tree
                    .put_stamped(&target, Node::file(create.meta(now), content), self.now)?;
            }
        }
        Ok(target)
    }

    /// Appends `bytes` like `open(O_WRONLY|O_CREAT|O_APPEND)` (same rules as `write_file`).
    pub fn append_file(&mut self, path: &str, bytes: &[u8], create: Create) -> VfsResult<AbsPath> {
        let existing = match self.tree.resolve(path, true)?.node {
            Some(NodeRef::Node(Node::File(f))) => Some(f.content.clone()),
            _ => None,
        };
        let content = match existing {
            Some(c) => c.appended(bytes),
            None => Content::bytes(bytes.to_vec()),
        };
        self.write_file(path, content, create)
    }

    /// Creates a new file like `open(O_CREAT|O_EXCL)`: `EEXIST` if anything (even a dangling
    /// symlink) is there.
    pub fn create_new_file(
        &mut self,
        path: &str,
        content: Content,
        create: Create,
    ) -> VfsResult<AbsPath> {
        let r = self.tree.resolve(path, false)?;
        if r.node.is_some() {
            return Err(err(ErrorKind::AlreadyExists, path));
        }
        if r.trailing_slash {
            return Err(err(ErrorKind::IsADirectory, path));
        }
        let target = r.path;
        self.tree.put_stamped(
            &target,
            Node::file(create.meta(self.now), content),
            self.now,
        )?;
        Ok(target)
    }

    /// `touch`: creates an empty file with `create`, or sets an existing entry's mtime to the
    /// clock (following symlinks).
    pub fn touch(&mut self, path: &str, create: Create) -> VfsResult<AbsPath> {
        let r = self.tree.resolve(path, true)?;
        let target = r.path.clone();
        if r.node.is_some() {
            let now = self.now;
            self.tree.modify(&target, |n| {
                if let Some(m) = n.meta_mut() {
                    m.mtime = now;
                }
                Ok(())
            })?;
            return Ok(target);
        }
        if r.trailing_slash {
            return Err(err(ErrorKind::IsADirectory, path));
        }
        self.tree.put_stamped(
            &target,
            Node::file(create.meta(self.now), Content::empty()),
            self.now,
        )?;
        Ok(target)
    }

    /// `mkdir(2)`: `EEXIST` when anything is there (a final symlink is not followed).
    pub fn mkdir(&mut self, path: &str, create: Create) -> VfsResult<AbsPath> {
        let r = self.tree.resolve(path, false)?;
        if r.node.is_some() {
            return Err(err(ErrorKind::AlreadyExists, path));
        }
        let target = r.path;
        self.tree
            .put_stamped(&target, Node::dir(create.meta(self.now)), self.now)?;
        Ok(target)
    }

    /// `mkdir -p`: creates every missing directory of `path` with `create` (following symlinks
    /// on the way). Returns the directories created, top-down. `EEXIST` when the final entry is
    /// not a directory, `ENOTDIR` when an intermediate one is not.
    pub fn mkdir_all(&mut self, path: &str, create: Create) -> VfsResult<Vec<AbsPath>> {
        let mut created = Vec::new();
        let absolute = path.starts_with('/');
        let comps: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
        let mut prefix = String::new();
        if absolute {
            prefix.push('/');
        }
        for (i, c) in comps.iter().enumerate() {
            if !(prefix.is_empty() || prefix.ends_with('/')) {
                prefix.push('/');
            }
            prefix.push_str(c);
            let last = i + 1 == comps.len();
            let r = self
                .tree
                .resolve(&prefix, true)
                .map_err(|e| VfsError::new(e.kind, path))?;
            match r.node {
                Some(n) if n.kind() == crate::meta::FileKind::Dir => {}
                Some(_) => {
                    let kind = if last {
                        ErrorKind::AlreadyExists
                    } else {
                        ErrorKind::NotADirectory
                    };
                    return Err(err(kind, path));
                }
                None => {
                    let target = r.path;
                    self.tree
                        .put_stamped(&target, Node::dir(create.meta(self.now)), self.now)?;
                    created.push(target);
                }
            }
        }
        Ok(created)
    }

    /// `unlink(2)`: removes a file or symlink (never follows the final symlink). `EISDIR` for a
    /// directory.
    pub fn remove_file(&mut self, path: &str) -> VfsResult<()> {
        let r = self.tree.resolve(path, false)?;
        match r.node {
            None => Err(err(ErrorKind::NotFound, path)),
            Some(NodeRef::Root(_)) | Some(NodeRef::Node(Node::Dir(_))) => {
                Err(err(ErrorKind::IsADirectory, path))
            }
            Some(_) => {
                let target = r.path;
                self.tree.take_stamped(&target, self.now)?;
                Ok(())
            }
        }
    }

    /// `rmdir(2)`: removes an empty directory. `ENOTDIR`, `ENOTEMPTY`, `EBUSY` for `/`.
    pub fn remove_dir(&mut self, path: &str) -> VfsResult<()> {
        let r = self.tree.resolve(path, false)?;
        match last_component(path) {
            Last::Dot => return Err(err(ErrorKind::InvalidArgument, path)),
            Last::DotDot => return Err(err(ErrorKind::DirectoryNotEmpty, path)),
            Last::Root => return Err(err(ErrorKind::Busy, path)),
            Last::Norm => {}
        }
        match r.node {
            None => Err(err(ErrorKind::NotFound, path)),
            Some(NodeRef::Root(_)) => Err(err(ErrorKind::Busy, path)),
            Some(NodeRef::Node(Node::Dir(d))) => {
                if !d.is_empty() {
                    return Err(err(ErrorKind::DirectoryNotEmpty, path));
                }
                let target = r.path;
                self.tree.take_stamped(&target, self.now)?;
                Ok(())
            }
            Some(_) => Err(err(ErrorKind::NotADirectory, path)),
        }
    }

    /// `rm -rf`: removes whatever is at `path` (not following a final symlink), recursively.
    /// `Ok(false)` when nothing was there (including a missing parent); `EBUSY` for `/`,
    /// `EINVAL` for a path ending in `.` or `..`.
    pub fn remove_all(&mut self, path: &str) -> VfsResult<bool> {
        let r = match self.tree.resolve(path, false) {
            Ok(r) => r,
            Err(e) if e.kind == ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        if matches!(last_component(path), Last::Dot | Last::DotDot) {
            return Err(err(ErrorKind::InvalidArgument, path));
        }
        match r.node {
            None => Ok(false),
            Some(NodeRef::Root(_)) => Err(err(ErrorKind::Busy, path)),
            Some(_) => {
                let target = r.path;
                self.tree.take_stamped(&target, self.now)?;
                Ok(true)
            }
        }
    }

    /// `rename(2)`: moves `from` to `to` (neither final symlink followed). A file may replace a
    /// file, a directory an empty directory; `EISDIR` (file onto directory), `ENOTDIR`
    /// (directory onto non-directory), `ENOTEMPTY`, `EINVAL` (directory into itself), `EBUSY`
    /// for `/`.
    pub fn rename(&mut self, from: &str, to: &str) -> VfsResult<()> {
        let rf = self.tree.resolve(from, false)?;
        let src = match rf.node {
            None => return Err(err(ErrorKind::NotFound, from)),
            Some(NodeRef::Root(_)) => return Err(err(ErrorKind::Busy, from)),
            Some(NodeRef::Node(n)) => n.clone(),
        };
        let from_path = rf.path;
        let rt = self.tree.resolve(to, false)?;
        if last_component(from) != Last::Norm || last_component(to) != Last::Norm {
            return Err(err(
                ErrorKind::Busy,
                if last_component(from) != Last::Norm {
                    from
                } else {
                    to
                },
            ));
        }
        let to_path = rt.path.clone();
        if from_path == to_path {
            return Ok(());
        }
        if to_path.starts_with(&from_path) {
            return Err(err(ErrorKind::InvalidArgument, to));
        }
        if !src.is_dir() && rt.trailing_slash {
            return Err(err(ErrorKind::NotADirectory, to));
        }
        match (&src, rt.node) {
            (_, None) => {}
            (_, Some(NodeRef::Root(_))) => return Err(err(ErrorKind::Busy, to)),
            (Node::Dir(_), Some(NodeRef::Node(Node::Dir(d)))) => {
                if !d.is_empty() {
                    return Err(err(ErrorKind::DirectoryNotEmpty, to));
                }
            }
            (Node::Dir(_), Some(_)) => return Err(err(ErrorKind::NotADirectory, to)),
            (_, Some(NodeRef::Node(Node::Dir(_)))) => return Err(err(ErrorKind::IsADirectory, to)),
            (_, Some(_)) => {}
        }
        crate::tree::check_fits(&to_path, &src).map_err(|e| err(e.kind, to))?;
        self.tree.take_stamped(&from_path, self.now)?;
        self.tree.put_stamped(&to_path, src, self.now)?;
        Ok(())
    }

    /// `symlink(2)`: creates `linkpath` pointing at `target` (not checked). `EEXIST` when
    /// anything is there.
    pub fn symlink(
        &mut self,
        target: &str,
        linkpath: &str,
        uid: u32,
        gid: u32,
    ) -> VfsResult<AbsPath> {
        let r = self.tree.resolve(linkpath, false)?;
        if r.node.is_some() {
            return Err(err(ErrorKind::AlreadyExists, linkpath));
        }
        if target.is_empty() {
            return Err(err(ErrorKind::NotFound, linkpath));
        }
        let meta = Metadata::symlink_default().owned_by(uid, gid).at(self.now);
        let at = r.path;
        self.tree.put_stamped(
            &at,
            Node::Symlink(crate::node::SymlinkNode {
                meta,
                target: Arc::from(target),
            }),
            self.now,
        )?;
        Ok(at)
    }

    /// `link(2)`: makes `new` a copy of the file or symlink `existing` (hard links are modelled
    /// as copies sharing the same content buffer; link counts are not tracked). `EPERM` for a
    /// directory, `EEXIST` when `new` exists.
    pub fn hard_link(&mut self, existing: &str, new: &str) -> VfsResult<AbsPath> {
        let src = match self.tree.resolve(existing, false)?.node {
            None => return Err(err(ErrorKind::NotFound, existing)),
            Some(NodeRef::Node(n)) if !n.is_dir() => n.clone(),
            Some(_) => return Err(err(ErrorKind::NotPermitted, existing)),
        };
        let r = self.tree.resolve(new, false)?;
        if r.node.is_some() {
            return Err(err(ErrorKind::AlreadyExists, new));
        }
        let at = r.path;
        self.tree.put_stamped(&at, src, self.now)?;
        Ok(at)
    }

    fn update_meta(
        &mut self,
        path: &str,
        follow: bool,
        f: impl FnOnce(&mut Metadata),
    ) -> VfsResult<AbsPath> {
        let r = self.tree.resolve(path, follow)?;
        if r.node.is_none() {
            return Err(err(ErrorKind::NotFound, path));
        }
        let target = r.path;
        self.tree.modify(&target, |n| match n.meta_mut() {
            Some(m) => {
                f(m);
                Ok(())
            }
            None => Err(err(ErrorKind::NotFound, path)),
        })?;
        Ok(target)
    }

    /// `chmod(2)` (follows symlinks): sets the permission bits (`0o7777` mask).
    pub fn chmod(&mut self, path: &str, mode: u32) -> VfsResult<AbsPath> {
        self.update_meta(path, true, |m| m.mode = mode & PERM_MASK)
    }

    /// `chown(2)` (`follow`) or `lchown(2)`.
    pub fn chown(&mut self, path: &str, uid: u32, gid: u32, follow: bool) -> VfsResult<AbsPath> {
        self.update_meta(path, follow, |m| {
            m.uid = uid;
            m.gid = gid;
        })
    }

    /// `utimes(2)` (`follow`) or `lutimes(2)`: sets the mtime.
    pub fn set_mtime(&mut self, path: &str, mtime: Timestamp, follow: bool) -> VfsResult<AbsPath> {
        self.update_meta(path, follow, |m| m.mtime = mtime)
    }
}
