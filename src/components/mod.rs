//! The app's components, one per file.
pub mod app;
pub mod build_view;
pub mod containers_view;
pub mod editor;
pub mod empty_state;
pub mod header;
pub mod help_overlay;
pub mod icons;
pub mod image_view;
pub mod insights_view;
pub mod instruction_list;
pub mod lifecycle;
pub mod project_pane;
pub mod terminal;
pub mod workspace;
