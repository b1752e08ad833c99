//! `conda` / `mamba` (conda 25): `--version`, `install`, `create -n|-p` (with `python=X.Y`),
//! `env create -f environment.yml` (conda dependencies and a `pip:` list), `clean`. Packages
//! come from the conda catalog (conda-only packages) or the PyPI catalog (Python packages, at
//! the catalog's conda size ratio); conda's package plan, transaction lines and offline
//! `CondaHTTPError`. Without `-y` the plan is accepted as if answered yes (noted).
use super::pyenv::{self, PyEnv};
use super::resolve::{self, Options, Want};
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, install};
use drydock_catalog::packages::{Requirement, conda_index};
use std::collections::BTreeMap;

struct Plan {
    /// name → (version, channel, size)
    conda: BTreeMap<String, (String, String, u64)>,
    pip: Vec<String>,
}

fn spec_name(s: &str) -> (String, String) {
    let s = s.rsplit("::").next().unwrap_or(s);
    let i = s.find(['=', '>', '<', '!', ' ']).unwrap_or(s.len());
    (
        s.get(..i).unwrap_or(s).trim().to_owned(),
        s.get(i..)
            .unwrap_or("")
            .trim_start_matches('=')
            .trim()
            .to_owned(),
    )
}

fn offline(ctx: &mut ProgramCtx<'_, '_>) -> i32 {
    ctx.stdout(
        b"Channels:\n - defaults\nPlatform: linux-64\nCollecting package metadata (repodata.json): failed\n",
    );
    c::eout(
        ctx,
        "\nCondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://repo.anaconda.com/pkgs/main/linux-64/repodata.json>\nElapsed: -\n\nAn HTTP error occurred when trying to retrieve this URL.\nHTTP errors are often intermittent, and a simple retry will get you on your way.\n'https://repo.anaconda.com/pkgs/main/linux-64'\n",
    );
    1
}

fn plan(specs: &[String]) -> Plan {
    let idx = conda_index();
    let mut p = Plan {
        conda: BTreeMap::new(),
        pip: Vec::new(),
    };
    let mut queue: Vec<(String, String)> = specs.iter().map(|s| spec_name(s)).collect();
    while let Some((name, ver)) = queue.pop() {
        // pip and setuptools come with every conda Python
        if p.conda.contains_key(&name) || name == "pip" || name == "setuptools" {
            continue;
        }
        match idx.packages.get(&name) {
            Some(pkg) => {
                let v = if ver.is_empty() || name != "python" || pkg.version.starts_with(&ver) {
                    pkg.version.clone()
                } else if ver.matches('.').count() >= 2 {
                    ver.clone()
                } else {
                    format!("{ver}.0")
                };
                p.conda
                    .insert(name.clone(), (v, pkg.channel.clone(), pkg.size));
                for d in &pkg.deps {
                    queue.push((d.clone(), String::new()));
                }
            }
            None => {
                let r = if ver.is_empty() {
                    name.clone()
                } else if ver.starts_with(['>', '<', '!']) {
                    format!("{name}{ver}")
                } else {
                    format!("{name}=={ver}")
                };
                if !p.pip.iter().any(|x| x == &r) {
                    p.pip.push(r);
                }
            }
        }
    }
    p
}

/// The Python of `prefix` (its `bin/python3`), or one made from the plan's `python`.
fn prefix_python(
    ctx: &mut ProgramCtx<'_, '_>,
    prefix: &str,
    version: Option<&str>,
) -> Option<PyEnv> {
    if let Some(v) = version {
        let short: String = v.split('.').take(2).collect::<Vec<_>>().join(".");
        let exe = format!("{prefix}/bin/python{short}");
        let marker = format!("{}python\nversion={v}\n", crate::programs::PROGRAM_MARKER);
        let mut w = install::Written::default();
        install::text(ctx, &exe, &marker, 0o755, &mut w);
        let m = c::root_meta(ctx, 0o777);
        for n in ["python3", "python"] {
            let link = format!("{prefix}/bin/{n}");
            let _ = ctx.fs().remove(&link);
            let _ = ctx.fs().symlink(&format!("python{short}"), &link, m);
        }
        let _ = c::mkdir_p_root(ctx, &format!("{prefix}/lib/python{short}/site-packages"));
    }
    // a conda prefix is never the system Python, wherever it lives
    pyenv::env_of_exe(ctx, &format!("{prefix}/bin/python3")).map(|mut e| {
        e.system = false;
        e.site_dir = format!("{prefix}/lib/python{}/site-packages", e.short);
        e
    })
}

