//! Embed mode's options, read from the page address (`?embed&example=trainer&panes=editor,build
//! &theme=dark&step=3`) and written back (the share dialog's "Copy embed code"): which project,
//! which panes, read-only, theme, the build step to start at, and the storage namespace that
//! keeps several embeds on one page apart.
use super::query;
use crate::state::{Theme, View};

/// A pane an embed can show: the project tree, the editor, or one of the workspace views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Project,
    Editor,
    View(View),
}

impl Pane {
    /// Every pane, in the order the share dialog offers them.
    pub const ALL: [Pane; 8] = [
        Pane::Editor,
        Pane::View(View::Build),
        Pane::View(View::Terminal),
        Pane::View(View::Image),
        Pane::View(View::Containers),
        Pane::Project,
        Pane::View(View::Instructions),
        Pane::View(View::Insights),
    ];

    /// The name in the URL (`panes=editor,build`).
    pub fn id(self) -> &'static str {
        match self {
            Pane::Project => "project",
            Pane::Editor => "editor",
            Pane::View(v) => v.id(),
        }
    }

    pub fn from_id(id: &str) -> Option<Pane> {
        Pane::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// The theme an embed asks for (`auto` follows the visitor's system).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedTheme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl EmbedTheme {
    pub const ALL: [EmbedTheme; 3] = [EmbedTheme::Auto, EmbedTheme::Light, EmbedTheme::Dark];

    pub fn id(self) -> &'static str {
        match self {
            EmbedTheme::Auto => "auto",
            EmbedTheme::Light => "light",
            EmbedTheme::Dark => "dark",
        }
    }

    /// The app theme it stands for.
    pub fn theme(self) -> Theme {
        match self {
            EmbedTheme::Auto => Theme::System,
            EmbedTheme::Light => Theme::Light,
            EmbedTheme::Dark => Theme::Dark,
        }
    }
}

/// The panes shown when the URL names none.
pub const DEFAULT_PANES: [Pane; 3] = [
    Pane::Editor,
    Pane::View(View::Build),
    Pane::View(View::Terminal),
];

/// What an embed shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Tells embeds apart in storage: `id=` when given, else a hash of the other options.
    pub id: String,
    /// The example project to start from (`example=`).
    pub example: Option<String>,
    /// A lesson to open (`lesson=`).
    pub lesson: Option<String>,
    /// Inline files: a share-link payload (`files=` or the hash `#share=…`).
    pub files: Option<String>,
    /// The project file to open in the editor (`open=`).
    pub open: Option<String>,
    /// The panes, in the URL's order (unknown names are left out; none → `DEFAULT_PANES`).
    pub panes: Vec<Pane>,
    /// The editor is read-only and the project files cannot be changed.
    pub readonly: bool,
    pub theme: EmbedTheme,
    /// The build step to show after the automatic build (1-based, as the Build view counts).
    pub step: Option<usize>,
    /// Build automatically on load (also implied by `step`).
    pub build: bool,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            id: String::new(),
            example: None,
            lesson: None,
            files: None,
            open: None,
            panes: DEFAULT_PANES.to_vec(),
            readonly: false,
            theme: EmbedTheme::Auto,
            step: None,
            build: false,
        }
    }
}

/// The longest `id=` kept (longer ones are cut).
const MAX_ID: usize = 40;

