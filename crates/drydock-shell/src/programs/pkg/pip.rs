//! `pip` / `pip3` / `python -m pip` (pip 25 as in the python images, 23 for Debian's
//! python3-pip): `install` (requirements, specifiers, extras, `-r` files, `.` and `-e .`
//! projects, `--no-deps`, `--user`, `--upgrade`, `--target`, `--no-cache-dir`, index URLs),
//! `uninstall`, `list`, `freeze`, `show`, `--version`; PEP 668 refusals, pip's output lines,
//! the root-user warning, the wheel cache under `~/.cache/pip`, and offline failures.
use super::project::{self, Project};
use super::pyenv::{self, PyEnv};
use super::resolve::{self, Event, Failure, Options, Want};
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, install};
use drydock_catalog::packages::{Requirement, Version, normalize, pip_index};
use std::collections::BTreeMap;

/// pip's parsed `install` options.
#[derive(Debug, Default)]
struct Opts {
    reqs: Vec<Want>,
    editables: Vec<String>,
    locals: Vec<(String, Vec<String>, bool)>,
    upgrade: bool,
    no_deps: bool,
    user: bool,
    no_cache: bool,
    quiet: u32,
    break_system: bool,
    root_ignore: bool,
    pre: bool,
    force: bool,
    target: Option<String>,
    prefix: Option<String>,
    index_urls: Vec<String>,
    no_version_check: bool,
    no_warn_script: bool,
    dry_run: bool,
}

const ROOT_WARNING: &str = "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n";

fn truthy(v: Option<&str>) -> bool {
    v.is_some_and(|v| {
        !matches!(
            v.to_ascii_lowercase().as_str(),
            "" | "0" | "false" | "no" | "off"
        )
    })
}

/// The pip version of an environment (its `pip-*.dist-info`).
fn pip_version(ctx: &ProgramCtx<'_, '_>, env: &PyEnv) -> String {
    let own = ctx.rt.fs.read_prefix(&ctx.path, 64).unwrap_or_default();
    if own.starts_with(format!("{}pip\n", crate::programs::PROGRAM_MARKER).as_bytes())
        && let Some(v) = c::info(ctx, "version")
    {
        return v;
    }
    let dists = pyenv::installed(ctx, &[env.site()]);
    pyenv::find(&dists, "pip").map_or_else(|| "25.2".to_owned(), |d| d.version.clone())
}

