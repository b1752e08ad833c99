//! `Layer`: an immutable filesystem diff with OCI semantics. A layer is a tree whose entries
//! add or replace files, merge into directories, delete names (whiteouts, OCI `.wh.<name>`) or
//! hide a whole lower directory (opaque directories, OCI `.wh..wh..opq`). Cheap to clone.

use std::sync::{Arc, OnceLock};

use crate::digest::Digest;
use crate::error::{ErrorKind, VfsError, VfsResult};
use crate::meta::Metadata;
use crate::node::{DirNode, Node};
use crate::path::AbsPath;
use crate::tree::Tree;
use crate::walk::Walk;

/// The OCI whiteout prefix.
pub const WHITEOUT_PREFIX: &str = ".wh.";
/// The OCI opaque-directory marker file name.
pub const OPAQUE_MARKER: &str = ".wh..wh..opq";

struct LayerInner {
    root: DirNode,
    size: u64,
    diff_id: OnceLock<Digest>,
}

/// An immutable layer (see the module documentation). Clones share everything.
#[derive(Clone)]
pub struct Layer(Arc<LayerInner>);

impl std::fmt::Debug for Layer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layer")
            .field("size", &self.size())
            .field("root", &self.0.root)
            .finish()
    }
}

/// One entry of a layer in OCI form (whiteouts and opaque markers as their marker files).
#[derive(Debug, Clone)]
pub struct OciEntry {
    /// Path relative to the layer root, without leading `/` (e.g. `etc/.wh.motd`).
    pub path: String,
    /// The node (`Node::Whiteout` for `.wh.` marker files, including the opaque marker).
    pub node: Node,
}

impl Layer {
    /// A layer that changes nothing.
    pub fn empty() -> Layer {
        Layer::from_root(DirNode::new(Metadata::dir_default()))
    }

    /// A layer from a layer tree (which may contain `Node::Whiteout` entries and opaque dirs).
    pub fn from_root(root: DirNode) -> Layer {
        let size = Walk::new(&root, AbsPath::root())
            .filter(|(_, n)| matches!(n, Node::File(_) | Node::Symlink(_)))
            .map(|(_, n)| n.size())
            .sum();
        Layer(Arc::new(LayerInner {
            root,
            size,
            diff_id: OnceLock::new(),
        }))
    }

    /// A base layer holding a whole tree (e.g. an image's single layer).
    pub fn from_tree(tree: &Tree) -> Layer {
        Layer::from_root(tree.root.clone())
    }

    /// The layer turning `lower` into `upper` (see `diff::layer_tree`).
    pub fn from_diff(lower: &Tree, upper: &Tree) -> Layer {
        Layer::from_root(crate::diff::layer_tree(lower, upper))
    }

    /// Builds a layer from OCI-form entries: a file named `.wh.<name>` deletes `<name>`, a file
    /// named `.wh..wh..opq` makes its directory opaque; parents are created as needed.
    pub fn from_oci_entries(entries: impl IntoIterator<Item = OciEntry>) -> VfsResult<Layer> {
        let mut t = Tree::new();
        let mut whiteouts: Vec<AbsPath> = Vec::new();
        let mut opaques: Vec<AbsPath> = Vec::new();
        for e in entries {
            let path = AbsPath::from_any(&e.path);
            let name = path.file_name().unwrap_or("");
            let parent = path.parent().unwrap_or_default();
            if name == OPAQUE_MARKER {
                opaques.push(parent);
            } else if let Some(real) = name.strip_prefix(WHITEOUT_PREFIX) {
                whiteouts.push(parent.child(real));
            } else {
                let node = match e.node {
                    Node::Whiteout => {
                        whiteouts.push(path);
                        continue;
                    }
                    n => n,
                };
                if path.is_root() {
                    if let Node::Dir(d) = &node {
                        t.root.meta = d.meta;
                    }
                    continue;
                }
                let pm = Metadata::dir_default();
                t.put_creating_parents(&path, node, pm)?;
            }
        }
        let mut root = t.root;
        for p in whiteouts {
            mark(&mut root, &p, Mark::Whiteout)?;
        }
        for p in opaques {
            mark(&mut root, &p, Mark::Opaque)?;
        }
        Ok(Layer::from_root(root))
    }

    /// The layer tree.
    pub fn root(&self) -> &DirNode {
        &self.0.root
    }

    /// Whether the layer has no entries at all.
    pub fn is_empty(&self) -> bool {
        self.0.root.is_empty() && !self.0.root.opaque
    }

    /// Size as Docker reports it for a layer: the sum of the sizes of the regular files and
    /// symlinks it contains (directories and whiteouts count 0).
    pub fn size(&self) -> u64 {
        self.0.size
    }

    /// The layer's diff id (sha256 over the canonical serialisation, see `digest.rs`), computed
    /// once.
    pub fn diff_id(&self) -> Digest {
        *self
            .0
            .diff_id
            .get_or_init(|| crate::digest::layer_digest(self))
    }

