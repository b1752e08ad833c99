//! Drydock's catalog of simulated base images: their configs, histories, layer sizes and
//! filesystem skeletons (compiled in as JSON data), plus Docker image references
//! (`alpine` → `docker.io/library/alpine:latest`) with Docker's error texts.
//!
//! The catalog knows nothing of virtual filesystems: a layer is a list of [`SkelEntry`]s that the
//! engine turns into a tree. Executables that matter carry a *program identity*: their content
//! starts with `#!drydock:program NAME` (drydock-shell's convention), see [`program_content`].
//!
//! Files: `image` (data shape), `skeleton` (entries and their expansion), `reference` (reference
//! grammar and normalisation), `lookup` (finding an image, Docker's not-found errors, suggestions),
//! `packages/` (PyPI, Debian, Alpine, npm and conda catalogs for the simulated package managers).

pub mod image;
pub mod lookup;
pub mod packages;
pub mod reference;
pub mod skeleton;

pub use image::{BaseImage, Catalog, HistoryItem, ImageConfig, LayerSpec};
pub use lookup::{LookupError, catalog};
pub use reference::{RefError, Reference, familiar_of, parse_normalized_named};
pub use skeleton::{Entry, PROGRAM_MARKER, SkelEntry, SkelKind, program_content};