impl EmbedOptions {
    /// The options of a page address (`search` is `location.search`, `hash` is `location.hash`);
    /// `None` when the page is not an embed (no `embed` parameter).
    pub fn parse(search: &str, hash: &str) -> Option<EmbedOptions> {
        if !query::flag(search, "embed") {
            return None;
        }
        let value = |name: &str| query::get(search, name).filter(|v| !v.is_empty());
        let panes: Vec<Pane> = value("panes").map_or_else(Vec::new, |v| {
            let mut out: Vec<Pane> = Vec::new();
            for p in v.split(',').filter_map(|p| Pane::from_id(p.trim())) {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
            out
        });
        let files = value("files").or_else(|| {
            crate::persist::share::payload(hash)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
        });
        let mut o = EmbedOptions {
            id: String::new(),
            example: value("example"),
            lesson: value("lesson"),
            files,
            open: value("open"),
            panes: if panes.is_empty() {
                DEFAULT_PANES.to_vec()
            } else {
                panes
            },
            readonly: query::flag(search, "readonly"),
            theme: match value("theme").as_deref() {
                Some("light") => EmbedTheme::Light,
                Some("dark") => EmbedTheme::Dark,
                _ => EmbedTheme::Auto,
            },
            step: value("step")
                .and_then(|s| s.parse::<usize>().ok())
                .filter(|s| *s > 0),
            build: query::flag(search, "build"),
        };
        let id: String = value("id")
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(MAX_ID)
            .collect();
        o.id = if id.is_empty() {
            // `to_query` without an id is exactly what the hash is taken of.
            format!("{:08x}", fnv1a(o.to_query().as_bytes()))
        } else {
            id
        };
        Some(o)
    }

    /// The workspace views shown, in the URL's order.
    pub fn views(&self) -> Vec<View> {
        self.panes
            .iter()
            .filter_map(|p| match p {
                Pane::View(v) => Some(*v),
                _ => None,
            })
            .collect()
    }

    pub fn shows(&self, pane: Pane) -> bool {
        self.panes.contains(&pane)
    }

    /// Whether the embed builds on load.
    pub fn builds(&self) -> bool {
        self.build || self.step.is_some()
    }

    /// The storage namespace of this embed (never the main app's).
    pub fn namespace(&self) -> String {
        format!("drydock:embed:{}", self.id)
    }

    /// The query string (without `?`) that gives these options back; `id` is written only when
    /// it was chosen (not the hash of the other options).
    pub fn to_query(&self) -> String {
        let mut q = vec!["embed".to_owned()];
        let mut put = |k: &str, v: &Option<String>| {
            if let Some(v) = v {
                q.push(format!("{k}={}", query::encode(v)));
            }
        };
        put("example", &self.example);
        put("lesson", &self.lesson);
        put("open", &self.open);
        if self.panes != DEFAULT_PANES {
            let panes: Vec<&str> = self.panes.iter().map(|p| p.id()).collect();
            q.push(format!("panes={}", panes.join(",")));
        }
        if self.readonly {
            q.push("readonly".into());
        }
        if self.theme != EmbedTheme::Auto {
            q.push(format!("theme={}", self.theme.id()));
        }
        if let Some(s) = self.step {
            q.push(format!("step={s}"));
        } else if self.build {
            q.push("build".into());
        }
        let files = self
            .files
            .as_ref()
            .map(|f| format!("files={}", query::encode(f)));
        let auto = hash_id(&q, files.as_deref());
        if !self.id.is_empty() && self.id != auto {
            q.push(format!("id={}", query::encode(&self.id)));
        }
        q.extend(files);
        q.join("&")
    }
}

/// The id of options without `id=`: a hash of their query (files last).
fn hash_id(parts: &[String], files: Option<&str>) -> String {
    let mut all = parts.join("&");
    if let Some(f) = files {
        all.push('&');
        all.push_str(f);
    }
    format!("{:08x}", fnv1a(all.as_bytes()))
}

/// 32-bit FNV-1a: a short, stable name for a set of options.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// An `<iframe>` snippet for a course page.
pub fn iframe_snippet(src: &str, title: &str, width: u32, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" \
         style=\"border:1px solid #dde3ec;border-radius:8px;max-width:100%\"></iframe>",
        escape_attr(src),
        escape_attr(title)
    )
}

