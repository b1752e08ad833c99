//! The simulated programs, as data: every `tests/data/programs/*.md` file holds cases, each a
//! script run by `/bin/sh -c` in a fresh root filesystem built from a catalog base image, with its
//! expected stdout, stderr, exit status, files and layer sizes. One named test per case.
//!
//! Case format (one case per `## title` heading):
//!
//! ```text
//! ## title
//! image: debian:bookworm-slim        (a catalog reference; default debian:bookworm-slim)
//! user: 1000:1000                    (optional; uid[:gid])
//! workdir: /app                      (optional)
//! env: NAME=value                    (optional, repeatable)
//! network: none                      (optional)
//! tty: yes                           (optional: stdout is a terminal, as with `docker run -t`)
//! --- run
//! script lines (a line `=== RUN` starts the next build step, committed as its own layer)
//! --- stdout                         (exact; a line `...` matches any number of lines)
//! --- stderr
//! --- exit 0
//! --- files                          (one check per line: PATH exists|missing|dir|file|
//!                                     link TARGET|size N|size> N|size< N|mode 0644|owner U:G|
//!                                     contains TEXT|text TEXT)
//! --- layers                         (STEP size> N | STEP size< N | STEP size N)
//! --- memory< BYTES                  (heap retained by the final tree, synthetic bytes excluded)
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use drydock_catalog::{SkelKind, catalog, parse_normalized_named};
use drydock_shell::{Process, Registry, Runtime, ShellConfig, User, run_argv};
use drydock_testkit::Suite;
use drydock_vfs::{Content, Create, LayerStack, Upper, memory_stats};
use std::path::Path;

const NOW: i64 = 1_763_000_000;

#[derive(Default, Clone)]
struct Case {
    title: String,
    line: usize,
    image: String,
    user: Option<(u32, u32)>,
    workdir: Option<String>,
    env: Vec<(String, String)>,
    network: bool,
    tty: bool,
    run: String,
    stdout: Option<String>,
    stderr: Option<String>,
    exit: Option<i32>,
    files: Vec<String>,
    layers: Vec<String>,
    memory: Option<usize>,
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut cur: Option<Case> = None;
    let mut section: Option<String> = None;
    let mut body = String::new();
    let flush = |cur: &mut Option<Case>, section: &mut Option<String>, body: &mut String| {
        if let (Some(c), Some(s)) = (cur.as_mut(), section.take()) {
            let mut b = std::mem::take(body);
            // blank lines between cases are not part of the expectation
            while b.ends_with("\n\n") {
                b.pop();
            }
            if b == "\n" {
                b.clear();
            }
            match s.as_str() {
                "run" => c.run = b,
                "stdout" => c.stdout = Some(b),
                "stderr" => c.stderr = Some(b),
                "files" => {
                    c.files = b
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_owned)
                        .collect()
                }
                "layers" => {
                    c.layers = b
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_owned)
                        .collect()
                }
                _ => {}
            }
        }
        body.clear();
    };
    for (i, line) in text.lines().enumerate() {
        if let Some(t) = line.strip_prefix("## ") {
            flush(&mut cur, &mut section, &mut body);
            if let Some(c) = cur.take() {
                cases.push(c);
            }
            cur = Some(Case {
                title: t.trim().to_owned(),
                line: i + 1,
                image: "debian:bookworm-slim".into(),
                network: true,
                ..Case::default()
            });
            continue;
        }
        let Some(c) = cur.as_mut() else { continue };
        if let Some(s) = line.strip_prefix("--- ") {
            flush(&mut cur, &mut section, &mut body);
            let c = cur.as_mut().unwrap();
            let s = s.trim();
            if let Some(code) = s.strip_prefix("exit ") {
                c.exit = Some(code.trim().parse().unwrap());
            } else if let Some(m) = s.strip_prefix("memory< ") {
                c.memory = Some(m.trim().parse().unwrap());
            } else {
                section = Some(s.to_owned());
            }
            continue;
        }
        if section.is_some() {
            body.push_str(line);
            body.push('\n');
            continue;
        }
        if let Some((k, v)) = line.split_once(": ") {
            let v = v.trim();
            match k {
                "image" => c.image = v.to_owned(),
                "user" => {
                    let (u, g) = v.split_once(':').unwrap_or((v, "0"));
                    c.user = Some((u.parse().unwrap(), g.parse().unwrap()));
                }
                "workdir" => c.workdir = Some(v.to_owned()),
                "env" => {
                    let (a, b) = v.split_once('=').unwrap();
                    c.env.push((a.to_owned(), b.to_owned()));
                }
                "network" => c.network = v != "none",
                "tty" => c.tty = v == "yes",
                _ => {}
            }
        }
    }
    flush(&mut cur, &mut section, &mut body);
    if let Some(c) = cur.take() {
        cases.push(c);
    }
    cases
}

