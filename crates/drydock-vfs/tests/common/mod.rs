//! Shared helpers for drydock-vfs integration tests: a tiny script language over `Upper` and a
//! textual listing of a tree.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use drydock_vfs::{Create, LayerStack, Node, Timestamp, Tree, Upper};

/// One line per entry, pre-order: `d755 /a`, `f644 /a/f "text"`, `l777 /a/l -> target`, with
/// ` uid:gid` when not root and ` @secs` when the mtime is not the epoch.
pub fn listing(tree: &Tree) -> String {
    let mut out = String::new();
    for (path, node) in tree.walk() {
        let meta = node
            .meta()
            .copied()
            .unwrap_or(drydock_vfs::Metadata::file_default());
        let kind = match node {
            Node::File(_) => 'f',
            Node::Dir(_) => 'd',
            Node::Symlink(_) => 'l',
            Node::Whiteout => 'w',
        };
        out.push_str(&format!("{kind}{:o} {path}", meta.mode));
        match node {
            Node::File(f) => match f.content.as_text() {
                Some(t) => out.push_str(&format!(" {t:?}")),
                None => out.push_str(&format!(" <{} bytes>", f.content.len())),
            },
            Node::Symlink(l) => out.push_str(&format!(" -> {}", l.target)),
            _ => {}
        }
        if meta.uid != 0 || meta.gid != 0 {
            out.push_str(&format!(" {}:{}", meta.uid, meta.gid));
        }
        if meta.mtime.secs != 0 {
            out.push_str(&format!(" @{}", meta.mtime.secs));
        }
        out.push('\n');
    }
    out
}

/// Runs a script against an `Upper` over `base` and returns the outputs followed by
/// `--` and the final listing. Commands (one per line, `#` comments):
/// `write P TEXT`, `append P TEXT`, `mkdir P`, `mkdir -p P`, `rm P`, `rmdir P`, `rm -rf P`,
/// `mv A B`, `ln -s T P`, `ln A B`, `chmod MODE P`, `chown U:G P`, `touch P`, `time N`, `commit`,
/// `stat P`, `lstat P`, `cat P`, `realpath P`, `ls P`, `diff` (changes of the upper so far).
pub fn run_script(base: &LayerStack, script: &str) -> String {
    let mut upper = Upper::new(base.clone());
    let mut out = String::new();
    for line in script.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.splitn(4, ' ').collect();
        let w = |i: usize| words.get(i).copied().unwrap_or("");
        let res: Result<String, drydock_vfs::VfsError> = match (w(0), w(1)) {
            ("write", p) => {
                let text = line.splitn(3, ' ').nth(2).unwrap_or("");
                upper
                    .write_file(p, text.into(), Create::file())
                    .map(|_| String::new())
            }
            ("append", p) => {
                let text = line.splitn(3, ' ').nth(2).unwrap_or("");
                upper
                    .append_file(p, text.as_bytes(), Create::file())
                    .map(|_| String::new())
            }
            ("mkdir", "-p") => upper
                .mkdir_all(w(2), Create::dir())
                .map(|v| v.iter().map(|p| format!("created {p}\n")).collect()),
            ("mkdir", p) => upper.mkdir(p, Create::dir()).map(|_| String::new()),
            ("rm", "-rf") => upper.remove_all(w(2)).map(|b| format!("removed: {b}\n")),
            ("rm", p) => upper.remove_file(p).map(|_| String::new()),
            ("rmdir", p) => upper.remove_dir(p).map(|_| String::new()),
            ("mv", a) => upper.rename(a, w(2)).map(|_| String::new()),
            ("ln", "-s") => upper.symlink(w(2), w(3), 0, 0).map(|_| String::new()),
            ("ln", a) => upper.hard_link(a, w(2)).map(|_| String::new()),
            ("chmod", m) => upper
                .chmod(w(2), u32::from_str_radix(m, 8).unwrap())
                .map(|_| String::new()),
            ("chown", ug) => {
                let (u, g) = ug.split_once(':').unwrap();
                upper
                    .chown(w(2), u.parse().unwrap(), g.parse().unwrap(), true)
                    .map(|_| String::new())
            }
            ("touch", p) => upper.touch(p, Create::file()).map(|_| String::new()),
            ("time", n) => {
                upper.set_now(Timestamp::from_secs(n.parse().unwrap()));
                Ok(String::new())
            }
            ("commit", _) => {
                let now = upper.now();
                let stack = upper.commit_stack();
                upper = Upper::at(stack, now);
                Ok(format!("layers: {}\n", upper.lower().layers().len()))
            }
            ("stat", p) | ("lstat", p) => {
                let s = if w(0) == "stat" {
                    upper.stat(p)
                } else {
                    upper.lstat(p)
                };
                s.map(|s| format!("{} {}:{} {}\n", s.mode_string(), s.uid, s.gid, s.size))
            }
            ("cat", p) => upper
                .read_file(p)
                .map(|c| format!("{}\n", c.as_text().unwrap_or("?"))),
            ("realpath", p) => upper.realpath(p).map(|p| format!("{p}\n")),
            ("ls", p) => upper.read_dir(p).map(|v| {
                let names: Vec<String> = v.iter().map(|e| e.name.to_string()).collect();
                format!("{}\n", names.join(" "))
            }),
            ("diff", _) => Ok(upper
                .changes()
                .iter()
                .map(|c| format!("{c}\n"))
                .collect::<String>()),
            (cmd, _) => panic!("unknown script command {cmd:?}"),
        };
        match res {
            Ok(s) => out.push_str(&s),
            Err(e) => out.push_str(&format!("{line}: {}\n", e.kind.name())),
        }
    }
    out.push_str("--\n");
    out.push_str(&listing(upper.tree()));
    out
}
