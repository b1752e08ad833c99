//! `uv` (0.9): `--version`, `venv`, `pip install` (the PyPI catalog resolver pip uses, uv's
//! `Resolved/Prepared/Installed` lines and ` + name==version` list, the virtual environment
//! requirement unless `--system`), `lock`, `sync` (pyproject.toml + uv.lock, `--locked`,
//! `--frozen`, `--no-install-project`, `.venv` or `UV_PROJECT_ENVIRONMENT`) and `run` (the
//! command with the project environment's `bin` first on PATH). Status lines go to stderr as
//! uv's do; timings are derived from sizes, never measured.
use super::project::{self, Project};
use super::pyenv::{self, PyEnv};
use super::resolve::{self, Failure, Options, Pick, Want};
use super::toml;
use crate::programs::ProgramCtx;
use crate::programs::common as c;
use drydock_catalog::packages::{Requirement, normalize};
use std::collections::BTreeMap;

const NO_VENV: &str = "error: No virtual environment found; run `uv venv` to create an environment, or pass `--system` to install into a non-virtual environment\n";

/// uv's elapsed-time format (`12ms`, `1.20s`).
fn elapsed(ms: u64) -> String {
    if ms >= 60_000 {
        format!("{}m {:02}s", ms / 60_000, (ms / 1000) % 60)
    } else if ms >= 1000 {
        format!("{}.{:02}s", ms / 1000, (ms % 1000) / 10)
    } else {
        format!("{}ms", ms.max(1))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "package" } else { "packages" }
}

fn version_text(ctx: &ProgramCtx<'_, '_>) -> String {
    c::info(ctx, "banner").unwrap_or_else(|| "uv 0.9.5".into())
}

/// The interpreter uv would pick: `UV_PYTHON`/`--python` as a path or name, else `python3` on
/// PATH.
fn find_python(ctx: &ProgramCtx<'_, '_>, want: Option<&str>) -> Option<(String, PyEnv)> {
    let path_var = ctx
        .get_env("PATH")
        .unwrap_or("/usr/local/bin:/usr/bin:/bin")
        .to_owned();
    let mut names: Vec<String> = Vec::new();
    if let Some(w) = want.or(ctx.get_env("UV_PYTHON")) {
        if w.contains('/') {
            names.push(w.to_owned());
        } else if w.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
            names.push(format!("python{w}"));
        } else {
            names.push(w.to_owned());
        }
    }
    names.push("python3".into());
    names.push("python".into());
    for n in names {
        let found =
            crate::exec::resolve::find_executable(&*ctx.rt.fs, &path_var, &ctx.cwd, &ctx.user, &n);
        if let crate::exec::resolve::Resolved::File(p) = found
            && let Some(env) = pyenv::env_of_exe(ctx, &p)
        {
            return Some((p, env));
        }
    }
    None
}

