//! `apt-get`, `apt` and `apt-cache` on Debian/Ubuntu images: `update` (index files of realistic
//! size in `/var/lib/apt/lists`), `install` (dependencies and recommends from the catalog,
//! `--no-install-recommends`, `-y` prompt semantics, apt's non-terminal output, dpkg's unpack
//! lines, files with program identities, `/var/lib/dpkg/status`, `.deb` files kept in
//! `/var/cache/apt/archives` unless the image's `docker-clean` hook removes them), `remove`,
//! `purge`, `clean`, `upgrade`, `autoremove`; `E: Unable to locate package …` (exit 100),
//! lock errors for non-root users and offline failures.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, install};
use drydock_catalog::packages::{AptPackage, apt_index};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

const STATUS: &str = "/var/lib/dpkg/status";
const LISTS: &str = "/var/lib/apt/lists";
const ARCHIVES: &str = "/var/cache/apt/archives";
const DOCKER_CLEAN: &str = "/etc/apt/apt.conf.d/docker-clean";

/// apt's `SizeToStr` + unit (`4136 kB`, `10.1 MB`, `6924 B`).
fn size_str(bytes: u64) -> String {
    let units = ["", "k", "M", "G", "T"];
    let mut v = bytes as f64;
    let mut i = 0;
    loop {
        if v < 100.0 && i != 0 {
            return format!("{v:.1} {}B", units.get(i).unwrap_or(&""));
        }
        if v < 10_000.0 || i + 1 >= units.len() {
            return format!("{v:.0} {}B", units.get(i).unwrap_or(&""));
        }
        v /= 1000.0;
        i += 1;
    }
}

/// Mirror throughput the simulation assumes for apt's summary line (bytes per second).
use crate::programs::common::busy::DOWNLOAD_BYTES_PER_S as FETCH_BYTES_PER_S;

/// `Fetched 76.7 MB in 4s (19.2 MB/s)`: apt's elapsed time (`1min 5s` past a minute) and rate.
fn fetched_line(bytes: u64) -> String {
    let secs = bytes.div_ceil(FETCH_BYTES_PER_S).max(1);
    let time = if secs >= 60 {
        format!("{}min {}s", secs / 60, secs % 60)
    } else {
        format!("{secs}s")
    };
    format!(
        "Fetched {} in {time} ({}/s)\n",
        size_str(bytes),
        size_str(bytes / secs)
    )
}

