//! The project pane's tree: every entry of the host project as a row (folders first, then files,
//! by name), with sizes, Dockerfile and ignore-file marks, and whether the selected Dockerfile's
//! ignore file leaves it out of the build context.
use std::collections::HashSet;

use drydock_vfs::{DirNode, Node, Tree};

use super::file_kind::{ContentKind, content_kind, is_dockerfile, is_ignore_file};
use super::ignore_marks::{IgnoreRules, Mark};

/// What a row stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// A folder with this many direct children.
    Dir { children: usize },
    /// A regular file.
    File(ContentKind),
    /// A symbolic link to this target.
    Symlink(String),
}

/// One entry of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    /// Relative to the project folder, `/`-separated (`src/main.py`).
    pub path: String,
    pub name: String,
    /// 0 for entries of the project folder.
    pub depth: usize,
    pub kind: RowKind,
    /// Bytes: the file's length, or everything below a folder.
    pub size: u64,
    /// Named like a Dockerfile.
    pub dockerfile: bool,
    /// Named like an ignore file.
    pub ignore_file: bool,
    /// What the ignore file in force says about it.
    pub mark: Mark,
}

impl TreeRow {
    pub fn is_dir(&self) -> bool {
        matches!(self.kind, RowKind::Dir { .. })
    }

    /// Whether the editor can open it.
    pub fn is_text(&self) -> bool {
        matches!(self.kind, RowKind::File(ContentKind::Text))
    }

    /// Whether the ignore file leaves it out of the build context.
    pub fn excluded(&self) -> bool {
        matches!(self.mark, Mark::Excluded(_))
    }

    /// The folder holding it (`""` for the project folder).
    pub fn parent(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(p, _)| p)
    }
}

/// The whole tree, in display order (pre-order, folders first).
#[derive(Debug, Clone, Default)]
pub struct ProjectTree {
    pub rows: Vec<TreeRow>,
    pub rules: IgnoreRules,
    /// Number of files (not folders) and their total size.
    pub files: usize,
    pub total_size: u64,
    /// Number and size of the files the ignore file leaves out.
    pub excluded_files: usize,
    pub excluded_size: u64,
}

impl ProjectTree {
    /// The rows of `tree`, marked for building `dockerfile` (relative to the project folder).
    pub fn build(tree: &Tree, dockerfile: &str) -> ProjectTree {
        let rules = IgnoreRules::for_dockerfile(tree, dockerfile);
        let mut out = ProjectTree {
            rules,
            ..ProjectTree::default()
        };
        let mut rows = Vec::new();
        walk(tree.root(), "", 0, &out.rules, &mut rows);
        for r in &rows {
            if matches!(r.kind, RowKind::File(_) | RowKind::Symlink(_)) {
                out.files += 1;
                out.total_size += r.size;
                if r.excluded() {
                    out.excluded_files += 1;
                    out.excluded_size += r.size;
                }
            }
        }
        out.rows = rows;
        out
    }

    /// The rows shown when the folders in `collapsed` are closed (their contents hidden).
    pub fn visible<'a>(
        &'a self,
        collapsed: &'a HashSet<String>,
    ) -> impl Iterator<Item = &'a TreeRow> {
        let mut hidden_below: Option<String> = None;
        self.rows.iter().filter(move |r| {
            if let Some(prefix) = &hidden_below {
                if r.path.starts_with(prefix.as_str()) {
                    return false;
                }
                hidden_below = None;
            }
            if r.is_dir() && collapsed.contains(&r.path) {
                hidden_below = Some(format!("{}/", r.path));
            }
            true
        })
    }

    /// The row of `path`.
    pub fn row(&self, path: &str) -> Option<&TreeRow> {
        self.rows.iter().find(|r| r.path == path)
    }

    /// The folders closed when a project is first shown: the ones the build leaves out and hidden
    /// folders (`.git`, `.venv`), which are rarely what a learner is looking for.
    pub fn initially_collapsed(&self) -> HashSet<String> {
        self.rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Dir { children } if children > 0))
            .filter(|r| r.excluded() || r.name.starts_with('.'))
            .map(|r| r.path.clone())
            .collect()
    }

    /// Every Dockerfile of the project, in tree order.
    pub fn dockerfiles(&self) -> impl Iterator<Item = &TreeRow> {
        self.rows.iter().filter(|r| r.dockerfile && r.is_text())
    }
}

