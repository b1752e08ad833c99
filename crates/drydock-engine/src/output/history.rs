//! `docker history IMAGE`: newest entry first; only the top row shows the image id, the rest
//! `<missing>` (BuildKit images have no parent chain); CREATED BY truncated to 45 characters
//! with `…` unless `--no-trunc`.
use super::tabwriter::render as tab;
use super::units::human_size;
use crate::image::Image;
use crate::timefmt::human_ago;

/// The docker CLI's `Ellipsis`: at most `max` chars, the last one `…` when cut.
fn ellipsis(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// One history row as the docker CLI's history formatter sees it, before dates and sizes are
/// written out (human or raw).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The image id on the top row (short unless `no_trunc`), `<missing>` below it.
    pub id: String,
    pub created_ms: i64,
    /// CREATED BY, tabs as spaces, cut to 45 chars with `…` unless `no_trunc`.
    pub created_by: String,
    pub size: u64,
    pub comment: String,
}

/// The rows of `img`'s history, newest first.
pub fn rows(img: &Image, no_trunc: bool) -> Vec<Row> {
    let mut sizes = img.layer_sizes.iter().rev();
    img.history
        .iter()
        .rev()
        .enumerate()
        .map(|(i, h)| {
            let size = if h.empty_layer {
                0
            } else {
                sizes.next().copied().unwrap_or(0)
            };
            let id = match (i, no_trunc) {
                (0, true) => img.id.clone(),
                (0, false) => img.short_id().to_owned(),
                _ => "<missing>".to_owned(),
            };
            let by = h.created_by.replace('\t', " ");
            Row {
                id,
                created_ms: h.created_ms,
                created_by: if no_trunc { by } else { ellipsis(&by, 45) },
                size,
                comment: h.comment.clone(),
            }
        })
        .collect()
}

/// The table for `img` at virtual time `now_ms`.
pub fn render(img: &Image, now_ms: i64, no_trunc: bool) -> String {
    let mut table = vec![vec![
        "IMAGE".to_owned(),
        "CREATED".to_owned(),
        "CREATED BY".to_owned(),
        "SIZE".to_owned(),
        "COMMENT".to_owned(),
    ]];
    for r in rows(img, no_trunc) {
        table.push(vec![
            r.id,
            human_ago(now_ms, r.created_ms),
            r.created_by,
            human_size(r.size),
            r.comment,
        ]);
    }
    tab(&table)
}
