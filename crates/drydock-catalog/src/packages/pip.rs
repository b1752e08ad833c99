//! The PyPI catalog (`data/pip.json`): projects with their versions (current ones from the
//! environment library's `pypi.tsv`), approximate installed and wheel sizes, import names,
//! requirements, extras and console scripts. Names are looked up PEP 503-normalised.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::pep440::{Version, expand_versions};

const DATA: &str = include_str!("../../data/pip.json");

/// The whole PyPI catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PipIndex {
    #[serde(default)]
    pub note: String,
    /// How sizes were estimated (shown by the UI next to sizes).
    #[serde(default)]
    pub size_note: String,
    /// The newest pip (for pip's "A new release of pip is available" notice).
    #[serde(default)]
    pub pip_latest: String,
    pub packages: Vec<PipPackage>,
}

/// Wheels served by another index (e.g. PyTorch's CPU-only wheels).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexVariant {
    /// A substring of the index URL that selects this variant (`download.pytorch.org/whl/cpu`).
    pub index: String,
    /// Local version label appended to the version (`cpu` → `2.9.0+cpu`).
    #[serde(default)]
    pub local: String,
    pub size: u64,
    pub wheel: u64,
    /// Requirement names (or `prefix*`) this variant does not have.
    #[serde(default)]
    pub drop: Vec<String>,
}

/// One project.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PipPackage {
    /// The name as the project's metadata spells it.
    pub name: String,
    #[serde(default)]
    pub summary: String,
    /// Compact version list (see [`expand_versions`]); the last is the newest.
    pub versions: String,
    /// Approximate installed size in bytes.
    pub size: u64,
    /// Approximate wheel (download) size in bytes.
    pub wheel: u64,
    /// `py` (pure), `cp` (CPython-specific), `abi3` or `bin` (platform wheel without ABI).
    #[serde(default)]
    pub kind: String,
    /// Importable top-level modules (dotted for namespace packages: `google.cloud.storage`).
    #[serde(default)]
    pub import: Vec<String>,
    /// PEP 508 requirements (the current release's).
    #[serde(default)]
    pub requires: Vec<String>,
    /// Requirements of specific older releases where they differ (version → requirements).
    #[serde(default)]
    pub requires_at: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub extras: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub scripts: Vec<String>,
    #[serde(default)]
    pub variants: Vec<IndexVariant>,
}

/// PEP 503 normalisation: lowercase, runs of `-`, `_`, `.` become `-`.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut sep = false;
    for c in name.chars() {
        if c == '-' || c == '_' || c == '.' {
            sep = true;
            continue;
        }
        if sep && !out.is_empty() {
            out.push('-');
        }
        sep = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

impl PipIndex {
    /// The project named `name` (any spelling).
    pub fn get(&self, name: &str) -> Option<&PipPackage> {
        let n = normalize(name);
        self.packages.iter().find(|p| normalize(&p.name) == n)
    }

    /// Which project provides an importable module (`cv2` → opencv-python…).
    pub fn providers_of(&self, module: &str) -> Vec<&PipPackage> {
        self.packages
            .iter()
            .filter(|p| {
                p.import
                    .iter()
                    .any(|m| m == module || module.starts_with(&format!("{m}.")))
            })
            .collect()
    }
}

impl PipPackage {
    /// The requirements of `version`: its own list when the data has one, else the current.
    pub fn requires_for(&self, version: &str) -> &[String] {
        self.requires_at.get(version).unwrap_or(&self.requires)
    }

    /// Every known version, oldest first.
    pub fn all_versions(&self) -> Vec<Version> {
        let mut v: Vec<Version> = expand_versions(&self.versions)
            .iter()
            .filter_map(|s| Version::parse(s))
            .collect();
        drydock_text::sort::sort(&mut v);
        v
    }

    /// The newest version.
    pub fn latest(&self) -> Option<Version> {
        self.all_versions().pop()
    }

    /// The variant served by an index URL, if any.
    pub fn variant_for(&self, index_url: &str) -> Option<&IndexVariant> {
        self.variants
            .iter()
            .find(|v| !v.index.is_empty() && index_url.contains(&v.index))
    }

    /// The wheel file name for `version` on CPython `py` (`3.11`) linux/amd64.
    pub fn wheel_file(&self, version: &str, py: &str) -> String {
        let stem = self.name.replace(['-', '.'], "_").to_lowercase();
        let cp = format!("cp{}", py.replace('.', ""));
        let tag = match self.kind.as_str() {
            "cp" => format!("{cp}-{cp}-manylinux_2_17_x86_64.manylinux2014_x86_64"),
            "abi3" => "cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64".to_owned(),
            "bin" => "py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64".to_owned(),
            _ => "py3-none-any".to_owned(),
        };
        format!("{stem}-{version}-{tag}.whl")
    }
}

/// The built-in PyPI catalog.
pub fn pip_index() -> &'static PipIndex {
    static INDEX: OnceLock<PipIndex> = OnceLock::new();
    INDEX.get_or_init(|| super::parse_or_default(DATA))
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<PipIndex, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}
