//! Executing COPY/ADD: selecting sources (wildcards, symlinks followed at the top, `--parents`
//! with `/./` pivots and `**`, `--exclude`), the checksums of exactly those inputs for the cache
//! key, and placing them (directory contents merged, trailing-slash rules, `--chown` resolved in
//! the destination, `--chmod` octal or symbolic, archives extracted, URLs as placeholders).
use std::collections::BTreeMap;

use drydock_vfs::ignore::PatternMatcher;
use drydock_vfs::{
    AbsPath, Content, CopyOptions, Create, Dialect, DirNode, Metadata, Node, Tree, Upper,
};

use super::archive::{self, Member};
use super::chmod;
use crate::dispatch::copy::{is_git, is_http};
use crate::plan::CopyOp;

/// One selected input.
#[derive(Debug, Clone)]
pub enum Item {
    /// A node from the source tree; `name` is its base name, `rel` the destination path below
    /// `dest` for `--parents` copies.
    Node {
        src: String,
        name: String,
        node: Node,
        parents_rel: Option<String>,
    },
    /// An ADD URL (placeholder download).
    Url { url: String, name: String },
    /// A heredoc source.
    Inline { name: String, data: String },
}

/// The error text for a missing source (`"/foo": not found`).
pub fn not_found(path: &str) -> String {
    format!("{}: not found", drydock_syntax::words::go_quote(path))
}

fn has_wildcards(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b.get(i) {
            Some(b'*' | b'?' | b'[') => return true,
            Some(b'\\') => i += 1,
            _ => {}
        }
        i += 1;
    }
    false
}

fn base_name(p: &str) -> String {
    let t = p.trim_end_matches('/');
    t.rsplit('/').next().unwrap_or(t).to_owned()
}

fn exclude(node: Node, rel_root: &str, m: &PatternMatcher) -> Node {
    let Node::Dir(d) = node else { return node };
    let mut out = DirNode::new(d.meta);
    for (name, child) in d.entries() {
        let rel = if rel_root.is_empty() {
            name.to_string()
        } else {
            format!("{rel_root}/{name}")
        };
        if m.matches_or_parent_matches(&rel).unwrap_or(false) {
            continue;
        }
        out.insert(name.clone(), exclude(child.clone(), &rel, m));
    }
    Node::Dir(out)
}

/// Resolves the sources of `op` in `tree`.
pub fn select(op: &CopyOp, tree: &Tree) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    let excl = if op.excludes.is_empty() {
        None
    } else {
        Some(PatternMatcher::new(&op.excludes).map_err(|e| e.to_string())?)
    };
    for src in &op.srcs {
        if op.add && (is_http(src) || is_git(src)) {
            let path = src.split(['?', '#']).next().unwrap_or(src);
            let last = path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_owned();
            let host_only = path.matches('/').count() <= 2;
            let name = if last.is_empty() || host_only || last == "." {
                "__unnamed__".to_owned()
            } else {
                last
            };
            items.push(Item::Url {
                url: src.clone(),
                name,
            });
            continue;
        }
        if op.parents {
            select_parents(src, tree, &mut items)?;
            continue;
        }
        let norm = drydock_vfs::normalize_path("/", src, false);
        let matches: Vec<String> = if has_wildcards(&norm) {
            let found = tree.glob(&AbsPath::root(), &norm, Dialect::Go);
            if found.is_empty() {
                // A missing non-wildcard parent is still an error.
                let parent = norm.rsplit_once('/').map_or("/", |(p, _)| p);
                let lit: String = parent
                    .split('/')
                    .take_while(|c| !has_wildcards(c))
                    .collect::<Vec<_>>()
                    .join("/");
                let lit = if lit.is_empty() { "/".to_owned() } else { lit };
                if !tree.exists(&lit) {
                    return Err(not_found(&lit));
                }
            }
            found
        } else {
            vec![norm.clone()]
        };
        for m in matches {
            let node = match tree.resolve(&m, true) {
                Ok(r) => r.node.map(|n| n.to_node()),
                Err(_) => None,
            };
            let Some(node) = node else {
                return Err(not_found(&m));
            };
            let node = match &excl {
                Some(x) => exclude(node, "", x),
                None => node,
            };
            items.push(Item::Node {
                src: m.clone(),
                name: base_name(&m),
                node,
                parents_rel: None,
            });
        }
    }
    for (name, data) in &op.contents {
        items.push(Item::Inline {
            name: name.clone(),
            data: data.clone(),
        });
    }
    Ok(items)
}

