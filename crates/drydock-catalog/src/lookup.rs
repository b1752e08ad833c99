//! Finding a base image by reference, with Docker's not-found errors and a "did you mean"
//! suggestion as data. The catalog is parsed once from the compiled-in JSON.
use std::sync::OnceLock;

use crate::image::{BaseImage, Catalog, LayerSpec};
use crate::reference::Reference;
use crate::skeleton::{SkelEntry, SkelKind, expand, seed_of};

const DATA: &str = include_str!("../data/images.json");

/// The built-in catalog (an empty one if the data does not parse; a test guards that).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| serde_json::from_str(DATA).unwrap_or_default())
}

/// Parses the compiled-in data, reporting errors (for tests).
pub fn parse_data() -> Result<Catalog, String> {
    serde_json::from_str(DATA).map_err(|e| e.to_string())
}

/// Why an image could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// The repository is unknown (Docker: pull access denied).
    RepositoryNotFound {
        reference: String,
        /// A repository the user may have meant (data, for the UI).
        suggestion: Option<String>,
    },
    /// The repository exists but not this tag or digest.
    TagNotFound {
        reference: String,
        /// Tags Drydock simulates for that repository.
        known_tags: Vec<String>,
    },
}

impl LookupError {
    /// The registry's error as BuildKit reports it.
    pub fn message(&self) -> String {
        match self {
            LookupError::RepositoryNotFound { .. } => "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed".to_owned(),
            LookupError::TagNotFound { reference, .. } => format!("{reference}: not found"),
        }
    }

    /// The suggested reference, if any.
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            LookupError::RepositoryNotFound { suggestion, .. } => suggestion.as_deref(),
            LookupError::TagNotFound { .. } => None,
        }
    }
}

impl Catalog {
    /// Every image of a repository (`docker.io/library/python`).
    pub fn repository(&self, name: &str) -> impl Iterator<Item = &BaseImage> {
        self.images.iter().filter(move |i| i.repository == name)
    }

    /// The image a normalised reference names.
    pub fn find(&self, r: &Reference) -> Result<&BaseImage, LookupError> {
        let name = r.name();
        let full = r.clone().tag_name_only().to_string();
        let mut repo = self.repository(&name).peekable();
        if repo.peek().is_none() {
            let short = r.familiar_name();
            let suggestion = self
                .suggestions
                .get(&short)
                .cloned()
                .or_else(|| self.closest_repository(&short));
            return Err(LookupError::RepositoryNotFound {
                reference: full,
                suggestion,
            });
        }
        let found = repo.find(|i| match (&r.digest, &r.tag) {
            (Some(d), _) => &i.digest == d,
            (None, Some(t)) => i.tags.iter().any(|x| x == t),
            (None, None) => i.tags.iter().any(|x| x == "latest"),
        });
        found.ok_or_else(|| LookupError::TagNotFound {
            reference: full,
            known_tags: self
                .repository(&name)
                .flat_map(|i| i.tags.iter().cloned())
                .collect(),
        })
    }

    fn closest_repository(&self, short: &str) -> Option<String> {
        let mut best: Option<(usize, String)> = None;
        for img in &self.images {
            let Some(n) = img.repository.strip_prefix("docker.io/library/") else {
                continue;
            };
            let d = distance(short, n);
            if d <= 2 && best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, n.to_owned()));
            }
        }
        best.map(|(_, n)| n)
    }

    /// The flat entries of a layer: its fragments in order, then the filler blob that makes the
    /// files add up to the declared size.
    pub fn layer_entries(&self, image: &BaseImage, layer: &LayerSpec) -> Vec<SkelEntry> {
        let mut out = Vec::new();
        for f in &layer.fragments {
            if let Some(entries) = self.fragments.get(f) {
                expand(entries, &image.digest, &mut out);
            }
        }
        let used: u64 = out.iter().map(SkelEntry::size).sum();
        if let Some(path) = &layer.filler
            && layer.size > used
        {
            out.push(SkelEntry {
                path: path.clone(),
                kind: SkelKind::Synthetic {
                    size: layer.size - used,
                    seed: seed_of(&format!("{}{path}", image.digest)),
                    what: format!("the rest of {}", image.familiar()),
                },
                mode: 0o644,
                uid: 0,
                gid: 0,
            });
        }
        out
    }
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(c) = cur.get_mut(j + 1) {
                *c = sub.min(del).min(ins);
            }
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}
