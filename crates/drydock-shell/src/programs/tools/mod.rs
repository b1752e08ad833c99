//! Developer tools: python, make, curl/wget, git, dvc, tools known by their banner, user
//! management.
pub(crate) mod curl;
pub(crate) mod dvc;
pub(crate) mod fetch;
pub(crate) mod generic;
pub(crate) mod git;
pub(crate) mod hello;
pub(crate) mod make;
pub(crate) mod python;
pub(crate) mod python_value;
pub(crate) mod users;
pub(crate) mod wget;
