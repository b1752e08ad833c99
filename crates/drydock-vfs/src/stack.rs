//! `LayerStack`: the union view of an ordered stack of layers (lowest first), as an image or a
//! build step's parent state sees it. The merged tree is maintained incrementally (pushing a
//! layer costs O(layer)), so lookups, `readdir`, `stat` and symlink resolution across layers are
//! plain `Tree` operations (the stack derefs to its merged `Tree`).

use std::ops::Deref;

use crate::digest::Digest;
use crate::layer::Layer;
use crate::node::Node;
use crate::path::AbsPath;
use crate::tree::Tree;

/// A stack of immutable layers and their merged view. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct LayerStack {
    layers: Vec<Layer>,
    tree: Tree,
}

impl LayerStack {
    /// No layers: an empty root (`FROM scratch`).
    pub fn new() -> Self {
        LayerStack::default()
    }

    /// A stack of `layers`, lowest first.
    pub fn from_layers(layers: impl IntoIterator<Item = Layer>) -> Self {
        let mut s = LayerStack::new();
        for l in layers {
            s = s.push(l);
        }
        s
    }

    /// This stack with `layer` on top (this stack is unchanged).
    pub fn push(&self, layer: Layer) -> LayerStack {
        let tree = layer.apply(&self.tree);
        let mut layers = self.layers.clone();
        layers.push(layer);
        LayerStack { layers, tree }
    }

    /// The layers, lowest first.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The merged (union) view.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// Index of the topmost layer that provides the entry at `path` as seen in the union view
    /// (lexical path); `None` when the path does not exist in the view. Useful for "which layer
    /// does this file come from".
    pub fn origin(&self, path: &AbsPath) -> Option<usize> {
        self.tree.get(path)?;
        if path.is_root() {
            return self.layers.len().checked_sub(1);
        }
        for (i, layer) in self.layers.iter().enumerate().rev() {
            if let Some(n) = layer.get(path) {
                if !matches!(n, Node::Whiteout) {
                    return Some(i);
                }
                return None;
            }
        }
        None
    }

    /// Image size as Docker reports it: the sum of the layer sizes.
    pub fn size(&self) -> u64 {
        self.layers.iter().map(Layer::size).sum()
    }

    /// The diff ids of the layers, lowest first (an image config's `rootfs.diff_ids`).
    pub fn diff_ids(&self) -> Vec<Digest> {
        self.layers.iter().map(Layer::diff_id).collect()
    }

    /// The OCI chain id of the whole stack; `None` without layers.
    pub fn chain_id(&self) -> Option<Digest> {
        crate::digest::chain_id(&self.diff_ids())
    }
}

impl Deref for LayerStack {
    type Target = Tree;
    fn deref(&self) -> &Tree {
        &self.tree
    }
}