fn select_parents(src: &str, tree: &Tree, items: &mut Vec<Item>) -> Result<(), String> {
    let (base, pattern) = match src.split_once("/./") {
        Some((b, p)) => (b.to_owned(), p.to_owned()),
        None => ("/".to_owned(), src.to_owned()),
    };
    let pattern = drydock_vfs::normalize_path("/", &pattern, false);
    let pattern = pattern.trim_start_matches('/').to_owned();
    let base = drydock_vfs::normalize_path("/", &base, false);
    if !has_wildcards(&base) && !has_wildcards(&pattern) {
        let req = drydock_vfs::clean(&format!("{base}/{pattern}"));
        if !tree.exists(&req) {
            return Err(not_found(&req));
        }
    }
    let bases = if has_wildcards(&base) {
        tree.glob(&AbsPath::root(), &base, Dialect::Go)
    } else {
        vec![base]
    };
    let matcher = PatternMatcher::new(&[pattern.as_str()]).map_err(|e| e.to_string())?;
    for b in bases {
        let root = AbsPath::from_any(&b);
        let Some(dir) = tree.get(&root).and_then(|n| n.as_dir()) else {
            continue;
        };
        let mut taken: Vec<String> = Vec::new();
        for (path, node) in drydock_vfs::Walk::new(dir, AbsPath::root()) {
            let rel = path.relative().to_owned();
            if taken.iter().any(|t| rel.starts_with(&format!("{t}/"))) {
                continue;
            }
            if matcher.matches(&rel).unwrap_or(false) {
                let node = match node {
                    Node::Symlink(_) => tree
                        .resolve(&format!("{b}/{rel}"), true)
                        .ok()
                        .and_then(|r| r.node.map(|n| n.to_node()))
                        .unwrap_or_else(|| node.clone()),
                    n => n.clone(),
                };
                taken.push(rel.clone());
                items.push(Item::Node {
                    src: format!("{b}/{rel}"),
                    name: base_name(&rel),
                    node,
                    parents_rel: Some(rel),
                });
            }
        }
    }
    Ok(())
}

fn record(out: &mut BTreeMap<String, String>, rel: &str, node: &Node) {
    let (kind, payload) = match node {
        Node::File(f) => ("f", drydock_vfs::content_digest(&f.content).to_string()),
        Node::Dir(_) => ("d", String::new()),
        Node::Symlink(l) => ("l", l.target.to_string()),
        Node::Whiteout => return,
    };
    let m = node.meta().copied().unwrap_or(Metadata::file_default());
    out.insert(
        rel.to_owned(),
        format!("{kind} {:o} {}:{} {payload}", m.mode, m.uid, m.gid),
    );
}

/// Content checksums of exactly the selected inputs, keyed by source-relative path.
pub fn checksums(items: &[Item]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for it in items {
        match it {
            Item::Node { src, node, .. } => {
                let root = src.trim_start_matches('/');
                match node {
                    Node::Dir(d) => {
                        let label = if root.is_empty() { "." } else { root };
                        record(&mut out, &format!("{label}/"), node);
                        for (p, n) in drydock_vfs::Walk::new(d, AbsPath::root()) {
                            let rel = if root.is_empty() {
                                p.relative().to_owned()
                            } else {
                                format!("{root}/{}", p.relative())
                            };
                            record(&mut out, &rel, n);
                        }
                    }
                    n => record(&mut out, root, n),
                }
            }
            Item::Url { url, .. } => {
                out.insert(url.clone(), "url".to_owned());
            }
            Item::Inline { name, data } => {
                out.insert(
                    format!("<<{name}"),
                    drydock_vfs::Digest::of(data.as_bytes()).to_string(),
                );
            }
        }
    }
    out
}

fn transform_mode(node: &Node, clauses: &[chmod::Clause]) -> Node {
    match node {
        Node::File(f) => {
            let mut m = f.meta;
            m.mode = chmod::apply(clauses, m.mode, false);
            Node::file(m, f.content.clone())
        }
        Node::Dir(d) => {
            let mut m = d.meta;
            m.mode = chmod::apply(clauses, m.mode, true);
            let mut out = DirNode::new(m);
            for (n, c) in d.entries() {
                out.insert(n.clone(), transform_mode(c, clauses));
            }
            Node::Dir(out)
        }
        n => n.clone(),
    }
}

fn join(dest: &str, name: &str) -> String {
    format!("{}/{name}", dest.trim_end_matches('/'))
}

fn vfs_err(e: &drydock_vfs::VfsError, dest: &str) -> String {
    match e.kind {
        drydock_vfs::ErrorKind::IsADirectory => {
            format!("cannot replace to directory {dest} with file")
        }
        drydock_vfs::ErrorKind::NotADirectory => format!("cannot copy to non-directory: {dest}"),
        _ => e.to_string(),
    }
}

