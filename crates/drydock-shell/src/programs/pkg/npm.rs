//! `npm` (10/11 as the node images ship it): `--version`, `install`/`i` (package.json
//! dependencies, or named packages added to it; package-lock.json pins when present, else a flat
//! resolution over the npm catalog; `--omit=dev`/`--production`), `ci` (requires a lockfile:
//! npm's EUSAGE error), node_modules with catalog sizes and `.bin` links, npm's `added N
//! packages, and audited M packages in Ns` summary, and npm's offline/ENOENT errors.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, install};
use drydock_catalog::packages::npm::{NpmPackage, npm_index};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

fn nums(v: &str) -> (u64, u64, u64) {
    let mut it = v
        .trim_start_matches(['v', '='])
        .split(['.', '-'])
        .map(|p| p.parse::<u64>().unwrap_or(0));
    (
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
    )
}

/// Whether `version` satisfies a simple npm range (`^`, `~`, exact, `>=`, `*`, `latest`, `x`).
fn satisfies(version: &str, range: &str) -> bool {
    let range = range.trim();
    if range.is_empty() || range == "*" || range == "latest" || range == "x" {
        return true;
    }
    if let Some(alts) = range.split_once("||") {
        return satisfies(version, alts.0) || satisfies(version, alts.1);
    }
    let v = nums(version);
    if let Some(r) = range.strip_prefix('^') {
        let b = nums(r);
        return v >= b
            && if b.0 > 0 {
                v.0 == b.0
            } else if b.1 > 0 {
                v.0 == 0 && v.1 == b.1
            } else {
                v == b
            };
    }
    if let Some(r) = range.strip_prefix('~') {
        let b = nums(r);
        return v >= b && v.0 == b.0 && v.1 == b.1;
    }
    if let Some(r) = range.strip_prefix(">=") {
        return v >= nums(r);
    }
    if let Some(r) = range.strip_suffix(".x") {
        let parts: Vec<&str> = r.split('.').collect();
        let b = nums(r);
        return v.0 == b.0 && (parts.len() < 2 || v.1 == b.1);
    }
    v == nums(range)
}

fn best(pkg: &NpmPackage, range: &str) -> Option<String> {
    pkg.versions
        .split_whitespace()
        .filter(|v| satisfies(v, range))
        .max_by_key(|v| nums(v))
        .map(str::to_owned)
}

fn read_json(ctx: &ProgramCtx<'_, '_>, path: &str) -> Option<Value> {
    serde_json::from_str(&c::read_text(ctx, path).ok()?).ok()
}