/// Creates a virtual environment at `dir` (absolute) for `base`, as `uv venv` lays it out.
fn make_venv(ctx: &mut ProgramCtx<'_, '_>, base: &PyEnv, dir: &str) -> Result<PyEnv, String> {
    let m = ctx.new_meta(0o755);
    if c::mkdir_p_with(ctx, &format!("{dir}/bin"), m).is_err() {
        return Err(format!(
            "error: failed to create directory `{dir}`: Permission denied (os error 13)\n"
        ));
    }
    let site = format!("{dir}/lib/python{}/site-packages", base.short);
    let _ = c::mkdir_p_with(ctx, &site, m);
    let _ = ctx.fs().symlink("lib", &format!("{dir}/lib64"), m);
    let home = c::parent(&base.python).to_owned();
    let cfg = format!(
        "home = {home}\nimplementation = CPython\nuv = {}\nversion_info = {}\ninclude-system-site-packages = false\n",
        version_text(ctx).trim_start_matches("uv "),
        base.full
    );
    let _ = c::write(ctx, &format!("{dir}/pyvenv.cfg"), cfg.as_bytes(), 0o644);
    let _ = c::write(ctx, &format!("{dir}/.gitignore"), b"*\n", 0o644);
    let _ = c::write(
        ctx,
        &format!("{dir}/CACHEDIR.TAG"),
        b"Signature: 8a477f597d28d172789f06886806bc55",
        0o644,
    );
    let _ = ctx.fs().remove(&format!("{dir}/bin/python"));
    let _ = ctx
        .fs()
        .symlink(&base.python, &format!("{dir}/bin/python"), m);
    for n in ["python3".to_owned(), format!("python{}", base.short)] {
        let _ = ctx.fs().remove(&format!("{dir}/bin/{n}"));
        let _ = ctx.fs().symlink("python", &format!("{dir}/bin/{n}"), m);
    }
    let activate = format!(
        "# This file must be used with \"source bin/activate\" *from bash*\n# you cannot run it directly\n\nVIRTUAL_ENV='{dir}'\nexport VIRTUAL_ENV\n_OLD_VIRTUAL_PATH=\"$PATH\"\nPATH=\"$VIRTUAL_ENV/bin:$PATH\"\nexport PATH\n"
    );
    let _ = c::write(
        ctx,
        &format!("{dir}/bin/activate"),
        activate.as_bytes(),
        0o644,
    );
    Ok(PyEnv {
        prefix: dir.to_owned(),
        short: base.short.clone(),
        full: base.full.clone(),
        venv: true,
        system: false,
        python: format!("{dir}/bin/python"),
        site_dir: site,
    })
}

/// The environment at `dir` when it is a virtual environment.
fn venv_at(ctx: &ProgramCtx<'_, '_>, dir: &str) -> Option<PyEnv> {
    if !c::exists(ctx, &format!("{dir}/pyvenv.cfg")) {
        return None;
    }
    pyenv::env_of_exe(ctx, &format!("{dir}/bin/python"))
}

/// `VIRTUAL_ENV`, else `.venv` in the working directory or a parent.
fn active_venv(ctx: &ProgramCtx<'_, '_>) -> Option<PyEnv> {
    if let Some(v) = ctx.get_env("VIRTUAL_ENV").filter(|v| !v.is_empty()) {
        let v = ctx.abs(v);
        if let Some(e) = venv_at(ctx, &v) {
            return Some(e);
        }
    }
    let mut dir = ctx.cwd.clone();
    loop {
        if let Some(e) = venv_at(ctx, &c::join(&dir, ".venv")) {
            return Some(e);
        }
        if dir == "/" || dir.is_empty() {
            return None;
        }
        dir = c::parent(&dir).to_owned();
    }
}

fn offline(ctx: &mut ProgramCtx<'_, '_>, name: &str) -> i32 {
    let n = normalize(name);
    c::eout(
        ctx,
        &format!(
            "error: Request failed after 3 retries\n  Caused by: Failed to fetch: `https://pypi.org/simple/{n}/`\n  Caused by: error sending request for url (https://pypi.org/simple/{n}/)\n  Caused by: client error (Connect)\n  Caused by: dns error: failed to lookup address information: Temporary failure in name resolution\n"
        ),
    );
    2
}

fn failure(ctx: &mut ProgramCtx<'_, '_>, f: Failure) -> i32 {
    let m = match f {
        Failure::NoMatch { req, .. } => {
            let name = req
                .split(|ch: char| !(ch.is_alphanumeric() || "-_.".contains(ch)))
                .next()
                .unwrap_or(&req)
                .to_owned();
            format!(
                "  × No solution found when resolving dependencies:\n  ╰─▶ Because {name} was not found in the package registry and you require {req}, we can conclude that your requirements are unsatisfiable.\n"
            )
        }
        Failure::Conflict { requested, causes } => format!(
            "  × No solution found when resolving dependencies:\n  ╰─▶ Because {}, we can conclude that {} are incompatible.\n",
            causes.join(" and "),
            requested.join(" and ")
        ),
    };
    c::eout(ctx, &m);
    1
}

