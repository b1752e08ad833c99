//! View models: pure functions from the core's public types to what the components show (no DOM,
//! no JavaScript), unit-tested natively.
pub mod ansi;
pub mod base64;
pub mod container_counts;
pub mod crc32;
pub mod embed_options;
pub mod example_text;
pub mod file_kind;
pub mod file_tree;
pub mod ignore_marks;
pub mod image_layers;
pub mod markdown;
pub mod names;
pub mod query;
pub mod run_args;
pub mod step_files;
pub mod timeline;
pub mod upload;
pub mod zip;
