//! Package managers (apt-get/apt, apk, pip, uv, npm, conda/mamba) and what they share:
//! Python environments, the PyPI resolver, local projects, a TOML reader.
pub(crate) mod apk;
pub(crate) mod apt;
pub(crate) mod conda;
pub(crate) mod npm;
pub(crate) mod pip;
pub(crate) mod project;
pub(crate) mod pyenv;
pub(crate) mod resolve;
pub(crate) mod toml;
pub(crate) mod uv;
