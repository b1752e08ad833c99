//! `docker images` / `docker image ls`: `REPOSITORY TAG IMAGE ID CREATED SIZE`, one row per tag
//! (`<none>` for dangling images), newest first.
use super::tabwriter::render as tab;
use super::units::human_size;
use crate::engine::Engine;
use crate::timefmt::human_ago;

/// The table.
pub fn render(engine: &Engine) -> String {
    let now = engine.now_ms();
    let mut rows = vec![vec![
        "REPOSITORY".to_owned(),
        "TAG".to_owned(),
        "IMAGE ID".to_owned(),
        "CREATED".to_owned(),
        "SIZE".to_owned(),
    ]];
    for img in engine.images() {
        let tags = engine.tags_of(&img.id);
        let created = human_ago(now, img.created_ms);
        let size = human_size(img.size());
        if tags.is_empty() {
            rows.push(vec![
                "<none>".into(),
                "<none>".into(),
                img.short_id().to_owned(),
                created.clone(),
                size.clone(),
            ]);
        }
        for t in tags {
            let (repo, tag) = match drydock_catalog::parse_normalized_named(&t) {
                Ok(r) => (r.familiar_name(), r.tag.unwrap_or_else(|| "<none>".into())),
                Err(_) => (t.clone(), "<none>".into()),
            };
            rows.push(vec![
                repo,
                tag,
                img.short_id().to_owned(),
                created.clone(),
                size.clone(),
            ]);
        }
    }
    tab(&rows)
}
