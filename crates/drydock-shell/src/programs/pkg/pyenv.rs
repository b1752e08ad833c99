//! A Python environment as pip, uv and python see it in the filesystem: the interpreter (its
//! version from the program identity), prefix and site-packages, virtual environments
//! (`pyvenv.cfg`), PEP 668 `EXTERNALLY-MANAGED` markers, installed distributions
//! (`*.dist-info/METADATA`) and console scripts.
use crate::fs::Kind;
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, install::Written};
use drydock_catalog::packages::{PipPackage, normalize};

/// One Python installation or virtual environment.
#[derive(Debug, Clone)]
pub(crate) struct PyEnv {
    /// `sys.prefix` (`/usr/local`, `/usr`, `/opt/venv`).
    pub prefix: String,
    /// `3.11`
    pub short: String,
    /// `3.11.14`
    pub full: String,
    pub venv: bool,
    /// Debian/Ubuntu/Alpine system Python (installs go to `/usr/local/lib/pythonX/dist-packages`).
    pub system: bool,
    /// The interpreter path scripts use in their `#!` line.
    pub python: String,
    /// Where packages go (`…/site-packages`, or Debian's `/usr/local/lib/pythonX.Y/dist-packages`).
    pub site_dir: String,
}

impl PyEnv {
    /// Where packages are installed.
    pub fn site(&self) -> String {
        self.site_dir.clone()
    }

    /// Every directory on `sys.path` that holds distributions.
    pub fn search_dirs(&self, home: &str) -> Vec<String> {
        let mut v = vec![self.site()];
        if self.venv {
            return v;
        }
        if self.system {
            v.push("/usr/lib/python3/dist-packages".into());
            v.push(format!("/usr/lib/python{}/site-packages", self.short));
        }
        v.push(self.user_site(home));
        v
    }

    /// `~/.local/lib/pythonX.Y/site-packages`.
    pub fn user_site(&self, home: &str) -> String {
        format!("{home}/.local/lib/python{}/site-packages", self.short)
    }

    /// Directory for console scripts.
    pub fn bin(&self) -> String {
        if self.system && !self.venv {
            "/usr/local/bin".into()
        } else {
            format!("{}/bin", self.prefix)
        }
    }
}

/// An installed distribution.
#[derive(Debug, Clone)]
pub(crate) struct Dist {
    pub name: String,
    pub version: String,
    pub dir: String,
    /// The `.dist-info` directory.
    pub info: String,
}

/// Finds the environment of the running `pip`/`python`/`uv` executable (`ctx.path`).
pub(crate) fn from_exe(ctx: &ProgramCtx<'_, '_>) -> Option<PyEnv> {
    let exe = ctx.path.clone();
    env_of_exe(ctx, &exe)
}

/// The environment an interpreter (or pip) at `exe` belongs to.
pub(crate) fn env_of_exe(ctx: &ProgramCtx<'_, '_>, exe: &str) -> Option<PyEnv> {
    let bin = c::parent(exe).to_owned();
    let prefix = c::parent(&bin).to_owned();
    let head = ctx.rt.fs.read_prefix(exe, 512).ok()?;
    let text = String::from_utf8_lossy(&head).into_owned();
    let info = |k: &str| {
        text.lines()
            .skip(1)
            .find_map(|l| l.strip_prefix(k)?.strip_prefix('=').map(str::to_owned))
    };
    let venv_cfg = c::join(&prefix, "pyvenv.cfg");
    let venv = c::exists(ctx, &venv_cfg);
    let mut full = info("version").unwrap_or_default();
    let mut short = info("python").unwrap_or_default();
    if venv && full.is_empty() {
        let cfg = c::read_text(ctx, &venv_cfg).unwrap_or_default();
        if let Some(v) = cfg.lines().find_map(|l| {
            l.strip_prefix("version = ")
                .or_else(|| l.strip_prefix("version_info = "))
        }) {
            full = v.trim().to_owned();
        }
    }
    if full.is_empty() && !short.is_empty() {
        // pip's own identity names the Python minor; the interpreter beside it has the patch
        for cand in [
            format!("{bin}/python{short}"),
            format!("{prefix}/bin/python{short}"),
            format!("/usr/bin/python{short}"),
        ] {
            if let Some(v) = interp_version(ctx, &cand) {
                full = v;
                break;
            }
        }
        if full.is_empty() {
            full = format!("{short}.0");
        }
    }
    if short.is_empty() {
        short = full.split('.').take(2).collect::<Vec<_>>().join(".");
    }
    if short.is_empty() {
        return None;
    }
    let system = !venv && !prefix.starts_with("/usr/local") && prefix != "/opt/conda";
    let python = if venv {
        format!("{prefix}/bin/python")
    } else {
        format!("{bin}/python{short}")
    };
    let debian = c::exists(ctx, "/etc/debian_version")
        || c::read_text(ctx, "/etc/os-release").is_ok_and(|t| t.contains("ID_LIKE=debian"));
    let site_dir = if system && debian {
        format!("/usr/local/lib/python{short}/dist-packages")
    } else {
        format!("{prefix}/lib/python{short}/site-packages")
    };
    Some(PyEnv {
        prefix,
        short,
        full,
        venv,
        system,
        python,
        site_dir,
    })
}

