//! The data shape of the catalog: base images with their config, history (some entries carry a
//! layer) and the named filesystem fragments layers are made of.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::skeleton::Entry;

/// The whole catalog (see `data/images.json`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Catalog {
    /// Provenance of the data.
    #[serde(default)]
    pub note: String,
    /// Common misspellings of repository names → the intended name (shown as "did you mean").
    #[serde(default)]
    pub suggestions: BTreeMap<String, String>,
    /// Named filesystem fragments, shared between images.
    #[serde(default)]
    pub fragments: BTreeMap<String, Vec<Entry>>,
    #[serde(default)]
    pub images: Vec<BaseImage>,
}

/// One simulated image (one platform: linux/amd64).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BaseImage {
    /// Full repository name, e.g. `docker.io/library/python`.
    pub repository: String,
    /// Every tag that names this image (aliases: `3.11-slim` and `3.11-slim-trixie`).
    pub tags: Vec<String>,
    /// The manifest digest (`sha256:…`, Drydock's own).
    pub digest: String,
    pub os: String,
    pub architecture: String,
    #[serde(default)]
    pub variant: String,
    pub config: ImageConfig,
    pub history: Vec<HistoryItem>,
}

impl BaseImage {
    /// The layers, lowest first.
    pub fn layers(&self) -> impl Iterator<Item = &LayerSpec> {
        self.history.iter().filter_map(|h| h.layer.as_ref())
    }

    /// Size as `docker images` shows it: the sum of the uncompressed layer sizes.
    pub fn size(&self) -> u64 {
        self.layers().map(|l| l.size).sum()
    }

    /// Download size: the sum of the compressed layer sizes.
    pub fn compressed_size(&self) -> u64 {
        self.layers().map(|l| l.compressed).sum()
    }

    /// When the image was created: its last history entry.
    pub fn created(&self) -> i64 {
        self.history.last().map_or(0, |h| h.created)
    }

    /// The repository as people write it (`python` for `docker.io/library/python`).
    pub fn familiar_repo(&self) -> &str {
        self.repository
            .strip_prefix("docker.io/library/")
            .or_else(|| self.repository.strip_prefix("docker.io/"))
            .unwrap_or(&self.repository)
    }

    /// The familiar name with the first tag (`python:3.11-slim`).
    pub fn familiar(&self) -> String {
        format!(
            "{}:{}",
            self.familiar_repo(),
            self.tags.first().map_or("latest", String::as_str)
        )
    }
}

/// The image config fields Drydock models (Docker's names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageConfig {
    #[serde(rename = "User", default)]
    pub user: String,
    #[serde(rename = "ExposedPorts", default)]
    pub exposed_ports: Vec<String>,
    #[serde(rename = "Env", default)]
    pub env: Vec<String>,
    #[serde(rename = "Entrypoint", default)]
    pub entrypoint: Option<Vec<String>>,
    #[serde(rename = "Cmd", default)]
    pub cmd: Option<Vec<String>>,
    #[serde(rename = "Volumes", default)]
    pub volumes: Vec<String>,
    #[serde(rename = "WorkingDir", default)]
    pub working_dir: String,
    #[serde(rename = "Labels", default)]
    pub labels: BTreeMap<String, String>,
    #[serde(rename = "StopSignal", default)]
    pub stop_signal: String,
    #[serde(rename = "Shell", default)]
    pub shell: Vec<String>,
    #[serde(rename = "OnBuild", default)]
    pub on_build: Vec<String>,
}

/// One history entry; entries that created a layer carry it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HistoryItem {
    /// Seconds since the epoch (virtual).
    pub created: i64,
    pub created_by: String,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub layer: Option<LayerSpec>,
}

/// A layer: which fragments it holds and how big it is.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LayerSpec {
    /// Uncompressed size in bytes (files and symlinks), as `docker history` shows it.
    pub size: u64,
    /// Compressed (download) size in bytes.
    pub compressed: u64,
    /// Fragment names, applied in order.
    #[serde(default)]
    pub fragments: Vec<String>,
    /// A synthetic file that makes the layer's files add up to `size` (the bulk of a real
    /// image: libraries, locales, docs).
    #[serde(default)]
    pub filler: Option<String>,
}
