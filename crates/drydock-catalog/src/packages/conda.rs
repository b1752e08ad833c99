//! The conda catalog (`data/conda.json`): conda-only packages (python, pytorch-cuda, mkl, …)
//! with versions, sizes and dependencies; Python packages not listed here are taken from the
//! PyPI catalog with a conda size factor.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/conda.json");

/// The catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CondaIndex {
    #[serde(default)]
    pub note: String,
    /// Installed size of a PyPI package as a conda package, in percent of the wheel install.
    #[serde(default)]
    pub pip_size_percent: u64,
    pub packages: BTreeMap<String, CondaPackage>,
}

/// One package.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CondaPackage {
    pub version: String,
    /// Installed bytes.
    pub size: u64,
    #[serde(default)]
    pub deps: Vec<String>,
    #[serde(default)]
    pub channel: String,
}

/// The built-in conda catalog.
pub fn conda_index() -> &'static CondaIndex {
    static INDEX: OnceLock<CondaIndex> = OnceLock::new();
    INDEX.get_or_init(|| super::parse_or_default(DATA))
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<CondaIndex, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}