fn deps_of(v: &Value, key: &str) -> Vec<(String, String)> {
    v.get(key)
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("*").to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

fn log_line(ctx: &ProgramCtx<'_, '_>) -> String {
    let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
    let stamp = c::clock::strftime("%Y-%m-%dT%H_%M_%S_000Z", ctx.rt.config.mtime);
    format!(
        "npm error A complete log of this run can be found in: {home}/.npm/_logs/{stamp}-debug-0.log\n"
    )
}

fn offline(ctx: &mut ProgramCtx<'_, '_>, name: &str) -> i32 {
    let mut m = format!(
        "npm error code EAI_AGAIN\nnpm error syscall getaddrinfo\nnpm error errno EAI_AGAIN\nnpm error request to https://registry.npmjs.org/{name} failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org\n"
    );
    m.push_str(&log_line(ctx));
    c::eout(ctx, &m);
    1
}

/// Flat resolution of `roots` over the catalog: name → version.
fn resolve(roots: &[(String, String)]) -> Result<BTreeMap<String, String>, (String, String)> {
    let idx = npm_index();
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut queue: Vec<(String, String)> = roots.to_vec();
    while let Some((name, range)) = queue.pop() {
        if let Some(v) = out.get(&name)
            && satisfies(v, &range)
        {
            continue;
        }
        let Some(pkg) = idx.get(&name) else {
            return Err((name, range));
        };
        let v = best(pkg, &range).unwrap_or_else(|| pkg.latest().to_owned());
        out.insert(name.clone(), v);
        for (d, r) in &pkg.deps {
            queue.push((d.clone(), r.clone()));
        }
    }
    Ok(out)
}

/// Writes `node_modules` for `picks` and returns the number of packages added.
fn write_modules(
    ctx: &mut ProgramCtx<'_, '_>,
    dir: &str,
    picks: &BTreeMap<String, String>,
) -> usize {
    let idx = npm_index();
    let nm = format!("{dir}/node_modules");
    let mut added = 0;
    let mut hidden = Map::new();
    for (name, version) in picks {
        let pdir = format!("{nm}/{name}");
        let mut w = install::Written::default();
        let old = c::read_text(ctx, &format!("{pdir}/package.json")).unwrap_or_default();
        if !old.contains(&format!("\"version\": \"{version}\"")) {
            added += 1;
        }
        let size = idx.get(name).map_or(10_000, |p| p.size);
        c::busy::download(ctx, size / 3);
        c::busy::install(ctx, size);
        let pj = format!("{{\n  \"name\": \"{name}\",\n  \"version\": \"{version}\"\n}}\n");
        let _ = c::mkdir_p_with(ctx, &pdir, ctx.new_meta(0o755));
        let _ = c::write(ctx, &format!("{pdir}/package.json"), pj.as_bytes(), 0o644);
        install::blob(
            ctx,
            &format!("{pdir}/index.js"),
            size.saturating_sub(pj.len() as u64),
            &format!("npm {name}@{version}"),
            &mut w,
        );
        for b in idx.get(name).map(|p| p.bin.clone()).unwrap_or_default() {
            let _ = c::mkdir_p_with(ctx, &format!("{nm}/.bin"), ctx.new_meta(0o755));
            let link = format!("{nm}/.bin/{b}");
            let _ = ctx.fs().remove(&link);
            let m = ctx.new_meta(0o777);
            let _ = ctx.fs().symlink(&format!("../{name}/index.js"), &link, m);
        }
        let mut e = Map::new();
        e.insert("version".into(), Value::String(version.clone()));
        e.insert(
            "resolved".into(),
            Value::String(format!(
                "https://registry.npmjs.org/{name}/-/{}-{version}.tgz",
                name.rsplit('/').next().unwrap_or(name)
            )),
        );
        hidden.insert(format!("node_modules/{name}"), Value::Object(e));
    }
    let mut root = Map::new();
    root.insert("lockfileVersion".into(), Value::from(3));
    root.insert("requires".into(), Value::Bool(true));
    root.insert("packages".into(), Value::Object(hidden));
    let text = serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default() + "\n";
    let _ = c::write(
        ctx,
        &format!("{nm}/.package-lock.json"),
        text.as_bytes(),
        0o644,
    );
    added
}

fn summary(ctx: &mut ProgramCtx<'_, '_>, added: usize, total: usize) {
    let secs = 1 + total / 40;
    let what = if added == 0 {
        format!(
            "up to date, audited {} package{} in {secs}s",
            total + 1,
            if total == 0 { "" } else { "s" }
        )
    } else {
        format!(
            "added {added} package{}, and audited {} packages in {secs}s",
            if added == 1 { "" } else { "s" },
            total + 1
        )
    };
    c::out(ctx, &format!("\n{what}\n\nfound 0 vulnerabilities"));
}

fn install_cmd(ctx: &mut ProgramCtx<'_, '_>, args: &[String], ci: bool) -> i32 {
    let dir = ctx.cwd.clone();
    let omit_dev = args
        .iter()
        .any(|a| a == "--omit=dev" || a == "--production" || a == "--only=production")
        || ctx.get_env("NODE_ENV") == Some("production");
    let names: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .cloned()
        .collect();
    let pj_path = format!("{dir}/package.json");
    let lock_path = format!("{dir}/package-lock.json");
    let lock = read_json(ctx, &lock_path)
        .or_else(|| read_json(ctx, &format!("{dir}/npm-shrinkwrap.json")));
    if ci && lock.is_none() {
        let mut m = String::from(
            "npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\nnpm error Clean install a project\nnpm error\nnpm error Usage:\nnpm error npm ci\nnpm error\nnpm error Run \"npm help ci\" for more info\n",
        );
        m.push_str(&log_line(ctx));
        c::eout(ctx, &m);
        return 1;
    }
    let pj = read_json(ctx, &pj_path);
    let mut pj = match pj {
        Some(v) => v,
        None if names.is_empty() => {
            let mut m = format!(
                "npm error code ENOENT\nnpm error syscall open\nnpm error path {pj_path}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '{pj_path}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n"
            );
            m.push_str(&log_line(ctx));
            c::eout(ctx, &m);
            return 254;
        }
        None => Value::Object(Map::new()),
    };
    // named packages: added to dependencies
    let idx = npm_index();
    let mut roots = deps_of(&pj, "dependencies");
    if !omit_dev {
        roots.extend(deps_of(&pj, "devDependencies"));
    }
    for n in &names {
        let (name, range) = match n.get(1..).and_then(|s| s.find('@')).map(|i| i + 1) {
            Some(i) => (
                n.get(..i).unwrap_or(n).to_owned(),
                n.get(i + 1..).unwrap_or("").to_owned(),
            ),
            None => (n.clone(), "latest".to_owned()),
        };
        if !ctx.rt.config.network {
            return offline(ctx, &name);
        }
        let Some(pkg) = idx.get(&name) else {
            let mut m = format!(
                "npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/{name} - Not found\nnpm error 404\nnpm error 404  '{name}@*' is not in this registry.\nnpm error 404\nnpm error 404 Note that you can also install from a\nnpm error 404 tarball, folder, http url, or git url.\n"
            );
            m.push_str(&log_line(ctx));
            c::eout(ctx, &m);
            return 1;
        };
        let v = best(pkg, &range).unwrap_or_else(|| pkg.latest().to_owned());
        if let Some(obj) = pj.as_object_mut() {
            let deps = obj
                .entry("dependencies")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(d) = deps.as_object_mut() {
                d.insert(name.clone(), Value::String(format!("^{v}")));
            }
        }
        roots.retain(|(r, _)| *r != name);
        roots.push((name, format!("^{v}")));
    }
    // pins: the lockfile's, else a resolution
    let picks: BTreeMap<String, String> = match &lock {
        Some(l) if names.is_empty() => l
            .get("packages")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter(|(_, v)| {
                        !(omit_dev && v.get("dev").and_then(Value::as_bool) == Some(true))
                    })
                    .filter_map(|(k, v)| {
                        let name = k.rsplit("node_modules/").next()?;
                        (!k.is_empty()).then(|| {
                            (
                                name.to_owned(),
                                v.get("version")
                                    .and_then(Value::as_str)
                                    .unwrap_or("0.0.0")
                                    .to_owned(),
                            )
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
        _ => match resolve(&roots) {
            Ok(p) => p,
            Err((name, range)) => {
                if !ctx.rt.config.network {
                    return offline(ctx, &name);
                }
                let mut m = format!(
                    "npm error code ETARGET\nnpm error notarget No matching version found for {name}@{range}.\nnpm error notarget In most cases you or one of your dependencies are requesting\nnpm error notarget a package version that doesn't exist.\n"
                );
                m.push_str(&log_line(ctx));
                c::eout(ctx, &m);
                return 1;
            }
        },
    };
    if !ctx.rt.config.network && !picks.is_empty() {
        let first = picks.keys().next().cloned().unwrap_or_default();
        return offline(ctx, &first);
    }
    if ci {
        c::remove_tree(ctx, &format!("{dir}/node_modules"));
    }
    let added = write_modules(ctx, &dir, &picks);
    if !ci {
        if !names.is_empty() || !c::exists(ctx, &pj_path) {
            let text = serde_json::to_string_pretty(&pj).unwrap_or_default() + "\n";
            let _ = c::write(ctx, &pj_path, text.as_bytes(), 0o644);
        }
        if lock.is_none() || !names.is_empty() {
            let mut pk = Map::new();
            let mut rootp = Map::new();
            if let Some(n) = pj.get("name") {
                rootp.insert("name".into(), n.clone());
            }
            pk.insert(String::new(), Value::Object(rootp));
            for (n, v) in &picks {
                let mut e = Map::new();
                e.insert("version".into(), Value::String(v.clone()));
                pk.insert(format!("node_modules/{n}"), Value::Object(e));
            }
            let mut root = Map::new();
            if let Some(n) = pj.get("name") {
                root.insert("name".into(), n.clone());
            }
            root.insert("lockfileVersion".into(), Value::from(3));
            root.insert("requires".into(), Value::Bool(true));
            root.insert("packages".into(), Value::Object(pk));
            let text =
                serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default() + "\n";
            let _ = c::write(ctx, &lock_path, text.as_bytes(), 0o644);
        }
    }
    summary(ctx, added, picks.len());
    0
}

/// The `npm` program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let rest = args.get(1..).unwrap_or(&[]).to_vec();
    match args.first().map(String::as_str) {
        Some("--version" | "-v" | "version") => {
            let v = c::info(ctx, "banner").unwrap_or_else(|| "10.9.2".into());
            c::out(ctx, &v);
            0
        }
        Some("install" | "i" | "add") => install_cmd(ctx, &rest, false),
        Some("ci" | "clean-install") => install_cmd(ctx, &rest, true),
        Some(other) => {
            let line = argv.join(" ");
            ctx.rt
                .notes
                .push(format!("`{line}`: npm {other} is not simulated"));
            c::eout(
                ctx,
                &format!("npm error `npm {other}` is not simulated by Drydock\n"),
            );
            1
        }
        None => {
            c::out(
                ctx,
                "npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project",
            );
            1
        }
    }
}