/// Places the selected inputs into `upper`. Returns the number of bytes copied.
pub fn apply(
    op: &CopyOp,
    items: Vec<Item>,
    upper: &mut Upper,
    now_secs: i64,
) -> Result<u64, String> {
    let owner = op
        .chown
        .as_ref()
        .map(|c| super::users::chown_ids(upper.tree(), c));
    let (mode, clauses) = match &op.chmod {
        Some(m) if m.bytes().all(|c| c.is_ascii_digit()) => (u32::from_str_radix(m, 8).ok(), None),
        Some(m) => (None, chmod::parse_symbolic(m)),
        None => (None, None),
    };
    let opts = CopyOptions {
        follow_source: true,
        owner,
        mode,
        mtime: None,
        parents: Create::dir(),
        merge_dir_meta: false,
    };
    let dest = op.dest.clone();
    let dest_is_dir_hint = dest.ends_with('/');
    let mut bytes = 0u64;
    let stamp = drydock_vfs::Timestamp::from_secs(now_secs);
    // BuildKit copies a `--parents` source as its pivot directory's contents filtered by the
    // pattern, so the destination directory exists even when the pattern matches nothing.
    if op.parents && items.is_empty() && !upper.tree().exists(&dest) {
        let node = Node::dir(Metadata::dir_default().at(stamp));
        upper
            .place(&node, &dest, &opts)
            .map_err(|e| vfs_err(&e, &dest))?;
    }
    for it in items {
        let existing_dir = upper.tree().is_dir(&dest);
        let to_dir = dest_is_dir_hint || existing_dir;
        match it {
            Item::Node {
                node,
                name,
                parents_rel,
                ..
            } => {
                let node = match &clauses {
                    Some(c) => transform_mode(&node, c),
                    None => node,
                };
                bytes += node_size(&node);
                if let Some(rel) = parents_rel {
                    let target = join(&dest, &rel);
                    upper
                        .place(&node, &target, &opts)
                        .map_err(|e| vfs_err(&e, &target))?;
                    continue;
                }
                let unpacked = if op.add && op.unpack != Some(false) {
                    match &node {
                        Node::File(f) => f.content.as_bytes().and_then(archive::read),
                        _ => None,
                    }
                } else {
                    None
                };
                if let Some(members) = unpacked {
                    extract(upper, &dest, members, &opts, stamp)?;
                    continue;
                }
                match node {
                    Node::Dir(_) => {
                        if upper.tree().exists(&dest) && !upper.tree().is_dir(&dest) {
                            return Err(format!("cannot copy to non-directory: {dest}"));
                        }
                        upper
                            .place(&node, &dest, &opts)
                            .map_err(|e| vfs_err(&e, &dest))?;
                    }
                    n => {
                        let target = if to_dir {
                            join(&dest, &name)
                        } else {
                            dest.clone()
                        };
                        upper
                            .place(&n, &target, &opts)
                            .map_err(|e| vfs_err(&e, &target))?;
                    }
                }
            }
            Item::Url { url, name } => {
                let text = format!("Drydock placeholder: the contents of {url} (not downloaded)\n");
                bytes += text.len() as u64;
                let meta = Metadata::with_mode(0o600).at(stamp);
                let node = Node::file(meta, Content::text(&text));
                let target = if to_dir {
                    join(&dest, &name)
                } else {
                    dest.clone()
                };
                upper
                    .place(&node, &target, &opts)
                    .map_err(|e| vfs_err(&e, &target))?;
            }
            Item::Inline { name, data } => {
                bytes += data.len() as u64;
                let mut meta = Metadata::with_mode(0o644).at(stamp);
                if let Some(c) = &clauses {
                    meta.mode = chmod::apply(c, meta.mode, false);
                }
                let node = Node::file(meta, Content::text(&data));
                let target = if to_dir {
                    join(&dest, &name)
                } else {
                    dest.clone()
                };
                upper
                    .place(&node, &target, &opts)
                    .map_err(|e| vfs_err(&e, &target))?;
            }
        }
    }
    Ok(bytes)
}

fn node_size(n: &Node) -> u64 {
    match n {
        Node::Dir(d) => drydock_vfs::Walk::new(d, AbsPath::root())
            .map(|(_, c)| if c.is_dir() { 0 } else { c.size() })
            .sum(),
        n => n.size(),
    }
}

fn extract(
    upper: &mut Upper,
    dest: &str,
    members: Vec<Member>,
    opts: &CopyOptions,
    stamp: drydock_vfs::Timestamp,
) -> Result<(), String> {
    upper
        .mkdir_all(dest, Create::dir())
        .map_err(|e| vfs_err(&e, dest))?;
    for m in members {
        let (path, node) = match m {
            Member::File {
                path,
                mode,
                uid,
                gid,
                data,
            } => (
                path,
                Node::file(
                    Metadata::with_mode(mode).owned_by(uid, gid).at(stamp),
                    Content::bytes(data),
                ),
            ),
            Member::Dir {
                path,
                mode,
                uid,
                gid,
            } => (
                path,
                Node::dir(Metadata::with_mode(mode).owned_by(uid, gid).at(stamp)),
            ),
            Member::Symlink { path, target } => (
                path,
                Node::symlink(Metadata::symlink_default().at(stamp), &target),
            ),
        };
        let target = join(dest, &path);
        upper
            .place(&node, &target, opts)
            .map_err(|e| vfs_err(&e, &target))?;
    }
    Ok(())
}