/// The `version=` of a python program file.
pub(crate) fn interp_version(ctx: &ProgramCtx<'_, '_>, path: &str) -> Option<String> {
    let head = ctx.rt.fs.read_prefix(path, 512).ok()?;
    let t = String::from_utf8_lossy(&head).into_owned();
    if !t.starts_with(crate::programs::PROGRAM_MARKER) {
        return None;
    }
    t.lines()
        .find_map(|l| l.strip_prefix("version=").map(str::to_owned))
}

/// The PEP 668 marker text when the environment is externally managed.
pub(crate) fn externally_managed(ctx: &ProgramCtx<'_, '_>, env: &PyEnv) -> Option<String> {
    if env.venv {
        return None;
    }
    let path = format!("/usr/lib/python{}/EXTERNALLY-MANAGED", env.short);
    c::read_text(ctx, &path).ok()
}

/// Distributions installed in `dirs`.
pub(crate) fn installed(ctx: &ProgramCtx<'_, '_>, dirs: &[String]) -> Vec<Dist> {
    let mut out = Vec::new();
    for d in dirs {
        let Ok(names) = ctx.rt.fs.read_dir(d) else {
            continue;
        };
        for n in names {
            let Some(stem) = n.strip_suffix(".dist-info") else {
                continue;
            };
            let info = c::join(d, &n);
            let meta = c::read_text(ctx, &c::join(&info, "METADATA")).unwrap_or_default();
            let field = |k: &str| {
                meta.lines()
                    .find_map(|l| l.strip_prefix(k).map(|v| v.trim().to_owned()))
            };
            let (sn, sv) = stem.rsplit_once('-').unwrap_or((stem, ""));
            out.push(Dist {
                name: field("Name:").unwrap_or_else(|| sn.to_owned()),
                version: field("Version:").unwrap_or_else(|| sv.to_owned()),
                dir: d.clone(),
                info,
            });
        }
    }
    out
}

/// Finds an installed distribution by (normalised) name.
pub(crate) fn find<'a>(dists: &'a [Dist], name: &str) -> Option<&'a Dist> {
    let n = normalize(name);
    dists.iter().find(|d| normalize(&d.name) == n)
}

/// The console script text pip writes (`#!python` + entry point).
pub(crate) fn script_text(python: &str, module: &str) -> String {
    format!(
        "#!{python}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom {module} import main\nif __name__ == \"__main__\":\n    sys.argv[0] = re.sub(r\"(-script\\.pyw|\\.exe)?$\", \"\", sys.argv[0])\n    sys.exit(main())\n"
    )
}