/// Wraps a package list the way apt prints it to an 80-column non-terminal.
fn wrap(names: &[String]) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    for n in names {
        if line.len() + 1 + n.len() > 79 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(n);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The release codename of the image (`/etc/os-release`).
fn suite(ctx: &ProgramCtx<'_, '_>) -> String {
    let os = c::read_text(ctx, "/etc/os-release").unwrap_or_default();
    os.lines()
        .find_map(|l| l.strip_prefix("VERSION_CODENAME="))
        .map(|s| s.trim_matches('"').to_owned())
        .unwrap_or_else(|| "bookworm".into())
}

fn mirror(suite: &str) -> (&'static str, &'static str) {
    match suite {
        "jammy" | "noble" | "focal" => ("http://archive.ubuntu.com/ubuntu", "archive.ubuntu.com"),
        _ => ("http://deb.debian.org/debian", "deb.debian.org"),
    }
}

/// Installed packages per `/var/lib/dpkg/status` (name → version).
fn status(ctx: &ProgramCtx<'_, '_>) -> BTreeMap<String, String> {
    let text = c::read_text(ctx, STATUS).unwrap_or_default();
    let mut out = BTreeMap::new();
    for stanza in text.split("\n\n") {
        let f = |k: &str| {
            stanza
                .lines()
                .find_map(|l| l.strip_prefix(k).map(|v| v.trim().to_owned()))
        };
        if let Some(n) = f("Package:")
            && f("Status:").is_none_or(|s| s.ends_with(" installed"))
        {
            out.insert(n, f("Version:").unwrap_or_default());
        }
    }
    out
}

fn is_installed(ctx_status: &BTreeMap<String, String>, name: &str) -> bool {
    ctx_status.contains_key(name) || apt_index().is_base(name)
}

fn has_lists(ctx: &ProgramCtx<'_, '_>) -> bool {
    ctx.rt
        .fs
        .read_dir(LISTS)
        .is_ok_and(|v| v.iter().any(|n| n.contains("_Packages")))
}

fn arch(p: &AptPackage) -> &str {
    if p.arch.is_empty() { "amd64" } else { &p.arch }
}

fn multiarch_name(p: &AptPackage) -> String {
    if p.multi_arch == 1 {
        format!("{}:amd64", p.name)
    } else {
        p.name.clone()
    }
}

fn deb_file(p: &AptPackage) -> String {
    let v = p
        .version
        .split_once(':')
        .map_or(p.version.as_str(), |x| x.1);
    format!("{}_{v}_{}.deb", p.name, arch(p))
}

fn pool_url(base: &str, p: &AptPackage) -> String {
    let first = if p.name.starts_with("lib") {
        p.name.get(..4).unwrap_or("lib")
    } else {
        p.name.get(..1).unwrap_or("x")
    };
    format!("{base}/pool/main/{first}/{}/{}", p.name, deb_file(p))
}

fn lock_error(ctx: &mut ProgramCtx<'_, '_>, update: bool) -> i32 {
    if update {
        c::eout(
            ctx,
            "E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n",
        );
    } else {
        c::eout(
            ctx,
            "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n",
        );
    }
    100
}

fn update(ctx: &mut ProgramCtx<'_, '_>, apt: bool, quiet: u32) -> i32 {
    if ctx.user.uid != 0 {
        return lock_error(ctx, true);
    }
    let s = suite(ctx);
    let idx = apt_index();
    let had = has_lists(ctx);
    let mut out = String::new();
    if !ctx.rt.config.network {
        let (base, host) = mirror(&s);
        let mut warn = String::new();
        for (k, (suite_name, what)) in [
            (s.as_str(), "InRelease"),
            (&format!("{s}-updates"), "InRelease"),
            (&format!("{s}-security"), "InRelease"),
        ]
        .iter()
        .enumerate()
        {
            let b = if suite_name.ends_with("-security") && host == "deb.debian.org" {
                "http://deb.debian.org/debian-security"
            } else {
                base
            };
            out.push_str(&format!("Ign:{} {b} {suite_name} {what}\n", k + 1));
        }
        for (k, (suite_name, what)) in [
            (s.clone(), "InRelease"),
            (format!("{s}-updates"), "InRelease"),
            (format!("{s}-security"), "InRelease"),
        ]
        .iter()
        .enumerate()
        {
            let b = if suite_name.ends_with("-security") && host == "deb.debian.org" {
                "http://deb.debian.org/debian-security"
            } else {
                base
            };
            out.push_str(&format!(
                "Err:{} {b} {suite_name} {what}\n  Temporary failure resolving '{host}'\n",
                k + 1
            ));
            warn.push_str(&format!("W: Failed to fetch {b}/dists/{suite_name}/{what}  Temporary failure resolving '{host}'\n"));
        }
        out.push_str("Reading package lists...\n");
        if quiet < 2 {
            ctx.stdout(out.as_bytes());
        }
        warn.push_str("W: Some index files failed to download. They have been ignored, or old ones used instead.\n");
        c::eout(ctx, &warn);
        return 0;
    }
    let files = idx.lists(&s);
    let mut fetched = 0u64;
    let mut n = 0;
    for f in files {
        n += 1;
        if had {
            out.push_str(&format!("Hit:{n} {}\n", f.url));
        } else {
            out.push_str(&format!("Get:{n} {} [{}]\n", f.url, size_str(f.download)));
            fetched += f.download;
        }
    }
    let _ = c::mkdir_p_root(ctx, &format!("{LISTS}/partial"));
    let mut w = install::Written::default();
    for f in files {
        install::blob(
            ctx,
            &format!("{LISTS}/{}", f.file),
            f.size,
            &format!("apt index {}", f.url),
            &mut w,
        );
    }
    let _ = c::put(ctx, &format!("{LISTS}/lock"), b"", 0o640);
    if !c::exists(ctx, DOCKER_CLEAN) {
        install::blob(
            ctx,
            "/var/cache/apt/pkgcache.bin",
            35_400_000,
            "apt package cache",
            &mut w,
        );
        install::blob(
            ctx,
            "/var/cache/apt/srcpkgcache.bin",
            35_300_000,
            "apt source package cache",
            &mut w,
        );
    }
    if !had {
        out.push_str(&fetched_line(fetched));
        c::busy::download(ctx, fetched);
    }
    out.push_str("Reading package lists...\n");
    if apt {
        out.push_str("Building dependency tree...\nReading state information...\nAll packages are up to date.\n");
    }
    if quiet < 2 {
        ctx.stdout(out.as_bytes());
    }
    0
}

struct Plan {
    new: Vec<&'static AptPackage>,
    requested: BTreeSet<String>,
    skipped_recommends: BTreeSet<String>,
}

fn plan(names: &[String], installed: &BTreeMap<String, String>, recommends: bool) -> Plan {
    let idx = apt_index();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut new = Vec::new();
    let mut skipped = BTreeSet::new();
    let mut queue: VecDeque<(String, bool)> = names.iter().map(|n| (n.clone(), true)).collect();
    while let Some((n, _)) = queue.pop_front() {
        let Some(p) = idx.get(&n) else { continue };
        if !seen.insert(p.name.clone()) || is_installed(installed, &p.name) {
            continue;
        }
        new.push(p);
        for d in p.depends() {
            queue.push_back((d.to_owned(), false));
        }
        for r in p.recommends() {
            if recommends {
                queue.push_back((r.to_owned(), false));
            } else if !is_installed(installed, r) {
                skipped.insert(r.to_owned());
            }
        }
    }
    let requested = names
        .iter()
        .filter_map(|n| idx.get(n))
        .map(|p| p.name.clone())
        .collect();
    for p in &new {
        skipped.remove(&p.name);
    }
    Plan {
        new,
        requested,
        skipped_recommends: skipped,
    }
}

/// Writes one package's files, its dpkg bookkeeping and its cached `.deb`.
fn unpack(ctx: &mut ProgramCtx<'_, '_>, p: &AptPackage, keep_deb: bool) -> usize {
    c::busy::install(ctx, p.installed_kib * 1024);
    let idx = apt_index();
    let mut w = install::Written::default();
    if let Some(entries) = idx.contents.get(&p.name) {
        install::entries(
            ctx,
            entries,
            &format!("apt:{}:{}", p.name, p.version),
            &mut w,
        );
    }
    let copyright = format!(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: {}\n",
        p.name
    );
    install::text(
        ctx,
        &format!("/usr/share/doc/{}/copyright", p.name),
        &copyright,
        0o644,
        &mut w,
    );
    let total = p.installed_kib * 1024;
    let rest = total.saturating_sub(w.bytes);
    if rest > 0 {
        let path = if p.name.starts_with("lib")
            && !p.name.ends_with("-dev")
            && !p.name.ends_with("-bin")
        {
            format!("/usr/lib/x86_64-linux-gnu/{}.so.payload", p.name)
        } else if p.name.ends_with("-dev") {
            format!("/usr/include/{}/drydock-payload.h", p.name)
        } else if p.name.starts_with("python3-") {
            format!(
                "/usr/lib/python3/dist-packages/{}/payload",
                p.name.trim_start_matches("python3-")
            )
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
    let list: String = w.paths.iter().map(|x| format!("{x}\n")).collect();
    let mut w2 = install::Written::default();
    install::text(
        ctx,
        &format!("/var/lib/dpkg/info/{}.list", p.name),
        &list,
        0o644,
        &mut w2,
    );
    let stanza = format!(
        "\nPackage: {}\nStatus: install ok installed\nPriority: optional\nSection: {}\nInstalled-Size: {}\nArchitecture: {}\nVersion: {}\nDepends: {}\nDescription: {}\n",
        p.name,
        p.section,
        p.installed_kib,
        arch(p),
        p.version,
        p.depends().collect::<Vec<_>>().join(", "),
        p.desc
    );
    let _ = c::mkdir_p_root(ctx, "/var/lib/dpkg");
    let _ = c::append(ctx, STATUS, &stanza);
    if keep_deb {
        install::blob(
            ctx,
            &format!("{ARCHIVES}/{}", deb_file(p)),
            p.deb_size,
            &format!("{} {}", p.name, p.version),
            &mut w2,
        );
    }
    w.paths.len()
}

#[allow(clippy::too_many_lines)]
fn install_cmd(ctx: &mut ProgramCtx<'_, '_>, names: &[String], o: &Flags, apt: bool) -> i32 {
    if ctx.user.uid != 0 {
        return lock_error(ctx, false);
    }
    let idx = apt_index();
    let mut out = String::from(
        "Reading package lists...\nBuilding dependency tree...\nReading state information...\n",
    );
    let installed = status(ctx);
    let lists = has_lists(ctx);
    let mut missing = Vec::new();
    let mut wanted = Vec::new();
    for n in names {
        let (name, ver) = match n.split_once('=') {
            Some((a, b)) => (a.to_owned(), Some(b.to_owned())),
            None => (n.clone(), None),
        };
        let known = idx.get(&name);
        match known {
            Some(p) if lists || is_installed(&installed, &p.name) => {
                if let Some(v) = ver
                    && v != p.version
                {
                    if o.quiet < 2 {
                        ctx.stdout(out.as_bytes());
                    }
                    c::eout(
                        ctx,
                        &format!("E: Version '{v}' for '{name}' was not found\n"),
                    );
                    return 100;
                }
                wanted.push(p.name.clone());
            }
            _ => missing.push(name),
        }
    }
    if !missing.is_empty() {
        if o.quiet < 2 {
            ctx.stdout(out.as_bytes());
        }
        for m in missing {
            c::eout(ctx, &format!("E: Unable to locate package {m}\n"));
        }
        return 100;
    }
    let pl = plan(&wanted, &installed, o.recommends);
    for n in &wanted {
        if is_installed(&installed, n)
            && let Some(p) = idx.get(n)
        {
            out.push_str(&format!(
                "{} is already the newest version ({}).\n",
                p.name, p.version
            ));
        }
    }
    let mut new_names: Vec<String> = pl.new.iter().map(|p| p.name.clone()).collect();
    drydock_text::sort::sort(&mut new_names);
    let additional: Vec<String> = new_names
        .iter()
        .filter(|n| !pl.requested.contains(*n))
        .cloned()
        .collect();
    if !additional.is_empty() {
        out.push_str("The following additional packages will be installed:\n");
        out.push_str(&wrap(&additional));
    }
    if !o.recommends && !pl.skipped_recommends.is_empty() {
        out.push_str("Recommended packages:\n");
        out.push_str(&wrap(
            &pl.skipped_recommends.iter().cloned().collect::<Vec<_>>(),
        ));
    }
    if !new_names.is_empty() {
        out.push_str("The following NEW packages will be installed:\n");
        out.push_str(&wrap(&new_names));
    }
    out.push_str(&format!(
        "0 upgraded, {} newly installed, 0 to remove and 0 not upgraded.\n",
        new_names.len()
    ));
    if new_names.is_empty() {
        if o.quiet < 2 {
            ctx.stdout(out.as_bytes());
        }
        return 0;
    }
    let download: u64 = pl.new.iter().map(|p| p.deb_size).sum();
    let disk: u64 = pl.new.iter().map(|p| p.installed_kib * 1024).sum();
    out.push_str(&format!(
        "Need to get {} of archives.\n",
        size_str(download)
    ));
    out.push_str(&format!(
        "After this operation, {} of additional disk space will be used.\n",
        size_str(disk)
    ));
    if !additional.is_empty() && !o.yes {
        out.push_str("Do you want to continue? [Y/n] Abort.\n");
        ctx.stdout(out.as_bytes());
        return 1;
    }
    let s = suite(ctx);
    let (base, host) = mirror(&s);
    // download order: dependencies first, as apt orders them
    let mut order: Vec<&AptPackage> = pl.new.clone();
    order.reverse();
    if !ctx.rt.config.network {
        for (k, p) in order.iter().enumerate() {
            out.push_str(&format!(
                "Err:{} {base} {s}/main amd64 {} {} {}\n  Temporary failure resolving '{host}'\n",
                k + 1,
                p.name,
                arch(p),
                p.version
            ));
        }
        if o.quiet < 2 {
            ctx.stdout(out.as_bytes());
        }
        let mut e = String::new();
        for p in &order {
            e.push_str(&format!(
                "E: Failed to fetch {}  Temporary failure resolving '{host}'\n",
                pool_url(base, p)
            ));
        }
        e.push_str("E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n");
        c::eout(ctx, &e);
        return 100;
    }
    for (k, p) in order.iter().enumerate() {
        out.push_str(&format!(
            "Get:{} {base} {s}/main amd64 {} {} {} [{}]\n",
            k + 1,
            p.name,
            arch(p),
            p.version,
            size_str(p.deb_size)
        ));
    }
    if o.quiet < 2 {
        ctx.stdout(out.as_bytes());
    }
    out.clear();
    if c::exists(ctx, "/usr/share/debconf") || c::exists(ctx, "/var/lib/dpkg") {
        c::eout(
            ctx,
            "debconf: delaying package configuration, since apt-utils is not installed\n",
        );
    }
    out.push_str(&fetched_line(download));
    c::busy::download(ctx, download);
    let keep = !c::exists(ctx, DOCKER_CLEAN);
    let db = 6090 + installed.len().saturating_sub(1) * 40;
    let mut files = 0;
    for (k, p) in order.iter().enumerate() {
        out.push_str(&format!(
            "Selecting previously unselected package {}.\n",
            multiarch_name(p)
        ));
        if k == 0 {
            out.push_str(&format!(
                "(Reading database ... {} files and directories currently installed.)\n",
                db + files
            ));
        }
        out.push_str(&format!(
            "Preparing to unpack .../{:02}-{} ...\nUnpacking {} ({}) ...\n",
            k,
            deb_file(p),
            multiarch_name(p),
            p.version
        ));
        files += unpack(ctx, p, keep);
    }
    for p in &order {
        out.push_str(&format!(
            "Setting up {} ({}) ...\n",
            multiarch_name(p),
            p.version
        ));
    }
    if order.iter().any(|p| p.name.starts_with("lib")) {
        out.push_str("Processing triggers for libc-bin (2.36-9+deb12u13) ...\n");
    }
    let _ = apt;
    if o.quiet < 2 {
        ctx.stdout(out.as_bytes());
    }
    0
}

fn remove_cmd(ctx: &mut ProgramCtx<'_, '_>, names: &[String], o: &Flags, purge: bool) -> i32 {
    if ctx.user.uid != 0 {
        return lock_error(ctx, false);
    }
    let installed = status(ctx);
    let mut out = String::from(
        "Reading package lists...\nBuilding dependency tree...\nReading state information...\n",
    );
    let mut gone = Vec::new();
    for n in names {
        if installed.contains_key(n) {
            gone.push(n.clone());
        } else if apt_index().get(n).is_some() || apt_index().is_base(n) {
            out.push_str(&format!("Package '{n}' is not installed, so not removed\n"));
        } else {
            if o.quiet < 2 {
                ctx.stdout(out.as_bytes());
            }
            c::eout(ctx, &format!("E: Unable to locate package {n}\n"));
            return 100;
        }
    }
    if !gone.is_empty() {
        out.push_str("The following packages will be REMOVED:\n");
        out.push_str(&wrap(
            &gone
                .iter()
                .map(|g| if purge { format!("{g}*") } else { g.clone() })
                .collect::<Vec<_>>(),
        ));
    }
    out.push_str(&format!(
        "0 upgraded, 0 newly installed, {} to remove and 0 not upgraded.\n",
        gone.len()
    ));
    for g in &gone {
        let v = installed.get(g).cloned().unwrap_or_default();
        out.push_str(&format!("Removing {g} ({v}) ...\n"));
        let list = c::read_text(ctx, &format!("/var/lib/dpkg/info/{g}.list")).unwrap_or_default();
        let paths: Vec<String> = list.lines().map(str::to_owned).collect();
        install::remove_paths(ctx, &paths);
        let _ = ctx.fs().remove(&format!("/var/lib/dpkg/info/{g}.list"));
        let text = c::read_text(ctx, STATUS).unwrap_or_default();
        let kept: Vec<&str> = text
            .split("\n\n")
            .filter(|st| !st.lines().any(|l| l.trim() == format!("Package: {g}")))
            .collect();
        let _ = c::put(ctx, STATUS, kept.join("\n\n").as_bytes(), 0o644);
    }
    if o.quiet < 2 {
        ctx.stdout(out.as_bytes());
    }
    0
}

fn clean(ctx: &mut ProgramCtx<'_, '_>) -> i32 {
    if ctx.user.uid != 0 {
        c::eout(
            ctx,
            "E: Could not open lock file /var/cache/apt/archives/lock - open (13: Permission denied)\nE: Unable to lock directory /var/cache/apt/archives/\n",
        );
        return 100;
    }
    for dir in [ARCHIVES.to_owned(), format!("{ARCHIVES}/partial")] {
        for n in ctx.rt.fs.read_dir(&dir).unwrap_or_default() {
            if n.ends_with(".deb") {
                let _ = ctx.fs().remove(&c::join(&dir, &n));
            }
        }
    }
    for f in [
        "/var/cache/apt/pkgcache.bin",
        "/var/cache/apt/srcpkgcache.bin",
    ] {
        let _ = ctx.fs().remove(f);
    }
    0
}

#[derive(Debug, Default)]
struct Flags {
    yes: bool,
    recommends: bool,
    quiet: u32,
}

/// `apt-get` and `apt`.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let apt = p == "apt";
    if apt {
        c::eout(
            ctx,
            "\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n",
        );
    }
    let mut o = Flags {
        recommends: true,
        ..Flags::default()
    };
    let mut words = Vec::new();
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-y" | "--yes" | "--assume-yes" | "-qy" | "-yq" => {
                o.yes = true;
                if a.contains('q') {
                    o.quiet += 1;
                }
            }
            "-q" | "--quiet" => o.quiet += 1,
            "-qq" => o.quiet += 2,
            "--no-install-recommends" => o.recommends = false,
            "--install-recommends" => o.recommends = true,
            "-o" | "-c" | "-t" | "--target-release" => i += 1,
            s if s.starts_with("-o") || s.starts_with("--option") => {}
            s if s.starts_with("--") => {}
            s if s.starts_with('-') => {
                for ch in s.chars().skip(1) {
                    match ch {
                        'y' => o.yes = true,
                        'q' => o.quiet += 1,
                        _ => {}
                    }
                }
            }
            s => words.push(s.to_owned()),
        }
        i += 1;
    }
    let Some(cmd) = words.first().cloned() else {
        if apt {
            c::out(ctx, "apt 2.6.1 (amd64)\nUsage: apt [options] command");
        } else {
            c::out(
                ctx,
                "apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]",
            );
        }
        return if apt { 1 } else { 0 };
    };
    let rest: Vec<String> = words.get(1..).unwrap_or(&[]).to_vec();
    match cmd.as_str() {
        "update" => update(ctx, apt, o.quiet),
        "install" | "reinstall" => {
            if rest.is_empty() {
                let out = "Reading package lists...\nBuilding dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n";
                ctx.stdout(out.as_bytes());
                return 0;
            }
            install_cmd(ctx, &rest, &o, apt)
        }
        "remove" | "purge" | "autoremove" if cmd != "autoremove" || !rest.is_empty() => {
            remove_cmd(ctx, &rest, &o, cmd == "purge")
        }
        "autoremove" | "upgrade" | "dist-upgrade" | "full-upgrade" => {
            if ctx.user.uid != 0 {
                return lock_error(ctx, false);
            }
            let mut out = String::from(
                "Reading package lists...\nBuilding dependency tree...\nReading state information...\n",
            );
            if cmd.ends_with("upgrade") {
                out.push_str("Calculating upgrade...\n");
            }
            out.push_str("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
            if o.quiet < 2 {
                ctx.stdout(out.as_bytes());
            }
            0
        }
        "clean" | "autoclean" => clean(ctx),
        "list" if apt => {
            let installed = status(ctx);
            let mut out = String::from("Listing...\n");
            for (n, v) in &installed {
                out.push_str(&format!("{n}/now {v} amd64 [installed,local]\n"));
            }
            ctx.stdout(out.as_bytes());
            0
        }
        "show" | "policy" | "search" => cache_cmd(ctx, &cmd, &rest),
        other => {
            c::eout(ctx, &format!("E: Invalid operation {other}\n"));
            100
        }
    }
}

