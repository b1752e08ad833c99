//! Removing and naming images as the classic image store does (moby `daemon/images/
//! image_delete.go`): `docker rmi` untags a reference and deletes the image once nothing names
//! it, with the hard conflicts (a running container) and soft ones (a stopped container, other
//! references) and their texts; `docker tag`; `docker image prune`.
use std::collections::BTreeSet;

use drydock_catalog::familiar_of;

use crate::container::DaemonError;
use crate::engine::Engine;

/// One line of `docker rmi`'s report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    Untagged(String),
    Deleted(String),
}

fn short(id: &str) -> &str {
    let hex = id.strip_prefix("sha256:").unwrap_or(id);
    hex.get(..12).unwrap_or(hex)
}

impl Engine {
    /// Full references (`docker.io/library/app:latest`) of an image.
    fn refs_of(&self, id: &str) -> Vec<String> {
        self.tags_of(id)
    }

    /// Tags an image: `target` is a user reference (`app`, `app:1.0`).
    pub fn tag_image(&mut self, source_id: &str, target: &str) -> Result<(), DaemonError> {
        let r = drydock_catalog::parse_normalized_named(target)
            .map_err(|e| DaemonError::new(e.to_string()))?;
        let full = r.tag_name_only().to_string();
        let now = self.now_ms();
        self.state.tags.insert(full, source_id.to_owned());
        if let Some(img) = self.state.images.get_mut(source_id) {
            img.last_tag_ms = Some(now);
        }
        Ok(())
    }

    fn is_id_prefix(id: &str, reference: &str) -> bool {
        let hex = id.strip_prefix("sha256:").unwrap_or(id);
        !reference.is_empty() && (id.starts_with(reference) || hex.starts_with(reference))
    }

    fn conflict(&self, id: &str, soft: bool, hard: bool, by_id_untag: bool) -> Option<DaemonError> {
        let force_msg = |h: bool| {
            if h {
                "cannot be forced"
            } else {
                "must be forced"
            }
        };
        if hard
            && let Some(c) = self
                .containers()
                .into_iter()
                .find(|c| c.image_id == id && c.state.running())
        {
            return Some(DaemonError::new(format!(
                "conflict: unable to delete {} ({}) - image is being used by running container {}",
                short(id),
                force_msg(true),
                c.short_id()
            )));
        }
        if soft {
            if !by_id_untag && !self.refs_of(id).is_empty() {
                return Some(DaemonError::new(format!(
                    "conflict: unable to delete {} ({}) - image is referenced in multiple repositories",
                    short(id),
                    force_msg(false)
                )));
            }
            if let Some(c) = self
                .containers()
                .into_iter()
                .find(|c| c.image_id == id && !c.state.running())
            {
                return Some(DaemonError::new(format!(
                    "conflict: unable to delete {} ({}) - image is being used by stopped container {}",
                    short(id),
                    force_msg(false),
                    c.short_id()
                )));
            }
        }
        None
    }

    /// The records of deleting image `id` itself (tags, image, unshared layers).
    fn delete_image_now(&mut self, id: &str, out: &mut Vec<Deleted>) {
        for r in self.refs_of(id) {
            self.state.tags.remove(&r);
            out.push(Deleted::Untagged(familiar_of(&r)));
        }
        let Some(img) = self.state.images.remove(id) else {
            return;
        };
        out.push(Deleted::Deleted(img.id.clone()));
        // Layers of pulled images go with the image when no other image uses them; built layers
        // stay referenced by the build cache.
        if img.repo_digests.is_empty() {
            return;
        }
        let used: BTreeSet<String> = self
            .state
            .images
            .values()
            .flat_map(|i| i.diff_ids.iter().cloned())
            .collect();
        let mut chain: Vec<drydock_vfs::Digest> = Vec::new();
        let mut removed = Vec::new();
        for d in &img.diff_ids {
            if let Some(dg) = drydock_vfs::Digest::parse(d) {
                chain.push(dg);
            }
            if !used.contains(d)
                && let Some(c) = drydock_vfs::chain_id(&chain)
            {
                removed.push(c.to_string());
            }
        }
        for c in removed.into_iter().rev() {
            out.push(Deleted::Deleted(c));
        }
    }

