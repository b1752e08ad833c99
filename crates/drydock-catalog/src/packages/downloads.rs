//! What simulated downloads (`curl`, `wget`, `ADD <url>`) return (`data/downloads.json`):
//! known URLs (installer scripts, release tarballs) by prefix, each a text body or a synthetic
//! file of a given size, with an HTTP status; anything else gets a deterministic placeholder.
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/downloads.json");

/// The catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Downloads {
    #[serde(default)]
    pub note: String,
    pub urls: Vec<Download>,
}

/// One known URL (or URL prefix).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Download {
    /// The URL, or a prefix when it ends with `*`.
    pub url: String,
    #[serde(default = "ok")]
    pub status: u16,
    /// A text body (scripts, checksums).
    #[serde(default)]
    pub text: Option<String>,
    /// A synthetic body of this size.
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub content_type: String,
}

fn ok() -> u16 {
    200
}

impl Downloads {
    /// The entry for `url` (exact match first, then the longest prefix).
    pub fn find(&self, url: &str) -> Option<&Download> {
        self.urls.iter().find(|d| d.url == url).or_else(|| {
            self.urls
                .iter()
                .filter(|d| d.url.strip_suffix('*').is_some_and(|p| url.starts_with(p)))
                .max_by_key(|d| d.url.len())
        })
    }
}

/// The built-in downloads catalog.
pub fn downloads() -> &'static Downloads {
    static D: OnceLock<Downloads> = OnceLock::new();
    D.get_or_init(|| super::parse_or_default(DATA))
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<Downloads, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}