/// Appends the rows below `dir` (at relative `rel`), folders first, then by name.
fn walk(
    dir: &DirNode,
    rel: &str,
    depth: usize,
    rules: &IgnoreRules,
    out: &mut Vec<TreeRow>,
) -> u64 {
    let mut entries: Vec<(&str, &Node)> = dir.entries().map(|(n, node)| (&**n, node)).collect();
    drydock_text::sort::sort_by(&mut entries, |a, b| {
        b.1.is_dir()
            .cmp(&a.1.is_dir())
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
            .then_with(|| a.0.cmp(b.0))
    });
    let mut total = 0;
    for (name, node) in entries {
        let path = if rel.is_empty() {
            name.to_owned()
        } else {
            format!("{rel}/{name}")
        };
        let mark = rules.mark(&path);
        let (kind, size) = match node {
            Node::Dir(d) => (RowKind::Dir { children: d.len() }, 0),
            Node::File(f) => (RowKind::File(content_kind(&f.content)), f.content.len()),
            Node::Symlink(l) => (RowKind::Symlink(l.target.to_string()), node.size()),
            Node::Whiteout => continue,
        };
        let is_file = matches!(kind, RowKind::File(_));
        let at = out.len();
        out.push(TreeRow {
            dockerfile: is_file && is_dockerfile(name),
            ignore_file: is_file && is_ignore_file(name),
            name: name.to_owned(),
            depth,
            kind,
            size,
            mark,
            path: path.clone(),
        });
        let size = match node {
            Node::Dir(d) => {
                let below = walk(d, &path, depth + 1, rules, out);
                if let Some(r) = out.get_mut(at) {
                    r.size = below;
                }
                below
            }
            _ => size,
        };
        total += size;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_vfs::{Content, ImportEntry};

    /// Renders the visible rows as indented text: `name [flags] size`.
    fn render(t: &ProjectTree, collapsed: &HashSet<String>) -> String {
        t.visible(collapsed)
            .map(|r| {
                let mut flags = Vec::new();
                match &r.kind {
                    RowKind::Dir { .. } => flags.push("dir".to_owned()),
                    RowKind::File(ContentKind::Text) => {}
                    RowKind::File(k) => flags.push(format!("{k:?}").to_lowercase()),
                    RowKind::Symlink(t) => flags.push(format!("-> {t}")),
                }
                if r.dockerfile {
                    flags.push("dockerfile".into());
                }
                if r.ignore_file {
                    flags.push("ignore-file".into());
                }
                match &r.mark {
                    Mark::Kept => {}
                    Mark::Excluded(l) => flags.push(format!("excluded by {l}")),
                    Mark::Reincluded(l) => flags.push(format!("kept by {l}")),
                }
                format!(
                    "{}{} [{}] {}",
                    "  ".repeat(r.depth),
                    r.name,
                    flags.join(", "),
                    r.size
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn check(t: &ProjectTree, collapsed: &HashSet<String>, expected: &str) {
        assert_eq!(
            render(t, collapsed),
            expected.trim(),
            "\n{}",
            render(t, collapsed)
        );
    }

    #[test]
    fn the_dockerignore_example_as_a_tree() {
        let e = drydock_session::examples::get("dockerignore").unwrap();
        let t = ProjectTree::build(&e.tree(), e.dockerfile);
        check(
            &t,
            &HashSet::new(),
            "
.git [dir, excluded by .git/] 48000021
  objects [dir, excluded by .git/] 48000000
    pack [dir, excluded by .git/] 48000000
      pack-1.pack [data, excluded by .git/] 48000000
  HEAD [excluded by .git/] 21
.venv [dir, excluded by .venv/] 420000000
  lib [dir, excluded by .venv/] 420000000
    python3.11 [dir, excluded by .venv/] 420000000
      site-packages [dir, excluded by .venv/] 420000000
        torch [dir, excluded by .venv/] 420000000
          lib [dir, excluded by .venv/] 420000000
            libtorch_cpu.so [data, excluded by .venv/] 420000000
data [dir, excluded by data/] 250000000
  raw [dir, excluded by data/] 250000000
    images.npy [data, excluded by data/] 250000000
models [dir, excluded by models/] 45000000
  model.pt [data, excluded by models/] 45000000
src [dir] 52
  __pycache__ [dir, excluded by **/__pycache__/] 18
    main.cpython-311.pyc [excluded by **/__pycache__/] 18
  main.py [] 34
.dockerignore [ignore-file] 105
.env [excluded by .env] 31
Dockerfile [dockerfile] 125
requirements.txt [] 17",
        );
        assert_eq!((t.files, t.excluded_files), (11, 7));
        assert_eq!(t.rules.file.as_deref(), Some(".dockerignore"));
        // Closed at first: the excluded folders and the hidden ones.
        let collapsed = t.initially_collapsed();
        check(
            &t,
            &collapsed,
            "
.git [dir, excluded by .git/] 48000021
.venv [dir, excluded by .venv/] 420000000
data [dir, excluded by data/] 250000000
models [dir, excluded by models/] 45000000
src [dir] 52
  __pycache__ [dir, excluded by **/__pycache__/] 18
  main.py [] 34
.dockerignore [ignore-file] 105
.env [excluded by .env] 31
Dockerfile [dockerfile] 125
requirements.txt [] 17",
        );
    }

    #[test]
    fn several_dockerfiles_binary_files_and_links() {
        let tree = Tree::from_entries([
            ImportEntry::file("trainer.dockerfile", "FROM x\n"),
            ImportEntry::file("api.dockerfile", "FROM y\n"),
            ImportEntry::file("Dockerfile", "FROM z\n"),
            ImportEntry::file(
                "assets/logo.png",
                Content::bytes(vec![0x89, b'P', b'N', b'G', 0]),
            ),
            ImportEntry::dir("empty"),
            ImportEntry::symlink("latest", "assets/logo.png"),
        ])
        .unwrap();
        let t = ProjectTree::build(&tree, "trainer.dockerfile");
        check(
            &t,
            &HashSet::new(),
            "
assets [dir] 5
  logo.png [binary] 5
empty [dir] 0
api.dockerfile [dockerfile] 7
Dockerfile [dockerfile] 7
latest [-> assets/logo.png] 15
trainer.dockerfile [dockerfile] 7",
        );
        let names: Vec<&str> = t.dockerfiles().map(|r| r.path.as_str()).collect();
        assert_eq!(
            names,
            ["api.dockerfile", "Dockerfile", "trainer.dockerfile"]
        );
        assert!(t.initially_collapsed().is_empty());
        assert_eq!(
            t.row("assets/logo.png").map(TreeRow::parent),
            Some("assets")
        );
        assert!(!t.row("assets/logo.png").unwrap().is_text());
    }
}
