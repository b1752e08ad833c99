//! Plain view data for front-ends that the public API does not give directly: a container's
//! file changes with sizes, the image references a terminal can complete, and the image,
//! container and volume lists with one container in detail.
pub mod container_files;
pub mod lists;
pub mod references;