/// Reads a requirements file into wants (recursively for `-r`).
fn read_req_file(
    ctx: &mut ProgramCtx<'_, '_>,
    file: &str,
    opts: &mut Opts,
    depth: u32,
) -> Result<(), String> {
    let abs = ctx.abs(file);
    let text = match c::read_text(ctx, &abs) {
        Ok(t) if !c::is_dir(ctx, &abs) => t,
        Ok(_) => {
            return Err(format!(
                "ERROR: Could not open requirements file: [Errno 21] Is a directory: '{file}'\n"
            ));
        }
        Err(_) => {
            return Err(format!(
                "ERROR: Could not open requirements file: [Errno 2] No such file or directory: '{file}'\n"
            ));
        }
    };
    let mut joined: Vec<(usize, String)> = Vec::new();
    let mut cont = String::new();
    let mut start = 0;
    for (i, raw) in text.lines().enumerate() {
        if cont.is_empty() {
            start = i + 1;
        }
        if let Some(l) = raw.strip_suffix('\\') {
            cont.push_str(l);
            continue;
        }
        cont.push_str(raw);
        joined.push((start, std::mem::take(&mut cont)));
    }
    for (n, line) in joined {
        let line = match line
            .find(" #")
            .or_else(|| line.starts_with('#').then_some(0))
        {
            Some(k) => line.get(..k).unwrap_or("").to_owned(),
            None => line,
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("-r {file} (line {n})");
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or("");
        let rest: Vec<&str> = words.collect();
        match first {
            "-r" | "--requirement" | "-c" | "--constraint" => {
                let f = rest.first().copied().unwrap_or("");
                let rel = if f.starts_with('/') {
                    f.to_owned()
                } else {
                    c::join(c::parent(&abs), f)
                };
                if depth < 10 && first.starts_with("-r") || first == "--requirement" {
                    read_req_file(ctx, &rel, opts, depth + 1)?;
                }
            }
            "-e" | "--editable" => {
                opts.editables
                    .push(rest.first().map_or(String::new(), |s| (*s).to_owned()));
            }
            "-i" | "--index-url" | "--extra-index-url" => {
                if let Some(u) = rest.first() {
                    opts.index_urls.push((*u).to_owned());
                }
            }
            f if f.starts_with("--index-url=") || f.starts_with("--extra-index-url=") => {
                opts.index_urls
                    .push(f.split_once('=').map_or("", |x| x.1).to_owned());
            }
            f if f.starts_with('-') => {}
            _ => {
                let spec = line.split(" --hash").next().unwrap_or(line).trim();
                if spec.starts_with('.') || spec.starts_with('/') {
                    opts.locals.push((spec.to_owned(), Vec::new(), false));
                    continue;
                }
                match Requirement::parse(spec) {
                    Ok(req) => opts.reqs.push(Want {
                        req,
                        from: Some(origin),
                    }),
                    Err(_) => {
                        return Err(format!(
                            "ERROR: Invalid requirement: '{spec}': Expected end or semicolon (after name and no valid version specifier)\n    {spec}\n    ^ (from line {n} of {file})\n"
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

fn parse_install(ctx: &mut ProgramCtx<'_, '_>, args: &[String]) -> Result<Opts, (String, i32)> {
    let mut o = Opts {
        no_cache: truthy(ctx.get_env("PIP_NO_CACHE_DIR")),
        break_system: truthy(ctx.get_env("PIP_BREAK_SYSTEM_PACKAGES")),
        root_ignore: ctx.get_env("PIP_ROOT_USER_ACTION") == Some("ignore"),
        no_version_check: truthy(ctx.get_env("PIP_DISABLE_PIP_VERSION_CHECK")),
        ..Opts::default()
    };
    if let Some(u) = ctx.get_env("PIP_INDEX_URL") {
        o.index_urls.push(u.to_owned());
    }
    if let Some(u) = ctx.get_env("PIP_EXTRA_INDEX_URL") {
        o.index_urls.push(u.to_owned());
    }
    let mut i = 0;
    let value = |i: &mut usize, a: &str| -> Option<String> {
        if let Some((_, v)) = a.split_once('=')
            && a.starts_with("--")
        {
            return Some(v.to_owned());
        }
        *i += 1;
        args.get(*i).cloned()
    };
    while let Some(a) = args.get(i) {
        let name = if a.starts_with("--") {
            a.split('=').next().unwrap_or(a)
        } else {
            a.as_str()
        };
        match name {
            "-r" | "--requirement" | "-c" | "--constraint" => {
                let Some(f) = value(&mut i, a) else {
                    return Err((
                        format!(
                            "\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n\n{a} option requires 1 argument\n"
                        ),
                        2,
                    ));
                };
                if name == "-r" || name == "--requirement" {
                    read_req_file(ctx, &f, &mut o, 0).map_err(|m| (m, 1))?;
                }
            }
            "-e" | "--editable" => {
                if let Some(p) = value(&mut i, a) {
                    o.editables.push(p);
                }
            }
            "-U" | "--upgrade" => o.upgrade = true,
            "--no-deps" => o.no_deps = true,
            "--user" => o.user = true,
            "--no-cache-dir" => o.no_cache = true,
            "-q" | "--quiet" => o.quiet += 1,
            "-qq" => o.quiet += 2,
            "-qqq" => o.quiet += 3,
            "--break-system-packages" => o.break_system = true,
            "--root-user-action" => o.root_ignore = value(&mut i, a).as_deref() == Some("ignore"),
            "--pre" => o.pre = true,
            "--force-reinstall" | "-I" | "--ignore-installed" => o.force = true,
            "-t" | "--target" => o.target = value(&mut i, a),
            "--prefix" => o.prefix = value(&mut i, a),
            "-i" | "--index-url" | "--extra-index-url" => {
                if let Some(u) = value(&mut i, a) {
                    o.index_urls.push(u);
                }
            }
            "--disable-pip-version-check" => o.no_version_check = true,
            "--no-warn-script-location" => o.no_warn_script = true,
            "--dry-run" => o.dry_run = true,
            "-f" | "--find-links" | "--trusted-host" | "--progress-bar" | "--timeout"
            | "--default-timeout" | "--retries" | "--only-binary" | "--no-binary"
            | "--cache-dir" | "--platform" | "--python-version" | "--implementation" | "--abi"
            | "--src" | "--upgrade-strategy" | "--report" => {
                let _ = value(&mut i, a);
            }
            "-v"
            | "--verbose"
            | "--no-compile"
            | "--compile"
            | "--no-build-isolation"
            | "--use-pep517"
            | "--no-use-pep517"
            | "--isolated"
            | "--no-input"
            | "--require-hashes"
            | "--prefer-binary"
            | "--no-clean"
            | "--no-color"
            | "--ignore-requires-python"
            | "--no-index"
            | "--check-build-dependencies"
            | "--force" => {}
            s if s.starts_with('-') => {
                return Err((
                    format!(
                        "\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n  pip install [options] -r <requirements file> [package-index-options] ...\n  pip install [options] [-e] <vcs project url> ...\n  pip install [options] [-e] <local project path> ...\n  pip install [options] <archive url/path> ...\n\nno such option: {s}\n"
                    ),
                    2,
                ));
            }
            s if s.starts_with('.')
                || s.starts_with('/')
                || s.contains('/') && !s.contains("://") =>
            {
                let (path, extras) = match s.split_once('[') {
                    Some((p, e)) => (
                        p.to_owned(),
                        e.trim_end_matches(']')
                            .split(',')
                            .map(str::to_owned)
                            .collect(),
                    ),
                    None => (s.to_owned(), Vec::new()),
                };
                o.locals.push((path, extras, false));
            }
            s => match Requirement::parse(s) {
                Ok(req) => o.reqs.push(Want { req, from: None }),
                Err(_) => {
                    return Err((
                        format!(
                            "ERROR: Invalid requirement: '{s}': Expected end or semicolon (after name and no valid version specifier)\n    {s}\n    ^\n"
                        ),
                        1,
                    ));
                }
            },
        }
        i += 1;
    }
    let editables = std::mem::take(&mut o.editables);
    for e in editables {
        let (path, extras) = match e.split_once('[') {
            Some((p, x)) => (
                p.to_owned(),
                x.trim_end_matches(']')
                    .split(',')
                    .map(str::to_owned)
                    .collect(),
            ),
            None => (e, Vec::new()),
        };
        o.locals.push((path, extras, true));
    }
    Ok(o)
}

fn externally_managed_error(text: &str) -> String {
    let body = text
        .lines()
        .skip_while(|l| !l.starts_with("Error="))
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.trim_start_matches("Error=").to_owned()
            } else {
                l.strip_prefix(' ').unwrap_or(l).to_owned()
            }
        })
        .collect::<Vec<_>>();
    let mut s = String::from(
        "error: externally-managed-environment\n\n× This environment is externally managed\n╰─> ",
    );
    for (i, l) in body.iter().enumerate() {
        if i > 0 {
            s.push_str("    ");
        }
        s.push_str(l);
        s.push('\n');
    }
    s.push_str("\nnote: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n");
    s
}

/// The retry warnings and failure pip prints without a network.
fn offline_failure(ctx: &mut ProgramCtx<'_, '_>, req: &str, project: &str) -> i32 {
    let addr = 0x7f00_0000_0000u64 + (c::seed_of(project) & 0xff_ffff) * 16;
    for total in (0..5).rev() {
        let m = format!(
            "WARNING: Retrying (Retry(total={total}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at {addr:#x}>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/{}/\n",
            normalize(project)
        );
        c::eout(ctx, &m);
    }
    c::eout(
        ctx,
        &format!(
            "ERROR: Could not find a version that satisfies the requirement {req} (from versions: none)\nERROR: No matching distribution found for {req}\n"
        ),
    );
    1
}

fn cache_path(home: &str, key: &str) -> String {
    let h = format!(
        "{:016x}{:016x}",
        c::seed_of(key),
        c::seed_of(&format!("{key}#"))
    );
    let p = |a: usize, b: usize| h.get(a..b).unwrap_or("0");
    format!(
        "{home}/.cache/pip/http-v2/{}/{}/{}/{}/{}/{}.body",
        p(0, 1),
        p(1, 2),
        p(2, 3),
        p(3, 4),
        p(4, 5),
        p(5, 32)
    )
}

fn progress(size: u64) -> String {
    let s = c::pip_size(size);
    let (num, unit) = s.split_once(' ').unwrap_or((&s, ""));
    let speed = if size > 50_000_000 {
        "48.2 MB/s"
    } else {
        "31.6 MB/s"
    };
    format!("   ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ {num}/{num} {unit} {speed} eta 0:00:00\n")
}

/// Where a local project's files go and what it is called, after reading it.
fn local_project(ctx: &mut ProgramCtx<'_, '_>, path: &str) -> Result<Project, String> {
    let abs = ctx.abs(path);
    if !c::is_dir(ctx, &abs) {
        if c::exists(ctx, &abs) {
            return Err(format!(
                "ERROR: Invalid requirement: '{path}'\nHint: It looks like a path. File '{path}' does not exist.\n"
            ));
        }
        return Err(format!(
            "ERROR: Invalid requirement: '{path}'\nHint: It looks like a path. File '{path}' does not exist.\n"
        ));
    }
    project::read(ctx, &abs).ok_or_else(|| project::not_installable(path))
}

#[allow(clippy::too_many_lines)]
fn install(ctx: &mut ProgramCtx<'_, '_>, env: &PyEnv, args: &[String], invoked: &str) -> i32 {
    let mut o = match parse_install(ctx, args) {
        Ok(o) => o,
        Err((m, code)) => {
            c::eout(ctx, &m);
            return code;
        }
    };
    if o.reqs.is_empty() && o.locals.is_empty() {
        c::eout(
            ctx,
            "ERROR: You must give at least one requirement to install (see \"pip help install\")\n",
        );
        return 1;
    }
    let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
    let root = ctx.user.uid == 0;
    // PEP 668
    if o.target.is_none()
        && o.prefix.is_none()
        && !o.break_system
        && let Some(text) = pyenv::externally_managed(ctx, env)
    {
        c::eout(ctx, &externally_managed_error(&text));
        return 1;
    }
    // where to install
    let mut site = env.site();
    let mut bin = env.bin();
    let mut user_install = o.user;
    if o.user && env.venv {
        c::eout(
            ctx,
            "ERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.\n",
        );
        return 1;
    }
    if !o.user && o.target.is_none() && !root {
        let writable = ctx
            .rt
            .fs
            .stat(&site)
            .ok()
            .or_else(|| ctx.rt.fs.stat(c::parent(&site)).ok());
        let ok = writable.is_some_and(|st| crate::exec::resolve::access(&ctx.user, &st, 0o2));
        if !ok {
            if env.venv {
                c::eout(
                    ctx,
                    &format!(
                        "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '{site}'\nCheck the permissions.\n\n"
                    ),
                );
                return 1;
            }
            c::out(
                ctx,
                "Defaulting to user installation because normal site-packages is not writeable",
            );
            user_install = true;
        }
    }
    if user_install {
        site = env.user_site(&home);
        bin = format!("{home}/.local/bin");
    }
    if let Some(t) = &o.target {
        site = ctx.abs(t);
        bin = format!("{site}/bin");
    }
    if let Some(p) = &o.prefix {
        let p = ctx.abs(p);
        site = format!("{p}/lib/python{}/site-packages", env.short);
        bin = format!("{p}/bin");
    }
    // local projects
    let mut projects: Vec<(Project, bool, String)> = Vec::new();
    let locals = std::mem::take(&mut o.locals);
    for (path, extras, editable) in &locals {
        match local_project(ctx, path) {
            Ok(p) => {
                for d in &p.deps {
                    if let Ok(req) = Requirement::parse(d) {
                        o.reqs.push(Want {
                            req,
                            from: Some(p.name.clone()),
                        });
                    }
                }
                for e in extras {
                    for d in p.optional.get(e).into_iter().flatten() {
                        if let Ok(req) = Requirement::parse(d) {
                            o.reqs.push(Want {
                                req,
                                from: Some(format!("{}[{e}]", p.name)),
                            });
                        }
                    }
                }
                projects.push((p, *editable, path.clone()));
            }
            Err(m) => {
                c::eout(ctx, &m);
                return 1;
            }
        }
    }
    // already installed
    let mut dirs = vec![site.clone()];
    if !user_install && o.target.is_none() {
        dirs = env.search_dirs(&home);
    }
    let dists = pyenv::installed(ctx, &dirs);
    let installed: BTreeMap<String, (String, String)> = dists
        .iter()
        .map(|d| (normalize(&d.name), (d.version.clone(), d.dir.clone())))
        .collect();
    let ropts = Options {
        python: env.short.clone(),
        python_full: env.full.clone(),
        upgrade: o.upgrade,
        no_deps: o.no_deps,
        pre: o.pre,
        index_urls: o.index_urls.clone(),
        force: o.force,
    };
    let quiet = o.quiet > 0;
    let mut text = String::new();
    for (p, editable, path) in &projects {
        let url = format!("file://{}", p.dir);
        if *editable {
            text.push_str(&format!("Obtaining {url}\n"));
        } else {
            text.push_str(&format!(
                "Processing {}\n",
                if path == "." {
                    p.dir.clone()
                } else {
                    ctx.abs(path)
                }
            ));
        }
        if p.source == "pyproject.toml" {
            let kind = if *editable { "editable " } else { "" };
            for step in [
                "Installing build dependencies",
                &format!("Checking if build backend supports build_{kind}")[..],
                "Getting requirements to build wheel",
                &format!("Preparing {}metadata (pyproject.toml)", kind)[..],
            ] {
                if step.starts_with("Checking") && !*editable {
                    continue;
                }
                let step = if step.starts_with("Getting") && *editable {
                    "Getting requirements to build editable"
                } else {
                    step
                };
                text.push_str(&format!(
                    "  {step}: started\n  {step}: finished with status 'done'\n"
                ));
            }
        } else {
            text.push_str("  Preparing metadata (setup.py): started\n  Preparing metadata (setup.py): finished with status 'done'\n");
        }
    }
    if !ctx.rt.config.network {
        // pip reaches the index before anything else is printed for a remote requirement
        if let Some(w) = o
            .reqs
            .iter()
            .find(|w| !installed.contains_key(&normalize(&w.req.name)) || o.upgrade)
        {
            if !quiet {
                ctx.stdout(text.as_bytes());
            }
            let d = w.req.display();
            let n = w.req.name.clone();
            return offline_failure(ctx, &d, &n);
        }
    }
    let res = match resolve::resolve(&o.reqs, &installed, &ropts) {
        Ok(r) => r,
        Err(Failure::NoMatch { req, versions }) => {
            if !quiet {
                ctx.stdout(text.as_bytes());
            }
            let vs = if versions.is_empty() {
                "none".to_owned()
            } else {
                versions.join(", ")
            };
            c::eout(
                ctx,
                &format!(
                    "ERROR: Could not find a version that satisfies the requirement {req} (from versions: {vs})\nERROR: No matching distribution found for {req}\n"
                ),
            );
            return 1;
        }
        Err(Failure::Conflict { requested, causes }) => {
            if !quiet {
                ctx.stdout(text.as_bytes());
            }
            let mut m = format!(
                "ERROR: Cannot install {} because these package versions have conflicting dependencies.\n\nThe conflict is caused by:\n",
                requested.join(" and ")
            );
            for cause in causes {
                m.push_str(&format!("    {cause}\n"));
            }
            m.push_str("\nTo fix this you could try to:\n1. loosen the range of package versions you've specified\n2. remove package versions to allow pip to attempt to solve the dependency conflict\n\nERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts\n");
            c::eout(ctx, &m);
            return 1;
        }
    };
    // collecting
    let mut downloads = String::new();
    for ev in &res.events {
        match ev {
            Event::Collecting { req, from, pick } => {
                let Some(p) = res.picks.get(*pick) else {
                    continue;
                };
                let from = from
                    .as_ref()
                    .map(|f| format!(" (from {f})"))
                    .unwrap_or_default();
                text.push_str(&format!("Collecting {req}{from}\n"));
                let file = p.pkg.wheel_file(&p.version.text, &env.short);
                let cached = cache_path(&home, &file);
                let meta_size = 1_000 + c::seed_of(&file) % 40_000;
                if c::exists(ctx, &cached) {
                    text.push_str(&format!(
                        "  Using cached {file} ({})\n",
                        c::pip_size(p.wheel)
                    ));
                } else {
                    text.push_str(&format!(
                        "  Downloading {file}.metadata ({})\n",
                        c::pip_size(meta_size)
                    ));
                    downloads.push_str(&format!("Downloading {file} ({})\n", c::pip_size(p.wheel)));
                    c::busy::download(ctx, p.wheel);
                    if p.wheel > 512 * 1024 {
                        downloads.push_str(&progress(p.wheel));
                    }
                }
            }
            Event::Satisfied {
                req,
                dir,
                from,
                version,
            } => {
                let from = from
                    .as_ref()
                    .map(|f| format!(" (from {f})"))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "Requirement already satisfied: {req} in {dir}{from} ({version})\n"
                ));
            }
        }
    }
    text.push_str(&downloads);
    if !projects.is_empty() {
        let built: Vec<&Project> = projects
            .iter()
            .filter(|(_, e, _)| !*e)
            .map(|(p, _, _)| p)
            .collect();
        let edit: Vec<&Project> = projects
            .iter()
            .filter(|(_, e, _)| *e)
            .map(|(p, _, _)| p)
            .collect();
        if !built.is_empty() || !edit.is_empty() {
            let names: Vec<String> = projects.iter().map(|(p, _, _)| p.name.clone()).collect();
            text.push_str(&format!(
                "Building wheels for collected packages: {}\n",
                names.join(", ")
            ));
            for (p, editable, _) in &projects {
                let kind = if *editable { "editable" } else { "wheel" };
                let backend = if p.source == "setup.py" {
                    "setup.py"
                } else {
                    "pyproject.toml"
                };
                let stem = p.name.replace('-', "_");
                let size = p.size + 1_200;
                let digest = format!(
                    "{:016x}{:016x}{:016x}{:016x}",
                    c::seed_of(&p.name),
                    c::seed_of(&p.version),
                    c::seed_of(&p.dir),
                    c::seed_of(&format!("{}{}", p.name, p.dir))
                );
                text.push_str(&format!(
                    "  Building {kind} for {} ({backend}): started\n  Building {kind} for {} ({backend}): finished with status 'done'\n  Created wheel for {}: filename={stem}-{}-0.editable-py3-none-any.whl size={size} sha256={digest}\n  Stored in directory: /tmp/pip-ephem-wheel-cache-{}/wheels/{}\n",
                    p.name,
                    p.name,
                    p.name,
                    p.version,
                    &digest.get(..8).unwrap_or(""),
                    &digest.get(8..10).unwrap_or("")
                ).replace("-0.editable-py3", if *editable { "-0.editable-py3" } else { "-py3" }));
            }
            text.push_str(&format!("Successfully built {}\n", names.join(" ")));
        }
    }
    let order = resolve::install_order(&res.picks);
    let to_install: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| res.picks.get(*i).is_some_and(|p| p.installed.is_none()))
        .collect();
    let mut names: Vec<String> = to_install
        .iter()
        .filter_map(|i| res.picks.get(*i))
        .map(|p| p.pkg.name.clone())
        .collect();
    names.extend(projects.iter().map(|(p, _, _)| p.name.clone()));
    if o.dry_run {
        let mut items: Vec<String> = to_install
            .iter()
            .filter_map(|i| res.picks.get(*i))
            .map(|p| format!("{}-{}", p.pkg.name, p.version))
            .collect();
        drydock_text::sort::sort(&mut items);
        if !items.is_empty() {
            text.push_str(&format!("Would install {}\n", items.join(" ")));
        }
        if !quiet {
            ctx.stdout(text.as_bytes());
        }
        return 0;
    }
    if !names.is_empty() {
        text.push_str(&format!(
            "Installing collected packages: {}\n",
            names.join(", ")
        ));
    }
    if !quiet {
        ctx.stdout(text.as_bytes());
    }
    let mut done: Vec<String> = Vec::new();
    let mut warnings = String::new();
    for i in &to_install {
        let Some(p) = res.picks.get(*i) else { continue };
        // an older version elsewhere on the path is uninstalled first (same dir only)
        if let Some(old) = pyenv::find(&dists, &p.pkg.name)
            && old.dir == site
        {
            let line = format!(
                "  Attempting uninstall: {}\n    Found existing installation: {} {}\n    Uninstalling {}-{}:\n      Successfully uninstalled {}-{}\n",
                p.pkg.name, old.name, old.version, old.name, old.version, old.name, old.version
            );
            if !quiet {
                ctx.stdout(line.as_bytes());
            }
        }
        let _ = pyenv::install_dist(
            ctx,
            env,
            &site,
            &bin,
            p.pkg,
            &p.version.text,
            p.size,
            "pip",
            &p.requires,
        );
        if !o.no_cache {
            let file = p.pkg.wheel_file(&p.version.text, &env.short);
            let path = cache_path(&home, &file);
            let mut w = install::Written::default();
            install::blob(ctx, &path, p.wheel, &format!("pip cache: {file}"), &mut w);
            if ctx.user.uid != 0 {
                let (u, g) = (ctx.user.uid, ctx.user.gid);
                let _ = ctx.fs().chown(&path, u, g);
            }
        }
        if !o.no_warn_script && !p.pkg.scripts.is_empty() && bin != c::parent(&env.python) {
            let path_var = ctx.get_env("PATH").unwrap_or("").to_owned();
            if !path_var.split(':').any(|d| d.trim_end_matches('/') == bin) {
                let list = p.pkg.scripts.join(", ");
                let (what, verb) = if p.pkg.scripts.len() == 1 {
                    ("script", "is")
                } else {
                    ("scripts", "are")
                };
                warnings.push_str(&format!("  WARNING: The {what} {list} {verb} installed in '{bin}' which is not on PATH.\n  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.\n"));
            }
        }
        done.push(format!("{}-{}", p.pkg.name, p.version));
    }
    for (p, editable, _) in &projects {
        install_project(ctx, env, &site, &bin, p, *editable);
        done.push(format!("{}-{}", p.name, p.version));
    }
    if !warnings.is_empty() {
        c::eout(ctx, &warnings);
    }
    if user_install && ctx.user.uid != 0 {
        let (u, g) = (ctx.user.uid, ctx.user.gid);
        for path in c::walk(ctx, &format!("{home}/.local")) {
            let _ = ctx.fs().chown(&path, u, g);
        }
    }
    drydock_text::sort::sort(&mut done);
    if !done.is_empty() && !quiet {
        c::out(ctx, &format!("Successfully installed {}", done.join(" ")));
    }
    if root && !env.venv && !o.root_ignore && o.target.is_none() {
        c::eout(ctx, ROOT_WARNING);
    }
    notice(ctx, env, &o, invoked);
    0
}

/// pip's self-version check notice (python images only; Debian's pip has it disabled).
fn notice(ctx: &mut ProgramCtx<'_, '_>, env: &PyEnv, o: &Opts, invoked: &str) {
    if o.no_version_check || env.system || !ctx.rt.config.network || o.quiet > 0 {
        return;
    }
    let latest = pip_index().pip_latest.clone();
    let cur = pip_version(ctx, env);
    let newer =
        matches!((Version::parse(&latest), Version::parse(&cur)), (Some(l), Some(c)) if l > c);
    if newer {
        let cmd = if invoked.contains("python") {
            format!("{invoked} -m pip")
        } else {
            invoked.to_owned()
        };
        c::eout(
            ctx,
            &format!(
                "\n[notice] A new release of pip is available: {cur} -> {latest}\n[notice] To update, run: {cmd} install --upgrade pip\n"
            ),
        );
    }
}

/// Installs a local project (a copy of its packages, or an editable `.pth`).
fn install_project(
    ctx: &mut ProgramCtx<'_, '_>,
    env: &PyEnv,
    site: &str,
    bin: &str,
    p: &Project,
    editable: bool,
) {
    let stem = p.name.replace(['-', '.'], "_").to_lowercase();
    let info = format!("{site}/{stem}-{}.dist-info", p.version);
    let mut w = install::Written::default();
    let mut meta = format!(
        "Metadata-Version: 2.4\nName: {}\nVersion: {}\n",
        p.name, p.version
    );
    for d in &p.deps {
        meta.push_str(&format!("Requires-Dist: {d}\n"));
    }
    install::text(ctx, &format!("{info}/METADATA"), &meta, 0o644, &mut w);
    install::text(ctx, &format!("{info}/INSTALLER"), "pip\n", 0o644, &mut w);
    if editable {
        install::text(
            ctx,
            &format!("{site}/__editable__.{stem}-{}.pth", p.version),
            &format!("{}\n", p.module_root),
            0o644,
            &mut w,
        );
        install::text(
            ctx,
            &format!("{info}/direct_url.json"),
            &format!(
                "{{\"dir_info\": {{\"editable\": true}}, \"url\": \"file://{}\"}}",
                p.dir
            ),
            0o644,
            &mut w,
        );
    } else {
        for m in &p.modules {
            let src = c::join(&p.module_root, m);
            let src_file = format!("{src}.py");
            let from = if c::is_dir(ctx, &src) {
                src.clone()
            } else {
                src_file.clone()
            };
            for path in c::walk(ctx, &from) {
                let rel = path
                    .strip_prefix(&p.module_root)
                    .unwrap_or(&path)
                    .to_owned();
                let dst = format!("{site}{rel}");
                match ctx.rt.fs.lstat(&path) {
                    Ok(st) if st.kind == crate::fs::Kind::Dir => {
                        let _ = c::mkdir_p_root(ctx, &dst);
                    }
                    Ok(_) => {
                        let _ = c::mkdir_p_root(ctx, c::parent(&dst));
                        let m = c::root_meta(ctx, 0o644);
                        let _ = ctx.fs().copy_file(&path, &dst, m);
                    }
                    Err(_) => {}
                }
            }
        }
    }
    for (name, target) in &p.scripts {
        let module = target.split(':').next().unwrap_or("main");
        install::text(
            ctx,
            &format!("{bin}/{name}"),
            &pyenv::script_text(&env.python, module),
            0o755,
            &mut w,
        );
    }
    let record: String = w.paths.iter().map(|x| format!("{x},,\n")).collect();
    install::text(ctx, &format!("{info}/RECORD"), &record, 0o644, &mut w);
}

fn uninstall(ctx: &mut ProgramCtx<'_, '_>, env: &PyEnv, args: &[String]) -> i32 {
    let yes = args.iter().any(|a| a == "-y" || a == "--yes");
    let mut names: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .cloned()
        .collect();
    let mut k = 0;
    while let Some(a) = args.get(k) {
        if a == "-r"
            && let Some(f) = args.get(k + 1)
        {
            {
                let abs = ctx.abs(f);
                if let Ok(t) = c::read_text(ctx, &abs) {
                    names.extend(
                        t.lines()
                            .filter_map(|l| Requirement::parse(l).ok())
                            .map(|r| r.name),
                    );
                }
                names.retain(|n| n != f);
            }
        }
        k += 1;
    }
    if names.is_empty() {
        c::eout(
            ctx,
            "ERROR: You must give at least one requirement to uninstall (see \"pip help uninstall\")\n",
        );
        return 1;
    }
    if let Some(text) = pyenv::externally_managed(ctx, env)
        && !args.iter().any(|a| a == "--break-system-packages")
    {
        c::eout(ctx, &externally_managed_error(&text));
        return 1;
    }
    let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
    let dists = pyenv::installed(ctx, &env.search_dirs(&home));
    for n in names {
        let Some(d) = pyenv::find(&dists, &n).cloned() else {
            c::eout(
                ctx,
                &format!("WARNING: Skipping {n} as it is not installed.\n"),
            );
            continue;
        };
        if !yes {
            c::out(
                ctx,
                &format!(
                    "Found existing installation: {} {}\nUninstalling {}-{}:\n  Would remove:\n    {}/{}\nProceed (Y/n)? ",
                    d.name,
                    d.version,
                    d.name,
                    d.version,
                    d.dir,
                    c::base(&d.info)
                ),
            );
            c::eout(
                ctx,
                "ERROR: Exception:\nEOFError: EOF when reading a line\n",
            );
            return 2;
        }
        pyenv::uninstall_dist(ctx, &d.info);
        c::out(
            ctx,
            &format!(
                "Found existing installation: {} {}\nUninstalling {}-{}:\n  Successfully uninstalled {}-{}",
                d.name, d.version, d.name, d.version, d.name, d.version
            ),
        );
    }
    let ignore = ctx.get_env("PIP_ROOT_USER_ACTION") == Some("ignore")
        || args.iter().any(|a| a == "--root-user-action=ignore");
    if ctx.user.uid == 0 && !env.venv && !ignore {
        c::eout(ctx, ROOT_WARNING);
    }
    0
}

fn list(ctx: &mut ProgramCtx<'_, '_>, env: &PyEnv, freeze: bool) -> i32 {
    let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
    let mut dists = pyenv::installed(ctx, &env.search_dirs(&home));
    drydock_text::sort::sort_by_key(&mut dists, |d| d.name.to_lowercase());
    dists.dedup_by(|a, b| normalize(&a.name) == normalize(&b.name));
    if freeze {
        let mut s = String::new();
        for d in dists.iter().filter(|d| {
            !matches!(
                normalize(&d.name).as_str(),
                "pip" | "setuptools" | "wheel" | "distribute"
            )
        }) {
            s.push_str(&format!("{}=={}\n", d.name, d.version));
        }
        ctx.stdout(s.as_bytes());
        return 0;
    }
    let w = dists.iter().map(|d| d.name.len()).max().unwrap_or(7).max(7);
    let v = dists
        .iter()
        .map(|d| d.version.len())
        .max()
        .unwrap_or(7)
        .max(7);
    let mut s = format!(
        "{:<w$} {:<v$}\n{} {}\n",
        "Package",
        "Version",
        "-".repeat(w),
        "-".repeat(v)
    );
    for d in &dists {
        s.push_str(&format!("{:<w$} {}\n", d.name, d.version));
    }
    ctx.stdout(s.as_bytes());
    0
}

fn show(ctx: &mut ProgramCtx<'_, '_>, env: &PyEnv, names: &[String]) -> i32 {
    let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
    let dists = pyenv::installed(ctx, &env.search_dirs(&home));
    let mut s = String::new();
    let mut missing = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let Some(d) = pyenv::find(&dists, n) else {
            missing.push(n.clone());
            continue;
        };
        let pkg = pip_index().get(&d.name);
        let requires: Vec<String> = pkg
            .map(|p| {
                p.requires_for(&d.version)
                    .iter()
                    .filter_map(|r| Requirement::parse(r).ok())
                    .filter(|r| r.marker.is_none())
                    .map(|r| r.name)
                    .collect()
            })
            .unwrap_or_default();
        let required_by: Vec<String> = dists
            .iter()
            .filter(|o| {
                pip_index().get(&o.name).is_some_and(|p| {
                    p.requires_for(&o.version).iter().any(|r| {
                        Requirement::parse(r)
                            .is_ok_and(|r| normalize(&r.name) == normalize(&d.name))
                    })
                })
            })
            .map(|o| o.name.clone())
            .collect();
        if i > 0 {
            s.push_str("---\n");
        }
        s.push_str(&format!(
            "Name: {}\nVersion: {}\nSummary: {}\nHome-page: \nAuthor: \nAuthor-email: \nLicense: \nLocation: {}\nRequires: {}\nRequired-by: {}\n",
            d.name,
            d.version,
            pkg.map_or("", |p| p.summary.as_str()),
            d.dir,
            requires.join(", "),
            required_by.join(", ")
        ));
    }
    ctx.stdout(s.as_bytes());
    if !missing.is_empty() {
        c::eout(
            ctx,
            &format!("WARNING: Package(s) not found: {}\n", missing.join(", ")),
        );
        return 1;
    }
    0
}

/// Runs pip for the environment `env` (`invoked` is how pip was named, for messages).
pub(crate) fn run_in(
    ctx: &mut ProgramCtx<'_, '_>,
    env: &PyEnv,
    invoked: &str,
    args: &[String],
) -> i32 {
    let mut i = 0;
    // global options before the command
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "--no-cache-dir"
            | "--disable-pip-version-check"
            | "-q"
            | "--quiet"
            | "-v"
            | "--verbose"
            | "--isolated"
            | "--no-input"
            | "--no-color" => i += 1,
            "--root-user-action" | "--cache-dir" | "--timeout" | "--retries" => i += 2,
            "-V" | "--version" => {
                let v = pip_version(ctx, env);
                c::out(
                    ctx,
                    &format!("pip {v} from {}/pip (python {})", env.site(), env.short),
                );
                return 0;
            }
            "-h" | "--help" => break,
            _ => break,
        }
    }
    let globals: Vec<String> = args.get(..i).unwrap_or(&[]).to_vec();
    let cmd = args.get(i).cloned().unwrap_or_default();
    let mut rest: Vec<String> = globals;
    rest.extend(args.get(i + 1..).unwrap_or(&[]).iter().cloned());
    match cmd.as_str() {
        "install" => install(ctx, env, &rest, invoked),
        "uninstall" => uninstall(ctx, env, &rest),
        "list" => list(ctx, env, rest.iter().any(|a| a == "--format=freeze")),
        "freeze" => list(ctx, env, true),
        "show" => {
            let names: Vec<String> = rest
                .iter()
                .filter(|a| !a.starts_with('-'))
                .cloned()
                .collect();
            if names.is_empty() {
                c::eout(ctx, "ERROR: Please provide a package name or names.\n");
                return 1;
            }
            show(ctx, env, &names)
        }
        "cache" => {
            let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
            match rest.first().map(String::as_str) {
                Some("purge") => {
                    let dir = format!("{home}/.cache/pip");
                    let n = c::walk(ctx, &dir).len().saturating_sub(1);
                    c::remove_tree(ctx, &dir);
                    c::out(ctx, &format!("Files removed: {n} (0 bytes)"));
                }
                Some("dir") => c::out(ctx, &format!("{home}/.cache/pip")),
                _ => {}
            }
            0
        }
        "config" | "check" | "debug" | "download" | "wheel" | "index" | "inspect" | "hash" => {
            if cmd == "check" {
                c::out(ctx, "No broken requirements found.");
            }
            0
        }
        "" | "help" => {
            c::out(
                ctx,
                "\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  download                    Download packages.\n  uninstall                   Uninstall packages.\n  freeze                      Output installed packages in requirements format.\n  inspect                     Inspect the python environment.\n  list                        List installed packages.\n  show                        Show information about installed packages.\n  check                       Verify installed packages have compatible dependencies.\n  config                      Manage local and global configuration.\n  search                      Search PyPI for packages.\n  cache                       Inspect and manage pip's wheel cache.\n  index                       Inspect information available from package indexes.\n  wheel                       Build wheels from your requirements.\n  hash                        Compute hashes of package archives.\n  completion                  A helper command used for command completion.\n  debug                       Show information useful for debugging.\n  help                        Show help for commands.\n",
            );
            0
        }
        other => {
            c::eout(ctx, &format!("ERROR: unknown command \"{other}\"\n"));
            1
        }
    }
}

/// The `pip` program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let invoked = c::prog(argv);
    let Some(env) = pyenv::from_exe(ctx) else {
        c::err(ctx, &invoked, "no Python interpreter found for this pip");
        return 1;
    };
    run_in(ctx, &env, &invoked, argv.get(1..).unwrap_or(&[]))
}