/// The root filesystem of a catalog image (all its layers in one lower layer).
/// A root filesystem, the image's environment and its working directory.
type Image = (Upper, Vec<(String, String)>, String);

fn image_fs(reference: &str) -> Result<Image, String> {
    let cat = catalog();
    let r = parse_normalized_named(reference).map_err(|e| format!("{reference}: {e}"))?;
    let img = cat.find(&r).map_err(|e| e.message())?;
    let mut u = Upper::new(LayerStack::new());
    for layer in img.layers() {
        for e in cat.layer_entries(img, layer) {
            let parent = match e.path.rfind('/') {
                Some(0) | None => "/".to_owned(),
                Some(i) => e.path[..i].to_owned(),
            };
            let _ = u.mkdir_all(&parent, Create::dir());
            let create = Create {
                mode: e.mode,
                uid: e.uid,
                gid: e.gid,
            };
            let _ = match &e.kind {
                SkelKind::Dir => {
                    if u.tree().stat(&e.path).is_err() {
                        u.mkdir(&e.path, create).map(|_| ())
                    } else {
                        u.chmod(&e.path, e.mode).map(|_| ())
                    }
                }
                SkelKind::File(t) => u.write_file(&e.path, Content::text(t), create).map(|_| ()),
                SkelKind::Symlink(t) => u.symlink(t, &e.path, 0, 0).map(|_| ()),
                SkelKind::Synthetic { size, seed, what } => u
                    .write_file(
                        &e.path,
                        Content::synthetic(*size, *seed, Some(what)),
                        create,
                    )
                    .map(|_| ()),
            };
        }
    }
    let env = img
        .config
        .env
        .iter()
        .filter_map(|kv| {
            kv.split_once('=')
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        })
        .collect();
    let wd = if img.config.working_dir.is_empty() {
        "/".to_owned()
    } else {
        img.config.working_dir.clone()
    };
    // the image is the lower stack of the first step
    let stack = LayerStack::new().push(u.commit());
    Ok((Upper::new(stack), env, wd))
}

/// Matches `got` against `want`, where a `...` line in `want` matches any number of lines.
fn lines_match(want: &str, got: &str) -> bool {
    let w: Vec<&str> = want.split_inclusive('\n').collect();
    let g: Vec<&str> = got.split_inclusive('\n').collect();
    fn m(w: &[&str], g: &[&str]) -> bool {
        match w.split_first() {
            None => g.is_empty(),
            Some((first, rest)) if first.trim_end() == "..." => {
                (0..=g.len()).any(|k| m(rest, &g[k..]))
            }
            Some((first, rest)) => g
                .split_first()
                .is_some_and(|(gf, gr)| line_match(first, gf) && m(rest, gr)),
        }
    }
    m(&w, &g)
}

/// One line with `...` standing for any text.
fn line_match(want: &str, got: &str) -> bool {
    if !want.contains("...") {
        return want == got;
    }
    let parts: Vec<&str> = want.split("...").collect();
    let mut rest = got;
    for (i, p) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(p) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(p);
        } else {
            match rest.find(p) {
                Some(k) => rest = &rest[k + p.len()..],
                None => return false,
            }
        }
    }
    true
}

