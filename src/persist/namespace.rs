//! Storage keys: several Drydock instances on one origin (embeds on different pages, or several
//! on one page told apart by `?instance=`) must not overwrite each other's projects. The key
//! namespace is the page's path plus the optional instance name.

/// The namespace of the page at `pathname` with query string `search` (`?instance=a&x=1`).
/// `index.html` is dropped so `/play/` and `/play/index.html` share one project.
pub fn namespace(pathname: &str, search: &str) -> String {
    let path = pathname.strip_suffix("index.html").unwrap_or(pathname);
    let path = if path.is_empty() { "/" } else { path };
    match instance(search) {
        Some(i) => format!("drydock:{path}?instance={i}"),
        None => format!("drydock:{path}"),
    }
}

/// The `instance` query parameter (first one, percent-decoding not needed for plain names).
fn instance(search: &str) -> Option<&str> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("instance="))
        .filter(|v| !v.is_empty())
}

/// The key of the project save in a namespace.
pub fn save_key(ns: &str) -> String {
    format!("{ns}#project")
}

/// The key of the backup kept when a share link or an example replaces the project.
pub fn backup_key(ns: &str) -> String {
    format!("{ns}#backup")
}

/// The key a save that could not be read is moved to (so it is never lost).
pub fn unreadable_key(ns: &str) -> String {
    format!("{ns}#unreadable")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces() {
        let cases = [
            ("/", "", "drydock:/"),
            ("/index.html", "", "drydock:/"),
            ("/course/week1/", "?x=1", "drydock:/course/week1/"),
            (
                "/course/week1/index.html",
                "?instance=a",
                "drydock:/course/week1/?instance=a",
            ),
            (
                "/drydock.html",
                "?theme=dark&instance=demo2",
                "drydock:/drydock.html?instance=demo2",
            ),
            ("/p", "?instance=", "drydock:/p"),
        ];
        for (path, search, want) in cases {
            assert_eq!(namespace(path, search), want, "{path}{search}");
        }
        assert_eq!(save_key("drydock:/"), "drydock:/#project");
        assert_eq!(backup_key("drydock:/"), "drydock:/#backup");
        assert_eq!(unreadable_key("drydock:/"), "drydock:/#unreadable");
    }
}
