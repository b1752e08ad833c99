//! What simulated programs print about themselves (`data/programs.json`): `--version` texts by
//! program name, and usage texts, so that a new tool's banner is a data change.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/programs.json");

/// Program texts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Texts {
    #[serde(default)]
    pub note: String,
    /// Program name → its `--version` output (without the final newline).
    #[serde(default)]
    pub versions: BTreeMap<String, String>,
    /// Program name → its usage/help text.
    #[serde(default)]
    pub usage: BTreeMap<String, String>,
}

/// The built-in texts.
pub fn texts() -> &'static Texts {
    static T: OnceLock<Texts> = OnceLock::new();
    T.get_or_init(|| super::parse_or_default(DATA))
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<Texts, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}
