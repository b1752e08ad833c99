//! `docker rename CONTAINER NEW_NAME`: the daemon's checks (an existing container, a valid
//! name, not its current name, not another container's) and the new name.
use super::DaemonError;
use super::create::{invalid_name, name_in_use, valid_container_name};
use crate::engine::Engine;

impl Engine {
    /// Renames a container; returns its id. `Err` texts are the daemon's.
    pub fn rename_container(
        &mut self,
        reference: &str,
        new_name: &str,
    ) -> Result<String, DaemonError> {
        self.settle();
        let (id, old) = {
            let c = self.find_container(reference)?;
            (c.id.clone(), c.name.clone())
        };
        let bare = new_name.strip_prefix('/').unwrap_or(new_name);
        if !valid_container_name(new_name) {
            return Err(invalid_name(new_name));
        }
        if bare == old {
            return Err(DaemonError::new(
                "Renaming a container with the same name as its current name",
            ));
        }
        if let Some(other) = self.state.containers.values().find(|c| c.name == bare) {
            return Err(DaemonError::new(format!(
                "Error when allocating new name: {}",
                name_in_use(bare, &other.id)
            )));
        }
        if let Some(c) = self.state.containers.get_mut(&id) {
            c.name = bare.to_owned();
        }
        Ok(id)
    }
}
