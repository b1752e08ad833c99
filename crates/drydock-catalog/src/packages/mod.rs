//! Package catalogs for the simulated package managers: PyPI (`pip`, `uv`), Debian (`apt`),
//! Alpine (`apk`), npm and conda, plus the texts simulated programs print (`--version`). Each is
//! compiled-in JSON parsed once on first use; the data shapes and lookups are here, the programs
//! that use them live in drydock-shell. Adding a package is a data change.
//!
//! Files: `pep440` (versions and specifiers), `requirement` (PEP 508 requirements and markers),
//! `pip`, `apt`, `apk`, `npm`, `conda`, `downloads` (what curl/wget fetch), `texts` (program
//! version strings and usage texts), `commands` (learner notes on commands, flags and operators).
pub mod apk;
pub mod apt;
pub mod commands;
pub mod conda;
pub mod downloads;
pub mod npm;
pub mod pep440;
pub mod pip;
pub mod requirement;
pub mod texts;

pub use apk::{ApkIndex, ApkPackage, apk_index};
pub use apt::{AptIndex, AptPackage, apt_index};
pub use commands::{CommandNote, FlagNote, commands};
pub use conda::{CondaIndex, conda_index};
pub use downloads::{Download, Downloads, downloads};
pub use npm::{NpmIndex, NpmPackage, npm_index};
pub use pep440::{Specifier, SpecifierSet, Version};
pub use pip::{PipIndex, PipPackage, normalize, pip_index};
pub use requirement::{MarkerEnv, Requirement};
pub use texts::{Texts, texts};

/// Parses compiled-in JSON into `T`, or `T::default()` when it does not parse (a test guards
/// every data file).
pub(crate) fn parse_or_default<T: serde::de::DeserializeOwned + Default>(data: &str) -> T {
    serde_json::from_str(data).unwrap_or_default()
}
