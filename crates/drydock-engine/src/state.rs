//! The daemon's state, serialisable for the CLI's state file: images and tags, built layers,
//! the build cache, cache-mount contents, pulled base images, containers and volumes, and the
//! virtual clock.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use drydock_vfs::Layer;

use crate::cache::CacheEntry;
use crate::container::Container;
use crate::image::Image;
use crate::volume::Volume;

/// Everything the daemon remembers between commands.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EngineState {
    /// Virtual now, in milliseconds (0 = not started: the config's start is used).
    #[serde(default)]
    pub now_ms: i64,
    /// Builds so far.
    #[serde(default)]
    pub builds: u64,
    /// Images by id (`sha256:…`).
    #[serde(default)]
    pub images: BTreeMap<String, Image>,
    /// Full reference (`docker.io/library/app:latest`) → image id.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// Built layers by diff id (base image layers come from the catalog).
    #[serde(default)]
    pub layers: BTreeMap<String, Layer>,
    /// Cache entries by key.
    #[serde(default)]
    pub cache: BTreeMap<String, CacheEntry>,
    /// Cache mounts (`RUN --mount=type=cache`) by id: their files as a layer.
    #[serde(default)]
    pub cache_mounts: BTreeMap<String, Layer>,
    /// Digests of base images already pulled.
    #[serde(default)]
    pub pulled: BTreeSet<String>,
    /// Content checksums of context files sent so far (for "transferring context" sizes).
    #[serde(default)]
    pub context_sent: BTreeMap<String, String>,
    /// Containers by id.
    #[serde(default)]
    pub containers: BTreeMap<String, Container>,
    /// Volumes by name.
    #[serde(default)]
    pub volumes: BTreeMap<String, Volume>,
    /// Sequence for container/volume ids and names (drawn from the seeded config).
    #[serde(default)]
    pub container_seq: u64,
}
