//! Which project files a build leaves out of its context: the ignore file that applies to the
//! selected Dockerfile (`<Dockerfile>.dockerignore`, else `.dockerignore`, chosen by
//! `drydock_vfs::ignore::ignore_file_for`), read and matched by `drydock_vfs::ignore`, plus the
//! line of the ignore file that decided each path (for the "excluded by …" tooltip).
use drydock_vfs::Tree;
use drydock_vfs::ignore::{PatternMatcher, ignore_file_for, is_excluded, read_all};

/// What the ignore file says about one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// Sent to the builder (no pattern matched, or none decided).
    Kept,
    /// Left out of the build context by the line shown (as written in the ignore file).
    Excluded(String),
    /// Matched by an exclusion but put back by this `!` line.
    Reincluded(String),
}

/// The ignore rules in force for one Dockerfile.
#[derive(Debug, Clone, Default)]
pub struct IgnoreRules {
    /// The ignore file (relative to the project folder), when there is one.
    pub file: Option<String>,
    /// Why the ignore file cannot be used (the build fails the same way), when it cannot.
    pub error: Option<String>,
    matcher: Option<PatternMatcher>,
    /// The lines of the ignore file as written, one per pattern of the matcher.
    lines: Vec<String>,
}

impl IgnoreRules {
    /// The rules for building `dockerfile` (relative to the project folder) from `tree`.
    pub fn for_dockerfile(tree: &Tree, dockerfile: &str) -> IgnoreRules {
        let Some(path) = ignore_file_for(dockerfile, tree) else {
            return IgnoreRules::default();
        };
        let rel = path.as_str().trim_start_matches('/').to_owned();
        let content = tree.read_file(path.as_str()).ok();
        let text = content
            .as_ref()
            .and_then(|c| c.as_bytes())
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        let mut rules = IgnoreRules {
            file: Some(rel),
            ..IgnoreRules::default()
        };
        let patterns = match read_all(&text) {
            Ok(p) => p,
            Err(e) => {
                rules.error = Some(e.to_string());
                return rules;
            }
        };
        match PatternMatcher::new(&patterns) {
            Ok(m) => {
                let lines = written_lines(&text);
                // One line per pattern, unless the file holds something read_all treats
                // differently; then the cleaned patterns are shown instead.
                rules.lines = if lines.len() == m.patterns().len() {
                    lines
                } else {
                    patterns
                };
                rules.matcher = Some(m);
            }
            Err(e) => rules.error = Some(e.to_string()),
        }
        rules
    }

    /// The mark of `path` (relative to the project folder).
    pub fn mark(&self, path: &str) -> Mark {
        let Some(m) = &self.matcher else {
            return Mark::Kept;
        };
        let excluded = is_excluded(m, path).unwrap_or(false);
        let decided = deciding_pattern(m, path);
        let line = decided.and_then(|i| self.lines.get(i)).cloned();
        match (excluded, line) {
            (true, Some(l)) => Mark::Excluded(l),
            (true, None) => Mark::Excluded(String::new()),
            (false, Some(l)) if l.starts_with('!') => Mark::Reincluded(l),
            _ => Mark::Kept,
        }
    }
}

/// The ignore file's pattern lines as written (trimmed), in the order `read_all` reads them.
fn written_lines(text: &str) -> Vec<String> {
    text.split('\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let line = if i == 0 {
                line.strip_prefix('\u{feff}').unwrap_or(line)
            } else {
                line
            };
            if line.starts_with('#') {
                return None;
            }
            let t = line.trim();
            (!t.is_empty()).then(|| t.to_owned())
        })
        .collect()
}

