//! Property test: an `Upper` over a `LayerStack` (with periodic commits) behaves like a naive
//! model — a flat `BTreeMap<path, entry>` with its own path resolver — under random operations;
//! snapshots stay unchanged, commits reproduce the view, and `changes()` equals a naive diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use drydock_vfs::{
    Change, ChangeKind, Content, Create, ErrorKind, Layer, LayerStack, Node, Timestamp, Tree, Upper,
};
use proptest::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    File(Vec<u8>),
    Dir,
    Link(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    kind: Kind,
    mode: u32,
    mtime: i64,
}

type Map = BTreeMap<String, Entry>;

fn join(dir: &str, name: &str) -> String {
    if dir == "/" {
        format!("/{name}")
    } else {
        format!("{dir}/{name}")
    }
}

fn parent(p: &str) -> String {
    match p.rfind('/') {
        Some(0) | None => "/".to_owned(),
        Some(i) => p[..i].to_owned(),
    }
}

struct Model {
    map: Map,
}

struct Res {
    path: String,
    exists: bool,
}

impl Model {
    fn new() -> Self {
        let mut map = Map::new();
        map.insert(
            "/".into(),
            Entry {
                kind: Kind::Dir,
                mode: 0o755,
                mtime: 0,
            },
        );
        Model { map }
    }

    fn resolve(&self, path: &str, follow: bool) -> Result<Res, ErrorKind> {
        if path.is_empty() {
            return Err(ErrorKind::NotFound);
        }
        let mut cur = "/".to_owned();
        let mut pending: VecDeque<String> = path
            .split('/')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        let mut hops = 0;
        while let Some(c) = pending.pop_front() {
            let last = pending.is_empty();
            if c == "." {
                continue;
            }
            if c == ".." {
                cur = parent(&cur);
                continue;
            }
            let p = join(&cur, &c);
            match self.map.get(&p).map(|e| &e.kind) {
                None => {
                    return if last {
                        Ok(Res {
                            path: p,
                            exists: false,
                        })
                    } else {
                        Err(ErrorKind::NotFound)
                    };
                }
                Some(Kind::Link(t)) if !last || follow => {
                    hops += 1;
                    if hops > 40 {
                        return Err(ErrorKind::TooManySymlinks);
                    }
                    if t.starts_with('/') {
                        cur = "/".into();
                    }
                    for comp in t.split('/').filter(|c| !c.is_empty()).rev() {
                        pending.push_front(comp.to_owned());
                    }
                }
                Some(Kind::Dir) => {
                    if last {
                        return Ok(Res {
                            path: p,
                            exists: true,
                        });
                    }
                    cur = p;
                }
                Some(_) => {
                    return if last {
                        Ok(Res {
                            path: p,
                            exists: true,
                        })
                    } else {
                        Err(ErrorKind::NotADirectory)
                    };
                }
            }
        }
        Ok(Res {
            path: cur,
            exists: true,
        })
    }

    fn last_is_dot(path: &str) -> bool {
        matches!(
            path.split('/').rev().find(|c| !c.is_empty()),
            Some(".") | Some("..")
        )
    }

    fn touch_parent(&mut self, p: &str, now: i64) {
        if let Some(e) = self.map.get_mut(&parent(p)) {
            e.mtime = now;
        }
    }

    fn subtree(&self, p: &str) -> Vec<String> {
        let prefix = format!("{p}/");
        self.map
            .keys()
            .filter(|k| *k == p || k.starts_with(&prefix))
            .cloned()
            .collect()
    }

