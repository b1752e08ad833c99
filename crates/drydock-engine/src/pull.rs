//! `docker pull` (and the pull `docker run`/`docker create` do for a missing image): catalog
//! images enter the image store under their tag; layers BuildKit already fetched for a build
//! "Already exist"; unknown repositories and tags fail with the registry's texts as the daemon
//! reports them.
use crate::container::DaemonError;
use crate::engine::Engine;

/// What a pull did, for the client's progress display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pulled {
    /// The tag (or `latest`) shown in `TAG: Pulling from REPO`.
    pub tag: String,
    /// The repository path shown (`library/python`).
    pub repository: String,
    /// Short layer ids with whether they already existed.
    pub layers: Vec<(String, bool)>,
    /// The manifest digest.
    pub digest: String,
    /// Whether the image was in the store already (`Image is up to date`).
    pub up_to_date: bool,
    /// Familiar name with tag (`python:3.11-slim`).
    pub familiar: String,
    /// Full name (`docker.io/library/python:3.11-slim`).
    pub full: String,
}

impl Engine {
    /// Pulls `reference` from the catalog into the image store.
    pub fn pull(&mut self, reference: &str) -> Result<Pulled, DaemonError> {
        let r = drydock_catalog::parse_normalized_named(reference)
            .map_err(|e| DaemonError::new(e.to_string()))?;
        let r = r.tag_name_only();
        let cat = drydock_catalog::catalog();
        let bi = match cat.find(&r) {
            Ok(bi) => bi,
            Err(drydock_catalog::LookupError::RepositoryNotFound { .. }) => {
                return Err(DaemonError::new(format!(
                    "pull access denied for {}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
                    r.familiar_name()
                )));
            }
            Err(drydock_catalog::LookupError::TagNotFound { .. }) => {
                return Err(DaemonError::new(format!(
                    "manifest for {} not found: manifest unknown: manifest unknown",
                    r.familiar()
                )));
            }
        };
        let full = r.to_string();
        let path = r
            .name()
            .strip_prefix("docker.io/")
            .map_or_else(|| r.name(), str::to_owned);
        let stack = self.base_stack(&bi.digest);
        let rec = crate::base::image_record(bi, &stack);
        let up_to_date = self.state.tags.get(&full) == Some(&rec.id);
        let known =
            self.state.pulled.contains(&bi.digest) || self.state.images.contains_key(&rec.id);
        let layers = bi
            .layers()
            .enumerate()
            .map(|(i, _)| {
                let d = drydock_vfs::Digest::of(format!("{}#{i}", bi.digest).as_bytes()).hex();
                (d.get(..12).unwrap_or(&d).to_owned(), known)
            })
            .collect();
        self.state.pulled.insert(bi.digest.clone());
        self.state.tags.insert(full.clone(), rec.id.clone());
        self.state.images.entry(rec.id.clone()).or_insert(rec);
        Ok(Pulled {
            tag: r.tag.clone().unwrap_or_else(|| "latest".to_owned()),
            repository: path,
            layers,
            digest: bi.digest.clone(),
            up_to_date,
            familiar: r.familiar(),
            full,
        })
    }
}