fn ropts(env: &PyEnv, no_deps: bool, upgrade: bool) -> Options {
    Options {
        python: env.short.clone(),
        python_full: env.full.clone(),
        upgrade,
        no_deps,
        pre: false,
        index_urls: Vec::new(),
        force: false,
    }
}

/// Installs picks into `env`, printing uv's Prepared/Installed lines and the `+` list.
fn install_picks(
    ctx: &mut ProgramCtx<'_, '_>,
    env: &PyEnv,
    picks: &[Pick],
    extra_lines: &[String],
    audited_total: usize,
) {
    let todo: Vec<&Pick> = picks.iter().filter(|p| p.installed.is_none()).collect();
    if todo.is_empty() && extra_lines.is_empty() {
        c::eout(
            ctx,
            &format!(
                "Audited {audited_total} {} in {}\n",
                plural(audited_total),
                elapsed(1 + audited_total as u64 / 4)
            ),
        );
        return;
    }
    let bytes: u64 = todo.iter().map(|p| p.wheel).sum();
    // a local project (an extra line) is built, so it counts as prepared too
    let n = todo.len() + extra_lines.len();
    if n > 0 {
        c::busy::work(ctx, 30 + bytes / 50_000);
        c::eout(
            ctx,
            &format!(
                "Prepared {n} {} in {}\n",
                plural(n),
                elapsed(30 + bytes / 50_000)
            ),
        );
    }
    let site = env.site();
    let bin = env.bin();
    let mut lines: Vec<String> = Vec::new();
    for p in &todo {
        let _ = pyenv::install_dist(
            ctx,
            env,
            &site,
            &bin,
            p.pkg,
            &p.version.text,
            p.size,
            "uv",
            &p.requires,
        );
        lines.push(format!(" + {}=={}", normalize(&p.pkg.name), p.version.text));
    }
    lines.extend(extra_lines.iter().cloned());
    drydock_text::sort::sort(&mut lines);
    let total = lines.len();
    let size: u64 = todo.iter().map(|p| p.size).sum();
    c::busy::work(ctx, 2 + size / 400_000);
    let mut text = format!(
        "Installed {total} {} in {}\n",
        plural(total),
        elapsed(2 + size / 400_000)
    );
    for l in lines {
        text.push_str(&l);
        text.push('\n');
    }
    c::eout(ctx, &text);
}

fn installed_map(ctx: &ProgramCtx<'_, '_>, env: &PyEnv) -> BTreeMap<String, (String, String)> {
    pyenv::installed(ctx, &[env.site()])
        .iter()
        .map(|d| (normalize(&d.name), (d.version.clone(), d.dir.clone())))
        .collect()
}

