//! The filesystem at one build step, as tree rows: every entry of the step's snapshot (folders
//! first, then by name) marked added, modified or deleted relative to the snapshot before the
//! step. Only open folders are listed: the root, the working directory's path, the folders holding
//! the step's changes (when there are few) and whatever the user toggled; `changes_only` keeps the
//! changed entries and the folders above them.
use std::collections::{HashMap, HashSet};

use drydock_vfs::diff::{ChangeKind, diff};
use drydock_vfs::{DirNode, Node, Tree};

use crate::i18n::t;

/// At most this many changed entries open their folders by themselves (a FROM adds thousands).
const AUTO_OPEN_CHANGES: usize = 80;
/// At most this many rows are listed.
pub const MAX_ROWS: usize = 600;

/// How an entry differs from the step before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Same,
    Added,
    Modified,
    Deleted,
}

impl Mark {
    /// Word for people and CSS class suffix (`""` for unchanged entries).
    pub fn label(self) -> &'static str {
        match self {
            Mark::Same => "",
            Mark::Added => "added",
            Mark::Modified => "modified",
            Mark::Deleted => "deleted",
        }
    }

    /// The word shown to people, in the UI language.
    pub fn text(self) -> &'static str {
        match self {
            Mark::Same => "",
            Mark::Added => t("steptree.added"),
            Mark::Modified => t("steptree.modified"),
            Mark::Deleted => t("steptree.deleted"),
        }
    }
}

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    /// Absolute (`/app/train.py`).
    pub path: String,
    pub name: String,
    /// 0 for entries of `/`.
    pub depth: usize,
    /// `Some(number of entries)` for a folder.
    pub dir: Option<usize>,
    pub open: bool,
    /// A file's length.
    pub size: u64,
    /// A symbolic link's target.
    pub link: Option<String>,
    pub mark: Mark,
    /// A folder with changes somewhere below it.
    pub changed_inside: bool,
}

/// The rows of one step and its change counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepFiles {
    pub rows: Vec<FileRow>,
    pub added: usize,
    pub modified: usize,
    pub deleted: usize,
    /// Rows left out past `MAX_ROWS`.
    pub more: usize,
}

struct Ctx<'a> {
    changes: HashMap<String, ChangeKind>,
    deleted_in: HashMap<String, Vec<(String, bool)>>,
    open: HashSet<String>,
    toggled: &'a HashSet<String>,
}

/// The rows of `after` compared with `before`; `workdir` is opened, `toggled` folders flip
/// between open and closed.
pub fn step_files(
    before: &Tree,
    after: &Tree,
    workdir: &str,
    toggled: &HashSet<String>,
) -> StepFiles {
    let list = diff(before, after);
    let mut out = StepFiles::default();
    let mut ctx = Ctx {
        changes: HashMap::new(),
        deleted_in: HashMap::new(),
        open: HashSet::new(),
        toggled,
    };
    let mut leaves = 0usize;
    for c in &list {
        let path = c.path.as_str().to_owned();
        let is_dir = after.is_dir(&path) || (c.kind == ChangeKind::Deleted && before.is_dir(&path));
        if !is_dir || c.kind != ChangeKind::Changed {
            match c.kind {
                ChangeKind::Added => out.added += 1,
                ChangeKind::Changed => out.modified += 1,
                ChangeKind::Deleted => out.deleted += 1,
            }
            leaves += 1;
        }
        if c.kind == ChangeKind::Deleted {
            let (parent, name) = split(&path);
            ctx.deleted_in
                .entry(parent.to_owned())
                .or_default()
                .push((name.to_owned(), is_dir));
        }
        ctx.changes.insert(path, c.kind);
    }
    if leaves <= AUTO_OPEN_CHANGES {
        for c in &list {
            open_ancestors(&mut ctx.open, split(c.path.as_str()).0);
        }
    }
    open_ancestors(&mut ctx.open, workdir.trim_end_matches('/'));
    walk(after.root(), "", 0, &ctx, &mut out);
    out
}

/// Only the changed entries of `files` and the folders holding changes (the counts stay).
pub fn changes_only(files: &StepFiles) -> StepFiles {
    StepFiles {
        rows: files
            .rows
            .iter()
            .filter(|r| r.mark != Mark::Same || r.changed_inside)
            .cloned()
            .collect(),
        ..files.clone()
    }
}

/// Opens `dir` and every folder above it.
fn open_ancestors(open: &mut HashSet<String>, dir: &str) {
    let mut p = dir;
    loop {
        open.insert(if p.is_empty() { "/" } else { p }.to_owned());
        match p.rsplit_once('/') {
            Some((parent, _)) if !p.is_empty() => p = parent,
            _ => break,
        }
    }
}

