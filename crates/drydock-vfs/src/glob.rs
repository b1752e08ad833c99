//! Wildcards on one path component — Go's `filepath.Match` (COPY/ADD sources, `.dockerignore`
//! syntax checks) and POSIX `fnmatch` (the shell) — plus expansion of a whole `/`-separated
//! pattern against a tree.

use crate::path::AbsPath;
use crate::tree::Tree;

/// Go's `filepath.ErrBadPattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadPattern;

impl std::fmt::Display for BadPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("syntax error in pattern")
    }
}

impl std::error::Error for BadPattern {}

/// Go's `filepath.Match(pattern, name)` on Unix, byte for byte: `*` (not crossing `/`), `?`,
/// `[...]` with `^` negation and ranges, `\` escapes. Errors (`syntax error in pattern`) are
/// reported exactly when Go reports them, including for the unread rest of a pattern that
/// already failed to match. Like Go, it works on bytes and decodes runes as it goes (an invalid
/// byte is one U+FFFD rune).
pub fn go_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    go_match_bytes(pattern.as_bytes(), name.as_bytes())
}

fn go_match_bytes(pattern: &[u8], name: &[u8]) -> Result<bool, BadPattern> {
    let mut pattern = pattern;
    let mut name = name;
    'outer: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            return Ok(!name.contains(&b'/'));
        }
        let (t, ok, err) = match_chunk(chunk, name);
        if ok && (t.is_empty() || !pattern.is_empty()) {
            name = t;
            continue;
        }
        if err {
            return Err(BadPattern);
        }
        if star {
            let mut i = 0;
            while i < name.len() && name.get(i) != Some(&b'/') {
                let (t, ok, err) = match_chunk(chunk, name.get(i + 1..).unwrap_or(&[]));
                if ok {
                    if pattern.is_empty() && !t.is_empty() {
                        i += 1;
                        continue;
                    }
                    name = t;
                    continue 'outer;
                }
                if err {
                    return Err(BadPattern);
                }
                i += 1;
            }
        }
        // Before returning false with no error, check the rest of the pattern is well formed.
        while !pattern.is_empty() {
            let (_, chunk, rest) = scan_chunk(pattern);
            pattern = rest;
            if match_chunk(chunk, &[]).2 {
                return Err(BadPattern);
            }
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

/// Go's `utf8.DecodeRune`: the rune and its width; an invalid or truncated sequence is
/// (U+FFFD, 1); empty input is (U+FFFD, 0).
pub(crate) fn decode_rune(b: &[u8]) -> (char, usize) {
    let Some(&b0) = b.first() else {
        return ('\u{fffd}', 0);
    };
    if b0 < 0x80 {
        return (char::from(b0), 1);
    }
    let width = match b0 {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return ('\u{fffd}', 1),
    };
    match b
        .get(..width)
        .and_then(|s| std::str::from_utf8(s).ok())
        .and_then(|s| s.chars().next())
    {
        Some(c) => (c, width),
        None => ('\u{fffd}', 1),
    }
}

/// Go's `scanChunk`: leading stars, then the text up to the next unbracketed `*`.
fn scan_chunk(pattern: &[u8]) -> (bool, &[u8], &[u8]) {
    let mut p = pattern;
    let mut star = false;
    while let Some((b'*', rest)) = p.split_first() {
        p = rest;
        star = true;
    }
    let mut inrange = false;
    let mut i = 0;
    while i < p.len() {
        match p.get(i) {
            Some(b'\\') if i + 1 < p.len() => i += 1,
            Some(b'[') => inrange = true,
            Some(b']') => inrange = false,
            Some(b'*') if !inrange => break,
            _ => {}
        }
        i += 1;
    }
    (star, p.get(..i).unwrap_or(p), p.get(i..).unwrap_or(&[]))
}

/// Go's `matchChunk`: returns (rest of `s`, matched, bad pattern).
fn match_chunk<'a>(chunk: &[u8], s: &'a [u8]) -> (&'a [u8], bool, bool) {
    let mut chunk = chunk;
    let mut s = s;
    let mut failed = false;
    while let Some(&c0) = chunk.first() {
        if !failed && s.is_empty() {
            failed = true;
        }
        match c0 {
            b'[' => {
                let mut r = '\0';
                if !failed {
                    let (c, n) = decode_rune(s);
                    r = c;
                    s = s.get(n..).unwrap_or(&[]);
                }
                chunk = chunk.get(1..).unwrap_or(&[]);
                let mut negated = false;
                if let Some((b'^', rest)) = chunk.split_first() {
                    negated = true;
                    chunk = rest;
                }
                let mut matched = false;
                let mut nrange = 0;
                loop {
                    if nrange > 0
                        && let Some((b']', rest)) = chunk.split_first()
                    {
                        chunk = rest;
                        break;
                    }
                    let Some((lo, rest)) = get_esc(chunk) else {
                        return (&[], false, true);
                    };
                    chunk = rest;
                    let mut hi = lo;
                    if let Some((b'-', rest)) = chunk.split_first() {
                        let Some((h, rest)) = get_esc(rest) else {
                            return (&[], false, true);
                        };
                        hi = h;
                        chunk = rest;
                    }
                    if lo <= r && r <= hi {
                        matched = true;
                    }
                    nrange += 1;
                }
                if matched == negated {
                    failed = true;
                }
            }
            b'?' => {
                if !failed {
                    if s.first() == Some(&b'/') {
                        failed = true;
                    }
                    let (_, n) = decode_rune(s);
                    s = s.get(n..).unwrap_or(&[]);
                }
                chunk = chunk.get(1..).unwrap_or(&[]);
            }
            _ => {
                if c0 == b'\\' {
                    chunk = chunk.get(1..).unwrap_or(&[]);
                    if chunk.is_empty() {
                        return (&[], false, true);
                    }
                }
                if !failed {
                    if chunk.first() != s.first() {
                        failed = true;
                    }
                    s = s.get(1..).unwrap_or(&[]);
                }
                chunk = chunk.get(1..).unwrap_or(&[]);
            }
        }
    }
    if failed {
        (&[], false, false)
    } else {
        (s, true, false)
    }
}

