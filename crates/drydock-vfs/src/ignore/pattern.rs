//! One `.dockerignore` pattern as moby/patternmatcher compiles it: classified as an exact,
//! prefix (`dir/**`), suffix (`**/x`) or regexp match, the regexp text built exactly as Go
//! builds it (so it can be compared with `cases-patternmatcher-compile.tsv`).

use super::regex::Regex;
use crate::glob::BadPattern;

/// How a pattern is matched (patternmatcher's `matchType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchType {
    /// String equality.
    Exact,
    /// `dir/**`-style: the path starts with the text before the final `**`.
    Prefix,
    /// `**…` with no other wildcard: the path ends with the rest (or equals it without `/`).
    Suffix,
    /// Anything else: a compiled regexp.
    Regexp,
}

impl MatchType {
    /// patternmatcher's name for it (`exactMatch`, `prefixMatch`, `suffixMatch`, `regexpMatch`).
    pub fn go_name(self) -> &'static str {
        match self {
            MatchType::Exact => "exactMatch",
            MatchType::Prefix => "prefixMatch",
            MatchType::Suffix => "suffixMatch",
            MatchType::Regexp => "regexpMatch",
        }
    }
}

/// Regexp metacharacters that are not `filepath.Match` syntax, escaped in the regexp.
fn should_escape(c: char) -> bool {
    matches!(c, '.' | '+' | '(' | ')' | '|' | '{' | '}' | '$')
}

/// patternmatcher's `Pattern.compile` with `/` as separator: the match type and, for
/// `Regexp`, the Go regexp text (e.g. `**/*.txt` → `^(.*/)?[^/]*\.txt$`).
pub fn compile_text(pattern: &str) -> (MatchType, Option<String>) {
    let mut reg = String::from("^");
    let mut detected = MatchType::Exact;
    let mut chars: Vec<char> = pattern.chars().collect();
    // text/scanner skips a byte-order mark at the very start.
    if chars.first() == Some(&'\u{feff}') {
        chars.remove(0);
    }
    let mut k = 0usize;
    let mut i = 0usize;
    while let Some(&ch) = chars.get(k) {
        k += 1;
        if ch == '*' {
            if chars.get(k) == Some(&'*') {
                k += 1;
                if chars.get(k) == Some(&'/') {
                    k += 1;
                }
                if chars.get(k).is_none() {
                    if detected == MatchType::Exact {
                        detected = MatchType::Prefix;
                    } else {
                        reg.push_str(".*");
                        detected = MatchType::Regexp;
                    }
                } else {
                    reg.push_str("(.*/)?");
                    detected = MatchType::Regexp;
                }
                if i == 0 {
                    detected = MatchType::Suffix;
                }
            } else {
                reg.push_str("[^/]*");
                detected = MatchType::Regexp;
            }
        } else if ch == '?' {
            reg.push_str("[^/]");
            detected = MatchType::Regexp;
        } else if should_escape(ch) {
            reg.push('\\');
            reg.push(ch);
        } else if ch == '\\' {
            match chars.get(k) {
                Some(&next) => {
                    k += 1;
                    reg.push('\\');
                    reg.push(next);
                    detected = MatchType::Regexp;
                }
                None => reg.push('\\'),
            }
        } else if ch == '[' || ch == ']' {
            reg.push(ch);
            detected = MatchType::Regexp;
        } else {
            reg.push(ch);
        }
        i += 1;
    }
    if detected == MatchType::Regexp {
        reg.push('$');
        (detected, Some(reg))
    } else {
        (detected, None)
    }
}

#[derive(Debug, Clone)]
enum Compiled {
    Exact,
    Prefix(String),
    Suffix(String),
    Regexp(String, Regex),
    /// The regexp did not compile: every match attempt fails with `ErrBadPattern`.
    Bad(Option<String>),
}

/// One cleaned pattern of a `PatternMatcher`.
#[derive(Debug, Clone)]
pub struct Pattern {
    cleaned: String,
    exclusion: bool,
    pub(crate) dirs: Vec<String>,
    compiled: Compiled,
}

impl Pattern {
    /// A pattern from its cleaned text (without `!`).
    pub fn new(cleaned: &str, exclusion: bool) -> Pattern {
        let (ty, reg) = compile_text(cleaned);
        let compiled = match ty {
            MatchType::Exact => Compiled::Exact,
            MatchType::Prefix => Compiled::Prefix(
                cleaned
                    .get(..cleaned.len().saturating_sub(2))
                    .unwrap_or("")
                    .to_owned(),
            ),
            MatchType::Suffix => Compiled::Suffix(cleaned.get(2..).unwrap_or("").to_owned()),
            MatchType::Regexp => {
                let src = reg.unwrap_or_default();
                match Regex::new(&src) {
                    Ok(r) => Compiled::Regexp(src, r),
                    Err(_) => Compiled::Bad(Some(src)),
                }
            }
        };
        Pattern {
            cleaned: cleaned.to_owned(),
            exclusion,
            dirs: cleaned.split('/').map(str::to_owned).collect(),
            compiled,
        }
    }

    /// The cleaned pattern text (without `!`), like Go's `Pattern.String()`.
    pub fn as_str(&self) -> &str {
        &self.cleaned
    }

    /// Whether this is a `!` exception.
    pub fn exclusion(&self) -> bool {
        self.exclusion
    }

    /// The match type; `None` when the generated regexp failed to compile.
    pub fn match_type(&self) -> Option<MatchType> {
        match self.compiled {
            Compiled::Exact => Some(MatchType::Exact),
            Compiled::Prefix(_) => Some(MatchType::Prefix),
            Compiled::Suffix(_) => Some(MatchType::Suffix),
            Compiled::Regexp(..) => Some(MatchType::Regexp),
            Compiled::Bad(_) => None,
        }
    }

    /// The generated Go regexp text, for regexp patterns.
    pub fn regexp(&self) -> Option<&str> {
        match &self.compiled {
            Compiled::Regexp(s, _) => Some(s),
            Compiled::Bad(s) => s.as_deref(),
            _ => None,
        }
    }

    /// patternmatcher's `Pattern.match(path)` (path with `/` separators).
    pub fn matches(&self, path: &str) -> Result<bool, BadPattern> {
        match &self.compiled {
            Compiled::Exact => Ok(path == self.cleaned),
            Compiled::Prefix(p) => Ok(path.starts_with(p.as_str())),
            Compiled::Suffix(s) => {
                if path.ends_with(s.as_str()) {
                    return Ok(true);
                }
                Ok(s.strip_prefix('/').is_some_and(|rest| path == rest))
            }
            Compiled::Regexp(_, r) => Ok(r.is_match(path)),
            Compiled::Bad(_) => Err(BadPattern),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(p: &str, ty: MatchType, reg: Option<&str>) {
        assert_eq!(compile_text(p), (ty, reg.map(str::to_owned)), "{p}");
    }

    #[test]
    fn compile_examples() {
        check("**/*.txt", MatchType::Regexp, Some("^(.*/)?[^/]*\\.txt$"));
        check("dir/**", MatchType::Prefix, None);
        check("**", MatchType::Suffix, None);
        check("a(b)c/def", MatchType::Exact, None);
    }
}
