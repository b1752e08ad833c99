//! A local Python project as pip and uv read it: `pyproject.toml` (`[project]` name, version,
//! dependencies, optional dependencies, scripts) or a `setup.py` with literal arguments
//! (`install_requires=[…]`, or requirements read from `requirements.txt`), its importable
//! packages and their size.
use super::toml;
use crate::fs::Kind;
use crate::programs::ProgramCtx;
use crate::programs::common as c;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub(crate) struct Project {
    pub name: String,
    pub version: String,
    pub deps: Vec<String>,
    pub optional: BTreeMap<String, Vec<String>>,
    /// `pyproject.toml` or `setup.py`.
    pub source: String,
    pub dir: String,
    /// Top-level importable packages/modules and the directory holding them.
    pub modules: Vec<String>,
    pub module_root: String,
    pub size: u64,
    pub scripts: Vec<(String, String)>,
    pub requires_python: String,
}

/// Why a directory is not installable (pip's words).
pub(crate) fn not_installable(shown: &str) -> String {
    format!(
        "ERROR: Directory '{shown}' is not installable. Neither 'setup.py' nor 'pyproject.toml' found.\n"
    )
}

fn quoted_after(text: &str, key: &str) -> Option<String> {
    let i = text.find(key)?;
    let rest = text.get(i + key.len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let q = rest.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let body = rest.get(1..)?;
    body.find(q).and_then(|e| body.get(..e)).map(str::to_owned)
}

fn list_after(text: &str, key: &str) -> Option<Vec<String>> {
    let i = text.find(key)?;
    let rest = text
        .get(i + key.len()..)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let body = rest.strip_prefix('[')?;
    let end = body.find(']')?;
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut q: Option<char> = None;
    for ch in body.get(..end)?.chars() {
        match q {
            Some(qc) if ch == qc => {
                out.push(std::mem::take(&mut cur));
                q = None;
            }
            Some(_) => cur.push(ch),
            None if ch == '"' || ch == '\'' => q = Some(ch),
            None => {}
        }
    }
    Some(out)
}

/// Reads the project in `dir` (absolute).
pub(crate) fn read(ctx: &ProgramCtx<'_, '_>, dir: &str) -> Option<Project> {
    let mut p = Project {
        dir: dir.to_owned(),
        version: "0.0.0".into(),
        ..Project::default()
    };
    let py = c::join(dir, "pyproject.toml");
    let setup = c::join(dir, "setup.py");
    if let Ok(text) = c::read_text(ctx, &py) {
        let doc = toml::parse(&text);
        if let Some(proj) = doc.get("project") {
            p.name = proj
                .get("name")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned();
            if let Some(v) = proj.get("version").and_then(|v| v.as_str()) {
                p.version = v.to_owned();
            }
            p.deps = proj
                .get("dependencies")
                .map(toml::Val::strings)
                .unwrap_or_default();
            if let Some(toml::Val::Table(t)) = proj.get("optional-dependencies") {
                for (k, v) in t {
                    p.optional.insert(k.clone(), v.strings());
                }
            }
            if let Some(toml::Val::Table(t)) = proj.get("scripts") {
                for (k, v) in t {
                    p.scripts
                        .push((k.clone(), v.as_str().unwrap_or("").to_owned()));
                }
            }
            p.requires_python = proj
                .get("requires-python")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned();
        }
        if p.name.is_empty() {
            p.name = doc
                .path("tool.poetry.name")
                .and_then(|v| v.as_str())
                .unwrap_or("UNKNOWN")
                .to_owned();
        }
        p.source = "pyproject.toml".into();
    } else if let Ok(text) = c::read_text(ctx, &setup) {
        p.name = quoted_after(&text, "name").unwrap_or_else(|| "UNKNOWN".into());
        if let Some(v) = quoted_after(&text, "version") {
            p.version = v;
        }
        p.deps = match list_after(&text, "install_requires") {
            Some(l) => l,
            None if text.contains("requirements.txt") => {
                c::read_text(ctx, &c::join(dir, "requirements.txt"))
                    .map(|t| {
                        t.lines()
                            .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
                            .filter(|l| !l.is_empty() && !l.starts_with('-'))
                            .collect()
                    })
                    .unwrap_or_default()
            }
            None => Vec::new(),
        };
        p.source = "setup.py".into();
    } else {
        return None;
    }
    // importable packages: src/ layout or top-level packages and modules
    let src = c::join(dir, "src");
    p.module_root = if c::is_dir(ctx, &src) {
        src
    } else {
        dir.to_owned()
    };
    let skip = [
        "tests",
        "test",
        "docs",
        "build",
        "dist",
        "venv",
        ".venv",
        "node_modules",
        "__pycache__",
    ];
    for n in ctx.rt.fs.read_dir(&p.module_root).unwrap_or_default() {
        if n.starts_with('.') || skip.contains(&n.as_str()) {
            continue;
        }
        let path = c::join(&p.module_root, &n);
        let is_pkg = matches!(ctx.rt.fs.stat(&path), Ok(s) if s.kind == Kind::Dir)
            && c::exists(ctx, &c::join(&path, "__init__.py"));
        if is_pkg {
            p.modules.push(n.clone());
        } else if let Some(m) = n.strip_suffix(".py")
            && m != "setup"
            && p.module_root == dir
            && p.modules.is_empty()
        {
            p.modules.push(m.to_owned());
        }
    }
    p.size = p
        .modules
        .iter()
        .flat_map(|m| {
            let base = c::join(&p.module_root, m);
            let mut v = c::walk(ctx, &base);
            v.push(format!("{base}.py"));
            v
        })
        .filter_map(|f| ctx.rt.fs.lstat(&f).ok())
        .filter(|s| s.kind == Kind::File)
        .map(|s| s.size)
        .sum();
    Some(p)
}