/// `uv pip install …`.
fn pip_install(ctx: &mut ProgramCtx<'_, '_>, args: &[String]) -> i32 {
    let mut system = ctx
        .get_env("UV_SYSTEM_PYTHON")
        .is_some_and(|v| v == "1" || v == "true");
    let mut reqs: Vec<String> = Vec::new();
    let mut req_files: Vec<String> = Vec::new();
    let mut no_deps = false;
    let mut upgrade = false;
    let mut python: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--system" => system = true,
            "--no-deps" => no_deps = true,
            "-U" | "--upgrade" => upgrade = true,
            "-r" | "--requirement" | "--requirements" => {
                if let Some(f) = it.next() {
                    req_files.push(f.clone());
                }
            }
            "-p" | "--python" => python = it.next().cloned(),
            "--index-url" | "-i" | "--extra-index-url" | "--target" | "--prefix" | "-c"
            | "--constraint" => {
                it.next();
            }
            s if s.starts_with('-') => {}
            s => reqs.push(s.to_owned()),
        }
    }
    for f in &req_files {
        let path = ctx.abs(f);
        match c::read_text(ctx, &path) {
            Ok(t) => reqs.extend(
                t.lines()
                    .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
                    .filter(|l| !l.is_empty() && !l.starts_with('-')),
            ),
            Err(_) => {
                c::eout(ctx, &format!("error: File not found: `{f}`\n"));
                return 2;
            }
        }
    }
    if reqs.is_empty() {
        c::eout(
            ctx,
            "error: the following required arguments were not provided:\n  <PACKAGE|--requirements <REQUIREMENTS>|--editable <EDITABLE>|--group <GROUP>>\n\nUsage: uv pip install <PACKAGE|--requirements <REQUIREMENTS>|--editable <EDITABLE>|--group <GROUP>>\n\nFor more information, try '--help'.\n",
        );
        return 2;
    }
    let env = if system {
        match find_python(ctx, python.as_deref()) {
            Some((_, e)) => e,
            None => {
                c::eout(ctx, "error: No system Python installation found\n");
                return 2;
            }
        }
    } else {
        match active_venv(ctx) {
            Some(e) => e,
            None => {
                c::eout(ctx, NO_VENV);
                return 2;
            }
        }
    };
    if system && let Some(_marker) = pyenv::externally_managed(ctx, &env) {
        c::eout(
            ctx,
            &format!(
                "error: The interpreter at {} is externally managed, and indicates the following:\n\n  To install Python packages system-wide, try apt install\n  python3-xyz, where xyz is the package you are trying to\n  install.\n\nConsider creating a virtual environment with `uv venv`.\n",
                env.prefix
            ),
        );
        return 2;
    }
    if system {
        c::eout(
            ctx,
            &format!("Using Python {} environment at: {}\n", env.full, env.prefix),
        );
    }
    let mut wants = Vec::new();
    for r in &reqs {
        match Requirement::parse(r) {
            Ok(req) => wants.push(Want { req, from: None }),
            Err(_) => {
                c::eout(ctx, &format!("error: Failed to parse: `{r}`\n"));
                return 2;
            }
        }
    }
    let installed = installed_map(ctx, &env);
    if !ctx.rt.config.network
        && let Some(w) = wants
            .iter()
            .find(|w| upgrade || !installed.contains_key(&normalize(&w.req.name)))
    {
        let n = w.req.name.clone();
        return offline(ctx, &n);
    }
    let res = match resolve::resolve(&wants, &installed, &ropts(&env, no_deps, upgrade)) {
        Ok(r) => r,
        Err(f) => return failure(ctx, f),
    };
    let n = res.picks.len();
    c::eout(
        ctx,
        &format!(
            "Resolved {n} {} in {}\n",
            plural(n),
            elapsed(40 + 9 * n as u64)
        ),
    );
    install_picks(ctx, &env, &res.picks, &[], n);
    0
}

/// One package of a uv.lock.
struct Locked {
    name: String,
    version: String,
    root: bool,
    deps: Vec<String>,
}

fn read_lock(text: &str) -> Vec<Locked> {
    let doc = toml::parse(text);
    doc.get("package")
        .map(toml::Val::as_arr)
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let s = |k: &str| p.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
            let src = p.get("source");
            let root = src
                .and_then(|s| s.get("editable").or_else(|| s.get("virtual")))
                .and_then(|v| v.as_str())
                == Some(".");
            let deps = p
                .get("dependencies")
                .map(toml::Val::as_arr)
                .unwrap_or_default()
                .iter()
                .filter_map(|d| d.get("name").and_then(|v| v.as_str()).map(normalize))
                .collect();
            Locked {
                name: s("name"),
                version: s("version"),
                root,
                deps,
            }
        })
        .collect()
}

/// Whether the lock still satisfies the project's dependencies (names and specifiers).
fn lock_current(p: &Project, lock: &[Locked]) -> bool {
    let Some(root) = lock
        .iter()
        .find(|l| l.root && normalize(&l.name) == normalize(&p.name))
    else {
        return false;
    };
    let mut want: Vec<String> = Vec::new();
    for d in &p.deps {
        let Ok(req) = Requirement::parse(d) else {
            return false;
        };
        let n = normalize(&req.name);
        let Some(l) = lock.iter().find(|l| normalize(&l.name) == n) else {
            return false;
        };
        let Some(v) = drydock_catalog::packages::Version::parse(&l.version) else {
            return false;
        };
        if !req.specs.0.iter().all(|s| s.contains(&v)) {
            return false;
        }
        want.push(n);
    }
    drydock_text::sort::sort(&mut want);
    want.dedup();
    let mut have = root.deps.clone();
    drydock_text::sort::sort(&mut have);
    have.dedup();
    want == have
}