    fn apply(&mut self, op: &Op, now: i64) -> Result<(), ErrorKind> {
        match op {
            Op::Write(path, byte) => {
                let r = self.resolve(path, true)?;
                match self.map.get_mut(&r.path) {
                    Some(Entry {
                        kind: Kind::File(c),
                        mtime,
                        ..
                    }) => {
                        *c = vec![*byte];
                        *mtime = now;
                    }
                    Some(_) => return Err(ErrorKind::IsADirectory),
                    None => {
                        let e = Entry {
                            kind: Kind::File(vec![*byte]),
                            mode: 0o644,
                            mtime: now,
                        };
                        self.map.insert(r.path.clone(), e);
                        self.touch_parent(&r.path, now);
                    }
                }
            }
            Op::MkdirAll(path) => {
                let comps: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
                let mut prefix = String::new();
                for (i, c) in comps.iter().enumerate() {
                    prefix.push('/');
                    prefix.push_str(c);
                    let r = self.resolve(&prefix, true)?;
                    match self.map.get(&r.path).map(|e| &e.kind) {
                        Some(Kind::Dir) => {}
                        Some(_) => {
                            return Err(if i + 1 == comps.len() {
                                ErrorKind::AlreadyExists
                            } else {
                                ErrorKind::NotADirectory
                            });
                        }
                        None => {
                            let e = Entry {
                                kind: Kind::Dir,
                                mode: 0o755,
                                mtime: now,
                            };
                            self.map.insert(r.path.clone(), e);
                            self.touch_parent(&r.path, now);
                        }
                    }
                }
            }
            Op::RemoveAll(path) => {
                let r = match self.resolve(path, false) {
                    Ok(r) => r,
                    Err(ErrorKind::NotFound) => return Ok(()),
                    Err(e) => return Err(e),
                };
                if Self::last_is_dot(path) {
                    return Err(ErrorKind::InvalidArgument);
                }
                if !r.exists {
                    return Ok(());
                }
                if r.path == "/" {
                    return Err(ErrorKind::Busy);
                }
                for k in self.subtree(&r.path) {
                    self.map.remove(&k);
                }
                self.touch_parent(&r.path, now);
            }
            Op::Rename(from, to) => {
                let rf = self.resolve(from, false)?;
                if !rf.exists {
                    return Err(ErrorKind::NotFound);
                }
                if rf.path == "/" {
                    return Err(ErrorKind::Busy);
                }
                let src_dir = matches!(self.map.get(&rf.path).map(|e| &e.kind), Some(Kind::Dir));
                let rt = self.resolve(to, false)?;
                if Self::last_is_dot(from) || Self::last_is_dot(to) {
                    return Err(ErrorKind::Busy);
                }
                if rf.path == rt.path {
                    return Ok(());
                }
                if rt.path.starts_with(&format!("{}/", rf.path)) {
                    return Err(ErrorKind::InvalidArgument);
                }
                if rt.exists {
                    if rt.path == "/" {
                        return Err(ErrorKind::Busy);
                    }
                    let dst_dir =
                        matches!(self.map.get(&rt.path).map(|e| &e.kind), Some(Kind::Dir));
                    match (src_dir, dst_dir) {
                        (true, true) => {
                            if self.subtree(&rt.path).len() > 1 {
                                return Err(ErrorKind::DirectoryNotEmpty);
                            }
                        }
                        (true, false) => return Err(ErrorKind::NotADirectory),
                        (false, true) => return Err(ErrorKind::IsADirectory),
                        (false, false) => {}
                    }
                }
                let moved: Vec<(String, Entry)> = self
                    .subtree(&rf.path)
                    .into_iter()
                    .map(|k| {
                        let e = self.map.remove(&k).unwrap();
                        (format!("{}{}", rt.path, &k[rf.path.len()..]), e)
                    })
                    .collect();
                self.touch_parent(&rf.path, now);
                for k in self.subtree(&rt.path) {
                    self.map.remove(&k);
                }
                for (k, e) in moved {
                    self.map.insert(k, e);
                }
                self.touch_parent(&rt.path, now);
            }
            Op::Symlink(target, path) => {
                let r = self.resolve(path, false)?;
                if r.exists {
                    return Err(ErrorKind::AlreadyExists);
                }
                let e = Entry {
                    kind: Kind::Link(target.clone()),
                    mode: 0o777,
                    mtime: now,
                };
                self.map.insert(r.path.clone(), e);
                self.touch_parent(&r.path, now);
            }
            Op::Chmod(path, mode) => {
                let r = self.resolve(path, true)?;
                match self.map.get_mut(&r.path) {
                    Some(e) => e.mode = *mode,
                    None => return Err(ErrorKind::NotFound),
                }
            }
            Op::Commit => {}
        }
        Ok(())
    }
}

fn tree_map(tree: &Tree) -> Map {
    let mut map = Map::new();
    let root = tree.root();
    map.insert(
        "/".into(),
        Entry {
            kind: Kind::Dir,
            mode: root.meta.mode,
            mtime: root.meta.mtime.secs,
        },
    );
    for (path, node) in tree.walk() {
        let meta = *node.meta().unwrap();
        let kind = match node {
            Node::File(f) => Kind::File(f.content.as_bytes().unwrap().to_vec()),
            Node::Dir(_) => Kind::Dir,
            Node::Symlink(l) => Kind::Link(l.target.to_string()),
            Node::Whiteout => panic!("whiteout in a tree"),
        };
        map.insert(
            path.to_string(),
            Entry {
                kind,
                mode: meta.mode,
                mtime: meta.mtime.secs,
            },
        );
    }
    map
}

