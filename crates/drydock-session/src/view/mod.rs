//! Plain view data for front-ends that the public API does not give directly: a container's
//! file changes with sizes, and the image references a terminal can complete.
pub mod container_files;
pub mod references;
