//! Comparing two trees: `docker diff`-style change lists (A/C/D) and the layer that turns one
//! tree into the other. Subtrees shared by both versions are skipped, so the cost follows the
//! number of changes, not the number of files.

use std::fmt;

use crate::node::{DirNode, Node};
use crate::path::AbsPath;
use crate::pmap::DiffItem;
use crate::tree::Tree;

/// What happened to a path (`docker diff`'s `A`, `C`, `D`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Added (`A`).
    Added,
    /// Changed (`C`): contents, metadata or kind changed, or — for a directory — something below it.
    Changed,
    /// Deleted (`D`).
    Deleted,
}

impl ChangeKind {
    /// `A`, `C` or `D`.
    pub fn letter(self) -> char {
        match self {
            ChangeKind::Added => 'A',
            ChangeKind::Changed => 'C',
            ChangeKind::Deleted => 'D',
        }
    }
}

/// One changed path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    /// The path.
    pub path: AbsPath,
    /// What happened.
    pub kind: ChangeKind,
}

impl fmt::Display for Change {
    /// `docker diff`'s line format: `C /etc`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.letter(), self.path)
    }
}

/// The changes from `old` to `new`, sorted by path string (as `docker diff` prints them):
/// - an added entry is `A`, and so is everything below an added directory;
/// - a deleted entry is `D` (its contents are not listed);
/// - an entry present in both is `C` when its kind, metadata or contents differ, and a directory
///   is also `C` when anything below it changed (so every ancestor of a change is listed, as
///   overlayfs-backed `docker diff` does); below a directory that changed kind, entries are `A`.
pub fn diff(old: &Tree, new: &Tree) -> Vec<Change> {
    let mut out = Vec::new();
    diff_dirs(&old.root, &new.root, &AbsPath::root(), &mut out);
    drydock_text::sort::sort(&mut out);
    out
}

/// Returns whether anything changed below the two directories.
fn diff_dirs(old: &DirNode, new: &DirNode, base: &AbsPath, out: &mut Vec<Change>) -> bool {
    if old.same_entries(new) {
        return false;
    }
    let mut changed = false;
    old.entries.diff(&new.entries, &mut |item| match item {
        DiffItem::Removed(name, _) => {
            changed = true;
            out.push(Change {
                path: base.child(name),
                kind: ChangeKind::Deleted,
            });
        }
        DiffItem::Added(name, node) => {
            changed = true;
            let path = base.child(name);
            added(node, &path, out);
        }
        DiffItem::Both(name, o, n) => {
            let path = base.child(name);
            match (o, n) {
                (Node::Dir(od), Node::Dir(nd)) => {
                    let below = diff_dirs(od, nd, &path, out);
                    if below || od.meta != nd.meta {
                        changed = true;
                        out.push(Change {
                            path,
                            kind: ChangeKind::Changed,
                        });
                    }
                }
                _ => {
                    if !o.same_as(n) {
                        changed = true;
                        out.push(Change {
                            path: path.clone(),
                            kind: ChangeKind::Changed,
                        });
                        if let Node::Dir(nd) = n {
                            for (p, _) in crate::walk::Walk::new(nd, path) {
                                out.push(Change {
                                    path: p,
                                    kind: ChangeKind::Added,
                                });
                            }
                        }
                    }
                }
            }
        }
    });
    changed
}

fn added(node: &Node, path: &AbsPath, out: &mut Vec<Change>) {
    out.push(Change {
        path: path.clone(),
        kind: ChangeKind::Added,
    });
    if let Node::Dir(d) = node {
        for (p, _) in crate::walk::Walk::new(d, path.clone()) {
            out.push(Change {
                path: p,
                kind: ChangeKind::Added,
            });
        }
    }
}

/// The layer tree that turns `old` into `new` when applied (`Layer::apply`): added and changed
/// entries are included whole (sharing `new`'s nodes), directories that merely contain changes
/// are included with their current metadata and only the changed children, deletions become
/// whiteouts. No opaque directories are produced (deletions are listed one by one).
pub fn layer_tree(old: &Tree, new: &Tree) -> DirNode {
    let mut root = DirNode::new(new.root.meta);
    layer_dir(&old.root, &new.root, &mut root);
    root
}

/// Fills `out` (an empty directory) with the changes from `old` to `new`.
fn layer_dir(old: &DirNode, new: &DirNode, out: &mut DirNode) {
    if old.same_entries(new) {
        return;
    }
    old.entries.diff(&new.entries, &mut |item| match item {
        DiffItem::Removed(name, _) => out.insert(name.clone(), Node::Whiteout),
        DiffItem::Added(name, node) => out.insert(name.clone(), node.clone()),
        DiffItem::Both(name, o, n) => match (o, n) {
            (Node::Dir(od), Node::Dir(nd)) => {
                if od.same_entries(nd) && od.meta == nd.meta {
                    return;
                }
                let mut sub = DirNode::new(nd.meta);
                layer_dir(od, nd, &mut sub);
                if !sub.is_empty() || od.meta != nd.meta {
                    out.insert(name.clone(), Node::Dir(sub));
                }
            }
            _ => {
                if !o.same_as(n) {
                    out.insert(name.clone(), n.clone());
                }
            }
        },
    });
}