fn write_lock(
    ctx: &mut ProgramCtx<'_, '_>,
    p: &Project,
    picks: &[Pick],
    path: &str,
    editable: bool,
) {
    let mut s = String::from("version = 1\nrevision = 3\n");
    let rp = if p.requires_python.is_empty() {
        ">=3.8".to_owned()
    } else {
        p.requires_python.clone()
    };
    s.push_str(&format!("requires-python = \"{rp}\"\n"));
    let mut entries: Vec<(String, String)> = Vec::new();
    for pk in picks {
        let mut e = format!(
            "\n[[package]]\nname = \"{}\"\nversion = \"{}\"\nsource = {{ registry = \"https://pypi.org/simple\" }}\n",
            normalize(&pk.pkg.name),
            pk.version.text
        );
        let mut deps: Vec<String> = pk
            .deps
            .iter()
            .filter_map(|i| picks.get(*i))
            .map(|d| normalize(&d.pkg.name))
            .collect();
        drydock_text::sort::sort(&mut deps);
        deps.dedup();
        if !deps.is_empty() {
            e.push_str("dependencies = [\n");
            for d in deps {
                e.push_str(&format!("    {{ name = \"{d}\" }},\n"));
            }
            e.push_str("]\n");
        }
        entries.push((normalize(&pk.pkg.name), e));
    }
    let src = if editable { "editable" } else { "virtual" };
    let mut root = format!(
        "\n[[package]]\nname = \"{}\"\nversion = \"{}\"\nsource = {{ {src} = \".\" }}\n",
        normalize(&p.name),
        p.version
    );
    let mut names: Vec<String> = p
        .deps
        .iter()
        .filter_map(|d| Requirement::parse(d).ok())
        .map(|r| normalize(&r.name))
        .collect();
    drydock_text::sort::sort(&mut names);
    names.dedup();
    if !names.is_empty() {
        root.push_str("dependencies = [\n");
        for d in names {
            root.push_str(&format!("    {{ name = \"{d}\" }},\n"));
        }
        root.push_str("]\n");
    }
    entries.push((normalize(&p.name), root));
    drydock_text::sort::sort(&mut entries);
    for (_, e) in entries {
        s.push_str(&e);
    }
    let _ = c::write(ctx, path, s.as_bytes(), 0o644);
}

/// The project environment: `UV_PROJECT_ENVIRONMENT` or `.venv` beside pyproject.toml,
/// created when missing.
fn project_env(
    ctx: &mut ProgramCtx<'_, '_>,
    p: &Project,
    python: Option<&str>,
) -> Result<PyEnv, i32> {
    let dir = match ctx
        .get_env("UV_PROJECT_ENVIRONMENT")
        .filter(|v| !v.is_empty())
    {
        Some(v) => resolve_path(&p.dir, v),
        None => c::join(&p.dir, ".venv"),
    };
    if let Some(e) = venv_at(ctx, &dir) {
        return Ok(e);
    }
    let Some((exe, base)) = find_python(ctx, python) else {
        c::eout(
            ctx,
            "error: No interpreter found in virtual environments, managed installations, or search path\n",
        );
        return Err(2);
    };
    let shown = if dir == c::join(&p.dir, ".venv") {
        ".venv".to_owned()
    } else {
        dir.clone()
    };
    c::eout(
        ctx,
        &format!(
            "Using CPython {} interpreter at: {exe}\nCreating virtual environment at: {shown}\n",
            base.full
        ),
    );
    make_venv(ctx, &base, &dir).map_err(|m| {
        c::eout(ctx, &m);
        2
    })
}

