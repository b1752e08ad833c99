//! `apk` on Alpine images (apk-tools 2.14): `update`, `add` (dependencies from the catalog,
//! `--no-cache`, `--virtual NAME`, the index cache in `/var/cache/apk`), `del`, `info`,
//! `cache clean`; alpine's messages (`(1/9) Installing …`, `OK: 12 MiB in 24 packages`,
//! `ERROR: unable to select packages:`), lock errors and offline failures.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, install};
use drydock_catalog::packages::{ApkPackage, apk_index};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

const INSTALLED: &str = "/lib/apk/db/installed";
const WORLD: &str = "/etc/apk/world";
const CACHE: &str = "/var/cache/apk";

fn repos(ctx: &ProgramCtx<'_, '_>) -> Vec<String> {
    let r: Vec<String> = c::read_text(ctx, "/etc/apk/repositories")
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    if r.is_empty() {
        vec![
            "https://dl-cdn.alpinelinux.org/alpine/v3.22/main".into(),
            "https://dl-cdn.alpinelinux.org/alpine/v3.22/community".into(),
        ]
    } else {
        r
    }
}

/// Installed packages (name → version) from apk's database, plus the base image's.
fn installed(ctx: &ProgramCtx<'_, '_>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let idx = apk_index();
    for b in &idx.base {
        if let Some(p) = idx.get(b) {
            out.insert(p.name.clone(), p.version.clone());
        }
    }
    let text = c::read_text(ctx, INSTALLED).unwrap_or_default();
    for stanza in text.split("\n\n") {
        let f = |k: &str| {
            stanza
                .lines()
                .find_map(|l| l.strip_prefix(k).map(str::to_owned))
        };
        if let (Some(n), Some(v)) = (f("P:"), f("V:")) {
            out.insert(n, v);
        }
    }
    out
}

fn cached_indexes(ctx: &ProgramCtx<'_, '_>) -> bool {
    ctx.rt
        .fs
        .read_dir(CACHE)
        .is_ok_and(|v| v.iter().any(|n| n.starts_with("APKINDEX")))
}

fn index_names(repos: &[String]) -> Vec<String> {
    repos
        .iter()
        .map(|r| format!("APKINDEX.{:08x}.tar.gz", c::seed_of(r) & 0xffff_ffff))
        .collect()
}

/// Prints the `fetch` lines; returns false when offline.
fn fetch_indexes(ctx: &mut ProgramCtx<'_, '_>, store: bool, out: &mut String) -> bool {
    let repos = repos(ctx);
    let idx = apk_index();
    let mut ok = true;
    for (k, r) in repos.iter().enumerate() {
        out.push_str(&format!("fetch {r}/x86_64/APKINDEX.tar.gz\n"));
        if !ctx.rt.config.network {
            ctx.stdout(out.as_bytes());
            out.clear();
            c::eout(
                ctx,
                &format!("WARNING: fetching {r}: temporary error (try again later)\n"),
            );
            ok = false;
            continue;
        }
        if store {
            let name = index_names(&repos).get(k).cloned().unwrap_or_default();
            let size = idx.index_sizes.get(k).copied().unwrap_or(1_000_000);
            let mut w = install::Written::default();
            install::blob(
                ctx,
                &format!("{CACHE}/{name}"),
                size,
                &format!("apk index {r}"),
                &mut w,
            );
        }
    }
    ok
}

fn ok_line(ctx: &ProgramCtx<'_, '_>) -> String {
    let inst = installed(ctx);
    let idx = apk_index();
    let mut bytes: u64 = 0;
    let mut n = 0;
    for name in inst.keys() {
        if let Some(p) = idx.get(name) {
            bytes += p.installed;
            n += 1;
        }
    }
    let text = c::read_text(ctx, WORLD).unwrap_or_default();
    n += text
        .split_whitespace()
        .filter(|w| w.starts_with('.'))
        .count();
    format!("OK: {} MiB in {n} packages\n", bytes.div_ceil(1 << 20))
}

