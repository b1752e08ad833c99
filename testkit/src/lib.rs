//! Test harness shared by Drydock's crates: where the conformance data lives, reading its TSV rows,
//! the divergence list in `docs/divergences.md`, and a `Suite` that runs one named test per case and
//! prints `conformance FILE PASSED/TOTAL` lines (contracts.md, "Conformance runners").
//!
//! This crate does file IO and is used only by tests, benches and xtask; it lives outside `crates/`
//! so the pure core never depends on it at run time.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use libtest_mimic;
pub use serde_json::{self, Value};

/// The workspace root (the folder holding the root `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| here.to_path_buf())
}

/// Where the BuildKit conformance data lives: `$DRYDOCK_CONFORMANCE`, else
/// `../shared/conformance/buildkit/` beside the repository root.
///
/// Returns `None` (after saying so loudly on stderr) when the folder is missing; under `CI=true` a
/// missing folder is a hard failure instead.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("DRYDOCK_CONFORMANCE") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => workspace_root().join("../shared/conformance/buildkit"),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "conformance data not found at {} (set DRYDOCK_CONFORMANCE); CI=true makes this fatal",
            dir.display()
        );
    }
    eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    eprintln!("!! conformance data not found at {}", dir.display());
    eprintln!("!! set DRYDOCK_CONFORMANCE to run the conformance suite: SKIPPED");
    eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    None
}

/// The real-Dockerfile corpus beside the repository (`../shared/corpus/`), if present.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("DRYDOCK_CORPUS") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => workspace_root().join("../shared/corpus"),
    };
    dir.is_dir().then_some(dir)
}

/// One data row of a `cases-*.tsv` file: every field is a JSON value.
#[derive(Debug, Clone)]
pub struct Row {
    /// File name relative to the data folder, e.g. `cases-expose.tsv`.
    pub file: String,
    /// 1-based physical line number in the file.
    pub line: usize,
    columns: Arc<Vec<String>>,
    fields: Vec<Value>,
}

impl Row {
    /// The field of column `name`; `Value::Null` when the column does not exist.
    pub fn get(&self, name: &str) -> &Value {
        static NULL: Value = Value::Null;
        self.columns
            .iter()
            .position(|c| c == name)
            .and_then(|i| self.fields.get(i))
            .unwrap_or(&NULL)
    }

    /// The field of column `name` as a string (empty when not a string).
    pub fn str(&self, name: &str) -> &str {
        self.get(name).as_str().unwrap_or("")
    }

    /// The case id used in test names and in `docs/divergences.md`: `FILE:LINE`.
    pub fn id(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// All fields in column order.
    pub fn fields(&self) -> &[Value] {
        &self.fields
    }
}

/// Reads a `cases-*.tsv` file: the first `#` line names the columns, later `#` lines are comments,
/// every other non-empty line is a row of TAB-separated JSON values.
pub fn read_tsv(dir: &Path, file: &str) -> Result<Vec<Row>, String> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut columns: Option<Arc<Vec<String>>> = None;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix('#') {
            if columns.is_none() {
                columns = Some(Arc::new(
                    rest.trim().split('\t').map(str::to_owned).collect(),
                ));
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let fields = line
            .split('\t')
            .map(|f| serde_json::from_str(f).map_err(|e| format!("{file}:{}: {e}", i + 1)))
            .collect::<Result<Vec<Value>, String>>()?;
        rows.push(Row {
            file: file.to_owned(),
            line: i + 1,
            columns: columns.clone().unwrap_or_default(),
            fields,
        });
    }
    Ok(rows)
}

/// The case ids listed in `docs/divergences.md` (first column of its tables, in backticks).
#[derive(Debug, Default, Clone)]
pub struct Divergences {
    ids: BTreeMap<String, String>,
}

impl Divergences {
    /// Loads `docs/divergences.md` from the workspace root (empty when the file does not exist).
    pub fn load() -> Self {
        let path = workspace_root().join("docs/divergences.md");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        Self::parse(&text)
    }

    /// Parses table rows of the form ``| `case-id` | reason |``.
    pub fn parse(text: &str) -> Self {
        let mut ids = BTreeMap::new();
        for line in text.lines() {
            let Some(rest) = line.trim().strip_prefix("| `") else {
                continue;
            };
            let Some((id, tail)) = rest.split_once('`') else {
                continue;
            };
            let reason = tail
                .trim()
                .trim_start_matches('|')
                .trim()
                .trim_end_matches('|')
                .trim();
            ids.insert(id.to_owned(), reason.to_owned());
        }
        Self { ids }
    }