fn resolve_path(dir: &str, p: &str) -> String {
    crate::fs::resolve(dir, p)
}

/// `uv sync` / `uv lock` (`lock_only`).
fn sync(ctx: &mut ProgramCtx<'_, '_>, args: &[String], lock_only: bool) -> i32 {
    let has = |f: &str| args.iter().any(|a| a == f);
    let locked = has("--locked") || ctx.get_env("UV_LOCKED").is_some_and(|v| v == "1");
    let frozen = has("--frozen") || ctx.get_env("UV_FROZEN").is_some_and(|v| v == "1");
    let no_project = has("--no-install-project");
    let mut python: Option<String> = None;
    let mut extras: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-p" | "--python" => python = it.next().cloned(),
            "--extra" => extras.extend(it.next().cloned()),
            _ => {}
        }
    }
    // the project: pyproject.toml here or in a parent
    let mut dir = ctx.cwd.clone();
    let p = loop {
        if c::exists(ctx, &c::join(&dir, "pyproject.toml")) {
            break project::read(ctx, &dir);
        }
        if dir == "/" || dir.is_empty() {
            break None;
        }
        dir = c::parent(&dir).to_owned();
    };
    let Some(p) = p else {
        c::eout(
            ctx,
            "error: No `pyproject.toml` found in current directory or any parent directory\n",
        );
        return 2;
    };
    let text = c::read_text(ctx, &c::join(&p.dir, "pyproject.toml")).unwrap_or_default();
    let doc = toml::parse(&text);
    let packaged = doc.get("build-system").is_some()
        || doc
            .path("tool.uv.package")
            .is_some_and(|v| *v == toml::Val::Bool(true));
    // uv creates (or checks) the project environment before it locks
    let env = if lock_only {
        None
    } else {
        match project_env(ctx, &p, python.as_deref()) {
            Ok(e) => Some(e),
            Err(code) => return code,
        }
    };
    let lock_path = c::join(&p.dir, "uv.lock");
    let lock_text = c::read_text(ctx, &lock_path).ok();
    if locked && lock_text.is_none() {
        c::eout(
            ctx,
            "error: Unable to find lockfile at `uv.lock`, but `--locked` was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.\n",
        );
        return 2;
    }
    if frozen && lock_text.is_none() {
        c::eout(
            ctx,
            "error: Unable to find lockfile at `uv.lock`, but `--frozen` was provided. To create a lockfile, run `uv lock` or `uv sync` without the flag.\n",
        );
        return 2;
    }
    let lock = lock_text.as_deref().map(read_lock);
    let current = lock.as_ref().is_some_and(|l| lock_current(&p, l));
    if locked && !current {
        c::eout(
            ctx,
            "error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.\n",
        );
        return 2;
    }
    // what to install: the lock's pins, or a fresh resolution
    let use_lock = frozen || current;
    let mut wants = Vec::new();
    if use_lock {
        for l in lock.iter().flatten().filter(|l| !l.root) {
            if let Ok(req) = Requirement::parse(&format!("{}=={}", l.name, l.version)) {
                wants.push(Want { req, from: None });
            }
        }
    } else {
        let mut deps = p.deps.clone();
        for e in &extras {
            deps.extend(p.optional.get(e).cloned().unwrap_or_default());
        }
        for d in &deps {
            if let Ok(req) = Requirement::parse(d) {
                wants.push(Want {
                    req,
                    from: Some(p.name.clone()),
                });
            }
        }
    }
    if !ctx.rt.config.network
        && !use_lock
        && let Some(w) = wants.first()
    {
        let n = w.req.name.clone();
        return offline(ctx, &n);
    }
    let env_for_resolve = match find_python(ctx, python.as_deref()) {
        Some((_, e)) => e,
        None if lock_only => PyEnv {
            prefix: "/usr".into(),
            short: "3.11".into(),
            full: "3.11.14".into(),
            venv: false,
            system: false,
            python: "/usr/bin/python3".into(),
            site_dir: String::new(),
        },
        None => {
            c::eout(
                ctx,
                "error: No interpreter found in virtual environments, managed installations, or search path\n",
            );
            return 2;
        }
    };
    let res = match resolve::resolve(
        &wants,
        &BTreeMap::new(),
        &ropts(&env_for_resolve, use_lock, false),
    ) {
        Ok(r) => r,
        Err(f) => return failure(ctx, f),
    };
    let n = res.picks.len() + 1;
    c::eout(
        ctx,
        &format!(
            "Resolved {n} {} in {}\n",
            plural(n),
            elapsed(if use_lock {
                1 + n as u64 / 8
            } else {
                40 + 9 * n as u64
            })
        ),
    );
    if !use_lock {
        write_lock(ctx, &p, &res.picks, &lock_path, packaged);
    }
    let Some(env) = env else { return 0 };
    let installed = installed_map(ctx, &env);
    let picks: Vec<Pick> = res
        .picks
        .iter()
        .cloned()
        .map(|mut pk| {
            if installed
                .get(&normalize(&pk.pkg.name))
                .is_some_and(|(v, _)| *v == pk.version.text)
            {
                pk.installed = Some(env.site());
            }
            pk
        })
        .collect();
    let mut extra = Vec::new();
    if packaged && !no_project && !installed.contains_key(&normalize(&p.name)) {
        write_project(ctx, &env, &p);
        c::eout(
            ctx,
            &format!("      Built {} @ file://{}\n", normalize(&p.name), p.dir),
        );
        extra.push(format!(
            " + {}=={} (from file://{})",
            normalize(&p.name),
            p.version,
            p.dir
        ));
    }
    install_picks(ctx, &env, &picks, &extra, n);
    0
}

