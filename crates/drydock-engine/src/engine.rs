//! The engine: configuration, state (images, cache, layers), the RUN executor, and the image
//! store queries (`docker images`, `docker image inspect`, `docker history`). `build` lives in
//! `solve/`.
use std::collections::BTreeMap;

use drydock_vfs::{LayerStack, Tree};

use crate::config::EngineConfig;
use crate::executor::{RecordingExecutor, RunExecutor};
use crate::image::Image;
use crate::state::EngineState;

/// A `docker build` request.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    /// The build context (the project folder as a tree).
    pub context: Tree,
    /// The Dockerfile's path relative to the context (`Dockerfile`, `docker/app.Dockerfile`).
    pub dockerfile_path: String,
    /// The Dockerfile text when it does not come from the context (`-f` outside of it).
    pub dockerfile: Option<String>,
    pub build_args: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    pub target: Option<String>,
    /// `-t` names as given (`app`, `app:1.0`).
    pub tags: Vec<String>,
    pub no_cache: bool,
}

impl BuildRequest {
    /// A request for `context` with the default Dockerfile path.
    pub fn new(context: Tree) -> Self {
        BuildRequest {
            context,
            dockerfile_path: "Dockerfile".to_owned(),
            ..BuildRequest::default()
        }
    }
}

/// The layer stack of the catalog image with this digest (empty when unknown).
fn catalog_stack(digest: &str) -> LayerStack {
    drydock_catalog::catalog()
        .images
        .iter()
        .find(|i| i.digest == digest)
        .map(crate::base::stack)
        .unwrap_or_default()
}

/// The simulated daemon.
pub struct Engine {
    pub(crate) config: EngineConfig,
    pub(crate) state: EngineState,
    pub(crate) executor: Box<dyn RunExecutor>,
    /// Catalog images' layer stacks, built on first use.
    pub(crate) bases: BTreeMap<String, LayerStack>,
}

impl Engine {
    /// A fresh daemon (no images, empty cache) that records RUN commands without running them.
    pub fn new(config: EngineConfig) -> Self {
        Engine::with_state(config, EngineState::default())
    }

    /// A daemon restored from saved state.
    pub fn with_state(config: EngineConfig, state: EngineState) -> Self {
        Engine {
            config,
            state,
            executor: Box::new(RecordingExecutor),
            bases: BTreeMap::new(),
        }
    }

    /// Replaces the RUN executor.
    pub fn set_executor(&mut self, executor: Box<dyn RunExecutor>) {
        self.executor = executor;
    }

    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    pub fn state(&self) -> &EngineState {
        &self.state
    }

    pub fn into_state(self) -> EngineState {
        self.state
    }

    /// Virtual now.
    pub fn now_ms(&self) -> i64 {
        if self.state.now_ms == 0 {
            self.config.start_ms
        } else {
            self.state.now_ms
        }
    }

    /// Advances the virtual clock (a learner doing something else).
    pub fn advance(&mut self, ms: i64) {
        self.state.now_ms = self.now_ms() + ms.max(0);
    }

    /// The layer stack of a catalog image, built once.
    pub(crate) fn base_stack(&mut self, digest: &str) -> LayerStack {
        if let Some(s) = self.bases.get(digest) {
            return s.clone();
        }
        let stack = catalog_stack(digest);
        self.bases.insert(digest.to_owned(), stack.clone());
        stack
    }

    /// The full stack of a stored image.
    pub fn image_stack(&mut self, img: &Image) -> LayerStack {
        if let Some(d) = &img.base {
            self.base_stack(d);
        }
        self.stack_of(img)
    }

    /// The full stack of a stored image without touching the cache of catalog stacks (a base
    /// not built yet is built for this call only): every layer, lowest first.
    pub fn stack_of(&self, img: &Image) -> LayerStack {
        let mut stack = match &img.base {
            Some(d) => self
                .bases
                .get(d)
                .cloned()
                .unwrap_or_else(|| catalog_stack(d)),
            None => LayerStack::new(),
        };
        let skip = stack.layers().len();
        for d in img.diff_ids.iter().skip(skip) {
            if let Some(l) = self.state.layers.get(d) {
                stack = stack.push(l.clone());
            }
        }
        stack
    }

    /// Images in the store, newest first (`docker images` order).
    pub fn images(&self) -> Vec<&Image> {
        let mut v: Vec<&Image> = self.state.images.values().collect();
        drydock_text::sort::sort_by(&mut v, |a, b| {
            b.created_ms.cmp(&a.created_ms).then(a.id.cmp(&b.id))
        });
        v
    }

    /// Tags pointing at an image (full names), sorted.
    pub fn tags_of(&self, id: &str) -> Vec<String> {
        self.state
            .tags
            .iter()
            .filter(|(_, v)| v.as_str() == id)
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// The image a reference names: a tag (`app`, `app:1.0`), a full or short id.
    pub fn image(&self, reference: &str) -> Option<&Image> {
        if let Ok(r) = drydock_catalog::parse_normalized_named(reference) {
            let full = r.tag_name_only().to_string();
            if let Some(id) = self.state.tags.get(&full) {
                return self.state.images.get(id);
            }
        }
        let hex = reference.strip_prefix("sha256:").unwrap_or(reference);
        if hex.len() >= 4 && hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            let mut found = self
                .state
                .images
                .values()
                .filter(|i| i.id.trim_start_matches("sha256:").starts_with(hex));
            let first = found.next();
            if found.next().is_none() {
                return first;
            }
        }
        None
    }
}