fn apply(
    ctx: &mut ProgramCtx<'_, '_>,
    prefix: &str,
    specs: &[String],
    pip_extra: &[String],
) -> i32 {
    if specs.is_empty() && pip_extra.is_empty() {
        return 0;
    }
    if !ctx.rt.config.network {
        return offline(ctx);
    }
    let p = plan(specs);
    let python_v = p.conda.get("python").map(|(v, _, _)| v.clone());
    let env = prefix_python(ctx, prefix, python_v.as_deref());
    let mut pip_picks = Vec::new();
    let wants: Vec<Want> = p
        .pip
        .iter()
        .chain(pip_extra.iter())
        .filter_map(|r| Requirement::parse(r).ok())
        .map(|req| Want { req, from: None })
        .collect();
    if !wants.is_empty() {
        let Some(env) = &env else {
            c::eout(
                ctx,
                "\nPackagesNotFoundError: The following packages are not available from current channels:\n\n",
            );
            return 1;
        };
        let opts = Options {
            python: env.short.clone(),
            python_full: env.full.clone(),
            upgrade: false,
            no_deps: false,
            pre: false,
            index_urls: Vec::new(),
            force: false,
        };
        match resolve::resolve(&wants, &BTreeMap::new(), &opts) {
            Ok(r) => pip_picks = r.picks,
            Err(_) => {
                let missing: Vec<String> = p.pip.iter().map(|s| format!("  - {s}")).collect();
                c::out(
                    ctx,
                    "Channels:\n - defaults\nPlatform: linux-64\nCollecting package metadata (repodata.json): done\nSolving environment: failed\n",
                );
                c::eout(
                    ctx,
                    &format!(
                        "\nPackagesNotFoundError: The following packages are not available from current channels:\n\n{}\n\nCurrent channels:\n\n  - defaults\n\nTo search for alternate channels that may provide the conda package you're\nlooking for, navigate to\n\n    https://anaconda.org\n\nand use the search bar at the top of the page.\n\n\n",
                        missing.join("\n")
                    ),
                );
                return 1;
            }
        }
    }
    let pct = conda_index().pip_size_percent;
    let mut text = String::from(
        "Channels:\n - defaults\nPlatform: linux-64\nCollecting package metadata (repodata.json): done\nSolving environment: done\n\n## Package Plan ##\n\n",
    );
    text.push_str(&format!(
        "  environment location: {prefix}\n\n  added / updated specs:\n"
    ));
    let mut shown: Vec<String> = specs.iter().map(|s| spec_name(s).0).collect();
    drydock_text::sort::sort(&mut shown);
    for s in shown {
        text.push_str(&format!("    - {s}\n"));
    }
    text.push_str("\n\nThe following NEW packages will be INSTALLED:\n\n");
    let mut rows: Vec<(String, String)> = Vec::new();
    for (n, (v, ch, _)) in &p.conda {
        rows.push((n.clone(), format!("{ch}/linux-64::{n}-{v}-h0")));
    }
    for pk in &pip_picks {
        let n = pk.pkg.name.to_lowercase();
        rows.push((
            n.clone(),
            format!("pkgs/main/linux-64::{n}-{}-py0", pk.version.text),
        ));
    }
    drydock_text::sort::sort(&mut rows);
    for (n, r) in &rows {
        text.push_str(&format!("  {n:<18} {r}\n"));
    }
    text.push_str("\n\nDownloading and Extracting Packages:\n\nPreparing transaction: done\nVerifying transaction: done\nExecuting transaction: done\n");
    ctx.stdout(text.as_bytes());
    // write the packages
    let mut w = install::Written::default();
    for (n, (v, ch, size)) in &p.conda {
        c::busy::download(ctx, *size / 2);
        c::busy::install(ctx, *size);
        if n != "python" {
            install::blob(
                ctx,
                &format!("{prefix}/lib/lib{n}.so.{v}"),
                *size,
                &format!("conda {n} {v}"),
                &mut w,
            );
        } else {
            install::blob(
                ctx,
                &format!("{prefix}/lib/libpython-{v}.so"),
                *size,
                &format!("conda python {v}"),
                &mut w,
            );
        }
        install::text(
            ctx,
            &format!("{prefix}/conda-meta/{n}-{v}-h0.json"),
            &format!("{{\"name\": \"{n}\", \"version\": \"{v}\", \"channel\": \"{ch}\"}}\n"),
            0o644,
            &mut w,
        );
    }
    if let Some(env) = &env {
        let site = env.site();
        let bin = format!("{prefix}/bin");
        for pk in &pip_picks {
            let size = pk.size * pct / 100;
            let _ = pyenv::install_dist(
                ctx,
                env,
                &site,
                &bin,
                pk.pkg,
                &pk.version.text,
                size,
                "conda",
                &pk.requires,
            );
            install::text(
                ctx,
                &format!(
                    "{prefix}/conda-meta/{}-{}-py0.json",
                    pk.pkg.name.to_lowercase(),
                    pk.version.text
                ),
                "{}\n",
                0o644,
                &mut w,
            );
        }
    }
    0
}

fn base_prefix(ctx: &ProgramCtx<'_, '_>) -> String {
    let bin = c::parent(&ctx.path).to_owned();
    let p = c::parent(&bin).to_owned();
    if p.is_empty() { "/opt/conda".into() } else { p }
}