/// Go's `getEsc`: one (possibly escaped) character of a class; `None` is `ErrBadPattern`.
fn get_esc(chunk: &[u8]) -> Option<(char, &[u8])> {
    let mut c = chunk;
    match c.first() {
        None | Some(b'-') | Some(b']') => return None,
        _ => {}
    }
    if let Some((b'\\', rest)) = c.split_first() {
        c = rest;
        if c.is_empty() {
            return None;
        }
    }
    let (r, n) = decode_rune(c);
    if r == '\u{fffd}' && n == 1 {
        return None;
    }
    let rest = c.get(n..).unwrap_or(&[]);
    if rest.is_empty() {
        return None;
    }
    Some((r, rest))
}

/// Whether `s` contains an unescaped wildcard character (`*`, `?`, `[`).
pub fn has_wildcards(s: &str) -> bool {
    let mut escaped = false;
    for c in s.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if matches!(c, '*' | '?' | '[') {
            return true;
        }
    }
    false
}

/// POSIX `fnmatch` for one path component as a shell does pathname expansion: `*`, `?`,
/// bracket expressions (`[!…]`/`[^…]`, ranges, `[:alpha:]`-style classes, a leading `]` is
/// literal, an unterminated `[` is a literal `[`), `\` escapes. When `period` is set, a leading
/// `.` of `name` must be matched literally.
pub fn fnmatch(pattern: &str, name: &str, period: bool) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    if period && n.first() == Some(&'.') && p.first() != Some(&'.') {
        // `\.` also matches literally.
        if !(p.first() == Some(&'\\') && p.get(1) == Some(&'.')) {
            return false;
        }
    }
    let (mut pi, mut ni) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if let Some(&pc) = p.get(pi) {
            match pc {
                '*' => {
                    star = Some((pi, ni));
                    pi += 1;
                    continue;
                }
                '?' => {
                    if ni < n.len() {
                        pi += 1;
                        ni += 1;
                        continue;
                    }
                }
                '[' => {
                    if let Some(&c) = n.get(ni) {
                        match bracket(&p, pi + 1, c) {
                            Some((true, next)) => {
                                pi = next;
                                ni += 1;
                                continue;
                            }
                            Some((false, _)) => {}
                            None => {
                                if c == '[' {
                                    pi += 1;
                                    ni += 1;
                                    continue;
                                }
                            }
                        }
                    }
                }
                '\\' if p.get(pi + 1).is_some() => {
                    if p.get(pi + 1) == n.get(ni) {
                        pi += 2;
                        ni += 1;
                        continue;
                    }
                }
                c => {
                    if n.get(ni) == Some(&c) {
                        pi += 1;
                        ni += 1;
                        continue;
                    }
                }
            }
        } else if ni == n.len() {
            return true;
        }
        // Mismatch: backtrack to the last star.
        match star {
            Some((sp, sn)) if sn < n.len() => {
                star = Some((sp, sn + 1));
                pi = sp + 1;
                ni = sn + 1;
            }
            _ => return false,
        }
    }
}

