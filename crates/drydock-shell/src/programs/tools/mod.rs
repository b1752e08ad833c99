//! Developer tools: python, make, curl/wget, tools known by their banner, and (later) git, dvc,
//! user management.
pub(crate) mod curl;
pub(crate) mod fetch;
pub(crate) mod generic;
pub(crate) mod make;
pub(crate) mod python;
pub(crate) mod users;
pub(crate) mod wget;
