//! Image references a terminal can complete: the images in the store by their tags (short form,
//! `trainer:latest`) and the base images Drydock can pull (`python:3.11-slim`).
use std::collections::BTreeSet;

use drydock_catalog::familiar_of;

use crate::session::Session;

/// Tags of local images, short form, sorted and without duplicates (`docker run`, `rmi` …).
pub fn local_references(s: &Session) -> Vec<String> {
    let out: BTreeSet<String> = s
        .engine
        .state()
        .tags
        .keys()
        .map(|t| familiar_of(t))
        .collect();
    out.into_iter().collect()
}

/// Every tag of every pullable catalog image, short form, sorted (`docker pull`).
pub fn pullable_references() -> Vec<String> {
    let mut out = BTreeSet::new();
    for img in &drydock_catalog::catalog().images {
        let repo = img.familiar_repo();
        for tag in &img.tags {
            out.insert(format!("{repo}:{tag}"));
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SessionConfig;
    use drydock_vfs::{ImportEntry, Tree};

    #[test]
    fn local_tags_and_catalog_images() {
        let host =
            Tree::from_entries([ImportEntry::file("Dockerfile", "FROM alpine:3.20\n")]).unwrap();
        let mut s = Session::new(SessionConfig::default(), host);
        let pullable = pullable_references();
        assert!(
            pullable.iter().any(|r| r == "python:3.11-slim"),
            "{pullable:?}"
        );
        assert!(pullable.windows(2).all(|w| w[0] < w[1]));
        assert!(!pullable.iter().any(|r| r == "demo:latest"));
        assert!(local_references(&s).is_empty());
        assert_eq!(s.line("docker build -t demo .").exit_code, 0);
        assert_eq!(local_references(&s), ["demo:latest"]);
    }
}
