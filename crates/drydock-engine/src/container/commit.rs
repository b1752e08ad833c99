//! `docker commit`: a new image from a container — the container's image plus its writable layer
//! (when it changed anything), the container's config (Cmd, Entrypoint, Env, WorkingDir, …) as the
//! image config, a history entry whose `created_by` is the container's Cmd, and the optional
//! `REPO[:TAG]`.
use crate::container::DaemonError;
use crate::engine::Engine;
use crate::image::{History, ImageConfig};

/// `docker commit` options.
#[derive(Debug, Clone, Default)]
pub struct CommitSpec {
    pub author: String,
    pub message: String,
    /// `REPO[:TAG]` to tag the image with.
    pub reference: Option<String>,
}

impl Engine {
    /// Commits a container; returns the new image id.
    pub fn commit_container(
        &mut self,
        reference: &str,
        spec: &CommitSpec,
    ) -> Result<String, DaemonError> {
        self.settle();
        let c = self.find_container(reference)?.clone();
        let base = self
            .state
            .images
            .get(&c.image_id)
            .cloned()
            .ok_or_else(|| DaemonError::new(format!("No such image: {}", c.image_id)))?;
        let layer = c.layer.clone();
        let empty = layer.is_empty();
        let now = self.now_ms();
        let mut img = base.clone();
        img.config = ImageConfig {
            user: c.config.user.clone(),
            exposed_ports: c.config.exposed_ports.clone(),
            env: c.config.env.clone(),
            entrypoint: c.config.entrypoint.clone(),
            cmd: c.config.cmd.clone(),
            volumes: c.config.volumes.clone(),
            working_dir: c.config.working_dir.clone(),
            labels: c.config.labels.clone(),
            stop_signal: c.config.stop_signal.clone(),
            ..base.config.clone()
        };
        img.history.push(History {
            created_ms: now,
            created_by: c.config.cmd.clone().unwrap_or_default().join(" "),
            comment: spec.message.clone(),
            empty_layer: empty,
        });
        if !empty {
            let d = layer.diff_id().to_string();
            img.diff_ids.push(d.clone());
            img.layer_sizes.push(layer.size());
            self.state.layers.insert(d, layer);
        }
        img.created_ms = now;
        img.author = spec.author.clone();
        img.repo_digests = Vec::new();
        img.last_tag_ms = None;
        img.seal();
        let id = img.id.clone();
        self.state.images.insert(id.clone(), img);
        if let Some(r) = &spec.reference {
            self.tag_image(&id, r)?;
        }
        Ok(id)
    }
}
