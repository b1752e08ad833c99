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

/// Whether a COPY source uses wildcards.
pub fn has_glob(p: &str) -> bool {
    p.contains(['*', '?', '['])
}

/// Go's `filepath.Match` (`*` and `?` never match `/`; `[...]` classes with `^` and ranges;
/// `\` escapes). A malformed pattern matches nothing.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Iterative matcher with one backtracking point per `*`.
    let (mut pi, mut ni) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        let c = n.get(ni).copied().unwrap_or('\0');
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ni));
                pi += 1;
                continue;
            }
            Some('?') if c != '/' => {
                pi += 1;
                ni += 1;
                continue;
            }
            Some('[') => {
                if let Some((ok, next)) = class(&p, pi, c)
                    && ok
                    && c != '/'
                {
                    pi = next;
                    ni += 1;
                    continue;
                }
            }
            Some('\\') if p.get(pi + 1) == Some(&c) => {
                pi += 2;
                ni += 1;
                continue;
            }
            Some(&pc) if pc == c && pc != '?' && pc != '[' && pc != '\\' => {
                pi += 1;
                ni += 1;
                continue;
            }
            _ => {}
        }
        // Backtrack: let the last `*` swallow one more character (never a `/`).
        match star {
            Some((sp, sn)) if n.get(sn).is_some_and(|&x| x != '/') => {
                star = Some((sp, sn + 1));
                pi = sp + 1;
                ni = sn + 1;
            }
            _ => return false,
        }
    }
    while p.get(pi) == Some(&'*') {
        pi += 1;
    }
    pi == p.len()
}

/// Matches `c` against the class starting at `p[start] == '['`: (matched, index after `]`).
fn class(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let negate = p.get(i) == Some(&'^');
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let lo = *p.get(i)?;
        if lo == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        let lo = if lo == '\\' {
            i += 1;
            *p.get(i)?
        } else {
            lo
        };
        i += 1;
        let mut hi = lo;
        if p.get(i) == Some(&'-') && p.get(i + 1).is_some_and(|&x| x != ']') {
            hi = *p.get(i + 1)?;
            if hi == '\\' {
                hi = *p.get(i + 2)?;
                i += 1;
            }
            i += 2;
        }
        if lo <= c && c <= hi {
            matched = true;
        }
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
        assert!(glob_match("*.py", "train.py"));
        assert!(!glob_match("*.py", "src/train.py"));
        assert!(glob_match("src/*.py", "src/train.py"));
        assert!(glob_match("requirements*.txt", "requirements-dev.txt"));
        assert!(glob_match("data?.csv", "data1.csv"));
        assert!(glob_match("[a-c]x", "bx"));
        assert!(!glob_match("[^a-c]x", "bx"));
        assert!(glob_match("a*b*c", "aXbYc"));
        assert!(!glob_match("a*", "a/b"));
    }
}
