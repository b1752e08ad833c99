//! Memory accounting for snapshots: how much heap a set of trees retains once structural sharing
//! is taken into account (shared directory nodes and content buffers are counted once).

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::content::Content;
use crate::node::{Name, Node};
use crate::pmap::PMap;
use crate::tree::Tree;

/// Estimated heap retained by a set of trees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemoryStats {
    /// Distinct map nodes (one per directory entry version).
    pub nodes: usize,
    /// Bytes of those nodes (node size plus the `Arc` header).
    pub node_bytes: usize,
    /// Distinct real content buffers.
    pub buffers: usize,
    /// Bytes of those buffers (synthetic contents cost nothing).
    pub content_bytes: usize,
}

impl MemoryStats {
    /// Total estimated bytes.
    pub fn total(&self) -> usize {
        self.node_bytes + self.content_bytes
    }
}

/// Counts what `trees` retain together, each shared node or buffer once. Cost is proportional
/// to the distinct nodes, not to the number of trees times their size.
pub fn memory_stats<'a>(trees: impl IntoIterator<Item = &'a Tree>) -> MemoryStats {
    let mut seen_nodes = BTreeSet::new();
    let mut seen_bufs = BTreeSet::new();
    let mut stats = MemoryStats::default();
    let mut pending: Vec<PMap<Name, Node>> =
        trees.into_iter().map(|t| t.root.entries.clone()).collect();
    while let Some(map) = pending.pop() {
        let mut subdirs = Vec::new();
        let mut bufs = Vec::new();
        let n = map.visit_unique(&mut seen_nodes, &mut |node| match node {
            Node::Dir(d) => subdirs.push(d.entries.clone()),
            Node::File(f) => {
                if let Content::Bytes(b) = &f.content {
                    bufs.push((Arc::as_ptr(b) as *const u8 as usize, b.len()));
                }
            }
            _ => {}
        });
        stats.nodes += n;
        stats.node_bytes += n * PMap::<Name, Node>::NODE_BYTES;
        for (ptr, len) in bufs {
            if seen_bufs.insert(ptr) {
                stats.buffers += 1;
                stats.content_bytes += len + 16;
            }
        }
        pending.extend(subdirs);
    }
    stats
}
