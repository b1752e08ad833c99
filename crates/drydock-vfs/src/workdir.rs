//! BuildKit's `NormalizePath` / `NormalizeWorkdir` (`util/system/path.go`, Linux flavour): how a
//! WORKDIR argument or a COPY destination is resolved against the current working directory.

use crate::path::clean;

/// Go's `filepath.Join(a, b)` on Unix for two elements: empty elements are skipped, the rest joined
/// with `/` and cleaned; both empty gives `""`.
fn join2(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => String::new(),
        (true, false) => clean(b),
        (false, true) => clean(a),
        (false, false) => clean(&format!("{a}/{b}")),
    }
}

/// BuildKit's `system.NormalizePath(parent, path, "linux", keep_slash)`: an absolute result for
/// `path` relative to `parent` (itself made absolute). A relative `path` is joined and cleaned; an
/// absolute `path` is returned as written (BuildKit does not clean it); an empty `path` means
/// `parent`. With `keep_slash`, a trailing `/` or `/.` of `path` is kept (COPY destinations).
///
/// ```
/// use drydock_vfs::normalize_path;
/// assert_eq!(normalize_path("/app", "sub/", true), "/app/sub/");
/// assert_eq!(normalize_path("/app", ".", true), "/app");
/// assert_eq!(normalize_path("/app", "./", true), "/app/");
/// assert_eq!(normalize_path("/app", "sub/.", true), "/app/sub/.");
/// assert_eq!(normalize_path("/", "/x/../y", false), "/x/../y");
/// ```
pub fn normalize_path(parent: &str, path: &str, keep_slash: bool) -> String {
    let orig = path;
    let mut parent = if parent.is_empty() {
        "/".to_owned()
    } else {
        parent.to_owned()
    };
    if !parent.starts_with('/') {
        parent = join2("/", &parent);
    }
    let mut path = if path.is_empty() {
        parent.clone()
    } else {
        path.to_owned()
    };
    if !path.starts_with('/') {
        path = join2(&parent, &path);
    }
    if keep_slash {
        if orig.ends_with('/') && !path.ends_with('/') {
            path.push('/');
        } else if orig.ends_with("/.") {
            if path != "/" {
                path.push('/');
            }
            path.push('.');
        }
    }
    path
}

/// BuildKit's `system.NormalizeWorkdir(current, wd, "linux")`: the new WORKDIR after
/// `WORKDIR wd` when the current one is `current` (which may be empty or relative: it is then
/// taken below `/`). Matches `cases-workdir.tsv`.
///
/// ```
/// use drydock_vfs::normalize_workdir;
/// assert_eq!(normalize_workdir("/test", "../subdir"), "/subdir");
/// assert_eq!(normalize_workdir("test", ""), "/test");
/// ```
pub fn normalize_workdir(current: &str, wd: &str) -> String {
    normalize_path(current, wd, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(current: &str, wd: &str, expected: &str) {
        assert_eq!(
            normalize_workdir(current, wd),
            expected,
            "({current:?}, {wd:?})"
        );
    }

    #[test]
    fn workdir_examples() {
        check("", "test", "/test");
        check("/test", "../subdir", "/subdir");
        check("/a", "/x/../y", "/x/../y");
        check("/", "", "/");
        check("", "", "/");
    }
}
