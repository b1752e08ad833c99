//! Volumes: named and anonymous local volumes whose contents are a tree (kept as a layer in the
//! state), created explicitly (`docker volume create`) or on first use by a container (then
//! copied up from the image directory they mount over), with the daemon's name rules, in-use
//! checks and error texts.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use drydock_vfs::{Layer, Tree};

use crate::container::DaemonError;
use crate::engine::Engine;

/// The label Docker puts on anonymous volumes.
pub const ANONYMOUS_LABEL: &str = "com.docker.volume.anonymous";

/// A local volume.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Volume {
    pub name: String,
    pub created_ms: i64,
    /// `None` prints as `null` in `docker volume inspect` (volumes created by `docker run`).
    pub labels: Option<BTreeMap<String, String>>,
    pub options: Option<BTreeMap<String, String>>,
    /// The files (a layer over nothing).
    pub content: Layer,
    /// Whether the contents were initialised (copied up from an image directory) already.
    pub populated: bool,
}

impl Volume {
    pub fn anonymous(&self) -> bool {
        self.labels
            .as_ref()
            .is_some_and(|l| l.contains_key(ANONYMOUS_LABEL))
    }

    /// The folder on the daemon's host.
    pub fn mountpoint(&self) -> String {
        format!("/var/lib/docker/volumes/{}/_data", self.name)
    }

    /// The files as a tree.
    pub fn tree(&self) -> Tree {
        self.content.apply(&Tree::new())
    }

    /// Bytes used.
    pub fn size(&self) -> u64 {
        self.tree().total_size()
    }
}

/// moby's local volume name check.
pub fn validate_name(name: &str) -> Result<(), String> {
    let ok_first = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let ok_rest = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok_first || !ok_rest {
        return Err(format!(
            "create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"
        ));
    }
    if name.chars().count() < 2 {
        return Err(format!(
            "create {name}: volume name is too short, names should be at least two alphanumeric characters"
        ));
    }
    Ok(())
}

impl Engine {
    /// Volumes sorted by name.
    pub fn volumes(&self) -> Vec<&Volume> {
        self.state.volumes.values().collect()
    }

    pub fn volume(&self, name: &str) -> Result<&Volume, DaemonError> {
        self.state
            .volumes
            .get(name)
            .ok_or_else(|| DaemonError::new(format!("get {name}: no such volume")))
    }

    /// `docker volume create [NAME]` (or a volume a container needs): returns the name. An
    /// existing volume is reused.
    pub fn create_volume(
        &mut self,
        name: Option<&str>,
        labels: Option<BTreeMap<String, String>>,
        options: Option<BTreeMap<String, String>>,
    ) -> Result<String, DaemonError> {
        let name = match name {
            Some(n) => {
                validate_name(n).map_err(DaemonError::new)?;
                n.to_owned()
            }
            None => self.next_object_id("volume"),
        };
        if self.state.volumes.contains_key(&name) {
            return Ok(name);
        }
        let now = self.now_ms();
        self.state.volumes.insert(
            name.clone(),
            Volume {
                name: name.clone(),
                created_ms: now,
                labels,
                options,
                content: Layer::from_tree(&Tree::new()),
                populated: false,
            },
        );
        Ok(name)
    }

    /// Containers (ids) that mount a volume.
    pub fn volume_users(&self, name: &str) -> Vec<String> {
        self.state
            .containers
            .values()
            .filter(|c| {
                c.mounts
                    .iter()
                    .any(|m| m.kind == "volume" && m.name == name)
            })
            .map(|c| c.id.clone())
            .collect()
    }

    /// `docker volume rm NAME`.
    pub fn remove_volume(&mut self, name: &str, force: bool) -> Result<(), DaemonError> {
        if !self.state.volumes.contains_key(name) {
            if force {
                return Ok(());
            }
            return Err(DaemonError::new(format!("get {name}: no such volume")));
        }
        let users = self.volume_users(name);
        if !users.is_empty() {
            return Err(DaemonError::new(format!(
                "remove {name}: volume is in use - [{}]",
                users.join(", ")
            )));
        }
        self.state.volumes.remove(name);
        Ok(())
    }

    /// Replaces a volume's files.
    pub fn set_volume_tree(&mut self, name: &str, tree: &Tree) {
        if let Some(v) = self.state.volumes.get_mut(name) {
            v.content = Layer::from_tree(tree);
            v.populated = true;
        }
    }

    /// `docker volume prune` (anonymous unused volumes; `all` for named ones too): the names
    /// removed and the bytes reclaimed.
    pub fn prune_volumes(&mut self, all: bool) -> (Vec<String>, u64) {
        let names: Vec<String> = self
            .state
            .volumes
            .values()
            .filter(|v| (all || v.anonymous()) && self.volume_users(&v.name).is_empty())
            .map(|v| v.name.clone())
            .collect();
        let mut bytes = 0;
        for n in &names {
            if let Some(v) = self.state.volumes.remove(n) {
                bytes += v.size();
            }
        }
        (names, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(validate_name("models").is_ok());
        assert!(validate_name("my_vol-1.x").is_ok());
        assert!(
            validate_name("./models")
                .unwrap_err()
                .contains("includes invalid characters")
        );
        assert!(validate_name("m").unwrap_err().contains("too short"));
    }
}
