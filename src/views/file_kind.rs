//! What a project file is, by its name and contents: a Dockerfile, an ignore file, text or binary.
use drydock_vfs::Content;

/// Whether `name` (a file name, no folder) is a Dockerfile: `Dockerfile`, `Containerfile`,
/// `Dockerfile.<variant>`, `<name>.dockerfile` (any case) — never an ignore file.
pub fn is_dockerfile(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".dockerignore") {
        return false;
    }
    lower == "dockerfile"
        || lower == "containerfile"
        || lower.starts_with("dockerfile.")
        || (lower.ends_with(".dockerfile") && lower.len() > ".dockerfile".len())
}

/// Whether `name` is an ignore file: `.dockerignore` or `<Dockerfile>.dockerignore`.
pub fn is_ignore_file(name: &str) -> bool {
    name == ".dockerignore" || (name.ends_with(".dockerignore") && name.len() > 13)
}

/// The file name of a `/`-separated relative path.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether the path (relative, `/`-separated) names a Dockerfile.
pub fn path_is_dockerfile(path: &str) -> bool {
    is_dockerfile(file_name(path))
}

/// How a file's contents can be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// UTF-8 text without NUL bytes: the editor opens it.
    Text,
    /// Real bytes that are not text (an uploaded image, an archive): shown by size only.
    Binary,
    /// A simulated data file (size only, bytes generated on demand): shown by size only.
    Data,
}

/// The kind of `content`.
pub fn content_kind(content: &Content) -> ContentKind {
    match content.as_bytes() {
        None => ContentKind::Data,
        Some(b) if !b.contains(&0) && std::str::from_utf8(b).is_ok() => ContentKind::Text,
        Some(_) => ContentKind::Binary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, dockerfile: bool, ignore: bool) {
        assert_eq!(is_dockerfile(name), dockerfile, "is_dockerfile({name:?})");
        assert_eq!(is_ignore_file(name), ignore, "is_ignore_file({name:?})");
    }

    #[test]
    fn dockerfile_names() {
        check("Dockerfile", true, false);
        check("dockerfile", true, false);
        check("Containerfile", true, false);
        check("Dockerfile.dev", true, false);
        check("trainer.dockerfile", true, false);
        check("api.Dockerfile", true, false);
        check(".dockerfile", false, false);
        check("Dockerfile.dockerignore", false, true);
        check("trainer.dockerfile.dockerignore", false, true);
        check(".dockerignore", false, true);
        check("requirements.txt", false, false);
        check("Dockerfiles", false, false);
        assert!(path_is_dockerfile("build/api.dockerfile"));
        assert_eq!(file_name("a/b/c.txt"), "c.txt");
    }

    #[test]
    fn content_kinds() {
        assert_eq!(content_kind(&Content::text("FROM x\n")), ContentKind::Text);
        assert_eq!(
            content_kind(&Content::bytes(vec![0x89, b'P', 0, 1])),
            ContentKind::Binary
        );
        assert_eq!(
            content_kind(&Content::bytes(vec![0xff, 0xfe])),
            ContentKind::Binary
        );
        assert_eq!(
            content_kind(&Content::synthetic(10, 1, None)),
            ContentKind::Data
        );
        assert_eq!(content_kind(&Content::empty()), ContentKind::Text);
    }
}
