//! moby/patternmatcher's `PatternMatcher`: an ordered list of patterns where the last matching
//! one decides (`!` patterns re-include), with every matching entry point upstream offers.

use super::pattern::Pattern;
use crate::glob::go_match;
use crate::path::clean;

/// A matcher error, with Go's exact texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// A lone `!`: `illegal exclusion pattern: "!"`.
    IllegalExclusion,
    /// A malformed pattern (`filepath.ErrBadPattern`): `syntax error in pattern`.
    BadPattern,
    /// `MatchesUsingParentResults` given results for another matcher.
    WrongParentCount,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PatternError::IllegalExclusion => "illegal exclusion pattern: \"!\"",
            PatternError::BadPattern => "syntax error in pattern",
            PatternError::WrongParentCount => "wrong number of values in parentMatched",
        })
    }
}

impl std::error::Error for PatternError {}

impl From<crate::glob::BadPattern> for PatternError {
    fn from(_: crate::glob::BadPattern) -> Self {
        PatternError::BadPattern
    }
}

/// Per-pattern results for a directory, passed to its children
/// (`MatchesUsingParentResults`). The default value means "no information".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchInfo {
    parent_matched: Vec<bool>,
}

/// A compiled `.dockerignore` pattern list.
#[derive(Debug, Clone, Default)]
pub struct PatternMatcher {
    patterns: Vec<Pattern>,
    exclusions: bool,
}

/// Go's `filepath.Dir` on Unix.
pub(crate) fn go_dir(path: &str) -> String {
    match path.rfind('/') {
        Some(i) => clean(path.get(..=i).unwrap_or("")),
        None => ".".to_owned(),
    }
}

impl PatternMatcher {
    /// patternmatcher's `New`: each pattern is trimmed (empty ones skipped), cleaned, split off
    /// its `!`, and syntax-checked with `filepath.Match(p, ".")`.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<PatternMatcher, PatternError> {
        let mut pm = PatternMatcher::default();
        for p in patterns {
            let p = p.as_ref().trim();
            if p.is_empty() {
                continue;
            }
            let p = clean(p);
            let (text, exclusion) = match p.strip_prefix('!') {
                Some("") => return Err(PatternError::IllegalExclusion),
                Some(rest) => (rest, true),
                None => (p.as_str(), false),
            };
            if exclusion {
                pm.exclusions = true;
            }
            go_match(text, ".")?;
            pm.patterns.push(Pattern::new(text, exclusion));
        }
        Ok(pm)
    }

    /// Whether any pattern is a `!` exception.
    pub fn exclusions(&self) -> bool {
        self.exclusions
    }

    /// The patterns in order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The deprecated, buggy `Matches` method: besides the path itself, only the parent prefix
    /// with as many elements as the pattern is tried.
    pub fn matches(&self, file: &str) -> Result<bool, PatternError> {
        let mut matched = false;
        let parent = go_dir(file);
        let parent_dirs: Vec<&str> = parent.split('/').collect();
        for pattern in &self.patterns {
            if pattern.exclusion() != matched {
                continue;
            }
            let mut m = pattern.matches(file)?;
            if !m && parent != "." && pattern.dirs.len() <= parent_dirs.len() {
                let prefix = parent_dirs
                    .get(..pattern.dirs.len())
                    .unwrap_or(&[])
                    .join("/");
                m = pattern.matches(&prefix).unwrap_or(false);
            }
            if m {
                matched = !pattern.exclusion();
            }
        }
        Ok(matched)
    }

    /// `MatchesExact`: no parent matching at all.
    pub fn matches_exact(&self, file: &str) -> Result<bool, PatternError> {
        let mut matched = false;
        for pattern in &self.patterns {
            if pattern.exclusion() != matched {
                continue;
            }
            if pattern.matches(file)? {
                matched = !pattern.exclusion();
            }
        }
        Ok(matched)
    }

    /// `MatchesOrParentMatches`: a pattern matches when it matches the path or any ancestor
    /// directory of it; the last matching pattern decides.
    pub fn matches_or_parent_matches(&self, file: &str) -> Result<bool, PatternError> {
        let mut matched = false;
        let parent = go_dir(file);
        let parent_dirs: Vec<&str> = parent.split('/').collect();
        for pattern in &self.patterns {
            if pattern.exclusion() != matched {
                continue;
            }
            let mut m = pattern.matches(file)?;
            if !m && parent != "." {
                m = any_parent_matches(pattern, &parent_dirs);
            }
            if m {
                matched = !pattern.exclusion();
            }
        }
        Ok(matched)
    }

    /// The deprecated `MatchesUsingParentResult`: the caller passes whether the parent matched.
    pub fn matches_using_parent_result(
        &self,
        file: &str,
        parent_matched: bool,
    ) -> Result<bool, PatternError> {
        let mut matched = parent_matched;
        for pattern in &self.patterns {
            if pattern.exclusion() != matched {
                continue;
            }
            if pattern.matches(file)? {
                matched = !pattern.exclusion();
            }
        }
        Ok(matched)
    }

    /// `MatchesUsingParentResults`: like `matches_or_parent_matches`, reusing the per-pattern
    /// results of the parent directory (pass `MatchInfo::default()` when unknown). Returns the
    /// result and the info to pass to this path's children.
    pub fn matches_using_parent_results(
        &self,
        file: &str,
        parent: &MatchInfo,
    ) -> Result<(bool, MatchInfo), PatternError> {
        let pm = &parent.parent_matched;
        if !pm.is_empty() && pm.len() != self.patterns.len() {
            return Err(PatternError::WrongParentCount);
        }
        let mut matched = false;
        let mut info = MatchInfo {
            parent_matched: vec![false; self.patterns.len()],
        };
        for (i, pattern) in self.patterns.iter().enumerate() {
            let mut m = pm.get(i).copied().unwrap_or(false);
            if !m {
                if pattern.exclusion() != matched {
                    continue;
                }
                m = pattern.matches(file)?;
                if !m && pm.is_empty() {
                    let parent_path = go_dir(file);
                    if parent_path != "." {
                        let dirs: Vec<&str> = parent_path.split('/').collect();
                        m = any_parent_matches(pattern, &dirs);
                    }
                }
            }
            if let Some(slot) = info.parent_matched.get_mut(i) {
                *slot = m;
            }
            if m {
                matched = !pattern.exclusion();
            }
        }
        Ok((matched, info))
    }
}