    /// Every entry, pre-order sorted (whiteouts as `Node::Whiteout` under their real name).
    pub fn walk(&self) -> Walk<'_> {
        Walk::new(&self.0.root, AbsPath::root())
    }

    /// Every entry in OCI form: first the root directory as `.`, then pre-order sorted by name
    /// within each directory; an opaque directory is followed by its `.wh..wh..opq` marker, a
    /// whiteout appears as `.wh.<name>`.
    pub fn oci_entries(&self) -> Vec<OciEntry> {
        let mut out = vec![OciEntry {
            path: ".".to_owned(),
            node: Node::Dir(self.0.root.clone()),
        }];
        if self.0.root.opaque {
            out.push(OciEntry {
                path: OPAQUE_MARKER.to_owned(),
                node: Node::Whiteout,
            });
        }
        oci_rec(&self.0.root, "", &mut out);
        out
    }

    /// Applies this layer on top of `base` and returns the merged tree. Cost is proportional to
    /// the size of the layer, not of `base`.
    pub fn apply(&self, base: &Tree) -> Tree {
        let mut root = base.root.clone();
        apply_dir(&mut root, &self.0.root);
        Tree { root }
    }

    /// The layer's own entry at `path` (lexical), e.g. to find which layer provides a file.
    pub fn get(&self, path: &AbsPath) -> Option<&Node> {
        let mut dir = &self.0.root;
        let mut comps = path.components().peekable();
        while let Some(c) = comps.next() {
            let node = dir.get(c)?;
            if comps.peek().is_none() {
                return Some(node);
            }
            dir = node.as_dir()?;
        }
        None
    }
}

fn oci_rec(dir: &DirNode, prefix: &str, out: &mut Vec<OciEntry>) {
    for (name, node) in dir.entries() {
        let path = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}/{name}")
        };
        match node {
            Node::Whiteout => {
                let wh = format!("{WHITEOUT_PREFIX}{name}");
                let path = if prefix.is_empty() {
                    wh
                } else {
                    format!("{prefix}/{wh}")
                };
                out.push(OciEntry {
                    path,
                    node: Node::Whiteout,
                });
            }
            Node::Dir(d) => {
                out.push(OciEntry {
                    path: path.clone(),
                    node: node.clone(),
                });
                if d.opaque {
                    out.push(OciEntry {
                        path: format!("{path}/{OPAQUE_MARKER}"),
                        node: Node::Whiteout,
                    });
                }
                oci_rec(d, &path, out);
            }
            _ => out.push(OciEntry {
                path,
                node: node.clone(),
            }),
        }
    }
}

enum Mark {
    Whiteout,
    Opaque,
}

fn mark(root: &mut DirNode, path: &AbsPath, what: Mark) -> VfsResult<()> {
    crate::tree::check_depth(path)?;
    let comps: Vec<&str> = path.components().collect();
    mark_rec(root, &comps, &what, path.as_str())
}

fn mark_rec(dir: &mut DirNode, comps: &[&str], what: &Mark, full: &str) -> VfsResult<()> {
    let Some((first, rest)) = comps.split_first() else {
        if let Mark::Opaque = what {
            dir.opaque = true;
        }
        return Ok(());
    };
    if rest.is_empty()
        && let Mark::Whiteout = what
    {
        // A whiteout only hides lower layers: an entry of the same layer wins (OCI spec).
        if dir.get(first).is_none() {
            dir.insert(Arc::from(*first), Node::Whiteout);
        }
        return Ok(());
    }
    match dir.get(first) {
        Some(Node::Dir(_)) => {}
        Some(_) => return Err(VfsError::new(ErrorKind::NotADirectory, full)),
        None => dir.insert(
            Arc::from(*first),
            Node::Dir(DirNode::new(Metadata::dir_default())),
        ),
    }
    match dir.entries.get_mut(*first) {
        Some(Node::Dir(child)) => mark_rec(child, rest, what, full),
        _ => Err(VfsError::new(ErrorKind::NotFound, full)),
    }
}

/// Applies layer directory `layer` onto tree directory `base` (OCI rules).
fn apply_dir(base: &mut DirNode, layer: &DirNode) {
    if layer.opaque {
        base.entries = crate::pmap::PMap::new();
    }
    base.meta = layer.meta;
    for (name, lnode) in layer.entries() {
        match lnode {
            Node::Whiteout => {
                base.remove(name);
            }
            Node::Dir(ld) => {
                let merged = match base.get(name) {
                    Some(Node::Dir(bd)) => {
                        let mut bd = bd.clone();
                        apply_dir(&mut bd, ld);
                        bd
                    }
                    _ => strip_dir(ld).unwrap_or_else(|| ld.clone()),
                };
                base.insert(name.clone(), Node::Dir(merged));
            }
            other => base.insert(name.clone(), other.clone()),
        }
    }
}

/// A copy of `dir` without whiteouts and opaque flags, or `None` when it has none (so the
/// original can be shared).
pub(crate) fn strip_dir(dir: &DirNode) -> Option<DirNode> {
    let mut changed: Option<DirNode> = None;
    if dir.opaque {
        let mut d = dir.clone();
        d.opaque = false;
        changed = Some(d);
    }
    for (name, node) in dir.entries() {
        match node {
            Node::Whiteout => {
                changed.get_or_insert_with(|| dir.clone()).remove(name);
            }
            Node::Dir(sub) => {
                if let Some(s) = strip_dir(sub) {
                    changed
                        .get_or_insert_with(|| dir.clone())
                        .insert(name.clone(), Node::Dir(s));
                }
            }
            _ => {}
        }
    }
    changed
}
