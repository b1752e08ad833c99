//! `Upper`: the writable layer of a build step or a container over a read-only `LayerStack`.
//! Writes never touch the lower layers (copy-up happens implicitly: the working tree is a
//! persistent copy of the lower view); `commit` produces the immutable layer of the changes and
//! `changes` lists them `docker diff`-style. Kernel-like operations are in `fsops.rs`, COPY-style
//! copies in `copy.rs`.

use std::ops::Deref;

use crate::diff::{Change, diff};
use crate::layer::Layer;
use crate::meta::Timestamp;
use crate::stack::LayerStack;
use crate::tree::Tree;

/// A writable layer over a read-only stack, with a virtual clock for mtimes.
#[derive(Debug, Clone)]
pub struct Upper {
    pub(crate) lower: LayerStack,
    pub(crate) tree: Tree,
    pub(crate) now: Timestamp,
}

impl Upper {
    /// A writable layer over `lower`, its clock at the epoch.
    pub fn new(lower: LayerStack) -> Self {
        let tree = lower.tree().clone();
        Upper {
            lower,
            tree,
            now: Timestamp::EPOCH,
        }
    }

    /// A writable layer over `lower` whose clock reads `now`.
    pub fn at(lower: LayerStack, now: Timestamp) -> Self {
        let mut u = Upper::new(lower);
        u.now = now;
        u
    }

    /// The read-only stack below.
    pub fn lower(&self) -> &LayerStack {
        &self.lower
    }

    /// The current merged view (lower stack + changes so far). Clone it for an O(1) snapshot.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// Direct access to the working tree for lexical plumbing (`Tree::put`, `Tree::take`, …).
    /// Callers are responsible for parent mtimes when they use it.
    pub fn tree_mut(&mut self) -> &mut Tree {
        &mut self.tree
    }

    /// An O(1) snapshot of the current view.
    pub fn snapshot(&self) -> Tree {
        self.tree.clone()
    }

    /// The virtual time stamped on entries created or modified from now on.
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Sets the virtual clock.
    pub fn set_now(&mut self, now: Timestamp) {
        self.now = now;
    }

    /// Whether anything differs from the lower view.
    pub fn is_modified(&self) -> bool {
        !self.tree.ptr_eq(self.lower.tree()) && !self.changes().is_empty()
    }

    /// The changes so far, `docker diff`-style, sorted by path.
    pub fn changes(&self) -> Vec<Change> {
        diff(self.lower.tree(), &self.tree)
    }

    /// The immutable layer holding the changes so far (O(changes)).
    pub fn commit(&self) -> Layer {
        Layer::from_diff(self.lower.tree(), &self.tree)
    }

    /// The lower stack with the committed layer pushed on top.
    pub fn commit_stack(&self) -> LayerStack {
        self.lower.push(self.commit())
    }

    /// Drops every change.
    pub fn reset(&mut self) {
        self.tree = self.lower.tree().clone();
    }
}

impl Deref for Upper {
    type Target = Tree;
    fn deref(&self) -> &Tree {
        &self.tree
    }
}