fn cache_cmd(ctx: &mut ProgramCtx<'_, '_>, cmd: &str, names: &[String]) -> i32 {
    let idx = apt_index();
    let installed = status(ctx);
    let mut out = String::new();
    for n in names {
        match (cmd, idx.get(n)) {
            ("search", _) => {
                for p in idx.packages.iter().filter(|p| p.name.contains(n.as_str()) || p.desc.contains(n.as_str())) {
                    out.push_str(&format!("{} - {}\n", p.name, p.desc));
                }
            }
            ("show", Some(p)) => out.push_str(&format!(
                "Package: {}\nVersion: {}\nInstalled-Size: {}\nDepends: {}\nRecommends: {}\nSection: {}\nSize: {}\nDescription: {}\n\n",
                p.name,
                p.version,
                p.installed_kib,
                p.depends().collect::<Vec<_>>().join(", "),
                p.recommends().collect::<Vec<_>>().join(", "),
                p.section,
                p.deb_size,
                p.desc
            )),
            ("policy", Some(p)) => {
                let inst = installed.get(&p.name).cloned().unwrap_or_else(|| "(none)".into());
                out.push_str(&format!("{}:\n  Installed: {inst}\n  Candidate: {}\n", p.name, p.version));
            }
            _ => {
                ctx.stdout(out.as_bytes());
                c::eout(ctx, "E: No packages found\n");
                return 100;
            }
        }
    }
    ctx.stdout(out.as_bytes());
    0
}

/// `apt-cache show|policy|search NAME…`.
pub(crate) fn run_cache(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let words: Vec<String> = argv
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .cloned()
        .collect();
    let Some(cmd) = words.first() else {
        c::out(ctx, "apt 2.6.1 (amd64)\nUsage: apt-cache [options] command");
        return 0;
    };
    cache_cmd(ctx, cmd, words.get(1..).unwrap_or(&[]))
}
