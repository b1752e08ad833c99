//! Path resolution as the Linux kernel does it (`path_lookupat`): component by component from the
//! root or a working directory, `..` taken physically after symlinks, relative and absolute
//! symlink targets, intermediate symlinks always followed, the final one only when asked (or when
//! the path ends with `/`), and at most 40 symlinks per lookup (`ELOOP`).

use crate::error::{ErrorKind, VfsError, VfsResult};
use crate::node::{DirNode, Node};
use crate::path::AbsPath;
use crate::tree::{NodeRef, Tree};

/// Linux's limit on symlinks followed while resolving one path (`MAXSYMLINKS`).
pub const MAX_SYMLINK_HOPS: usize = 40;

/// The outcome of resolving a path whose parent exists.
#[derive(Debug, Clone)]
pub struct Resolved<'a> {
    /// The physical path of the final entry (every directory above it resolved; the final
    /// component itself is a symlink when it was not followed).
    pub path: AbsPath,
    /// The final entry; `None` when only its parent exists (the path can be created).
    pub node: Option<NodeRef<'a>>,
    /// The raw path ended with `/` (or `/.`, `/..`): it must name a directory.
    pub trailing_slash: bool,
}

impl Tree {
    /// Resolves `path` (absolute, or relative to `/`) as the kernel would. `follow_final` decides
    /// whether a final symlink is followed (it always is when the path ends with `/`).
    ///
    /// Errors: `ENOENT` for a missing intermediate directory or an empty path, `ENOTDIR` when an
    /// intermediate component is not a directory, `ELOOP` after 40 symlinks. A missing *final*
    /// component is not an error: `node` is `None` then.
    pub fn resolve(&self, path: &str, follow_final: bool) -> VfsResult<Resolved<'_>> {
        self.resolve_at(&AbsPath::root(), path, follow_final)
    }

    /// Like `resolve`, with a relative `path` starting at `cwd` (taken as a physical directory
    /// path; `ENOENT` if it no longer exists).
    pub fn resolve_at(
        &self,
        cwd: &AbsPath,
        path: &str,
        follow_final: bool,
    ) -> VfsResult<Resolved<'_>> {
        let err = |k: ErrorKind| VfsError::new(k, path);
        if path.is_empty() {
            return Err(err(ErrorKind::NotFound));
        }
        if path.len() > crate::tree::MAX_PATH_LEN
            || path.split('/').any(|c| c.len() > crate::tree::MAX_NAME_LEN)
        {
            return Err(err(ErrorKind::NameTooLong));
        }
        let trailing = path.ends_with('/')
            || path == "."
            || path == ".."
            || path.ends_with("/.")
            || path.ends_with("/..");
        // The current position: names and the directories they lead to (dirs[0] is the root).
        let mut names: Vec<&str> = Vec::new();
        let mut dirs: Vec<&DirNode> = vec![&self.root];
        if !path.starts_with('/') {
            for c in cwd.components() {
                let dir = dirs.last().copied().unwrap_or(&self.root);
                match dir.get(c) {
                    Some(Node::Dir(d)) => {
                        names.push(c);
                        dirs.push(d);
                    }
                    _ => return Err(err(ErrorKind::NotFound)),
                }
            }
        }
        // Components still to walk, in reverse order (the next one is at the end).
        let mut pending: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).rev().collect();
        let mut hops = 0usize;
        while let Some(comp) = pending.pop() {
            let last = pending.is_empty();
            if comp == "." {
                continue;
            }
            if comp == ".." {
                if !names.is_empty() {
                    names.pop();
                    dirs.pop();
                }
                continue;
            }
            let dir = dirs.last().copied().unwrap_or(&self.root);
            let here = || join_names(&names, comp);
            match dir.get(comp) {
                None | Some(Node::Whiteout) => {
                    if last {
                        return Ok(Resolved {
                            path: here(),
                            node: None,
                            trailing_slash: trailing,
                        });
                    }
                    return Err(err(ErrorKind::NotFound));
                }
                Some(Node::Symlink(l)) if !last || follow_final || trailing => {
                    hops += 1;
                    if hops > MAX_SYMLINK_HOPS {
                        return Err(err(ErrorKind::TooManySymlinks));
                    }
                    if l.target.is_empty() {
                        return Err(err(ErrorKind::NotFound));
                    }
                    if l.target.starts_with('/') {
                        names.clear();
                        dirs.truncate(1);
                    }
                    pending.extend(l.target.split('/').filter(|c| !c.is_empty()).rev());
                }
                Some(node @ Node::Dir(d)) => {
                    if last {
                        return Ok(Resolved {
                            path: here(),
                            node: Some(NodeRef::Node(node)),
                            trailing_slash: trailing,
                        });
                    }
                    names.push(comp);
                    dirs.push(d);
                }
                Some(n) => {
                    if last && !trailing {
                        return Ok(Resolved {
                            path: here(),
                            node: Some(NodeRef::Node(n)),
                            trailing_slash: false,
                        });
                    }
                    return Err(err(ErrorKind::NotADirectory));
                }
            }
        }
        // Ended on a directory reached through `.`/`..`/a symlink or on the start directory.
        let path_now = join_all(&names);
        let node = match (names.len(), dirs.len()) {
            (0, _) => Some(NodeRef::Root(&self.root)),
            (_, n) if n >= 2 => {
                let parent = dirs.get(n - 2).copied().unwrap_or(&self.root);
                names
                    .last()
                    .and_then(|nm| parent.get(nm))
                    .map(NodeRef::Node)
            }
            _ => None,
        };
        Ok(Resolved {
            path: path_now,
            node,
            trailing_slash: trailing,
        })
    }
}

fn join_all(names: &[&str]) -> AbsPath {
    let mut s = String::new();
    for n in names {
        s.push('/');
        s.push_str(n);
    }
    if s.is_empty() {
        AbsPath::root()
    } else {
        AbsPath::from_any(&s)
    }
}

fn join_names(names: &[&str], last: &str) -> AbsPath {
    let mut s = String::new();
    for n in names {
        s.push('/');
        s.push_str(n);
    }
    s.push('/');
    s.push_str(last);
    AbsPath::from_any(&s)
}
