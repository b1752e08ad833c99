//! DD001 `copy-before-install`: source code is copied into a stage before its dependencies are
//! installed, so every code change invalidates the install step's cache.
use crate::learn::Lx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use drydock_syntax::instructions::Command;
use drydock_text::TextRange;

pub static META: RuleMeta = learner_rule!(
    "DD001", "copy-before-install", Warning,
    description: "Source code copied before the dependency install defeats the build cache",
    url: "https://docs.docker.com/build/cache/optimize/#order-your-layers",
    hint: "Copy only the dependency files (requirements.txt, pyproject.toml) first, install, then COPY the rest.",
    explanation: "Docker reuses a cached step only if the step and everything before it are unchanged; for COPY, unchanged means the copied files have the same content. When the whole project is copied before `pip install`, editing any source file changes that COPY, so the install after it runs again from scratch on every build: minutes of downloads for a one-line code change. Copying the dependency list alone first lets the install stay cached until the list itself changes.",
    fix: "Split the copy: `COPY requirements.txt .` → `RUN pip install -r requirements.txt` → `COPY . .`.",
    show_me: Some(ShowMe {
        scenario: "Edit {file} and rebuild: every step from line {copy_line} runs again, including the dependency install on line {install_line}.",
        actions: &[Action::Build, Action::EditFile { path: "{file}" }, Action::Build],
    }),
);

const MANIFESTS: [&str; 24] = [
    "pyproject.toml",
    "setup.py",
    "setup.cfg",
    "poetry.lock",
    "poetry.toml",
    "uv.lock",
    "uv.toml",
    "pdm.lock",
    "pipfile",
    "pipfile.lock",
    ".python-version",
    "package.json",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    ".npmrc",
    "go.mod",
    "go.sum",
    "cargo.toml",
    "cargo.lock",
    "gemfile",
    "gemfile.lock",
    "requirements",
];

const CODE_EXT: [&str; 14] = [
    "py", "ipynb", "js", "mjs", "ts", "tsx", "jsx", "go", "rs", "java", "r", "rb", "php", "cpp",
];

/// Whether a COPY source is a dependency manifest (or a file the install needs, like README).
pub fn is_manifest(src: &str) -> bool {
    let base = src
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    MANIFESTS.contains(&base.as_str())
        || (base.contains("requirements") || base.starts_with("constraints"))
            && (base.ends_with(".txt") || base.ends_with(".in"))
        || (base.starts_with("environment") || base.starts_with("conda"))
            && (base.ends_with(".yml") || base.ends_with(".yaml"))
        || base.starts_with("readme")
        || base.starts_with("license")
}

/// Whether a COPY source brings in code: the context root, a directory, a wildcard or a source
/// file.
fn is_code_like(lx: &Lx<'_, '_, '_>, src: &str) -> bool {
    let s = src.trim_start_matches("./");
    if s.is_empty() || s == "." || s.contains('*') || src.ends_with('/') {
        return true;
    }
    if let Some(ctx) = &lx.model.context
        && let Some(e) = ctx.iter().find(|e| e.path == s.trim_end_matches('/'))
    {
        return e.is_dir;
    }
    let base = s.rsplit('/').next().unwrap_or(s);
    match base.rsplit_once('.') {
        Some((_, ext)) => CODE_EXT.contains(&ext.to_ascii_lowercase().as_str()),
        None => true,
    }
}

/// Whether a command installs dependencies.
pub fn is_install(program: &str, args: &[String]) -> bool {
    let first = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(String::as_str);
    let pip = program == "pip"
        || program
            .strip_prefix("pip")
            .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'));
    match program {
        _ if pip => first == Some("install"),
        "uv" => {
            matches!(first, Some("sync" | "add"))
                || first == Some("pip") && args.iter().any(|a| a == "install")
        }
        "poetry" | "pipenv" | "pdm" | "npm" | "yarn" | "pnpm" | "bundle" => {
            matches!(first, Some("install" | "ci" | "sync" | "add"))
                || program == "yarn" && first.is_none()
        }
        "conda" | "mamba" | "micromamba" => {
            matches!(first, Some("install" | "env" | "create" | "update"))
        }
        "apt-get" | "apt" | "yum" | "dnf" => first == Some("install"),
        "apk" => first == Some("add"),
        _ => false,
    }
}

/// A file of the copied tree a learner could edit (for the show-me scenario).
fn example_file(lx: &Lx<'_, '_, '_>, src: &str) -> String {
    let s = src.trim_start_matches("./").trim_end_matches('/');
    if let Some(ctx) = &lx.model.context {
        let under = |p: &str| s.is_empty() || s == "." || p == s || p.starts_with(&format!("{s}/"));
        if let Some(e) = ctx.iter().find(|e| {
            !e.is_dir
                && under(&e.path)
                && e.path
                    .rsplit_once('.')
                    .is_some_and(|(_, x)| CODE_EXT.contains(&x))
        }) {
            return e.path.clone();
        }
    }
    if s.is_empty() || s == "." || s.contains('*') || src.ends_with('/') {
        "app.py".to_owned()
    } else {
        s.to_owned()
    }
}

/// The package ecosystem of an install command.
fn family(program: &str) -> &'static str {
    match program {
        "npm" | "yarn" | "pnpm" => "node",
        "apt-get" | "apt" | "yum" | "dnf" | "apk" => "system",
        "conda" | "mamba" | "micromamba" => "conda",
        "bundle" => "ruby",
        _ => "python",
    }
}

pub fn check(lx: &Lx<'_, '_, '_>, sink: &mut Sink) {
    for s in 0..lx.model.stages.len() {
        let mut copied: Option<(usize, TextRange, String)> = None;
        // Ecosystems installed before any code was copied: a later install of the same one is
        // the project itself (`uv sync --no-install-project` first, then `uv sync`).
        let mut installed: Vec<&str> = Vec::new();
        for (i, ins) in lx.stage_instructions(s) {
            let sources = match &ins.command {
                Some(Command::Copy(c)) if c.from.is_none() => &c.sources,
                Some(Command::Add(a)) => &a.sources,
                Some(Command::Run(_)) => {
                    let families: Vec<&str> = lx
                        .commands(i)
                        .iter()
                        .filter_map(|c| c.program().filter(|(p, a)| is_install(p, a)))
                        .map(|(p, _)| family(p))
                        .collect();
                    if families.is_empty() {
                        continue;
                    }
                    let Some((c, range, file)) = &copied else {
                        installed.extend(families);
                        continue;
                    };
                    if families.iter().all(|f| installed.contains(f)) {
                        continue;
                    }
                    let copy_line = lx.cx.ins(*c).map_or(0, |x| x.start_line);
                    let msg = format!(
                        "Source files are copied here before the dependency install on line {}: every code change re-runs the install",
                        ins.start_line
                    );
                    if let Some(f) = sink.report(&META, lx.at(*c, *range), msg) {
                        f.params = vec![
                            ("file", file.clone()),
                            ("copy_line", copy_line.to_string()),
                            ("install_line", ins.start_line.to_string()),
                        ];
                    }
                    break;
                }
                _ => continue,
            };
            if copied.is_some() {
                continue;
            }
            let code: Vec<_> = sources
                .iter()
                .filter(|a| !a.value.contains("://"))
                .filter(|a| !is_manifest(&a.value) && is_code_like(lx, &a.value))
                .collect();
            if let (Some(first), Some(last)) = (code.first(), code.last()) {
                copied = Some((
                    i,
                    first.span.cover(last.span),
                    example_file(lx, &first.value),
                ));
            }
        }
    }
}
