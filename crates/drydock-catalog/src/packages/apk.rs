//! The Alpine package catalog (`data/apk.json`): packages with installed and download sizes and
//! dependencies, the packages of the alpine base image, the `APKINDEX` files `apk update`
//! fetches per release, and what packages install (program executables) as skeleton entries.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::skeleton::Entry;

const DATA: &str = include_str!("../../data/apk.json");

/// The catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ApkIndex {
    #[serde(default)]
    pub note: String,
    /// Packages of the alpine base image.
    #[serde(default)]
    pub base: Vec<String>,
    /// Approximate `APKINDEX.tar.gz` sizes of the main and community repositories.
    #[serde(default)]
    pub index_sizes: Vec<u64>,
    /// `OK: N distinct packages available` after `apk update`.
    #[serde(default)]
    pub distinct: u64,
    pub packages: Vec<ApkPackage>,
    #[serde(default)]
    pub contents: BTreeMap<String, Vec<Entry>>,
    /// Virtual names (`so:libc.musl-x86_64.so.1`, `cmd:…`) → package.
    #[serde(default)]
    pub provides: BTreeMap<String, String>,
}

/// One package.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ApkPackage {
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "v")]
    pub version: String,
    /// Installed size in bytes.
    #[serde(rename = "i")]
    pub installed: u64,
    /// Download size in bytes.
    #[serde(rename = "s")]
    pub size: u64,
    #[serde(rename = "d", default)]
    pub depends: String,
    #[serde(default)]
    pub desc: String,
}

impl ApkPackage {
    pub fn depends(&self) -> impl Iterator<Item = &str> {
        self.depends.split_whitespace()
    }
}

impl ApkIndex {
    pub fn get(&self, name: &str) -> Option<&ApkPackage> {
        let name = self.provides.get(name).map_or(name, String::as_str);
        self.packages.iter().find(|p| p.name == name)
    }
}

/// The built-in Alpine catalog.
pub fn apk_index() -> &'static ApkIndex {
    static INDEX: OnceLock<ApkIndex> = OnceLock::new();
    INDEX.get_or_init(|| super::parse_or_default(DATA))
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<ApkIndex, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}