fn write_db(ctx: &mut ProgramCtx<'_, '_>, p: &ApkPackage, paths: &[String]) {
    let mut s = format!(
        "\nC:Q1{:x}=\nP:{}\nV:{}\nA:x86_64\nS:{}\nI:{}\nT:{}\n",
        c::seed_of(&p.name),
        p.name,
        p.version,
        p.size,
        p.installed,
        p.desc
    );
    if !p.depends.is_empty() {
        s.push_str(&format!("D:{}\n", p.depends));
    }
    let mut dir = String::new();
    for f in paths {
        let d = c::parent(f).trim_start_matches('/').to_owned();
        if d != dir {
            s.push_str(&format!("F:{d}\n"));
            dir = d;
        }
        s.push_str(&format!("R:{}\n", c::base(f)));
    }
    let _ = c::mkdir_p_root(ctx, "/lib/apk/db");
    let _ = c::append(ctx, INSTALLED, &s);
}

fn world(ctx: &ProgramCtx<'_, '_>) -> Vec<String> {
    c::read_text(ctx, WORLD)
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn set_world(ctx: &mut ProgramCtx<'_, '_>, w: &[String]) {
    let mut w = w.to_vec();
    drydock_text::sort::sort(&mut w);
    w.dedup();
    let _ = c::put(ctx, WORLD, format!("{}\n", w.join("\n")).as_bytes(), 0o644);
}

fn add(
    ctx: &mut ProgramCtx<'_, '_>,
    names: &[String],
    no_cache: bool,
    virt: Option<&str>,
    quiet: bool,
) -> i32 {
    let idx = apk_index();
    let mut out = String::new();
    let have_idx = cached_indexes(ctx);
    let online = if have_idx && !no_cache {
        true
    } else {
        fetch_indexes(ctx, !no_cache, &mut out)
    };
    let inst = installed(ctx);
    let mut missing = Vec::new();
    for n in names {
        let base = n.split(['=', '<', '>', '~']).next().unwrap_or(n);
        if !online || idx.get(base).is_none() {
            missing.push(base.to_owned());
        }
    }
    if !missing.is_empty() {
        ctx.stdout(out.as_bytes());
        let mut e = String::from("ERROR: unable to select packages:\n");
        for m in &missing {
            e.push_str(&format!(
                "  {m} (no such package):\n    required by: world[{m}]\n"
            ));
        }
        c::eout(ctx, &e);
        return 1;
    }
    // closure in dependency order (deps first)
    let mut order: Vec<&ApkPackage> = Vec::new();
    let mut seen = BTreeSet::new();
    fn visit(
        name: &str,
        inst: &BTreeMap<String, String>,
        seen: &mut BTreeSet<String>,
        order: &mut Vec<&'static ApkPackage>,
    ) {
        let Some(p) = apk_index().get(name) else {
            return;
        };
        if inst.contains_key(&p.name) || !seen.insert(p.name.clone()) {
            return;
        }
        for d in p.depends() {
            visit(d, inst, seen, order);
        }
        order.push(p);
    }
    for n in names {
        let base = n.split(['=', '<', '>', '~']).next().unwrap_or(n);
        visit(base, &inst, &mut seen, &mut order);
    }
    let total = order.len() + usize::from(virt.is_some());
    let mut triggers = BTreeSet::new();
    for (k, p) in order.iter().enumerate() {
        out.push_str(&format!(
            "({}/{total}) Installing {} ({})\n",
            k + 1,
            p.name,
            p.version
        ));
        let mut w = install::Written::default();
        if let Some(entries) = idx.contents.get(&p.name) {
            install::entries(
                ctx,
                entries,
                &format!("apk:{}:{}", p.name, p.version),
                &mut w,
            );
            if entries
                .iter()
                .any(|e| matches!(e, drydock_catalog::Entry::Program { .. }))
            {
                triggers.insert("busybox-1.37.0-r18".to_owned());
            }
        }
        c::busy::download(ctx, p.size);
        c::busy::install(ctx, p.installed);
        let rest = p.installed.saturating_sub(w.bytes);
        if rest > 0 {
            let path = if p.name.contains("lib") {
                format!("/usr/lib/{}.so.payload", p.name)
            } else {
                format!("/usr/share/{}/payload", p.name)
            };
            install::blob(
                ctx,
                &path,
                rest,
                &format!("{} {}", p.name, p.version),
                &mut w,
            );
        }
        if p.name == "ca-certificates" {
            triggers.insert(format!("ca-certificates-{}", p.version));
        }
        write_db(ctx, p, &w.paths);
        if !no_cache && have_idx {
            let mut w2 = install::Written::default();
            install::blob(
                ctx,
                &format!(
                    "{CACHE}/{}-{}.{:08x}.apk",
                    p.name,
                    p.version,
                    c::seed_of(&p.name) & 0xffff_ffff
                ),
                p.size,
                &format!("{} {}", p.name, p.version),
                &mut w2,
            );
        }
    }
    let mut w = world(ctx);
    match virt {
        Some(v) => {
            let stamp =
                crate::programs::common::clock::strftime("%Y%m%d.%H%M%S", ctx.rt.config.mtime);
            out.push_str(&format!("({total}/{total}) Installing {v} ({stamp})\n"));
            let deps: Vec<String> = names.to_vec();
            let _ = c::append(
                ctx,
                INSTALLED,
                &format!("\nP:{v}\nV:{stamp}\nA:noarch\nD:{}\n", deps.join(" ")),
            );
            w.push(v.to_owned());
        }
        None => w.extend(names.iter().cloned()),
    }
    set_world(ctx, &w);
    for t in &triggers {
        out.push_str(&format!("Executing {t}.trigger\n"));
    }
    out.push_str(&ok_line(ctx));
    if !quiet {
        ctx.stdout(out.as_bytes());
    }
    0
}

fn del(ctx: &mut ProgramCtx<'_, '_>, names: &[String], quiet: bool) -> i32 {
    let text = c::read_text(ctx, INSTALLED).unwrap_or_default();
    let stanzas: Vec<String> = text.split("\n\n").map(str::to_owned).collect();
    let field = |st: &str, k: &str| {
        st.lines()
            .find_map(|l| l.strip_prefix(k).map(str::to_owned))
    };
    let mut targets: Vec<String> = Vec::new();
    let mut queue: VecDeque<String> = names.iter().cloned().collect();
    let world_now = world(ctx);
    while let Some(n) = queue.pop_front() {
        if targets.contains(&n) {
            continue;
        }
        let Some(st) = stanzas
            .iter()
            .find(|s| field(s, "P:").as_deref() == Some(n.as_str()))
        else {
            continue;
        };
        // a virtual package takes its dependencies along (unless something else in world needs them)
        if n.starts_with('.')
            && let Some(d) = field(st, "D:")
        {
            for dep in d.split_whitespace() {
                if !world_now.iter().any(|w| w == dep) {
                    queue.push_back(dep.to_owned());
                }
            }
        }
        targets.push(n);
    }
    let mut out = String::new();
    let total = targets.len();
    let mut kept: Vec<String> = stanzas.clone();
    for (k, t) in targets.iter().enumerate() {
        let Some(st) = stanzas
            .iter()
            .find(|s| field(s, "P:").as_deref() == Some(t.as_str()))
        else {
            continue;
        };
        let v = field(st, "V:").unwrap_or_default();
        out.push_str(&format!("({}/{total}) Purging {t} ({v})\n", k + 1));
        let mut dir = String::new();
        let mut paths = Vec::new();
        for l in st.lines() {
            if let Some(d) = l.strip_prefix("F:") {
                dir = format!("/{d}");
            } else if let Some(f) = l.strip_prefix("R:") {
                paths.push(c::join(&dir, f));
            }
        }
        install::remove_paths(ctx, &paths);
        kept.retain(|s| field(s, "P:").as_deref() != Some(t.as_str()));
    }
    let _ = c::put(ctx, INSTALLED, kept.join("\n\n").as_bytes(), 0o644);
    let w: Vec<String> = world_now
        .into_iter()
        .filter(|x| !targets.contains(x) && !names.contains(x))
        .collect();
    set_world(ctx, &w);
    if total > 0 {
        out.push_str("Executing busybox-1.37.0-r18.trigger\n");
    }
    out.push_str(&ok_line(ctx));
    if !quiet {
        ctx.stdout(out.as_bytes());
    }
    0
}

/// The `apk` program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let mut no_cache = false;
    let mut quiet = false;
    let mut virt: Option<String> = None;
    let mut words = Vec::new();
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "--no-cache" => no_cache = true,
            "-q" | "--quiet" => quiet = true,
            "-t" | "--virtual" => {
                virt = argv.get(i + 1).cloned();
                i += 1;
            }
            "--repository" | "-X" | "-p" | "--root" | "--arch" => i += 1,
            s if s.starts_with("--virtual=") => virt = s.split_once('=').map(|x| x.1.to_owned()),
            s if s.starts_with('-') => {}
            s => words.push(s.to_owned()),
        }
        i += 1;
    }
    let Some(cmd) = words.first().cloned() else {
        c::out(
            ctx,
            "apk-tools 2.14.9, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]",
        );
        return 1;
    };
    let rest: Vec<String> = words.get(1..).unwrap_or(&[]).to_vec();
    let writes = matches!(cmd.as_str(), "add" | "del" | "update" | "upgrade" | "fix");
    if writes && ctx.user.uid != 0 {
        c::eout(
            ctx,
            "ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n",
        );
        return 99;
    }
    match cmd.as_str() {
        "update" => {
            let mut out = String::new();
            if !fetch_indexes(ctx, !no_cache, &mut out) {
                ctx.stdout(out.as_bytes());
                c::eout(
                    ctx,
                    "2 unavailable, 0 stale; 15 distinct packages available\n",
                );
                return 2;
            }
            let repos = repos(ctx);
            for r in &repos {
                out.push_str(&format!(
                    "v3.22.2-{}-g{:010x} [{r}]\n",
                    20 + c::seed_of(r) % 40,
                    c::seed_of(r) & 0xff_ffff_ffff
                ));
            }
            out.push_str(&format!(
                "OK: {} distinct packages available\n",
                apk_index().distinct
            ));
            if !quiet {
                ctx.stdout(out.as_bytes());
            }
            0
        }
        "add" => {
            if rest.is_empty() {
                if !quiet {
                    let line = ok_line(ctx);
                    ctx.stdout(line.as_bytes());
                }
                return 0;
            }
            add(ctx, &rest, no_cache, virt.as_deref(), quiet)
        }
        "del" => del(ctx, &rest, quiet),
        "upgrade" | "fix" => {
            let mut out = String::new();
            if !cached_indexes(ctx) || no_cache {
                fetch_indexes(ctx, !no_cache, &mut out);
            }
            out.push_str(&ok_line(ctx));
            ctx.stdout(out.as_bytes());
            0
        }
        "info" => {
            let inst = installed(ctx);
            let mut out = String::new();
            if rest.is_empty() {
                for n in inst.keys() {
                    out.push_str(&format!("{n}\n"));
                }
            } else {
                for n in &rest {
                    if let Some(v) = inst.get(n) {
                        out.push_str(&format!(
                            "{n}-{v} description:\n{}\n\n",
                            apk_index().get(n).map_or("", |p| p.desc.as_str())
                        ));
                    }
                }
            }
            ctx.stdout(out.as_bytes());
            0
        }
        "cache" => {
            if rest.first().map(String::as_str) == Some("clean") {
                for n in ctx.rt.fs.read_dir(CACHE).unwrap_or_default() {
                    let _ = ctx.fs().remove(&c::join(CACHE, &n));
                }
            }
            0
        }
        "search" => {
            let mut out = String::new();
            for p in &apk_index().packages {
                if rest.iter().any(|r| p.name.contains(r.as_str())) {
                    out.push_str(&format!("{}-{}\n", p.name, p.version));
                }
            }
            ctx.stdout(out.as_bytes());
            0
        }
        "--version" | "version" => {
            c::out(ctx, "apk-tools 2.14.9, compiled for x86_64.");
            0
        }
        other => {
            c::eout(
                ctx,
                &format!(
                    "apk-tools 2.14.9, compiled for x86_64.\n\nERROR: unknown command '{other}'\n"
                ),
            );
            1
        }
    }
}