/// Escapes text for a double-quoted HTML attribute.
fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(search: &str) -> EmbedOptions {
        EmbedOptions::parse(search, "").unwrap()
    }

    #[test]
    fn not_an_embed_without_the_flag() {
        assert_eq!(EmbedOptions::parse("", ""), None);
        assert_eq!(EmbedOptions::parse("?example=api", ""), None);
        assert_eq!(EmbedOptions::parse("?embed=0&example=api", ""), None);
    }

    #[test]
    fn defaults() {
        let o = parse("?embed");
        assert_eq!(o.panes, DEFAULT_PANES);
        assert_eq!(
            (o.readonly, o.theme, o.step, o.builds()),
            (false, EmbedTheme::Auto, None, false)
        );
        assert_eq!(o.id.len(), 8);
        assert_eq!(o.namespace(), format!("drydock:embed:{}", o.id));
        assert_eq!(o.to_query(), "embed");
    }

    #[test]
    fn every_option() {
        let o = parse(
            "?embed&example=trainer&panes=editor%2Cbuild,bogus,editor,terminal&readonly&theme=dark&step=3&open=train.py&lesson=first-build&id=week1-a",
        );
        assert_eq!(o.example.as_deref(), Some("trainer"));
        assert_eq!(o.lesson.as_deref(), Some("first-build"));
        assert_eq!(o.open.as_deref(), Some("train.py"));
        assert_eq!(
            o.panes,
            [
                Pane::Editor,
                Pane::View(View::Build),
                Pane::View(View::Terminal)
            ]
        );
        assert_eq!(o.views(), [View::Build, View::Terminal]);
        assert!(o.shows(Pane::Editor) && !o.shows(Pane::Project));
        assert!(o.readonly);
        assert_eq!(o.theme, EmbedTheme::Dark);
        assert_eq!(o.theme.theme(), Theme::Dark);
        assert_eq!((o.step, o.builds()), (Some(3), true));
        assert_eq!(o.id, "week1-a");
        assert_eq!(o.namespace(), "drydock:embed:week1-a");
    }

    #[test]
    fn odd_values_fall_back() {
        let o = parse("?embed&theme=neon&step=0&panes=nothing&readonly=false&build&id=%3Cb%3E!");
        assert_eq!(o.theme, EmbedTheme::Auto);
        assert_eq!(o.step, None);
        assert!(o.build && o.builds());
        assert_eq!(o.panes, DEFAULT_PANES);
        assert!(!o.readonly);
        assert_eq!(o.id, "b");
        let long = parse(&format!("?embed&id={}", "x".repeat(100)));
        assert_eq!(long.id.len(), MAX_ID);
    }

    #[test]
    fn inline_files_from_the_query_or_the_hash() {
        assert_eq!(parse("?embed&files=abc-_").files.as_deref(), Some("abc-_"));
        let o = EmbedOptions::parse("?embed", "#share=xyz").unwrap();
        assert_eq!(o.files.as_deref(), Some("xyz"));
        assert_eq!(EmbedOptions::parse("?embed", "#other").unwrap().files, None);
    }

    #[test]
    fn different_options_get_different_ids_and_the_same_options_the_same() {
        let a = parse("?embed&example=trainer&panes=editor,build");
        let b = parse("?embed&example=api&panes=editor,build");
        let a2 = parse("?embed&panes=editor%2Cbuild&example=trainer");
        assert_ne!(a.id, b.id);
        assert_eq!(a.id, a2.id);
        let f1 = parse("?embed&files=AAAA");
        let f2 = parse("?embed&files=BBBB");
        assert_ne!(f1.id, f2.id);
    }

    #[test]
    fn options_round_trip_through_the_query() {
        for q in [
            "embed",
            "embed&example=trainer&panes=editor,build&theme=dark&step=3",
            "embed&example=api&panes=editor,terminal&readonly&theme=light",
            "embed&panes=project,editor,image&build&id=demo",
            "embed&open=src%2Fmain.py&files=eJwLyUgsUSjOzy1QSEktLgEAH-0E2g",
            "embed&id=two&files=eJwLyUgsUSjOzy1QSEktLgEAH-0E2g",
        ] {
            let o = parse(&format!("?{q}"));
            assert_eq!(o.to_query(), q);
            assert_eq!(parse(&format!("?{}", o.to_query())), o);
        }
    }

    #[test]
    fn iframe_snippets_escape_attributes() {
        assert_eq!(
            iframe_snippet(
                "../dist/index.html?embed&example=api",
                "Drydock: \"API\"",
                800,
                500
            ),
            "<iframe src=\"../dist/index.html?embed&amp;example=api\" title=\"Drydock: &quot;API&quot;\" \
             width=\"800\" height=\"500\" loading=\"lazy\" \
             style=\"border:1px solid #dde3ec;border-radius:8px;max-width:100%\"></iframe>"
        );
    }
}