/// The project installed editable: a `.pth` pointing at its sources and its dist-info.
fn write_project(ctx: &mut ProgramCtx<'_, '_>, env: &PyEnv, p: &Project) {
    let site = env.site();
    let stem = p.name.replace(['-', '.'], "_").to_lowercase();
    let _ = c::write(
        ctx,
        &format!("{site}/_{stem}.pth"),
        format!("{}\n", p.module_root).as_bytes(),
        0o644,
    );
    let info = format!("{site}/{stem}-{}.dist-info", p.version);
    let _ = c::mkdir_p_with(ctx, &info, ctx.new_meta(0o755));
    let meta = format!(
        "Metadata-Version: 2.4\nName: {}\nVersion: {}\n",
        p.name, p.version
    );
    let _ = c::write(ctx, &format!("{info}/METADATA"), meta.as_bytes(), 0o644);
    let _ = c::write(ctx, &format!("{info}/INSTALLER"), b"uv\n", 0o644);
    for (name, target) in &p.scripts {
        let module = target.split(':').next().unwrap_or(target);
        let _ = c::write(
            ctx,
            &format!("{}/{name}", env.bin()),
            pyenv::script_text(&env.python, module).as_bytes(),
            0o755,
        );
    }
}

/// `uv venv [PATH]`.
fn venv(ctx: &mut ProgramCtx<'_, '_>, args: &[String]) -> i32 {
    let mut python: Option<String> = None;
    let mut path: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-p" | "--python" => python = it.next().cloned(),
            "--prompt" => {
                it.next();
            }
            s if s.starts_with('-') => {}
            s => path = Some(s.to_owned()),
        }
    }
    let shown = path
        .clone()
        .or_else(|| ctx.get_env("UV_PROJECT_ENVIRONMENT").map(str::to_owned))
        .unwrap_or_else(|| ".venv".into());
    let dir = ctx.abs(&shown);
    let Some((exe, base)) = find_python(ctx, python.as_deref()) else {
        c::eout(
            ctx,
            "error: No interpreter found in virtual environments, managed installations, or search path\n",
        );
        return 2;
    };
    c::eout(
        ctx,
        &format!(
            "Using CPython {} interpreter at: {exe}\nCreating virtual environment at: {shown}\n",
            base.full
        ),
    );
    match make_venv(ctx, &base, &dir) {
        Ok(_) => {
            c::eout(
                ctx,
                &format!("Activate with: source {shown}/bin/activate\n"),
            );
            0
        }
        Err(m) => {
            c::eout(ctx, &m);
            2
        }
    }
}

