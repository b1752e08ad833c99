//! Removing containers: `docker rm` (running ones only with `-f`, which kills them; `-v` removes
//! their anonymous volumes), `--rm` when the process ends, and `docker container prune`.
use super::DaemonError;
use crate::engine::Engine;

impl Engine {
    /// `docker rm [-f] [-v] REF`.
    pub fn remove_container(
        &mut self,
        reference: &str,
        force: bool,
        volumes: bool,
    ) -> Result<(), DaemonError> {
        self.settle();
        let c = self.find_container(reference)?.clone();
        if c.state.running() {
            if !force {
                return Err(DaemonError::new(format!(
                    "cannot remove container \"/{}\": container is running: stop the container before removing or force remove",
                    c.name
                )));
            }
            let at = self.now_ms();
            self.finish_process(&c.id, 137, at);
        }
        let anon: Vec<String> = c
            .mounts
            .iter()
            .filter(|m| m.kind == "volume")
            .filter(|m| {
                self.state
                    .volumes
                    .get(&m.name)
                    .is_some_and(super::super::volume::Volume::anonymous)
            })
            .map(|m| m.name.clone())
            .collect();
        self.remove_container_now(&c.id);
        if volumes || c.host_config.auto_remove {
            for v in anon {
                let _ = self.remove_volume(&v, true);
            }
        }
        Ok(())
    }

    /// Drops a container from the store.
    pub(crate) fn remove_container_now(&mut self, id: &str) {
        let anon_auto: Vec<String> = match self.state.containers.get(id) {
            Some(c) if c.host_config.auto_remove => c
                .mounts
                .iter()
                .filter(|m| m.kind == "volume")
                .map(|m| m.name.clone())
                .collect(),
            _ => Vec::new(),
        };
        self.state.containers.remove(id);
        for v in anon_auto {
            if self
                .state
                .volumes
                .get(&v)
                .is_some_and(super::super::volume::Volume::anonymous)
            {
                let _ = self.remove_volume(&v, true);
            }
        }
    }

    /// `docker container prune`: removes every stopped container; returns their ids and the
    /// bytes their writable layers used.
    pub fn prune_containers(&mut self) -> (Vec<String>, u64) {
        self.settle();
        let ids: Vec<(String, u64)> = self
            .containers()
            .into_iter()
            .filter(|c| !c.state.running())
            .map(|c| (c.id.clone(), c.layer.size()))
            .collect();
        let mut bytes = 0;
        let mut out = Vec::new();
        for (id, size) in ids {
            self.remove_container_now(&id);
            bytes += size;
            out.push(id);
        }
        (out, bytes)
    }
}
