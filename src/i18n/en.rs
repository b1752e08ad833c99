//! The English texts of the UI (the reference table: every key lives here first).
//! Keys are dotted by area (`header.share`, `view.build`); `{name}` marks a value `tf` fills in.

pub const TABLE: &[(&str, &str)] = &[
    // Language switch
    ("lang.label", "Language"),
    // Header
    ("header.tagline", "Dockerfile playground"),
    (
        "header.note",
        "Simulated Docker — runs entirely in your browser",
    ),
    (
        "header.note_title",
        "Nothing leaves your browser: builds and containers are simulated.",
    ),
    ("header.saving", "Saving…"),
    ("header.saving_title", "Changes are saved in this browser"),
    ("header.saved", "Saved"),
    (
        "header.saved_title",
        "Saved in this browser: a reload brings everything back",
    ),
    ("header.not_saved", "Not saved"),
    ("header.not_kept", "Not kept"),
    ("header.share", "Share"),
    ("header.share_title", "Share a link to this project"),
    ("header.theme_aria", "Theme: {theme} (Alt+T to change)"),
    ("header.theme_title", "Theme: {theme}"),
    ("header.shortcuts", "Keyboard shortcuts (?)"),
    // Themes
    ("theme.system", "System"),
    ("theme.light", "Light"),
    ("theme.dark", "Dark"),
    ("theme.contrast", "High contrast"),
    // Workspace views
    ("view.instructions", "Instructions"),
    ("view.insights", "Insights"),
    ("view.build", "Build"),
    ("view.image", "Image"),
    ("view.containers", "Containers"),
    ("view.terminal", "Terminal"),
];