/// `uv run CMD…`: the command with the project environment first on PATH.
fn run_cmd(ctx: &mut ProgramCtx<'_, '_>, args: &[String]) -> i32 {
    let mut i = 0;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "--" => {
                i += 1;
                break;
            }
            "-p" | "--python" | "--with" | "--env-file" | "--extra" | "--group" => i += 2,
            s if s.starts_with('-') => i += 1,
            _ => break,
        }
    }
    let cmd: Vec<String> = args.get(i..).unwrap_or(&[]).to_vec();
    if cmd.is_empty() {
        c::eout(ctx, "error: a command or script is required\n");
        return 2;
    }
    let venv_dir = ctx
        .get_env("UV_PROJECT_ENVIRONMENT")
        .map(|v| ctx.abs(v))
        .or_else(|| active_venv(ctx).map(|e| e.prefix));
    let saved = ctx.env.clone();
    if let Some(v) = &venv_dir {
        let path = ctx.get_env("PATH").unwrap_or("").to_owned();
        ctx.env.retain(|(k, _)| k != "PATH" && k != "VIRTUAL_ENV");
        ctx.env.push(("PATH".into(), format!("{v}/bin:{path}")));
        ctx.env.push(("VIRTUAL_ENV".into(), v.clone()));
        drydock_text::sort::sort(&mut ctx.env);
    }
    let r = ctx.exec(&cmd, &[]);
    ctx.env = saved;
    match r {
        Ok(code) => code,
        Err(crate::programs::ExecError::NotFound) => {
            let name = cmd.first().cloned().unwrap_or_default();
            c::eout(
                ctx,
                &format!(
                    "error: Failed to spawn: `{name}`\n  Caused by: No such file or directory (os error 2)\n"
                ),
            );
            2
        }
        Err(crate::programs::ExecError::PermissionDenied) => {
            let name = cmd.first().cloned().unwrap_or_default();
            c::eout(
                ctx,
                &format!(
                    "error: Failed to spawn: `{name}`\n  Caused by: Permission denied (os error 13)\n"
                ),
            );
            2
        }
        Err(crate::programs::ExecError::NotSimulated(m)) => {
            ctx.rt.notes.push(format!("uv run: {m}"));
            0
        }
    }
}

/// The `uv` program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let rest = args.get(1..).unwrap_or(&[]).to_vec();
    match args.first().map(String::as_str) {
        Some("--version" | "-V" | "version" | "self") => {
            let v = version_text(ctx);
            c::out(ctx, &v);
            0
        }
        Some("venv") => venv(ctx, &rest),
        Some("pip") => match rest.first().map(String::as_str) {
            Some("install") => pip_install(ctx, rest.get(1..).unwrap_or(&[])),
            Some(other) => {
                let line = argv.join(" ");
                ctx.rt
                    .notes
                    .push(format!("`{line}`: uv pip {other} is not simulated"));
                c::eout(
                    ctx,
                    &format!("error: `uv pip {other}` is not simulated by Drydock\n"),
                );
                2
            }
            None => {
                c::eout(ctx, "error: a `uv pip` subcommand is required\n");
                2
            }
        },
        Some("sync") => sync(ctx, &rest, false),
        Some("lock") => sync(ctx, &rest, true),
        Some("run") => run_cmd(ctx, &rest),
        Some(other) => {
            c::eout(
                ctx,
                &format!(
                    "error: unrecognized subcommand '{other}'\n\nUsage: uv [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n"
                ),
            );
            2
        }
        None => {
            c::eout(
                ctx,
                "An extremely fast Python package manager.\n\nUsage: uv [OPTIONS] <COMMAND>\n",
            );
            2
        }
    }
}
