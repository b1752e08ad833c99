//! Whether a FROM value is an image reference Docker accepts (distribution/reference's
//! `ParseNormalizedNamed`), with its error text. Only validity is needed: the linter never
//! resolves images itself.

const MAX_NAME: usize = 255;

/// `path-component := [a-z0-9]+ (([._]|__|[-]+) [a-z0-9]+)*`
fn path_component(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let run = |i: &mut usize| {
        let start = *i;
        while b
            .get(*i)
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            *i += 1;
        }
        *i > start
    };
    if !run(&mut i) {
        return false;
    }
    while let Some(&c) = b.get(i) {
        match c {
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

/// `domain-component := [a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`
fn domain_component(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
}

fn port(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit())
}

/// `domain := host [':' port]`, host a domain name, IPv4 address or `[IPv6]`.
fn domain(s: &str) -> bool {
    if let Some(rest) = s.strip_prefix('[') {
        let Some((ip, after)) = rest.split_once(']') else {
            return false;
        };
        let ip_ok = !ip.is_empty()
            && ip
                .bytes()
                .all(|c| c.is_ascii_hexdigit() || c == b':' || c == b'.');
        return ip_ok && (after.is_empty() || after.strip_prefix(':').is_some_and(port));
    }
    let (host, p) = match s.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (s, None),
    };
    host.split('.').all(domain_component) && p.is_none_or(port)
}

fn tag(s: &str) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && b.first().copied().is_some_and(word)
        && b.iter().all(|&c| word(c) || c == b'.' || c == b'-')
}

fn digest(s: &str) -> bool {
    let Some((alg, hex)) = s.split_once(':') else {
        return false;
    };
    let alg_ok = alg.split(['+', '.', '-', '_']).all(|c| {
        c.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && c.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    let hex_ok = hex.len() >= 32 && hex.bytes().all(|b| b.is_ascii_hexdigit());
    alg_ok && hex_ok && (alg != "sha256" || hex.len() == 64 && hex == hex.to_ascii_lowercase())
}

/// `reference.ParseNormalizedNamed(s)`: `Ok` when Docker accepts `s` as an image name, else its
/// error text.
pub fn parse_normalized_named(s: &str) -> Result<(), String> {
    if s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(format!(
            "invalid repository name ({s}), cannot specify 64-byte hexadecimal strings"
        ));
    }
    let (dom, remainder) = match s.split_once('/') {
        Some((d, r))
            if d.contains(['.', ':']) || d == "localhost" || d.to_ascii_lowercase() != d =>
        {
            (d, r)
        }
        _ => ("docker.io", s),
    };
    // The tag is after the last ':' of the path part; the digest after '@'.
    let (name_tag, dig) = match remainder.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (remainder, None),
    };
    let (path, tg) = match name_tag.rsplit_once(':') {
        Some((p, t)) if !t.contains('/') => (p, Some(t)),
        _ => (name_tag, None),
    };
    if path.to_ascii_lowercase() != path {
        return Err(format!(
            "invalid reference format: repository name ({path}) must be lowercase"
        ));
    }
    let invalid = || Err("invalid reference format".to_owned());
    if path.is_empty() && tg.is_none() && dig.is_none() && dom == "docker.io" {
        return invalid();
    }
    if !domain(dom) || !path.split('/').all(path_component) {
        return invalid();
    }
    if tg.is_some_and(|t| !tag(t)) || dig.is_some_and(|d| !digest(d)) {
        return invalid();
    }
    let full = if dom == "docker.io" && !path.contains('/') {
        format!("{dom}/library/{path}")
    } else {
        format!("{dom}/{path}")
    };
    if full.len() > MAX_NAME {
        return Err("repository name must not be more than 255 characters".to_owned());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        for ok in [
            "alpine",
            "busybox:latest",
            "busybox:stable",
            "python:3.12-slim",
            "ghcr.io/astral-sh/uv:python3.12-trixie-slim",
            "localhost:5000/my/img:1",
            "nvidia/cuda:12.4.1-runtime-ubuntu22.04",
            "scratch",
            "a__b",
        ] {
            assert!(parse_normalized_named(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "busybox:", "Foo", "a___b", "busy box", ":latest", "x:y:z", "a..b",
        ] {
            assert!(parse_normalized_named(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_normalized_named("Foo").unwrap_err(),
            "invalid reference format: repository name (Foo) must be lowercase"
        );
    }
}
