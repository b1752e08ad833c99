//! Dive-like image efficiency over a build's own layers: every file a layer adds that a later
//! layer deletes (whiteout) or overwrites is wasted — it is still shipped in the earlier layer.
//! Rows are grouped by directory, with the step that added and the step that removed the bytes.
use std::collections::BTreeMap;

use drydock_vfs::{Layer, Node};
use serde::Serialize;

/// Bytes added by one step and deleted or overwritten by a later one, for one directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WasteRow {
    /// The directory (`/var/lib/apt/lists`) or file.
    pub path: String,
    pub files: usize,
    pub bytes: u64,
    /// Indexes of the adding and removing layers (in the list given to [`analyse`]).
    pub added_by: usize,
    pub removed_by: usize,
    /// `deleted` or `overwritten`.
    pub how: String,
}

/// Files still present in the final image, with the layer that added them.
pub type Live = BTreeMap<String, (usize, u64)>;

fn parent(path: &str) -> String {
    match path.rfind('/') {
        Some(0) | None => "/".to_owned(),
        Some(i) => path.get(..i).unwrap_or("/").to_owned(),
    }
}

/// Wasted bytes of `layers` (lowest first), grouped by (directory, adder, remover, how), biggest
/// first; and the files left in the final image.
pub fn analyse(layers: &[Layer]) -> (Vec<WasteRow>, Live) {
    let mut live: Live = BTreeMap::new();
    let mut groups: BTreeMap<(String, usize, usize, &'static str), (usize, u64)> = BTreeMap::new();
    for (j, layer) in layers.iter().enumerate() {
        for (path, node) in layer.walk() {
            let p = path.as_str().to_owned();
            match node {
                Node::Whiteout => {
                    let prefix = format!("{p}/");
                    let gone: Vec<String> = live
                        .range(p.clone()..)
                        .take_while(|(k, _)| **k == p || k.starts_with(&prefix))
                        .map(|(k, _)| k.clone())
                        .collect();
                    for k in gone {
                        if let Some((i, size)) = live.remove(&k) {
                            let g = groups.entry((parent(&k), i, j, "deleted")).or_default();
                            g.0 += 1;
                            g.1 += size;
                        }
                    }
                }
                Node::File(_) | Node::Symlink(_) => {
                    if let Some((i, size)) = live.insert(p.clone(), (j, node.size()))
                        && i != j
                    {
                        let g = groups.entry((parent(&p), i, j, "overwritten")).or_default();
                        g.0 += 1;
                        g.1 += size;
                    }
                }
                Node::Dir(_) => {}
            }
        }
    }
    let mut rows: Vec<WasteRow> = groups
        .into_iter()
        .filter(|(_, (_, bytes))| *bytes > 0)
        .map(
            |((path, added_by, removed_by, how), (files, bytes))| WasteRow {
                path,
                files,
                bytes,
                added_by,
                removed_by,
                how: how.to_owned(),
            },
        )
        .collect();
    drydock_text::sort::sort_by(&mut rows, |a, b| {
        b.bytes.cmp(&a.bytes).then(a.path.cmp(&b.path))
    });
    (rows, live)
}