fn any_parent_matches(pattern: &Pattern, parent_dirs: &[&str]) -> bool {
    (1..=parent_dirs.len()).any(|n| {
        let prefix = parent_dirs.get(..n).unwrap_or(&[]).join("/");
        pattern.matches(&prefix).unwrap_or(false)
    })
}

/// Package-level `Matches(file, patterns)`: builds a matcher, cleans `file`, never matches `.`.
pub fn matches<S: AsRef<str>>(file: &str, patterns: &[S]) -> Result<bool, PatternError> {
    let pm = PatternMatcher::new(patterns)?;
    let file = clean(file);
    if file == "." {
        return Ok(false);
    }
    pm.matches(&file)
}

/// Package-level `MatchesOrParentMatches(file, patterns)`.
pub fn matches_or_parent_matches<S: AsRef<str>>(
    file: &str,
    patterns: &[S],
) -> Result<bool, PatternError> {
    let pm = PatternMatcher::new(patterns)?;
    let file = clean(file);
    if file == "." {
        return Ok(false);
    }
    pm.matches_or_parent_matches(&file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_match_wins() {
        let pm = PatternMatcher::new(&["*.md", "!README.md", "docs"]).unwrap();
        assert!(pm.matches_or_parent_matches("a.md").unwrap());
        assert!(!pm.matches_or_parent_matches("README.md").unwrap());
        assert!(pm.matches_or_parent_matches("docs/x/y").unwrap());
        assert!(pm.exclusions());
        assert_eq!(
            PatternMatcher::new(&["!"]).unwrap_err().to_string(),
            "illegal exclusion pattern: \"!\""
        );
        assert_eq!(go_dir("a/b/"), "a/b");
        assert_eq!(go_dir("/"), "/");
        assert_eq!(go_dir("x"), ".");
    }
}
