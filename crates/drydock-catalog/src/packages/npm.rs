//! The npm catalog (`data/npm.json`): packages web courses install, with versions, approximate
//! unpacked sizes, dependencies (semver ranges) and `bin` commands.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/npm.json");

/// The catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NpmIndex {
    #[serde(default)]
    pub note: String,
    pub packages: Vec<NpmPackage>,
}

/// One package.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NpmPackage {
    pub name: String,
    /// Known versions, space-separated, oldest first.
    pub versions: String,
    /// Unpacked size in bytes.
    pub size: u64,
    /// Dependencies (name → range).
    #[serde(default)]
    pub deps: BTreeMap<String, String>,
    /// Commands it links into `node_modules/.bin`.
    #[serde(default)]
    pub bin: Vec<String>,
}

impl NpmPackage {
    pub fn latest(&self) -> &str {
        self.versions.split_whitespace().last().unwrap_or("0.0.0")
    }
}

impl NpmIndex {
    pub fn get(&self, name: &str) -> Option<&NpmPackage> {
        self.packages.iter().find(|p| p.name == name)
    }
}

/// The built-in npm catalog.
pub fn npm_index() -> &'static NpmIndex {
    static INDEX: OnceLock<NpmIndex> = OnceLock::new();
    INDEX.get_or_init(|| super::parse_or_default(DATA))
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<NpmIndex, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}
