//! `docker history IMAGE`: newest entry first; only the top row shows the image id, the rest
//! `<missing>` (BuildKit images have no parent chain); CREATED BY truncated to 45 characters
//! with `…` unless `--no-trunc`.
use super::tabwriter::render as tab;
use super::units::human_size;
use crate::image::Image;
use crate::timefmt::human_ago;

/// The docker CLI's `Ellipsis`: at most `max` chars, the last one `…` when cut.
pub fn ellipsis(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The table for `img` at virtual time `now_ms`.
pub fn render(img: &Image, now_ms: i64, no_trunc: bool) -> String {
    let mut rows = vec![vec![
        "IMAGE".to_owned(),
        "CREATED".to_owned(),
        "CREATED BY".to_owned(),
        "SIZE".to_owned(),
        "COMMENT".to_owned(),
    ]];
    let mut sizes = img.layer_sizes.iter().rev();
    let n = img.history.len();
    for (i, h) in img.history.iter().rev().enumerate() {
        let size = if h.empty_layer {
            0
        } else {
            sizes.next().copied().unwrap_or(0)
        };
        let id = if i == 0 {
            if no_trunc {
                img.id.clone()
            } else {
                img.short_id().to_owned()
            }
        } else {
            "<missing>".to_owned()
        };
        let by = h.created_by.replace('\t', " ");
        let by = if no_trunc { by } else { ellipsis(&by, 45) };
        rows.push(vec![
            id,
            human_ago(now_ms, h.created_ms),
            by,
            human_size(size),
            h.comment.clone(),
        ]);
        let _ = n;
    }
    tab(&rows)
}