/// `("/a", "b")` for `/a/b`, `("", "a")` for `/a`.
fn split(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

fn walk(dir: &DirNode, abs: &str, depth: usize, ctx: &Ctx, out: &mut StepFiles) {
    let mut entries: Vec<(&str, Option<&Node>)> = dir
        .entries()
        .filter(|(_, n)| !matches!(n, Node::Whiteout))
        .map(|(n, node)| (&**n, Some(node)))
        .collect();
    let key = if abs.is_empty() { "" } else { abs };
    let deleted = ctx.deleted_in.get(key);
    if let Some(d) = deleted {
        entries.extend(d.iter().map(|(n, _)| (n.as_str(), None)));
    }
    let is_dir = |name: &str, node: Option<&Node>| match node {
        Some(n) => n.is_dir(),
        None => deleted.is_some_and(|d| d.iter().any(|(n, dir)| n == name && *dir)),
    };
    drydock_text::sort::sort_by(&mut entries, |a, b| {
        is_dir(b.0, b.1)
            .cmp(&is_dir(a.0, a.1))
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
            .then_with(|| a.0.cmp(b.0))
    });
    for (name, node) in entries {
        if out.rows.len() >= MAX_ROWS {
            out.more += 1;
            continue;
        }
        let path = format!("{abs}/{name}");
        let change = ctx.changes.get(&path).copied();
        let folder = is_dir(name, node);
        let mark = match (node, change) {
            (None, _) => Mark::Deleted,
            (_, Some(ChangeKind::Added)) => Mark::Added,
            (_, Some(ChangeKind::Changed)) if !folder => Mark::Modified,
            _ => Mark::Same,
        };
        let sub = match node {
            Some(Node::Dir(d)) => Some(d),
            _ => None,
        };
        let open = sub.is_some() && (ctx.open.contains(&path) != ctx.toggled.contains(&path));
        out.rows.push(FileRow {
            name: name.to_owned(),
            depth,
            dir: folder.then(|| sub.map_or(0, |d| d.len())),
            open,
            size: match node {
                Some(Node::File(f)) => f.content.len(),
                _ => 0,
            },
            link: match node {
                Some(Node::Symlink(l)) => Some(l.target.to_string()),
                _ => None,
            },
            mark,
            changed_inside: folder && change == Some(ChangeKind::Changed),
            path: path.clone(),
        });
        if let (true, Some(d)) = (open, sub) {
            walk(d, &path, depth + 1, ctx, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_session::{Session, SessionConfig, examples};

    fn names(f: &StepFiles) -> Vec<String> {
        f.rows
            .iter()
            .map(|r| {
                let m = r.mark.label();
                format!(
                    "{}{}{}",
                    "  ".repeat(r.depth),
                    r.name,
                    if m.is_empty() {
                        String::new()
                    } else {
                        format!(" [{m}]")
                    }
                )
            })
            .collect()
    }

    #[test]
    fn copy_marks_added_files_and_opens_their_folders() {
        let ex = examples::get("trainer").unwrap();
        let mut s = Session::new(SessionConfig::default(), ex.tree());
        let out = s.line(&format!("docker build -f {} -t t .", ex.dockerfile));
        assert_eq!(out.exit_code, 0);
        let trace = s.last_build().unwrap();
        let none = HashSet::new();
        let copy = trace
            .steps
            .iter()
            .find(|st| st.text.starts_with("COPY src/"))
            .unwrap();
        let f = step_files(&copy.before.0, &copy.after.0, &copy.workdir, &none);
        let n = names(&f);
        assert!(n.contains(&"  my_project [added]".to_owned()), "{n:#?}");
        assert!(n.contains(&"    train.py [added]".to_owned()), "{n:#?}");
        assert_eq!(f.modified + f.deleted, 0);
        // Changes only: the new files and the folders above them, nothing unchanged.
        let only = names(&changes_only(&f));
        assert!(
            only.contains(&"    train.py [added]".to_owned()),
            "{only:#?}"
        );
        assert!(only.iter().any(|n| n.starts_with("src")), "{only:#?}");
        assert!(!only.iter().any(|n| n.contains("etc")), "{only:#?}");
        // Before the COPY the files are not there.
        let run = &trace.steps[1];
        let f = step_files(&run.before.0, &run.after.0, &run.workdir, &none);
        assert!(!names(&f).iter().any(|n| n.contains("train.py")));
        // Toggling opens a folder.
        assert!(
            !names(&f)
                .iter()
                .any(|n| n.starts_with("  ") && n.contains("passwd"))
        );
        let toggled: HashSet<String> = ["/etc".to_owned()].into();
        let f = step_files(&run.before.0, &run.after.0, &run.workdir, &toggled);
        assert!(
            f.rows
                .iter()
                .any(|r| r.depth == 1 && r.path == "/etc/passwd")
        );
    }

    #[test]
    fn deletions_are_listed_in_their_folder() {
        let mut a = Tree::new();
        let mut b = Tree::new();
        let p = |s: &str| drydock_vfs::AbsPath::parse(s).unwrap();
        let (dm, fm) = (
            drydock_vfs::meta::Metadata::dir_default(),
            drydock_vfs::meta::Metadata::file_default(),
        );
        for t in [&mut a, &mut b] {
            t.put(&p("/app"), Node::dir(dm)).unwrap();
            t.put(&p("/app/keep"), Node::file(fm, "k".into())).unwrap();
        }
        a.put(&p("/app/gone"), Node::file(fm, "g".into())).unwrap();
        b.put(&p("/app/keep"), Node::file(fm, "k2".into())).unwrap();
        let f = step_files(&a, &b, "/", &HashSet::new());
        assert_eq!(
            names(&f),
            vec!["app", "  gone [deleted]", "  keep [modified]"]
        );
        assert_eq!((f.added, f.modified, f.deleted), (0, 1, 1));
    }
}
