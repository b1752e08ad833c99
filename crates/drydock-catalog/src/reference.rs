//! Docker image references as `distribution/reference` parses them: `ParseNormalizedNamed`
//! (`alpine` → `docker.io/library/alpine`), `TagNameOnly` (`:latest`), and the exact error texts
//! (`invalid reference format`, `… must be lowercase`).
use std::fmt;

/// A parsed, normalised reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reference {
    /// Registry host (`docker.io`, `ghcr.io`, `localhost:5000`).
    pub domain: String,
    /// Repository path (`library/alpine`, `astral-sh/uv`).
    pub path: String,
    pub tag: Option<String>,
    /// `sha256:…` when pinned.
    pub digest: Option<String>,
}

/// Why a reference does not parse (Docker's message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefError(pub String);

impl fmt::Display for RefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RefError {}

const DEFAULT_DOMAIN: &str = "docker.io";

impl Reference {
    /// `docker.io/library/alpine`.
    pub fn name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// The reference with `:latest` added when it has neither tag nor digest (`TagNameOnly`).
    #[must_use]
    pub fn tag_name_only(mut self) -> Self {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some("latest".to_owned());
        }
        self
    }

    /// The short form Docker shows (`alpine:latest`, `ghcr.io/x/y:1`).
    pub fn familiar(&self) -> String {
        let mut s = self.familiar_name();
        if let Some(t) = &self.tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(d);
        }
        s
    }

    /// The short repository name (`alpine`, `myuser/app`, `ghcr.io/x/y`).
    pub fn familiar_name(&self) -> String {
        if self.domain == DEFAULT_DOMAIN {
            self.path
                .strip_prefix("library/")
                .unwrap_or(&self.path)
                .to_owned()
        } else {
            self.name()
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.domain, self.path)?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

fn invalid() -> RefError {
    RefError("invalid reference format".to_owned())
}

fn is_alnum_lower(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
fn is_path_component(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let run = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && is_alnum_lower(b[*i]) {
            *i += 1;
        }
        *i > start
    };
    if !run(&mut i) {
        return false;
    }
    while i < b.len() {
        match b[i] {
            b'.' => i += 1,
            b'_' => {
                i += 1;
                if b.get(i) == Some(&b'_') {
                    i += 1;
                }
            }
            b'-' => {
                while b.get(i) == Some(&b'-') {
                    i += 1;
                }
            }
            _ => return false,
        }
        if !run(&mut i) {
            return false;
        }
    }
    true
}

/// `(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])` joined by dots, optional `:port`.
fn is_domain(s: &str) -> bool {
    let (host, port) = match s.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => (h, Some(p)),
        _ => (s, None),
    };
    if let Some(p) = port
        && (p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty() && inner.bytes().all(|c| c.is_ascii_hexdigit() || c == b':');
    }
    !host.is_empty()
        && host.split('.').all(|c| {
            let b = c.as_bytes();
            !b.is_empty()
                && b.iter().all(|x| x.is_ascii_alphanumeric() || *x == b'-')
                && b.first().is_some_and(u8::is_ascii_alphanumeric)
                && b.last().is_some_and(u8::is_ascii_alphanumeric)
        })
}

/// `[\w][\w.-]{0,127}`
fn is_tag(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    !b.is_empty()
        && b.len() <= 128
        && b.first().is_some_and(|c| word(*c))
        && b.iter().all(|c| word(*c) || *c == b'.' || *c == b'-')
}

/// `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`
fn is_digest(s: &str) -> bool {
    let Some((alg, hex)) = s.split_once(':') else {
        return false;
    };
    let alg_ok = alg.split(['-', '_', '+', '.']).all(|p| {
        p.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
            && p.bytes().all(|c| c.is_ascii_alphanumeric())
    });
    alg_ok && hex.len() >= 32 && hex.bytes().all(|c| c.is_ascii_hexdigit())
}

