//! Base images from the catalog turned into layer stacks (each history layer a `Layer` built
//! from its skeleton), and their history and config as the image store keeps them.
use drydock_catalog::{BaseImage, SkelKind};
use drydock_vfs::{Content, ImportEntry, Layer, LayerStack, Timestamp, Tree};

use crate::image::{History, Image, ImageConfig};

/// The layers of a catalog image.
pub fn stack(img: &BaseImage) -> LayerStack {
    let cat = drydock_catalog::catalog();
    let mut layers = Vec::new();
    for h in &img.history {
        let Some(spec) = &h.layer else { continue };
        let t = Timestamp::from_secs(h.created);
        let entries = cat.layer_entries(img, spec).into_iter().map(|e| {
            let ie = match e.kind {
                SkelKind::Dir => ImportEntry::dir(&e.path),
                SkelKind::File(text) => ImportEntry::file(&e.path, Content::text(&text)),
                SkelKind::Symlink(target) => ImportEntry::symlink(&e.path, &target),
                SkelKind::Synthetic { size, seed, what } => {
                    ImportEntry::file(&e.path, Content::synthetic(size, seed, Some(&what)))
                }
            };
            ie.mode(e.mode).owner(e.uid, e.gid).mtime(t)
        });
        let tree = Tree::from_entries(entries).unwrap_or_default();
        layers.push(Layer::from_tree(&tree));
    }
    LayerStack::from_layers(layers)
}

/// The image-store record of a catalog image (as pulled).
pub fn image_record(img: &BaseImage, stack: &LayerStack) -> Image {
    let history = img
        .history
        .iter()
        .map(|h| History {
            created_ms: h.created * 1000,
            created_by: h.created_by.clone(),
            comment: h.comment.clone(),
            empty_layer: h.layer.is_none(),
        })
        .collect();
    let familiar = img
        .repository
        .strip_prefix("docker.io/library/")
        .unwrap_or(&img.repository);
    let mut rec = Image {
        id: String::new(),
        config: ImageConfig::from_catalog(&img.config),
        history,
        base: Some(img.digest.clone()),
        diff_ids: stack
            .layers()
            .iter()
            .map(|l| l.diff_id().to_string())
            .collect(),
        layer_sizes: img.layers().map(|l| l.size).collect(),
        created_ms: img.created() * 1000,
        os: img.os.clone(),
        architecture: img.architecture.clone(),
        author: String::new(),
        repo_digests: vec![format!("{familiar}@{}", img.digest)],
        last_tag_ms: None,
    };
    rec.seal();
    rec
}
