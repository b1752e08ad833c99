//! Developer tools: python, tools known by their banner, and (later) curl/wget, git, make, dvc,
//! user management.
pub(crate) mod curl;
pub(crate) mod fetch;
pub(crate) mod generic;
pub(crate) mod python;
pub(crate) mod users;
pub(crate) mod wget;