/// `reference.Parse` on an already-normalised `domain/path[:tag][@digest]`.
fn parse_full(s: &str) -> Result<Reference, RefError> {
    if s.is_empty() {
        return Err(RefError(
            "repository name must have at least one component".to_owned(),
        ));
    }
    let (rest, digest) = match s.split_once('@') {
        Some((r, d)) => {
            if !is_digest(d) {
                return Err(invalid());
            }
            (r, Some(d.to_owned()))
        }
        None => (s, None),
    };
    let slash = rest.rfind('/');
    let (name, tag) = match rest.rfind(':') {
        Some(c) if slash.is_none_or(|sl| c > sl) => {
            let t = rest.get(c + 1..).unwrap_or("");
            if !is_tag(t) {
                return Err(invalid());
            }
            (rest.get(..c).unwrap_or(""), Some(t.to_owned()))
        }
        _ => (rest, None),
    };
    let Some((domain, path)) = name.split_once('/') else {
        return Err(invalid());
    };
    if !is_domain(domain) || !path.split('/').all(is_path_component) {
        if rest.to_ascii_lowercase() != rest && parse_full(&s.to_ascii_lowercase()).is_ok() {
            return Err(RefError("repository name must be lowercase".to_owned()));
        }
        return Err(invalid());
    }
    if name.len() > 255 {
        return Err(RefError(
            "repository name must not be more than 255 characters".to_owned(),
        ));
    }
    Ok(Reference {
        domain: domain.to_owned(),
        path: path.to_owned(),
        tag,
        digest,
    })
}

/// How Docker shows a stored reference (`docker.io/library/python:3.11` → `python:3.11`); a
/// text that does not parse as a reference is shown as it is.
pub fn familiar_of(full: &str) -> String {
    parse_normalized_named(full).map_or_else(|_| full.to_owned(), |r| r.familiar())
}

/// `reference.ParseNormalizedNamed`: a familiar or full reference, normalised.
pub fn parse_normalized_named(s: &str) -> Result<Reference, RefError> {
    if s.len() == 64
        && s.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
    {
        return Err(RefError(format!(
            "invalid repository name ({s}), cannot specify 64-byte hexadecimal strings"
        )));
    }
    let (domain, mut remainder) = match s.find('/') {
        Some(i) => {
            let first = s.get(..i).unwrap_or("");
            if !first.contains(['.', ':']) && first != "localhost" && first.to_lowercase() == first
            {
                (DEFAULT_DOMAIN.to_owned(), s.to_owned())
            } else {
                (first.to_owned(), s.get(i + 1..).unwrap_or("").to_owned())
            }
        }
        None => (DEFAULT_DOMAIN.to_owned(), s.to_owned()),
    };
    let domain = if domain == "index.docker.io" {
        DEFAULT_DOMAIN.to_owned()
    } else {
        domain
    };
    if domain == DEFAULT_DOMAIN && !remainder.contains('/') {
        remainder = format!("library/{remainder}");
    }
    let remote = match remainder.find(':') {
        Some(i) => remainder.get(..i).unwrap_or(""),
        None => remainder.as_str(),
    };
    if remote.to_lowercase() != remote {
        return Err(RefError(format!(
            "invalid reference format: repository name ({remote}) must be lowercase"
        )));
    }
    parse_full(&format!("{domain}/{remainder}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(s: &str) -> String {
        match parse_normalized_named(s) {
            Ok(r) => r.tag_name_only().to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn normalisation() {
        assert_eq!(full("alpine"), "docker.io/library/alpine:latest");
        assert_eq!(
            full("python:3.11-slim"),
            "docker.io/library/python:3.11-slim"
        );
        assert_eq!(full("myuser/app:1"), "docker.io/myuser/app:1");
        assert_eq!(full("ghcr.io/astral-sh/uv:0.9"), "ghcr.io/astral-sh/uv:0.9");
        assert_eq!(full("localhost:5000/app"), "localhost:5000/app:latest");
        assert_eq!(
            full("Foo"),
            "error: invalid reference format: repository name (library/Foo) must be lowercase"
        );
        assert_eq!(full("foo:bar:baz"), "error: invalid reference format");
        assert_eq!(full("a b"), "error: invalid reference format");
        let d = format!("alpine@sha256:{}", "a".repeat(64));
        assert_eq!(full(&d), format!("docker.io/library/{d}"));
        let r = parse_normalized_named("busybox:1.37").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.familiar(), "busybox:1.37");
    }
}