fn check_file(u: &Upper, spec: &str) -> Result<(), String> {
    let (path, rest) = spec.split_once(' ').unwrap_or((spec, "exists"));
    let (what, arg) = rest.split_once(' ').unwrap_or((rest, ""));
    let t = u.tree();
    let st = t.lstat(path);
    let fail = |m: String| Err(format!("{path}: {m}"));
    match what {
        "missing" => {
            return if st.is_err() {
                Ok(())
            } else {
                fail("exists".into())
            };
        }
        _ if st.is_err() => return fail("missing".into()),
        _ => {}
    }
    let st = st.unwrap();
    match what {
        "exists" => Ok(()),
        "dir" if st.kind == drydock_vfs::FileKind::Dir => Ok(()),
        "file" if st.kind == drydock_vfs::FileKind::File => Ok(()),
        "link" => {
            let l = t.read_link(path).map(|s| s.to_string()).unwrap_or_default();
            if l == arg {
                Ok(())
            } else {
                fail(format!("link to {l:?}, want {arg:?}"))
            }
        }
        "size" => {
            let want: u64 = arg.parse().unwrap();
            if st.size == want {
                Ok(())
            } else {
                fail(format!("size {} want {want}", st.size))
            }
        }
        "size>" => {
            let want: u64 = arg.parse().unwrap();
            if st.size > want {
                Ok(())
            } else {
                fail(format!("size {} not > {want}", st.size))
            }
        }
        "size<" => {
            let want: u64 = arg.parse().unwrap();
            if st.size < want {
                Ok(())
            } else {
                fail(format!("size {} not < {want}", st.size))
            }
        }
        "mode" => {
            let want = u32::from_str_radix(arg, 8).unwrap();
            if st.perm == want {
                Ok(())
            } else {
                fail(format!("mode {:o} want {want:o}", st.perm))
            }
        }
        "owner" => {
            let got = format!("{}:{}", st.uid, st.gid);
            if got == arg {
                Ok(())
            } else {
                fail(format!("owner {got} want {arg}"))
            }
        }
        "contains" | "text" => {
            let c = t.read_file(path).map_err(|e| format!("{path}: {e:?}"))?;
            let text = String::from_utf8_lossy(&c.read(0, c.len() as usize)).into_owned();
            let want = arg.replace("\\n", "\n");
            let ok = if what == "text" {
                text == want
            } else {
                text.contains(&want)
            };
            if ok {
                Ok(())
            } else {
                fail(format!("text {text:?} does not match {want:?}"))
            }
        }
        other => fail(format!("bad check {other:?} (kind {:?})", st.kind)),
    }
}

fn run_case(c: &Case) -> Result<(), String> {
    let (mut upper, env, wd) = image_fs(&c.image)?;
    let programs = Registry::standard();
    let mut process = Process {
        env,
        cwd: c.workdir.clone().unwrap_or(wd),
        user: User::root(),
        umask: 0o022,
    };
    if let Some((uid, gid)) = c.user {
        process.user = User {
            uid,
            gid,
            name: String::new(),
        };
    }
    for (k, v) in &c.env {
        process.env.push((k.clone(), v.clone()));
    }
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut status = 0;
    let mut layer_sizes = Vec::new();
    for step in c.run.split("=== RUN\n") {
        let config = ShellConfig {
            pid: 1,
            mtime: NOW,
            network: c.network,
            tty: c.tty,
            ..ShellConfig::default()
        };
        let mut rt = Runtime::new(&mut upper, &programs, config);
        let argv = vec!["/bin/sh".to_owned(), "-c".to_owned(), step.to_owned()];
        status = run_argv(&mut rt, &process, &argv, b"").unwrap_or(127);
        out.extend_from_slice(&rt.output.stdout);
        err.extend_from_slice(&rt.output.stderr);
        let layer = upper.commit();
        layer_sizes.push(layer.size());
        upper = Upper::new(upper.commit_stack());
        if status != 0 {
            break;
        }
    }
    let out = String::from_utf8_lossy(&out).into_owned();
    let err = String::from_utf8_lossy(&err).into_owned();
    let mut problems = Vec::new();
    if let Some(w) = &c.stdout
        && !lines_match(w, &out)
    {
        problems.push(format!("stdout:\n--- want\n{w}--- got\n{out}---"));
    }
    if let Some(w) = &c.stderr
        && !lines_match(w, &err)
    {
        problems.push(format!("stderr:\n--- want\n{w}--- got\n{err}---"));
    }
    let want_exit = c.exit.unwrap_or(0);
    if status != want_exit {
        problems.push(format!(
            "exit: want {want_exit} got {status}\nstderr: {err}"
        ));
    }
    for f in &c.files {
        if let Err(m) = check_file(&upper, f) {
            problems.push(m);
        }
    }
    for l in &c.layers {
        let mut w = l.split_whitespace();
        let step: usize = w.next().unwrap().parse().unwrap();
        let op = w.next().unwrap();
        let n: u64 = w.next().unwrap().parse().unwrap();
        let got = layer_sizes.get(step - 1).copied().unwrap_or(0);
        let ok = match op {
            "size>" => got > n,
            "size<" => got < n,
            _ => got == n,
        };
        if !ok {
            problems.push(format!(
                "layer {step}: size {got} not {op} {n} (all: {layer_sizes:?})"
            ));
        }
    }
    if let Some(max) = c.memory {
        let m = memory_stats([upper.tree()]).total();
        if m >= max {
            problems.push(format!("memory: {m} bytes retained, want < {max}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n{}", c.title, problems.join("\n")))
    }
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/programs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let mut suite = Suite::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        suite.file(&name);
        for c in parse_cases(&text) {
            let id = format!("{name}:{}", c.line);
            let title = c.title.clone();
            suite.case(&name, &id, &title, move || run_case(&c));
        }
    }
    suite.run()
}
