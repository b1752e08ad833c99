//! What a simulated HTTP GET returns, shared by curl and wget: known URLs from the catalog
//! (installer scripts, release tarballs), archives named by their URL (a deterministic manifest
//! that `tar`/`unzip` can extract), or a small placeholder page; and host names for messages.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, archive};
use drydock_catalog::packages::downloads;

/// A response body.
pub(crate) enum Body {
    Text(String),
    /// A synthetic file: size and description (which for archives carries the manifest).
    Blob(u64, String),
}

pub(crate) struct Response {
    pub status: u16,
    pub body: Body,
    pub content_type: String,
}

impl Response {
    pub fn len(&self) -> u64 {
        match &self.body {
            Body::Text(t) => t.len() as u64,
            Body::Blob(n, _) => *n,
        }
    }

    /// The bytes as written to a pipe (synthetic bodies write their placeholder).
    pub fn bytes(&self) -> Vec<u8> {
        match &self.body {
            Body::Text(t) => t.clone().into_bytes(),
            Body::Blob(n, what) => format!("[synthetic file: {n} bytes: {what}]").into_bytes(),
        }
    }

    /// Writes the body to `path` (owned by the caller).
    pub fn save(&self, ctx: &mut ProgramCtx<'_, '_>, path: &str) -> Result<(), crate::fs::FsError> {
        let m = ctx.new_meta(0o644);
        match &self.body {
            Body::Text(t) => {
                ctx.fs()
                    .write_file(path, t.as_bytes(), crate::fs::WriteMode::Truncate, m)
            }
            Body::Blob(n, what) => ctx
                .fs()
                .write_synthetic(path, *n, c::seed_of(what), what, m),
        }
    }
}

/// `host` of a URL.
pub(crate) fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |x| x.1);
    rest.split(['/', ':', '?']).next().unwrap_or("").to_owned()
}

/// The last path component (`file.tar.gz`), or `None` for a URL ending in `/`.
pub(crate) fn file_name(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let rest = path.split_once("://").map_or(path, |x| x.1);
    let (_, p) = rest.split_once('/')?;
    let name = p.rsplit('/').next().unwrap_or("");
    (!name.is_empty()).then(|| name.to_owned())
}

/// A deterministic fake IPv4 address for a host.
pub(crate) fn address(h: &str) -> String {
    let s = c::seed_of(h);
    format!(
        "{}.{}.{}.{}",
        104 + (s % 80),
        (s >> 8) % 256,
        (s >> 16) % 256,
        1 + (s >> 24) % 250
    )
}

/// GET `url`.
pub(crate) fn get(url: &str) -> Response {
    if let Some(d) = downloads().find(url) {
        let body = match &d.text {
            Some(t) => Body::Text(t.clone()),
            None => Body::Blob(d.size, format!("{}: {url}", d.what)),
        };
        return Response {
            status: d.status,
            body,
            content_type: d.content_type.clone(),
        };
    }
    let name = file_name(url).unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let compression = if lower.ends_with(".tar.gz") || lower.ends_with(".tgz") {
        Some("gz")
    } else if lower.ends_with(".tar.xz") || lower.ends_with(".txz") {
        Some("xz")
    } else if lower.ends_with(".tar.bz2") {
        Some("bz2")
    } else if lower.ends_with(".tar") {
        Some("")
    } else {
        None
    };
    if let Some(comp) = compression.or_else(|| lower.ends_with(".zip").then_some("zip")) {
        let stem = name
            .trim_end_matches(".tar.gz")
            .trim_end_matches(".tgz")
            .trim_end_matches(".tar.xz")
            .trim_end_matches(".tar.bz2")
            .trim_end_matches(".tar")
            .trim_end_matches(".zip");
        // GitHub source archives unpack into REPO-VERSION/
        let top = if url.contains("/archive/") {
            let repo = url.split('/').nth(4).unwrap_or(stem);
            format!("{repo}-{}", stem.trim_start_matches('v'))
        } else {
            stem.to_owned()
        };
        let ar = archive::Archive {
            format: if comp == "zip" {
                "zip".into()
            } else {
                "tar".into()
            },
            compression: if comp == "zip" {
                String::new()
            } else {
                comp.into()
            },
            items: vec![
                archive::Item::Dir {
                    path: format!("{top}/"),
                    mode: 0o755,
                },
                archive::Item::Text {
                    path: format!("{top}/README.md"),
                    mode: 0o644,
                    data: format!("# {top}\n\nDownloaded from {url} (simulated).\n").into_bytes(),
                },
                archive::Item::Blob {
                    path: format!("{top}/payload.bin"),
                    mode: 0o644,
                    size: 2_000_000 + c::seed_of(url) % 20_000_000,
                    what: format!("contents of {name}"),
                },
            ],
        };
        let text = ar.encode();
        return Response {
            status: 200,
            body: Body::Blob(ar.file_size(), text),
            content_type: "application/octet-stream".into(),
        };
    }
    if lower.ends_with(".sh") {
        return Response {
            status: 200,
            body: Body::Text(format!(
                "#!/bin/sh\n# {url} (simulated by Drydock: the script's real contents are not known)\necho \"{name}: simulated installer, nothing to do\"\n"
            )),
            content_type: "text/x-sh".into(),
        };
    }
    if lower.ends_with(".json") {
        return Response {
            status: 200,
            body: Body::Text("{}\n".into()),
            content_type: "application/json".into(),
        };
    }
    if lower.is_empty() || lower.ends_with(".html") || !lower.contains('.') {
        return Response {
            status: 200,
            body: Body::Text(format!(
                "<!doctype html>\n<html><head><title>{}</title></head><body>Simulated page for {url}</body></html>\n",
                host(url)
            )),
            content_type: "text/html".into(),
        };
    }
    Response {
        status: 200,
        body: Body::Blob(
            100_000 + c::seed_of(url) % 5_000_000,
            format!("download of {url}"),
        ),
        content_type: "application/octet-stream".into(),
    }
}
