//! The app's components, one per file.
pub mod app;
pub mod editor;
pub mod empty_state;
pub mod header;
pub mod help_overlay;
pub mod icons;
pub mod instruction_list;
pub mod lifecycle;
pub mod workspace;
