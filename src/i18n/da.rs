//! The Danish texts of the UI: exactly the keys of `en.rs` (a unit test checks it), with the
//! same `{name}` placeholders. Docker terms stay as Danish developers say them (image, container,
//! build, cache; "lag" for layer).

pub const TABLE: &[(&str, &str)] = &[
    // Sprogvalg
    ("lang.label", "Sprog"),
    // Topbjælke
    ("header.tagline", "Dockerfile-legeplads"),
    ("header.note", "Simuleret Docker — kører helt i din browser"),
    (
        "header.note_title",
        "Intet forlader din browser: builds og containere simuleres.",
    ),
    ("header.saving", "Gemmer…"),
    ("header.saving_title", "Ændringer gemmes i denne browser"),
    ("header.saved", "Gemt"),
    (
        "header.saved_title",
        "Gemt i denne browser: en genindlæsning bringer alt tilbage",
    ),
    ("header.not_saved", "Ikke gemt"),
    ("header.not_kept", "Gemmes ikke"),
    ("header.share", "Del"),
    ("header.share_title", "Del et link til dette projekt"),
    ("header.theme_aria", "Tema: {theme} (Alt+T for at skifte)"),
    ("header.theme_title", "Tema: {theme}"),
    ("header.shortcuts", "Tastaturgenveje (?)"),
    // Temaer
    ("theme.system", "System"),
    ("theme.light", "Lyst"),
    ("theme.dark", "Mørkt"),
    ("theme.contrast", "Høj kontrast"),
    // Arbejdsområdets visninger
    ("view.instructions", "Instruktioner"),
    ("view.insights", "Indsigt"),
    ("view.build", "Build"),
    ("view.image", "Image"),
    ("view.containers", "Containere"),
    ("view.terminal", "Terminal"),
];
