//! `drydock lint [FILE] [--format text|json]`: lints one Dockerfile (default `./Dockerfile`) with
//! the working directory as its build context — syntax errors, BuildKit's build checks and
//! Drydock's learner rules — printed as `FILE:LINE:COL: severity[CODE]: message` plus an indented
//! `help: …` line (or a JSON array); exits 1 when there are errors, 2 on failure. The facts come
//! from the folder (files, `.dockerignore` through drydock-vfs) and from drydock-catalog.
use drydock_lint::{BuildFacts, ContextEntry, ImageFacts, LintOptions, Platform};
use drydock_text::{Diagnostic, LineIndex};
use drydock_vfs::ignore::{PatternMatcher, read_all};
use std::io::Write;
use std::path::Path;

const USAGE: &str = "Usage: drydock lint [--format text|json] [FILE]";

/// Stop listing the context after this many entries (huge folders stay fast; rules that need
/// the full list then treat the context as unknown).
const MAX_ENTRIES: usize = 100_000;

/// Facts read from the project folder.
struct FolderFacts {
    matcher: Option<PatternMatcher>,
    entries: Option<Vec<ContextEntry>>,
}

fn walk(root: &Path, rel: &str, out: &mut Vec<ContextEntry>) -> bool {
    let dir = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(rel)
    };
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return true;
    };
    let mut names: Vec<(String, bool)> = rd
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            let is_dir = e.file_type().ok()?.is_dir();
            Some((name, is_dir))
        })
        .collect();
    names.sort();
    for (name, is_dir) in names {
        if rel.is_empty() && name == ".drydock" {
            continue;
        }
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        out.push(ContextEntry {
            path: path.clone(),
            is_dir,
        });
        if out.len() > MAX_ENTRIES {
            return false;
        }
        if is_dir && !walk(root, &path, out) {
            return false;
        }
    }
    true
}

impl FolderFacts {
    fn new(dockerfile: &Path) -> Result<Self, String> {
        let root = Path::new(".");
        let mut entries = Vec::new();
        let entries = walk(root, "", &mut entries).then_some(entries);
        // `<Dockerfile>.dockerignore` next to the Dockerfile wins over `.dockerignore`.
        let mut own = dockerfile.as_os_str().to_owned();
        own.push(".dockerignore");
        let candidates = [Path::new(&own).to_path_buf(), root.join(".dockerignore")];
        let mut matcher = None;
        if let Some(text) = candidates.iter().find_map(|p| std::fs::read(p).ok()) {
            let text = String::from_utf8_lossy(&text);
            let patterns = read_all(&text).map_err(|e| format!(".dockerignore: {e}"))?;
            let m = PatternMatcher::new(&patterns).map_err(|e| format!(".dockerignore: {e}"))?;
            matcher = Some(m);
        }
        Ok(Self { matcher, entries })
    }
}

impl BuildFacts for FolderFacts {
    fn base_image(&self, reference: &str, _platform: &Platform) -> Option<ImageFacts> {
        let r = drydock_catalog::parse_normalized_named(reference).ok()?;
        let img = drydock_catalog::catalog().find(&r).ok()?;
        let c = &img.config;
        Some(ImageFacts {
            env: c.env.clone(),
            user: c.user.clone(),
            shell: c.shell.clone(),
            working_dir: c.working_dir.clone(),
            entrypoint: c.entrypoint.clone(),
            cmd: c.cmd.clone(),
            // Official images are multi-platform: whatever is requested is what is pulled.
            platform: None,
        })
    }

    fn dockerignore_patterns(&self) -> Option<Vec<String>> {
        let m = self.matcher.as_ref()?;
        Some(
            m.patterns()
                .iter()
                .map(|p| {
                    if p.exclusion() {
                        format!("!{}", p.as_str())
                    } else {
                        p.as_str().to_owned()
                    }
                })
                .collect(),
        )
    }

    fn is_ignored(&self, path: &str) -> bool {
        self.matcher
            .as_ref()
            .is_some_and(|m| m.matches_or_parent_matches(path).unwrap_or(false))
    }

    fn context_entries(&self) -> Option<Vec<ContextEntry>> {
        self.entries.clone()
    }
}

fn help_of(d: &Diagnostic) -> String {
    if !d.hint.is_empty() {
        return d.hint.clone();
    }
    drydock_lint::rule(&d.code)
        .map(|r| r.hint.to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "see https://docs.docker.com/reference/dockerfile/".to_owned())
}

/// Runs the subcommand; returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let mut json = false;
    let mut file: Option<&str> = None;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        let format = if a == "--format" {
            i += 1;
            match args.get(i) {
                Some(v) => Some(v.as_str()),
                None => {
                    eprintln!("drydock lint: --format needs a value\n{USAGE}");
                    return 2;
                }
            }
        } else {
            a.strip_prefix("--format=")
        };
        if let Some(f) = format {
            json = match f {
                "json" => true,
                "text" => false,
                other => {
                    eprintln!("drydock lint: unknown format {other:?}\n{USAGE}");
                    return 2;
                }
            };
        } else if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return 0;
        } else if a.starts_with('-') {
            eprintln!("drydock lint: unknown flag {a}\n{USAGE}");
            return 2;
        } else if file.replace(a).is_some() {
            eprintln!("drydock lint: one FILE expected\n{USAGE}");
            return 2;
        }
        i += 1;
    }
    let path = file.unwrap_or("Dockerfile");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("drydock lint: cannot read {path}: {e}");
            return 2;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let facts = match FolderFacts::new(Path::new(path)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("drydock lint: {e}");
            return 2;
        }
    };
    let parse = drydock_syntax::parse(&text);
    let report = drydock_lint::lint(&parse, &facts, &LintOptions::check_mode());
    let diags = report.diagnostics();
    let index = LineIndex::new(&text);
    let mut out = std::io::stdout().lock();
    let written = if json {
        let items: Vec<serde_json::Value> = diags
            .iter()
            .map(|d| {
                let start = index.line_col(&text, d.range.start);
                let end = index.line_col(&text, d.range.end);
                serde_json::json!({
                    "file": path,
                    "line": start.line,
                    "column": start.col,
                    "end_line": end.line,
                    "end_column": end.col,
                    "severity": d.severity.as_str(),
                    "code": d.code,
                    "message": d.message,
                    "help": help_of(d),
                    "url": drydock_lint::rule(&d.code).map(|r| r.url).unwrap_or(""),
                })
            })
            .collect();
        match serde_json::to_string_pretty(&items) {
            Ok(s) => writeln!(out, "{s}"),
            Err(e) => {
                eprintln!("drydock lint: cannot serialise the diagnostics: {e}");
                return 2;
            }
        }
    } else {
        let mut r = Ok(());
        for d in &diags {
            let pos = index.line_col(&text, d.range.start);
            r = r.and_then(|()| {
                writeln!(
                    out,
                    "{path}:{}:{}: {}[{}]: {}\n  help: {}",
                    pos.line,
                    pos.col,
                    d.severity.as_str(),
                    d.code,
                    d.message,
                    help_of(d)
                )
            });
        }
        r
    };
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("drydock lint: cannot write output: {e}");
        return 2;
    }
    i32::from(diags.iter().any(Diagnostic::is_error))
}