/// Installs one distribution's files into `site` (and scripts into `bin`); returns what was written.
#[allow(clippy::too_many_arguments)]
pub(crate) fn install_dist(
    ctx: &mut ProgramCtx<'_, '_>,
    env: &PyEnv,
    site: &str,
    bin: &str,
    pkg: &PipPackage,
    version: &str,
    size: u64,
    installer: &str,
    requires: &[String],
) -> Written {
    use crate::programs::common::install;
    if installer != "uv" {
        // uv accounts its own (faster) install time
        crate::programs::common::busy::install(ctx, size);
    }
    let mut w = Written::default();
    let stem = pkg.name.replace(['-', '.'], "_").to_lowercase();
    let info = format!("{site}/{stem}-{version}.dist-info");
    // remove an older version first
    let dists = installed(ctx, &[site.to_owned()]);
    if let Some(old) = find(&dists, &pkg.name) {
        let old_info = old.info.clone();
        uninstall_dist(ctx, &old_info);
    }
    let tops: Vec<String> = pkg.import.iter().map(|m| m.replace('.', "/")).collect();
    let n = tops.len().max(1) as u64;
    let share = size.saturating_sub(4096 * n) / n;
    for (k, t) in tops.iter().enumerate() {
        let dir = format!("{site}/{t}");
        install::text(
            ctx,
            &format!("{dir}/__init__.py"),
            &format!("# {} {version}\n", pkg.name),
            0o644,
            &mut w,
        );
        if k == 0 && !pkg.scripts.is_empty() {
            install::text(
                ctx,
                &format!("{dir}/__main__.py"),
                "def main():\n    pass\n",
                0o644,
                &mut w,
            );
        }
        let what = format!("{} {version}: {t}", pkg.name);
        let ext = if pkg.kind == "py" { "py" } else { "so" };
        install::blob(
            ctx,
            &format!("{dir}/_drydock_payload.{ext}"),
            share,
            &what,
            &mut w,
        );
    }
    let mut meta = format!(
        "Metadata-Version: 2.4\nName: {}\nVersion: {version}\n",
        pkg.name
    );
    if !pkg.summary.is_empty() {
        meta.push_str(&format!("Summary: {}\n", pkg.summary));
    }
    for r in requires {
        meta.push_str(&format!("Requires-Dist: {r}\n"));
    }
    install::text(ctx, &format!("{info}/METADATA"), &meta, 0o644, &mut w);
    install::text(
        ctx,
        &format!("{info}/INSTALLER"),
        &format!("{installer}\n"),
        0o644,
        &mut w,
    );
    let tag = pkg.wheel_file(version, &env.short);
    let tag = tag
        .trim_end_matches(".whl")
        .splitn(3, '-')
        .nth(2)
        .unwrap_or("py3-none-any")
        .to_owned();
    install::text(
        ctx,
        &format!("{info}/WHEEL"),
        &format!(
            "Wheel-Version: 1.0\nGenerator: drydock\nRoot-Is-Purelib: {}\nTag: {tag}\n",
            pkg.kind == "py"
        ),
        0o644,
        &mut w,
    );
    let top_level: String = pkg
        .import
        .iter()
        .map(|m| format!("{}\n", m.split('.').next().unwrap_or(m)))
        .collect();
    install::text(
        ctx,
        &format!("{info}/top_level.txt"),
        &top_level,
        0o644,
        &mut w,
    );
    if !pkg.scripts.is_empty() {
        let module = pkg.import.first().cloned().unwrap_or_else(|| stem.clone());
        let mut eps = String::from("[console_scripts]\n");
        for s in &pkg.scripts {
            eps.push_str(&format!("{s} = {module}.__main__:main\n"));
            let path = format!("{bin}/{s}");
            install::text(
                ctx,
                &path,
                &script_text(&env.python, &format!("{module}.__main__")),
                0o755,
                &mut w,
            );
        }
        install::text(
            ctx,
            &format!("{info}/entry_points.txt"),
            &eps,
            0o644,
            &mut w,
        );
    }
    let record: String = w
        .paths
        .iter()
        .map(|p| format!("{},,\n", p.strip_prefix(&format!("{site}/")).unwrap_or(p)))
        .collect();
    let rec_path = format!("{info}/RECORD");
    install::text(
        ctx,
        &rec_path,
        &format!("{record}{stem}-{version}.dist-info/RECORD,,\n"),
        0o644,
        &mut w,
    );
    w
}

/// Removes an installed distribution (the files its RECORD lists, then the dist-info).
pub(crate) fn uninstall_dist(ctx: &mut ProgramCtx<'_, '_>, info: &str) -> Vec<String> {
    let site = c::parent(info).to_owned();
    let record = c::read_text(ctx, &c::join(info, "RECORD")).unwrap_or_default();
    let mut paths: Vec<String> = record
        .lines()
        .filter_map(|l| l.split(',').next())
        .filter(|p| !p.is_empty())
        .map(|p| {
            if p.starts_with('/') {
                p.to_owned()
            } else {
                crate::fs::resolve(&site, p)
            }
        })
        .collect();
    drydock_text::sort::sort(&mut paths);
    paths.dedup();
    for p in paths.iter().rev() {
        let _ = ctx.fs().remove(p);
    }
    // empty package directories and the dist-info itself
    c::remove_tree(ctx, info);
    for p in &paths {
        let d = c::parent(p).to_owned();
        if d != site && matches!(ctx.rt.fs.read_dir(&d), Ok(v) if v.is_empty()) {
            let _ = ctx.fs().remove(&d);
        }
    }
    paths
}

/// Whether a module is importable from `dirs` (a package directory or module file, or a
/// namespace parent of one).
pub(crate) fn importable(ctx: &ProgramCtx<'_, '_>, dirs: &[String], module: &str) -> bool {
    let rel = module.replace('.', "/");
    dirs.iter().any(|d| {
        let p = format!("{d}/{rel}");
        matches!(ctx.rt.fs.stat(&p), Ok(s) if s.kind == Kind::Dir)
            || c::exists(ctx, &format!("{p}.py"))
            || ctx.rt.fs.read_dir(d).is_ok_and(|names| {
                names.iter().any(|n| {
                    n.starts_with(&format!("{}.", rel.rsplit('/').next().unwrap_or(&rel)))
                        && n.ends_with(".so")
                })
            })
    })
}