    /// The recorded reason when `id` is listed.
    pub fn reason(&self, id: &str) -> Option<&str> {
        self.ids.get(id).map(String::as_str)
    }
}

/// What a case found.
pub type CaseResult = Result<(), String>;

struct FileCount {
    total: usize,
    passed: Arc<AtomicUsize>,
}

/// A conformance suite: one named libtest-mimic trial per case, and one
/// `conformance FILE PASSED/TOTAL` line per data file at the end.
pub struct Suite {
    trials: Vec<libtest_mimic::Trial>,
    files: BTreeMap<String, FileCount>,
    order: Vec<String>,
    divergences: Divergences,
    used: BTreeSet<String>,
}

impl Default for Suite {
    fn default() -> Self {
        Self::new()
    }
}

impl Suite {
    /// A suite that consults `docs/divergences.md`.
    pub fn new() -> Self {
        Self {
            trials: Vec::new(),
            files: BTreeMap::new(),
            order: Vec::new(),
            divergences: Divergences::load(),
            used: BTreeSet::new(),
        }
    }

    fn count(&mut self, file: &str) -> &mut FileCount {
        if !self.files.contains_key(file) {
            self.order.push(file.to_owned());
        }
        self.files
            .entry(file.to_owned())
            .or_insert_with(|| FileCount {
                total: 0,
                passed: Arc::new(AtomicUsize::new(0)),
            })
    }

    /// Registers a data file even when it has no cases, so that it gets its summary line.
    pub fn file(&mut self, file: &str) {
        self.count(file);
    }

    /// Adds one case. `id` is the case id (`FILE:LINE` for TSV rows, the folder path for case folders);
    /// `check` returns `Ok(())` when Drydock meets the expectation.
    ///
    /// A case listed in `docs/divergences.md` is asserted to diverge: the trial fails if it now
    /// conforms (so the list stays honest), and it never counts as passed.
    pub fn case(
        &mut self,
        file: &str,
        id: &str,
        label: &str,
        check: impl FnOnce() -> CaseResult + Send + 'static,
    ) {
        let passed = {
            let c = self.count(file);
            c.total += 1;
            Arc::clone(&c.passed)
        };
        let name = if label.is_empty() {
            id.to_owned()
        } else {
            format!("{id} {label}")
        };
        let diverges = self.divergences.reason(id).map(str::to_owned);
        if diverges.is_some() {
            self.used.insert(id.to_owned());
        }
        let trial = libtest_mimic::Trial::test(name, move || match (check(), diverges) {
            (Ok(()), None) => {
                passed.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
            (Err(e), None) => Err(e.into()),
            (Ok(()), Some(_)) => Err(
                "listed in docs/divergences.md but Drydock now conforms: remove it from the list"
                    .into(),
            ),
            (Err(_), Some(_)) => Ok(()),
        });
        self.trials.push(trial);
    }

    /// Counts a case that does not apply to Drydock (Windows-only rows): it is part of TOTAL and
    /// never passes, and no trial is created for it.
    pub fn not_applicable(&mut self, file: &str) {
        self.count(file).total += 1;
    }

    /// Runs every trial, prints the summary lines and exits with libtest's status.
    pub fn run(self) -> ! {
        let args = libtest_mimic::Arguments::from_args();
        let listing = args.list;
        let ran = self.trials.len();
        let conclusion = libtest_mimic::run(&args, self.trials);
        if !listing {
            for file in &self.order {
                if let Some(c) = self.files.get(file) {
                    println!(
                        "conformance {file} {}/{}",
                        c.passed.load(Ordering::Relaxed),
                        c.total
                    );
                }
            }
            println!("conformance cases run: {ran}");
        }
        conclusion.exit()
    }
}

/// Runs `body` to build a suite when the conformance data exists; otherwise exits 0 after the loud
/// notice from [`conformance_dir`].
pub fn conformance_main(body: impl FnOnce(&Path, &mut Suite)) -> ! {
    let Some(dir) = conformance_dir() else {
        std::process::exit(0)
    };
    let mut suite = Suite::new();
    body(&dir, &mut suite);
    suite.run()
}

/// Recursively lists the case folders under `dir` that contain a file named `marker`, sorted.
pub fn case_folders(dir: &Path, marker: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() && p.join(marker).is_file() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divergence_rows_are_read_from_tables() {
        let d = Divergences::parse(
            "# x\n| case | reason |\n|---|---|\n| `cases-build.tsv:12` | needs a shell |\n",
        );
        assert_eq!(d.reason("cases-build.tsv:12"), Some("needs a shell"));
        assert_eq!(d.reason("cases-build.tsv:13"), None);
    }
}