/// Reads an environment.yml: name, conda dependencies and the `pip:` list.
fn read_env_file(text: &str) -> (Option<String>, Vec<String>, Vec<String>) {
    let mut name = None;
    let mut deps = Vec::new();
    let mut pip = Vec::new();
    let mut section = "";
    let mut in_pip = false;
    for l in text.lines() {
        let t = l.split('#').next().unwrap_or("").trim_end();
        if t.trim().is_empty() {
            continue;
        }
        let indent = t.len() - t.trim_start().len();
        let tt = t.trim();
        if indent == 0 {
            in_pip = false;
            if let Some(v) = tt.strip_prefix("name:") {
                name = Some(v.trim().to_owned());
            }
            section = if tt.starts_with("dependencies:") {
                "deps"
            } else {
                ""
            };
            continue;
        }
        if section != "deps" {
            continue;
        }
        if let Some(item) = tt.strip_prefix("- ") {
            let item = item.trim();
            if item == "pip:" {
                in_pip = true;
            } else if in_pip && indent > 2 {
                pip.push(item.to_owned());
            } else {
                in_pip = false;
                deps.push(item.to_owned());
            }
        }
    }
    (name, deps, pip)
}

/// The `conda` (and `mamba`) program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let prog = c::prog(argv);
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let base = base_prefix(ctx);
    let mut name: Option<String> = None;
    let mut prefix: Option<String> = None;
    let mut file: Option<String> = None;
    let mut yes = ctx
        .get_env("CONDA_ALWAYS_YES")
        .is_some_and(|v| v == "true" || v == "1");
    let mut pos: Vec<String> = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-n" | "--name" => name = it.next().cloned(),
            "-p" | "--prefix" => prefix = it.next().cloned(),
            "-f" | "--file" => file = it.next().cloned(),
            "-c" | "--channel" => {
                it.next();
            }
            "-y" | "--yes" => yes = true,
            s if s.starts_with('-') => {}
            s => pos.push(s.to_owned()),
        }
    }
    let target = |ctx: &ProgramCtx<'_, '_>, name: &Option<String>| match (&prefix, name) {
        (Some(p), _) => ctx.abs(p),
        (None, Some(n)) if n != "base" => format!("{base}/envs/{n}"),
        _ => base.clone(),
    };
    let sub = args.first().map(String::as_str);
    if matches!(sub, Some("install" | "create")) && !yes {
        let line = argv.join(" ");
        ctx.rt.notes.push(format!(
            "`{line}`: no -y, the plan was accepted as if answered yes"
        ));
    }
    match sub {
        Some("--version" | "-V") => {
            let v = c::info(ctx, "banner")
                .or_else(|| {
                    drydock_catalog::packages::texts()
                        .versions
                        .get(&prog)
                        .cloned()
                })
                .unwrap_or_else(|| "conda 25.9.1".into());
            c::out(ctx, &v);
            0
        }
        Some("install") => {
            let t = target(ctx, &name);
            apply(ctx, &t, &pos, &[])
        }
        Some("create") => {
            if name.is_none() && prefix.is_none() {
                c::eout(
                    ctx,
                    "\nCondaValueError: either -n NAME or -p PREFIX option required,\ntry \"conda create -h\" for more details\n\n",
                );
                return 1;
            }
            let t = target(ctx, &name);
            let _ = c::mkdir_p_root(ctx, &format!("{t}/conda-meta"));
            let r = apply(ctx, &t, &pos, &[]);
            if r == 0 {
                let shown = name.clone().unwrap_or_else(|| t.clone());
                ctx.stdout(
                    format!(
                        "#\n# To activate this environment, use\n#\n#     $ conda activate {shown}\n#\n# To deactivate an active environment, use\n#\n#     $ conda deactivate\n"
                    )
                    .as_bytes(),
                );
            }
            r
        }
        Some("env") if pos.first().map(String::as_str) == Some("create") => {
            let f = file.unwrap_or_else(|| "environment.yml".into());
            let path = ctx.abs(&f);
            let Ok(text) = c::read_text(ctx, &path) else {
                c::eout(
                    ctx,
                    &format!("\nEnvironmentFileNotFound: '{path}' file not found\n\n"),
                );
                return 1;
            };
            let (file_name, deps, pip) = read_env_file(&text);
            let n = name.clone().or(file_name);
            let t = target(ctx, &n);
            let _ = c::mkdir_p_root(ctx, &format!("{t}/conda-meta"));
            apply(ctx, &t, &deps, &pip)
        }
        Some("clean") => {
            c::remove_tree(ctx, &format!("{base}/pkgs"));
            0
        }
        Some(other) => {
            let line = argv.join(" ");
            ctx.rt
                .notes
                .push(format!("`{line}`: {prog} {other} is not simulated"));
            c::eout(
                ctx,
                &format!("{prog}: `{other}` is not simulated by Drydock\n"),
            );
            1
        }
        None => {
            c::out(
                ctx,
                &format!("usage: {prog} [-h] [-v] [--no-plugins] [-V] COMMAND ..."),
            );
            0
        }
    }
}