/// Matches `c` against the bracket expression starting after `[` at `start`. Returns
/// `(matched, index after ])`, or `None` when the bracket is not terminated.
fn bracket(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start;
    let negate = matches!(p.get(i), Some('!') | Some('^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let pc = *p.get(i)?;
        if pc == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        if pc == '[' && p.get(i + 1) == Some(&':') {
            let rest: String = p.get(i + 2..)?.iter().collect();
            if let Some(end) = rest.find(":]") {
                let class = rest.get(..end).unwrap_or("");
                if char_class(class, c) {
                    matched = true;
                }
                i += 2 + class.chars().count() + 2;
                continue;
            }
        }
        let lo = if pc == '\\' {
            i += 1;
            *p.get(i)?
        } else {
            pc
        };
        i += 1;
        if p.get(i) == Some(&'-') && p.get(i + 1).is_some_and(|&x| x != ']') {
            let mut hi = *p.get(i + 1)?;
            i += 2;
            if hi == '\\' {
                hi = *p.get(i)?;
                i += 1;
            }
            if lo <= c && c <= hi {
                matched = true;
            }
        } else if lo == c {
            matched = true;
        }
    }
}

fn char_class(class: &str, c: char) -> bool {
    match class {
        "alpha" => c.is_ascii_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_ascii_alphanumeric(),
        "upper" => c.is_ascii_uppercase(),
        "lower" => c.is_ascii_lowercase(),
        "space" => c.is_ascii_whitespace() || c == '\x0b',
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        "cntrl" => c.is_ascii_control(),
        "print" => c.is_ascii_graphic() || c == ' ',
        "graph" => c.is_ascii_graphic(),
        _ => false,
    }
}

/// Which component matcher `Tree::glob` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// POSIX shell pathname expansion (`fnmatch`); leading dots need an explicit `.`.
    Shell,
    /// Go's `filepath.Match` (COPY/ADD sources): `*` also matches leading dots; a malformed
    /// pattern matches nothing.
    Go,
}