    /// `docker rmi [-f] REF`.
    pub fn remove_image(
        &mut self,
        reference: &str,
        force: bool,
    ) -> Result<Vec<Deleted>, DaemonError> {
        self.settle();
        let img = self.image(reference).cloned().ok_or_else(|| {
            DaemonError::new(format!(
                "No such image: {}",
                crate::container::create::no_such_image_ref(reference)
            ))
        })?;
        let id = img.id.clone();
        let mut out = Vec::new();
        let refs = self.refs_of(&id);
        if !Self::is_id_prefix(&id, reference) {
            if !force
                && refs.len() <= 1
                && let Some(c) = self.containers().into_iter().find(|c| c.image_id == id)
            {
                return Err(DaemonError::new(format!(
                    "conflict: unable to remove repository reference \"{reference}\" (must force) - container {} is using its referenced image {}",
                    c.short_id(),
                    short(&id)
                )));
            }
            let full = drydock_catalog::parse_normalized_named(reference)
                .map(|r| r.tag_name_only().to_string())
                .map_err(|e| DaemonError::new(e.to_string()))?;
            self.state.tags.remove(&full);
            out.push(Deleted::Untagged(familiar_of(&full)));
            if !self.refs_of(&id).is_empty() {
                return Ok(out);
            }
            // The image is now untagged: delete it quietly unless something uses it.
            let used = self.containers().iter().any(|c| c.image_id == id);
            if used {
                return Ok(out);
            }
            self.delete_image_now(&id, &mut out);
            return Ok(out);
        }
        // By id.
        if refs.len() > 1 && !force {
            return Err(self
                .conflict(&id, true, false, false)
                .unwrap_or_else(|| DaemonError::new("conflict")));
        }
        if let Some(e) = self.conflict(&id, !force, true, true) {
            return Err(e);
        }
        self.delete_image_now(&id, &mut out);
        Ok(out)
    }

    /// `docker image prune [-a]`: dangling images (or, with `all`, every image no container
    /// uses). Returns the records and bytes reclaimed.
    pub fn prune_images(&mut self, all: bool) -> (Vec<Deleted>, u64) {
        self.settle();
        let used: BTreeSet<String> = self
            .containers()
            .iter()
            .map(|c| c.image_id.clone())
            .collect();
        let ids: Vec<(String, u64)> = self
            .images()
            .into_iter()
            .filter(|i| !used.contains(&i.id) && (all || self.tags_of(&i.id).is_empty()))
            .map(|i| (i.id.clone(), i.size()))
            .collect();
        let mut out = Vec::new();
        let mut bytes = 0;
        for (id, size) in ids {
            self.delete_image_now(&id, &mut out);
            bytes += size;
        }
        (out, bytes)
    }

    /// Build-cache pruning (`docker system prune`, `docker builder prune`): entries whose layer no
    /// image uses (all of them with `all`). Returns BuildKit-style record ids and bytes freed.
    pub fn prune_build_cache(&mut self, all: bool) -> (Vec<String>, u64) {
        let used: BTreeSet<String> = self
            .state
            .images
            .values()
            .flat_map(|i| i.diff_ids.iter().cloned())
            .collect();
        let keys: Vec<String> = self
            .state
            .cache
            .values()
            .filter(|c| all || !used.contains(&c.layer))
            .map(|c| c.key.clone())
            .collect();
        let mut bytes = 0;
        let mut ids = Vec::new();
        let mut g = crate::config::IdGen::new(self.config.seed ^ self.state.container_seq);
        for k in keys {
            if let Some(c) = self.state.cache.remove(&k) {
                bytes += c.size;
                ids.push(g.identity());
            }
        }
        self.state.container_seq += 1;
        (ids, bytes)
    }
}
