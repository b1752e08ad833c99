//! Absolute `/`-separated paths (`AbsPath`, always cleaned) and Go's `path.Clean` (`clean`).
//!
//! These are container paths, never host paths: `std::path` is not used anywhere in this crate.

use std::fmt;
use std::sync::Arc;

/// Cleans a `/`-separated path exactly like Go's `path.Clean` (and `filepath.Clean` on Unix):
/// duplicate slashes collapse, `.` elements vanish, `..` removes the previous element (and is
/// dropped at the root of a rooted path), a trailing slash is removed, and the empty result is `.`.
///
/// ```
/// use drydock_vfs::clean;
/// assert_eq!(clean("a//b/./../c/"), "a/c");
/// assert_eq!(clean("/../x"), "/x");
/// assert_eq!(clean("../../x"), "../../x");
/// assert_eq!(clean(""), ".");
/// ```
pub fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let rooted = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    // Number of leading `..` elements that cannot be cancelled (relative paths only).
    let mut dotdots = 0usize;
    for comp in path.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                if out.len() > dotdots {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                    dotdots += 1;
                }
            }
            c => out.push(c),
        }
    }
    let body = out.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".to_owned(),
        (false, false) => body,
    }
}

/// Why a string is not an absolute path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// The rejected input.
    pub input: String,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an absolute path: {:?}", self.input)
    }
}

impl std::error::Error for PathError {}

/// An absolute, cleaned container path: starts with `/`, no `.`/`..`/empty elements, no trailing
/// slash (except the root itself). Cheap to clone (shared string).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AbsPath(Arc<str>);

impl AbsPath {
    /// The root directory `/`.
    pub fn root() -> Self {
        AbsPath(Arc::from("/"))
    }

    /// Parses an absolute path (must start with `/`), cleaning it.
    pub fn parse(s: &str) -> Result<Self, PathError> {
        if s.starts_with('/') {
            Ok(AbsPath(Arc::from(clean(s))))
        } else {
            Err(PathError {
                input: s.to_owned(),
            })
        }
    }

    /// Interprets any string as a path below `/` (like Go's `filepath.Join("/", s)`): a relative
    /// path is rooted, `..` cannot escape the root. Total.
    pub fn from_any(s: &str) -> Self {
        if s.starts_with('/') {
            AbsPath(Arc::from(clean(s)))
        } else {
            AbsPath(Arc::from(clean(&format!("/{s}"))))
        }
    }

    /// The path as a string (`/`, `/a/b`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path without its leading `/` (`""` for the root): the form used in layer tars and by
    /// `.dockerignore` matching.
    pub fn relative(&self) -> &str {
        self.0.get(1..).unwrap_or("")
    }

    /// Whether this is `/`.
    pub fn is_root(&self) -> bool {
        &*self.0 == "/"
    }

    /// Lexically joins `rel` onto this path and cleans the result; an absolute `rel` replaces it.
    /// `..` is resolved lexically (symlinks are not consulted: see `Tree::resolve` for that).
    pub fn join(&self, rel: &str) -> AbsPath {
        if rel.starts_with('/') {
            AbsPath(Arc::from(clean(rel)))
        } else if rel.is_empty() {
            self.clone()
        } else {
            AbsPath(Arc::from(clean(&format!("{}/{rel}", self.0))))
        }
    }

    /// Appends one element. A `name` that is empty, `.`, `..` or contains `/` is joined
    /// lexically instead (so the result is always a clean path).
    pub fn child(&self, name: &str) -> AbsPath {
        if name.is_empty() || name == "." || name == ".." || name.contains('/') {
            return self.join(name);
        }
        if self.is_root() {
            AbsPath(Arc::from(format!("/{name}")))
        } else {
            AbsPath(Arc::from(format!("{}/{name}", self.0)))
        }
    }

    /// The parent directory; `None` for the root.
    pub fn parent(&self) -> Option<AbsPath> {
        if self.is_root() {
            return None;
        }
        match self.0.rfind('/') {
            Some(0) | None => Some(AbsPath::root()),
            Some(i) => Some(AbsPath(Arc::from(self.0.get(..i).unwrap_or("/")))),
        }
    }

    /// The last element; `None` for the root.
    pub fn file_name(&self) -> Option<&str> {
        if self.is_root() {
            return None;
        }
        self.0.rsplit('/').next()
    }

