//! Path helpers with Go's semantics: `path.Clean`, WORKDIR normalisation, and cleaning a COPY
//! source the way `filepath.Clean` + `ToSlash` do.

/// Go's `path.Clean`.
pub fn clean(p: &str) -> String {
    if p.is_empty() {
        return ".".to_owned();
    }
    let rooted = p.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|l| *l != "..") {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    let body = out.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".to_owned(),
        (false, false) => body,
    }
}

/// `system.NormalizeWorkdir(current, wd, "linux")`: relative paths join the current WORKDIR; the
/// result is clean and absolute; an empty argument keeps the current directory.
pub fn normalize_workdir(current: &str, wd: &str) -> String {
    if wd.starts_with('/') {
        clean(wd)
    } else {
        clean(&format!("/{current}/{wd}"))
    }
}

/// Joins a possibly relative container path onto `workdir` (`""` means `/`).
pub fn resolve(workdir: &str, p: &str) -> String {
    if p.starts_with('/') {
        clean(p)
    } else {
        clean(&format!("/{workdir}/{p}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_like_go() {
        assert_eq!(clean("./Dockerfile"), "Dockerfile");
        assert_eq!(clean("a/../../b"), "../b");
        assert_eq!(clean("/a/../../b/"), "/b");
        assert_eq!(clean(""), ".");
        assert_eq!(clean("./"), ".");
        assert_eq!(normalize_workdir("test", ""), "/test");
        assert_eq!(normalize_workdir("/test", "../subdir"), "/subdir");
        assert_eq!(resolve("", "models/"), "/models");
    }
}
