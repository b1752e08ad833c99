//! The image explorer's layer stack: one row per history entry of an image (empty layers
//! included), its layer's size and diff id, and — when the image is the last build's result — the
//! build step that made it; plus the filesystem after every layer, for the layer trees.
use drydock_engine::BuildTrace;
use drydock_engine::image::Image;
use drydock_vfs::{LayerStack, Tree};

/// One history entry of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerRow {
    /// The history entry's index, oldest first.
    pub index: usize,
    /// The filesystem layer's index, lowest first (`None` for an empty layer).
    pub layer: Option<usize>,
    pub diff_id: Option<String>,
    pub size: u64,
    pub created_by: String,
    pub comment: String,
    /// The index in the last build's steps of the step that made it.
    pub step: Option<usize>,
}

impl LayerRow {
    pub fn empty(&self) -> bool {
        self.layer.is_none()
    }
}

/// The rows of `img`, oldest first. `trace` is the last build: when it produced `img`, its steps
/// are matched to the history entries from the top down (a step with a layer to the entry of the
/// same diff id, a step without one to an empty entry) until one does not fit.
pub fn layer_rows(img: &Image, trace: Option<&BuildTrace>) -> Vec<LayerRow> {
    let mut layer = 0usize;
    let mut rows: Vec<LayerRow> = img
        .history
        .iter()
        .enumerate()
        .map(|(index, h)| {
            let (l, diff_id, size) = if h.empty_layer {
                (None, None, 0)
            } else {
                layer += 1;
                (
                    Some(layer - 1),
                    img.diff_ids.get(layer - 1).cloned(),
                    img.layer_sizes.get(layer - 1).copied().unwrap_or(0),
                )
            };
            LayerRow {
                index,
                layer: l,
                diff_id,
                size,
                created_by: h.created_by.clone(),
                comment: h.comment.clone(),
                step: None,
            }
        })
        .collect();
    let Some(trace) = trace.filter(|t| t.image_id() == Some(img.id.as_str())) else {
        return rows;
    };
    let target = trace.steps.last().map_or(0, |s| s.stage);
    let own = trace
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.stage == target && s.kind != drydock_syntax::Kind::From);
    for ((i, step), row) in own.rev().zip(rows.iter_mut().rev()) {
        let fits = match (&step.layer, &row.diff_id) {
            (Some(l), Some(d)) => &l.diff_id == d,
            (None, None) => true,
            _ => false,
        };
        if !fits {
            break;
        }
        row.step = Some(i);
    }
    rows
}

/// The filesystem after each layer of `stack`, lowest first.
pub fn layer_trees(stack: &LayerStack) -> Vec<Tree> {
    let mut tree = Tree::new();
    stack
        .layers()
        .iter()
        .map(|l| {
            tree = l.apply(&tree);
            tree.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_session::{Session, SessionConfig, examples};

    #[test]
    fn rows_follow_the_history_and_name_the_steps_of_the_last_build() {
        let ex = examples::get("trainer").unwrap();
        let mut s = Session::new(SessionConfig::default(), ex.tree());
        let out = s.line(&format!("docker build -f {} -t t .", ex.dockerfile));
        assert_eq!(out.exit_code, 0);
        let trace = s.last_build().unwrap();
        let img = s.engine().image("t").unwrap();
        let rows = layer_rows(img, Some(trace));
        assert_eq!(rows.len(), img.history.len());
        assert_eq!(
            rows.iter().filter(|r| !r.empty()).count(),
            img.diff_ids.len()
        );
        // Every step made one history entry, in order (FROM is not a step).
        let steps: Vec<usize> = rows.iter().filter_map(|r| r.step).collect();
        let own: Vec<usize> = (0..trace.steps.len()).collect();
        assert_eq!(steps, own);
        let copy = rows
            .iter()
            .find(|r| r.created_by.starts_with("COPY src/"))
            .unwrap();
        let step = &trace.steps[copy.step.unwrap()];
        assert_eq!(
            step.layer.as_ref().unwrap().diff_id,
            *copy.diff_id.as_ref().unwrap()
        );
        // Another image: no steps.
        assert!(layer_rows(img, None).iter().all(|r| r.step.is_none()));
        // One tree per layer, the last one the whole image.
        let stack = s.engine().stack_of(img);
        let trees = layer_trees(&stack);
        assert_eq!(trees.len(), img.diff_ids.len());
        assert!(trees.last().unwrap().is_file("/src/my_project/train.py"));
    }
}
