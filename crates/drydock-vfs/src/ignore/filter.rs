//! Filtering a build context by `.dockerignore` exactly as BuildKit's sender (tonistiigi/fsutil
//! `filterFS.Walk`) does: entries are matched with `MatchesUsingParentResults` on their
//! context-relative path; an excluded directory is skipped entirely unless an exception could
//! re-include something below it, in which case it is walked and kept only if some descendant is
//! kept (with its own metadata).

use super::matcher::{MatchInfo, PatternError, PatternMatcher};
use crate::node::{DirNode, Node};
use crate::tree::Tree;

/// fsutil's `patternWithoutTrailingGlob`.
fn without_trailing_glob(p: &str) -> &str {
    let p = p.strip_suffix("/**").unwrap_or(p);
    p.strip_suffix("/*").unwrap_or(p)
}

/// The context as BuildKit transfers it: every entry not excluded by `matcher`, plus the
/// directories needed to hold re-included entries. The root is kept as is.
pub fn filter_context(context: &Tree, matcher: &PatternMatcher) -> Result<Tree, PatternError> {
    if matcher.is_empty() {
        return Ok(context.clone());
    }
    let only_prefix = !matcher.patterns().iter().any(|p| {
        p.exclusion() && without_trailing_glob(p.as_str()).contains(['*', '[', ']', '?', '^', '\\'])
    });
    let ctx = Filter {
        matcher,
        only_prefix,
    };
    let mut root = DirNode::new(context.root().meta);
    ctx.walk(context.root(), "", &MatchInfo::default(), &mut root)?;
    Ok(Tree::from_root(root))
}

struct Filter<'a> {
    matcher: &'a PatternMatcher,
    only_prefix: bool,
}

impl Filter<'_> {
    /// Fills `out` with the kept children of `dir` (at context-relative `rel`).
    fn walk(
        &self,
        dir: &DirNode,
        rel: &str,
        parent: &MatchInfo,
        out: &mut DirNode,
    ) -> Result<(), PatternError> {
        for (name, node) in dir.entries() {
            let path = if rel.is_empty() {
                name.to_string()
            } else {
                format!("{rel}/{name}")
            };
            let (m, info) = self.matcher.matches_using_parent_results(&path, parent)?;
            match node {
                Node::Dir(d) => {
                    if m && self.only_prefix && !self.may_reinclude_below(&path) {
                        continue;
                    }
                    let mut sub = DirNode::new(d.meta);
                    self.walk(d, &path, &info, &mut sub)?;
                    if !m || !sub.is_empty() {
                        out.insert(name.clone(), Node::Dir(sub));
                    }
                }
                Node::Whiteout => {}
                other => {
                    if !m {
                        out.insert(name.clone(), other.clone());
                    }
                }
            }
        }
        Ok(())
    }

    /// fsutil's check before skipping an excluded directory: an exception pattern lies below it.
    fn may_reinclude_below(&self, dir: &str) -> bool {
        if !self.matcher.exclusions() {
            return false;
        }
        let dir_slash = format!("{dir}/");
        self.matcher.patterns().iter().any(|p| {
            p.exclusion()
                && format!("{}/", without_trailing_glob(p.as_str())).starts_with(&dir_slash)
        })
    }
}

/// Whether the context-relative `path` is excluded (`MatchesOrParentMatches`), e.g. for the
/// `CopyIgnoredFile` lint.
pub fn is_excluded(matcher: &PatternMatcher, path: &str) -> Result<bool, PatternError> {
    let p = crate::path::clean(path.trim_start_matches('/'));
    if p == "." {
        return Ok(false);
    }
    matcher.matches_or_parent_matches(&p)
}