/// The index of the pattern that decided `path` (`MatchesOrParentMatches`: the last pattern that
/// changed the result), if any did.
fn deciding_pattern(m: &PatternMatcher, path: &str) -> Option<usize> {
    let p = drydock_vfs::clean(path.trim_start_matches('/'));
    let parents: Vec<&str> = p
        .char_indices()
        .filter(|(_, c)| *c == '/')
        .filter_map(|(i, _)| p.get(..i))
        .collect();
    let mut matched = false;
    let mut decided = None;
    for (i, pattern) in m.patterns().iter().enumerate() {
        if pattern.exclusion() != matched {
            continue;
        }
        let hit = pattern.matches(&p).unwrap_or(false)
            || parents.iter().any(|d| pattern.matches(d).unwrap_or(false));
        if hit {
            matched = !pattern.exclusion();
            decided = Some(i);
        }
    }
    decided
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_vfs::ImportEntry;

    fn tree(files: &[(&str, &str)]) -> Tree {
        Tree::from_entries(files.iter().map(|(p, t)| ImportEntry::file(p, *t))).unwrap()
    }

    /// Checks the marks of `paths` for building `dockerfile`, written as `path: mark` lines.
    fn check(files: &[(&str, &str)], dockerfile: &str, paths: &[&str], expected: &str) {
        let rules = IgnoreRules::for_dockerfile(&tree(files), dockerfile);
        let got: Vec<String> = paths
            .iter()
            .map(|p| match rules.mark(p) {
                Mark::Kept => format!("{p}: kept"),
                Mark::Excluded(l) => format!("{p}: excluded by {l}"),
                Mark::Reincluded(l) => format!("{p}: kept by {l}"),
            })
            .collect();
        assert_eq!(got.join("\n"), expected.trim());
    }

    #[test]
    fn dockerignore_marks_with_the_deciding_line() {
        check(
            &[
                ("Dockerfile", "FROM x"),
                (
                    ".dockerignore",
                    "# data stays home\ndata/\n*.pyc\n!keep.pyc\n  .env  \n",
                ),
            ],
            "Dockerfile",
            &[
                "data",
                "data/raw/a.npy",
                "src/a.pyc",
                "keep.pyc",
                ".env",
                "src/main.py",
            ],
            "
data: excluded by data/
data/raw/a.npy: excluded by data/
src/a.pyc: kept
keep.pyc: kept by !keep.pyc
.env: excluded by .env
src/main.py: kept",
        );
    }

    #[test]
    fn a_dockerfiles_own_ignore_file_wins() {
        let files = [
            ("trainer.dockerfile", "FROM x"),
            ("api.dockerfile", "FROM x"),
            ("trainer.dockerfile.dockerignore", "models/\n"),
            (".dockerignore", "data/\n"),
        ];
        check(
            &files,
            "trainer.dockerfile",
            &["models/m.pt", "data/x"],
            "
models/m.pt: excluded by models/
data/x: kept",
        );
        check(
            &files,
            "api.dockerfile",
            &["models/m.pt", "data/x"],
            "
models/m.pt: kept
data/x: excluded by data/",
        );
        let rules = IgnoreRules::for_dockerfile(&tree(&files), "api.dockerfile");
        assert_eq!(rules.file.as_deref(), Some(".dockerignore"));
    }

    #[test]
    fn no_ignore_file_and_bad_patterns() {
        let rules = IgnoreRules::for_dockerfile(&tree(&[("Dockerfile", "FROM x")]), "Dockerfile");
        assert_eq!((rules.file, rules.error), (None, None));
        let rules = IgnoreRules::for_dockerfile(
            &tree(&[("Dockerfile", "FROM x"), (".dockerignore", "!\n")]),
            "Dockerfile",
        );
        assert_eq!(
            rules.error.as_deref(),
            Some("illegal exclusion pattern: \"!\"")
        );
        assert_eq!(rules.mark("anything"), Mark::Kept);
    }

    #[test]
    fn marks_agree_with_the_build_context_filter() {
        let example = drydock_session::examples::get("dockerignore").unwrap();
        let t = example.tree();
        let rules = IgnoreRules::for_dockerfile(&t, example.dockerfile);
        let ctx = drydock_vfs::ignore::filter_context(&t, rules.matcher.as_ref().unwrap()).unwrap();
        for (path, node) in t.walk() {
            if node.is_dir() {
                continue;
            }
            let rel = path.as_str().trim_start_matches('/');
            let sent = ctx.exists(path.as_str());
            let marked = matches!(rules.mark(rel), Mark::Excluded(_));
            assert_eq!(sent, !marked, "{rel}");
        }
    }
}
