//! A container's file changes (`docker diff`'s `A`/`C`/`D` list) with what a view shows beside
//! each path: its kind and size in the container now (deleted entries have none).
use drydock_vfs::{ChangeKind, FileKind};

use crate::session::Session;

/// One changed path of a container's writable layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    pub kind: ChangeKind,
    pub path: String,
    /// `None` for deleted entries.
    pub file_kind: Option<FileKind>,
    /// Size in the container now (file length, 4096 for directories, 0 when deleted).
    pub size: u64,
}

/// The changes of container `id` against its image (mounts excluded), sorted by path as `docker
/// diff` prints them; empty when there is no such container.
pub fn container_files(s: &mut Session, id: &str) -> Vec<FileChange> {
    let changes = s.engine.container_changes(id);
    if changes.is_empty() {
        return Vec::new();
    }
    let tree = s.engine.container_tree(id).unwrap_or_default();
    changes
        .into_iter()
        .map(|c| {
            let path = c.path.to_string();
            let stat = (c.kind != ChangeKind::Deleted)
                .then(|| tree.lstat(&path).ok())
                .flatten();
            FileChange {
                kind: c.kind,
                file_kind: stat.as_ref().map(|st| st.kind),
                size: stat.map_or(0, |st| st.size),
                path,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SessionConfig;
    use drydock_vfs::{ImportEntry, Tree};

    #[test]
    fn changes_of_a_container_with_sizes() {
        let host =
            Tree::from_entries([ImportEntry::file("Dockerfile", "FROM alpine:3.20\n")]).unwrap();
        let mut s = Session::new(SessionConfig::default(), host);
        let out = s.line(
            "docker run --name work alpine:3.20 sh -c 'echo hello > /tmp/x; rm /etc/os-release'",
        );
        assert_eq!(out.exit_code, 0, "{}", out.text());
        let id = s.engine().find_container("work").unwrap().id.clone();
        let files = container_files(&mut s, &id);
        let x = files.iter().find(|f| f.path == "/tmp/x").unwrap();
        assert_eq!(
            (x.kind, x.size, x.file_kind),
            (ChangeKind::Added, 6, Some(FileKind::File))
        );
        let gone = files.iter().find(|f| f.path == "/etc/os-release").unwrap();
        assert_eq!(
            (gone.kind, gone.size, gone.file_kind),
            (ChangeKind::Deleted, 0, None)
        );
        assert!(
            files
                .iter()
                .any(|f| f.path == "/tmp" && f.kind == ChangeKind::Changed)
        );
        assert!(container_files(&mut s, "nope").is_empty());
    }
}