/// `docker diff` computed naively from two flat maps.
fn naive_diff(old: &Map, new: &Map) -> Vec<String> {
    let is_dir = |m: &Map, p: &str| matches!(m.get(p).map(|e| &e.kind), Some(Kind::Dir));
    let mut out = BTreeSet::new();
    let mut touched: Vec<String> = Vec::new();
    for (p, e) in new {
        match old.get(p) {
            None => {
                out.insert(format!("A {p}"));
                touched.push(p.clone());
            }
            Some(o) if p != "/" && o != e => {
                out.insert(format!("C {p}"));
                touched.push(p.clone());
            }
            _ => {}
        }
    }
    for p in old.keys() {
        if !new.contains_key(p) {
            let par = parent(p);
            if is_dir(old, &par) && is_dir(new, &par) {
                out.insert(format!("D {p}"));
                touched.push(p.clone());
            }
        }
    }
    for p in touched {
        let mut cur = parent(&p);
        while cur != "/" {
            if is_dir(old, &cur) && is_dir(new, &cur) {
                out.insert(format!("C {cur}"));
            }
            cur = parent(&cur);
        }
    }
    let mut v: Vec<(String, String)> = out.into_iter().map(|s| (s[2..].to_owned(), s)).collect();
    v.sort();
    v.into_iter().map(|(_, s)| s).collect()
}

#[derive(Debug, Clone)]
enum Op {
    Write(String, u8),
    MkdirAll(String),
    RemoveAll(String),
    Rename(String, String),
    Symlink(String, String),
    Chmod(String, u32),
    Commit,
}

fn path_strategy() -> impl Strategy<Value = String> {
    let comp = prop_oneof![
        6 => prop::sample::select(vec!["a", "b", "c"]),
        1 => Just(".."),
        1 => Just("."),
    ];
    prop::collection::vec(comp, 1..4).prop_map(|v| format!("/{}", v.join("/")))
}

fn target_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        path_strategy(),
        path_strategy().prop_map(|p| p[1..].to_owned()),
        Just("/".to_owned()),
    ]
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (path_strategy(), any::<u8>()).prop_map(|(p, b)| Op::Write(p, b)),
        3 => path_strategy().prop_map(Op::MkdirAll),
        2 => path_strategy().prop_map(Op::RemoveAll),
        2 => (path_strategy(), path_strategy()).prop_map(|(a, b)| Op::Rename(a, b)),
        2 => (target_strategy(), path_strategy()).prop_map(|(t, p)| Op::Symlink(t, p)),
        1 => (path_strategy(), prop::sample::select(vec![0o700u32, 0o644, 0o4755]))
            .prop_map(|(p, m)| Op::Chmod(p, m)),
        1 => Just(Op::Commit),
    ]
}

fn apply_real(up: &mut Upper, op: &Op) -> Result<(), ErrorKind> {
    let r = match op {
        Op::Write(p, b) => up
            .write_file(p, Content::bytes(vec![*b]), Create::file())
            .map(|_| ()),
        Op::MkdirAll(p) => up.mkdir_all(p, Create::dir()).map(|_| ()),
        Op::RemoveAll(p) => up.remove_all(p).map(|_| ()),
        Op::Rename(a, b) => up.rename(a, b),
        Op::Symlink(t, p) => up.symlink(t, p, 0, 0).map(|_| ()),
        Op::Chmod(p, m) => up.chmod(p, *m).map(|_| ()),
        Op::Commit => Ok(()),
    };
    r.map_err(|e| e.kind)
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut model = Model::new();
    let mut upper = Upper::new(LayerStack::new());
    let mut committed = Model::new().map;
    let mut snapshots: Vec<(Tree, Map)> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let now = i as i64 + 1;
        upper.set_now(Timestamp::from_secs(now));
        let want = model.apply(op, now);
        let got = apply_real(&mut upper, op);
        prop_assert_eq!(got, want, "op {} {:?}", i, op);
        if let Op::Commit = op {
            let changes: Vec<String> = upper.changes().iter().map(Change::to_string).collect();
            prop_assert_eq!(
                changes,
                naive_diff(&committed, &model.map),
                "changes at op {}",
                i
            );
            let layer = upper.commit();
            let again = Layer::from_oci_entries(layer.oci_entries()).unwrap();
            prop_assert_eq!(again.diff_id(), layer.diff_id());
            let stack = upper.lower().push(layer);
            prop_assert_eq!(
                tree_map(stack.tree()),
                model.map.clone(),
                "stack after commit {}",
                i
            );
            upper = Upper::at(stack, Timestamp::from_secs(now));
            committed = model.map.clone();
        }
        prop_assert_eq!(
            tree_map(upper.tree()),
            model.map.clone(),
            "after op {} {:?}",
            i,
            op
        );
        snapshots.push((upper.snapshot(), model.map.clone()));
    }
    for (i, (tree, map)) in snapshots.iter().enumerate() {
        prop_assert_eq!(&tree_map(tree), map, "snapshot {} changed", i);
    }
    // Changes kinds are well formed.
    for c in drydock_vfs::diff(&Tree::new(), upper.tree()) {
        prop_assert_eq!(c.kind, ChangeKind::Added);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn upper_and_layers_match_the_naive_model(ops in prop::collection::vec(op_strategy(), 1..60)) {
        run(&ops)?;
    }
}