impl Tree {
    /// Expands a `/`-separated wildcard pattern against this tree, component by component
    /// (symlinked directories are followed; `*` never crosses `/`). A relative pattern starts at
    /// `cwd` and yields relative results. Results are sorted; an empty result means no match
    /// (the shell then keeps the word as written). Components without wildcards are taken
    /// literally and only checked for existence at the end.
    pub fn glob(&self, cwd: &AbsPath, pattern: &str, dialect: Dialect) -> Vec<String> {
        let absolute = pattern.starts_with('/');
        let dirs_only = pattern.ends_with('/');
        let comps: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
        // (text to show, physical path to look at)
        let start_text = if absolute {
            "/".to_owned()
        } else {
            String::new()
        };
        let start_phys = if absolute {
            AbsPath::root()
        } else {
            cwd.clone()
        };
        let mut cands: Vec<(String, String)> = vec![(start_text, start_phys.to_string())];
        for comp in &comps {
            let mut next = Vec::new();
            for (text, phys) in &cands {
                let join = |t: &str, n: &str| {
                    if t.is_empty() || t.ends_with('/') {
                        format!("{t}{n}")
                    } else {
                        format!("{t}/{n}")
                    }
                };
                let pjoin = |p: &str, n: &str| {
                    if p.ends_with('/') {
                        format!("{p}{n}")
                    } else {
                        format!("{p}/{n}")
                    }
                };
                if !has_wildcards(comp) {
                    let lit = unescape(comp);
                    next.push((join(text, &lit), pjoin(phys, &lit)));
                    continue;
                }
                let Ok(entries) = self.read_dir(phys) else {
                    continue;
                };
                for e in entries {
                    let ok = match dialect {
                        Dialect::Shell => fnmatch(comp, &e.name, true),
                        Dialect::Go => go_match(comp, &e.name).unwrap_or(false),
                    };
                    if ok {
                        next.push((join(text, &e.name), pjoin(phys, &e.name)));
                    }
                }
            }
            cands = next;
        }
        let mut out: Vec<String> = cands
            .into_iter()
            .filter(|(_, phys)| {
                if dirs_only {
                    self.is_dir(phys)
                } else {
                    self.lstat(phys).is_ok()
                }
            })
            .map(|(t, _)| if dirs_only { format!("{t}/") } else { t })
            .collect();
        drydock_text::sort::sort(&mut out);
        out.dedup();
        out
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            if let Some(n) = it.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_go(p: &str, s: &str, want: Result<bool, BadPattern>) {
        assert_eq!(go_match(p, s), want, "go_match({p:?}, {s:?})");
    }

    #[test]
    fn go_match_table() {
        // Go's filepath match_test.go table.
        let e = Err(BadPattern);
        for (p, s, want) in [
            ("abc", "abc", Ok(true)),
            ("*", "abc", Ok(true)),
            ("*c", "abc", Ok(true)),
            ("a*", "a", Ok(true)),
            ("a*", "abc", Ok(true)),
            ("a*", "ab/c", Ok(false)),
            ("a*/b", "abc/b", Ok(true)),
            ("a*/b", "a/c/b", Ok(false)),
            ("a*b*c*d*e*/f", "axbxcxdxe/f", Ok(true)),
            ("a*b*c*d*e*/f", "axbxcxdxexxx/f", Ok(true)),
            ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", Ok(false)),
            ("a*b*c*d*e*/f", "axbxcxdxexxx/fff", Ok(false)),
            ("a*b?c*x", "abxbbxdbxebxczzx", Ok(true)),
            ("a*b?c*x", "abxbbxdbxebxczzy", Ok(false)),
            ("ab[c]", "abc", Ok(true)),
            ("ab[b-d]", "abc", Ok(true)),
            ("ab[e-g]", "abc", Ok(false)),
            ("ab[^c]", "abc", Ok(false)),
            ("ab[^b-d]", "abc", Ok(false)),
            ("ab[^e-g]", "abc", Ok(true)),
            ("a\\*b", "a*b", Ok(true)),
            ("a\\*b", "ab", Ok(false)),
            ("a?b", "a☺b", Ok(true)),
            ("a[^a]b", "a☺b", Ok(true)),
            ("a???b", "a☺b", Ok(false)),
            ("a[^a][^a][^a]b", "a☺b", Ok(false)),
            ("[a-ζ]*", "α", Ok(true)),
            ("*[a-ζ]", "A", Ok(false)),
            ("a?b", "a/b", Ok(false)),
            ("a*b", "a/b", Ok(false)),
            ("[\\]a]", "]", Ok(true)),
            ("[\\-]", "-", Ok(true)),
            ("[x\\-]", "x", Ok(true)),
            ("[x\\-]", "-", Ok(true)),
            ("[x\\-]", "z", Ok(false)),
            ("[\\-x]", "x", Ok(true)),
            ("[\\-x]", "-", Ok(true)),
            ("[\\-x]", "a", Ok(false)),
            ("[]a]", "]", e),
            ("[-]", "-", e),
            ("[x-]", "x", e),
            ("[x-]", "-", e),
            ("[x-]", "z", e),
            ("[-x]", "x", e),
            ("[-x]", "-", e),
            ("[-x]", "a", e),
            ("\\", "a", e),
            ("[a-b-c]", "a", e),
            ("[", "a", e),
            ("[^", "a", e),
            ("[^bc", "a", e),
            ("a[", "a", e),
            ("a[", "ab", e),
            ("a[", "x", e),
            ("a/b[", "x", e),
            ("*x", "xxx", Ok(true)),
        ] {
            check_go(p, s, want);
        }
    }

    fn check_glob(pattern: &str, dialect: Dialect, want: &[&str]) {
        let t = crate::Tree::from_entries([
            crate::ImportEntry::file("app/main.py", ""),
            crate::ImportEntry::file("app/.env", ""),
            crate::ImportEntry::file("app/sub/x.py", ""),
            crate::ImportEntry::symlink("lnk", "app"),
            crate::ImportEntry::file("a*b", ""),
        ])
        .unwrap();
        let cwd = AbsPath::parse("/app").unwrap();
        assert_eq!(t.glob(&cwd, pattern, dialect), want, "{pattern}");
    }

    #[test]
    fn tree_glob() {
        check_glob("*", Dialect::Shell, &["main.py", "sub"]);
        check_glob("*", Dialect::Go, &[".env", "main.py", "sub"]);
        check_glob("/lnk/*.py", Dialect::Shell, &["/lnk/main.py"]);
        check_glob("*/", Dialect::Shell, &["sub/"]);
        check_glob(
            "../*/sub/*.py",
            Dialect::Shell,
            &["../app/sub/x.py", "../lnk/sub/x.py"],
        );
        check_glob("/a\\*b", Dialect::Shell, &["/a*b"]);
        check_glob("/a[*]b", Dialect::Shell, &["/a*b"]);
        check_glob("nomatch*", Dialect::Shell, &[]);
    }

    #[test]
    fn fnmatch_shell() {
        assert!(fnmatch("*.py", "app.py", true));
        assert!(!fnmatch("*", ".hidden", true));
        assert!(fnmatch(".*", ".hidden", true));
        assert!(fnmatch("[!a]*", "bcd", true));
        assert!(fnmatch("[[:digit:]]x", "7x", true));
        assert!(fnmatch("a\\*", "a*", true));
        assert!(fnmatch("[", "[", true));
        assert!(fnmatch("*a*b", "xxaxxb", true));
        assert!(!fnmatch("*a*b", "xxaxxbc", true));
        assert!(fnmatch("[]]", "]", true));
    }
}