    /// The elements from the root down (`/a/b` → `a`, `b`; the root has none).
    pub fn components(&self) -> impl DoubleEndedIterator<Item = &str> + '_ {
        self.relative().split('/').filter(|c| !c.is_empty())
    }

    /// Number of elements (`/` → 0, `/a/b` → 2).
    pub fn depth(&self) -> usize {
        self.components().count()
    }

    /// Whether `base` is this path or one of its ancestors (element-wise, so `/ab` does not start
    /// with `/a`).
    pub fn starts_with(&self, base: &AbsPath) -> bool {
        self.strip_prefix(base).is_some()
    }

    /// The part of this path below `base`, without a leading `/` (`""` when equal); `None` when
    /// `base` is not an ancestor-or-self.
    pub fn strip_prefix(&self, base: &AbsPath) -> Option<&str> {
        if base.is_root() {
            return Some(self.relative());
        }
        let rest = self.0.strip_prefix(&*base.0)?;
        if rest.is_empty() {
            Some("")
        } else {
            rest.strip_prefix('/')
        }
    }

    /// Every ancestor from the root down to the parent (excluding this path itself).
    pub fn ancestors(&self) -> Vec<AbsPath> {
        let mut out = Vec::new();
        let mut cur = self.parent();
        while let Some(p) = cur {
            cur = p.parent();
            out.push(p);
        }
        out.reverse();
        out
    }
}

impl Default for AbsPath {
    fn default() -> Self {
        AbsPath::root()
    }
}

impl fmt::Display for AbsPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for AbsPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl AsRef<str> for AbsPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for AbsPath {
    type Err = PathError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AbsPath::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(clean(input), expected, "clean({input:?})");
    }

    #[test]
    fn clean_matches_go() {
        // Go's path.Clean test table.
        for (i, e) in [
            ("", "."),
            ("abc", "abc"),
            ("abc/def", "abc/def"),
            ("a/b/c", "a/b/c"),
            (".", "."),
            ("..", ".."),
            ("../..", "../.."),
            ("../../abc", "../../abc"),
            ("/abc", "/abc"),
            ("/", "/"),
            ("abc/", "abc"),
            ("abc/def/", "abc/def"),
            ("a/b/c/", "a/b/c"),
            ("./", "."),
            ("../", ".."),
            ("../../", "../.."),
            ("/abc/", "/abc"),
            ("abc//def//ghi", "abc/def/ghi"),
            ("//abc", "/abc"),
            ("///abc", "/abc"),
            ("//abc//", "/abc"),
            ("abc//", "abc"),
            ("abc/./def", "abc/def"),
            ("/./abc/def", "/abc/def"),
            ("abc/.", "abc"),
            ("abc/def/ghi/../jkl", "abc/def/jkl"),
            ("abc/def/../ghi/../jkl", "abc/jkl"),
            ("abc/def/..", "abc"),
            ("abc/def/../..", "."),
            ("/abc/def/../..", "/"),
            ("abc/def/../../..", ".."),
            ("/abc/def/../../..", "/"),
            ("abc/def/../../../ghi/jkl/../../../mno", "../../mno"),
            ("abc/./../def", "def"),
            ("abc//./../def", "def"),
            ("abc/../../././../def", "../../def"),
        ] {
            check(i, e);
        }
    }

    #[test]
    fn abs_path_ops() {
        let p = AbsPath::parse("/a//b/../c/").unwrap();
        assert_eq!(p.as_str(), "/a/c");
        assert_eq!(p.parent().unwrap().as_str(), "/a");
        assert_eq!(p.file_name(), Some("c"));
        assert_eq!(p.components().collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(p.join("../x").as_str(), "/a/x");
        assert_eq!(p.join("/y").as_str(), "/y");
        assert_eq!(p.child("z").as_str(), "/a/c/z");
        assert!(p.starts_with(&AbsPath::parse("/a").unwrap()));
        assert!(
            !AbsPath::parse("/ab")
                .unwrap()
                .starts_with(&AbsPath::parse("/a").unwrap())
        );
        assert_eq!(p.strip_prefix(&AbsPath::root()), Some("a/c"));
        assert_eq!(AbsPath::root().parent(), None);
        assert_eq!(
            AbsPath::parse("/a").unwrap().parent(),
            Some(AbsPath::root())
        );
        assert_eq!(AbsPath::from_any("../../etc").as_str(), "/etc");
        assert!(AbsPath::parse("rel").is_err());
        assert_eq!(
            p.ancestors(),
            vec![AbsPath::root(), AbsPath::parse("/a").unwrap()]
        );
    }
}
