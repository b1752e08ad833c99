//! The Debian/Ubuntu package catalog (`data/apt.json`): real `Installed-Size`, `.deb` size,
//! `Depends` (+`Pre-Depends`) and `Recommends` from `apt-cache show` on Debian 12 (bookworm),
//! dependency alternatives already resolved to the package apt picks; the packages every Debian
//! base image has; the index files `apt-get update` downloads per suite; and what some packages
//! install (program executables, special files) as skeleton entries.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::skeleton::Entry;

const DATA: &str = include_str!("../../data/apt.json");

/// One index file `apt-get update` stores in `/var/lib/apt/lists`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ListFile {
    pub file: String,
    pub size: u64,
    /// The `Get:` line's URL part (`http://deb.debian.org/debian bookworm InRelease`).
    pub url: String,
    /// Download size shown in `Get:` lines (`[151 kB]`).
    pub download: u64,
}

/// The catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AptIndex {
    #[serde(default)]
    pub note: String,
    /// Packages installed in every Debian/Ubuntu base image (dependencies on them are met).
    #[serde(default)]
    pub base: Vec<String>,
    /// Index files per suite (`bookworm`, `trixie`, `jammy`, `noble`).
    #[serde(default)]
    pub suites: BTreeMap<String, Vec<ListFile>>,
    pub packages: Vec<AptPackage>,
    /// Package → what it installs besides its generic payload.
    #[serde(default)]
    pub contents: BTreeMap<String, Vec<Entry>>,
    /// Virtual package → the package apt installs for it.
    #[serde(default)]
    pub provides: BTreeMap<String, String>,
}

/// One binary package.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AptPackage {
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "v")]
    pub version: String,
    /// Installed size in KiB.
    #[serde(rename = "i")]
    pub installed_kib: u64,
    /// `.deb` size in bytes.
    #[serde(rename = "s")]
    pub deb_size: u64,
    /// Space-separated dependencies (Pre-Depends and Depends).
    #[serde(rename = "d", default)]
    pub depends: String,
    /// Space-separated recommends.
    #[serde(rename = "r", default)]
    pub recommends: String,
    #[serde(rename = "sec", default)]
    pub section: String,
    /// `all` for architecture-independent packages (empty means `amd64`).
    #[serde(rename = "a", default)]
    pub arch: String,
    /// `Multi-Arch: same` (dpkg names it `name:amd64`).
    #[serde(rename = "ma", default)]
    pub multi_arch: u8,
    #[serde(default)]
    pub desc: String,
}

impl AptPackage {
    pub fn depends(&self) -> impl Iterator<Item = &str> {
        self.depends.split_whitespace()
    }

    pub fn recommends(&self) -> impl Iterator<Item = &str> {
        self.recommends.split_whitespace()
    }
}

impl AptIndex {
    /// A package by name (or the package that provides a virtual name).
    pub fn get(&self, name: &str) -> Option<&AptPackage> {
        let name = self.provides.get(name).map_or(name, String::as_str);
        self.packages
            .binary_search_by(|p| p.name.as_str().cmp(name))
            .ok()
            .and_then(|i| self.packages.get(i))
    }

    /// Whether `name` is part of every base image.
    pub fn is_base(&self, name: &str) -> bool {
        self.base.iter().any(|b| b == name)
    }

    /// The index files of a suite (bookworm's when the suite is unknown).
    pub fn lists(&self, suite: &str) -> &[ListFile] {
        self.suites
            .get(suite)
            .or_else(|| self.suites.get("bookworm"))
            .map_or(&[], Vec::as_slice)
    }
}

/// The built-in Debian catalog (packages sorted by name).
pub fn apt_index() -> &'static AptIndex {
    static INDEX: OnceLock<AptIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut i: AptIndex = super::parse_or_default(DATA);
        drydock_text::sort::sort_by(&mut i.packages, |a, b| a.name.cmp(&b.name));
        i
    })
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<AptIndex, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}
