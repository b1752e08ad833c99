//! `RUN --mount` values (`instructions/commands_runmount.go`): CSV `key=value` fields → a mount.
//!
//! At parse time BuildKit has no expander: it only reads the CSV and rejects a variable in
//! `from`; everything else is checked when the stage is converted, with each value expanded.
//! [`parse_mount`] does both, depending on whether an expander is given.
use super::{csv, suggest};
use crate::go;
use serde::Serialize;

/// A parsed `--mount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mount {
    /// `bind`, `cache`, `tmpfs`, `secret` or `ssh`.
    pub kind: String,
    pub from: String,
    pub source: String,
    pub target: String,
    pub read_only: bool,
    /// `size=` of a tmpfs mount, in bytes.
    pub size_limit: i64,
    pub cache_id: String,
    pub cache_sharing: String,
    pub required: bool,
    /// `env=` of a secret mount.
    pub env: Option<String>,
    pub mode: Option<u64>,
    pub uid: Option<u64>,
    pub gid: Option<u64>,
}

const TYPES: [&str; 5] = ["bind", "cache", "tmpfs", "secret", "ssh"];
const SHARING: [&str; 3] = ["shared", "private", "locked"];
const KEYS: [&str; 19] = [
    "type",
    "from",
    "source",
    "target",
    "readonly",
    "id",
    "sharing",
    "required",
    "size",
    "mode",
    "uid",
    "gid",
    "src",
    "dst",
    "destination",
    "ro",
    "rw",
    "readwrite",
    "env",
];

/// Expands one mount value (BuildKit's `SingleWordExpander`).
pub type Expander<'e> = &'e mut dyn FnMut(&str) -> Result<String, String>;

/// `parseMount(value, expander)`. Without an expander (parse time) only CSV errors and a
/// variable in `from` are errors; with one, every value is expanded and checked.
pub fn parse_mount(val: &str, mut expander: Option<Expander<'_>>) -> Result<Mount, String> {
    let fields = csv::fields(val).map_err(|e| format!("failed to parse csv mounts: {e}"))?;
    let mut m = Mount {
        kind: "bind".to_owned(),
        from: String::new(),
        source: String::new(),
        target: String::new(),
        read_only: false,
        size_limit: 0,
        cache_id: String::new(),
        cache_sharing: String::new(),
        required: false,
        env: None,
        mode: None,
        uid: None,
        gid: None,
    };
    let mut ro_auto = true;
    let unexpected =
        |key: &str, kind: &str| format!("unexpected key '{key}' for mount type '{kind}'");
    let invalid = |key: &str, value: &str| format!("invalid value for {key}: {value}");
    for field in &fields {
        let (key, value, ok) = match field.split_once('=') {
            Some((k, v)) => (go::to_lower(k).into_owned(), v.to_owned(), true),
            None => (go::to_lower(field).into_owned(), String::new(), false),
        };
        if !ok {
            if expander.is_none() {
                continue;
            }
            match key.as_str() {
                "readonly" | "ro" => {
                    m.read_only = true;
                    ro_auto = false;
                    continue;
                }
                "readwrite" | "rw" => {
                    m.read_only = false;
                    ro_auto = false;
                    continue;
                }
                "required" => {
                    if m.kind == "secret" || m.kind == "ssh" {
                        m.required = true;
                        continue;
                    }
                    return Err(unexpected(&key, &m.kind));
                }
                _ => return Err(format!("invalid field '{field}' must be a key=value pair")),
            }
        }
        let value = match expander.as_mut() {
            Some(exp) => exp(&value)?,
            None if key == "from" => {
                if let Some(idx) = value.find('$')
                    && idx != value.len() - 1
                {
                    return Err(format!(
                        "'{key}' doesn't support variable expansion, define alias stage instead"
                    ));
                }
                value
            }
            None => continue,
        };
        match key.as_str() {
            "type" => {
                let v = go::to_lower(&value).into_owned();
                if !TYPES.contains(&v.as_str()) {
                    return Err(suggest::wrap(
                        format!("unsupported mount type {}", go::quote(&value)),
                        &value,
                        &TYPES,
                        true,
                    ));
                }
                m.kind = v;
            }
            "from" => m.from = value,
            "source" | "src" => m.source = value,
            "target" | "dst" | "destination" => m.target = value,
            "readonly" | "ro" => {
                m.read_only = go::parse_bool(&value).ok_or_else(|| invalid(&key, &value))?;
                ro_auto = false;
            }
            "readwrite" | "rw" => {
                m.read_only = !go::parse_bool(&value).ok_or_else(|| invalid(&key, &value))?;
                ro_auto = false;
            }
            "required" => {
                if m.kind == "secret" || m.kind == "ssh" {
                    m.required = go::parse_bool(&value).ok_or_else(|| invalid(&key, &value))?;
                } else {
                    return Err(unexpected(&key, &m.kind));
                }
            }
            "size" => {
                if m.kind == "tmpfs" {
                    m.size_limit = ram_in_bytes(&value).ok_or_else(|| invalid(&key, &value))?;
                } else {
                    return Err(unexpected(&key, &m.kind));
                }
            }
            "id" => m.cache_id = value,
            "sharing" => {
                let v = go::to_lower(&value).into_owned();
                if !SHARING.contains(&v.as_str()) {
                    return Err(suggest::wrap(
                        format!("unsupported sharing value {}", go::quote(&value)),
                        &value,
                        &SHARING,
                        true,
                    ));
                }
                m.cache_sharing = v;
            }
            "mode" => {
                m.mode = Some(
                    go::parse_uint(&value, 8, 32)
                        .map_err(|_| format!("invalid value {value} for mode"))?,
                );
            }
            "uid" => {
                m.uid = Some(
                    go::parse_uint(&value, 10, 32)
                        .map_err(|_| format!("invalid value {value} for uid"))?,
                );
            }
            "gid" => {
                m.gid = Some(
                    go::parse_uint(&value, 10, 32)
                        .map_err(|_| format!("invalid value {value} for gid"))?,
                );
            }
            "env" => m.env = Some(value),
            _ => {
                return Err(suggest::wrap(
                    format!("unexpected key '{key}' in '{field}'"),
                    &key,
                    &KEYS,
                    true,
                ));
            }
        }
    }
    let file_info = matches!(m.kind.as_str(), "secret" | "ssh" | "cache");
    if !file_info {
        let kind = go::quote(&m.kind);
        if m.mode.is_some() {
            return Err(format!("mode not allowed for {kind} type mounts"));
        }
        if m.uid.is_some() {
            return Err(format!("uid not allowed for {kind} type mounts"));
        }
        if m.gid.is_some() {
            return Err(format!("gid not allowed for {kind} type mounts"));
        }
    }
    if ro_auto {
        m.read_only = !matches!(m.kind.as_str(), "cache" | "tmpfs");
    }
    if m.kind == "secret" {
        if !m.from.is_empty() {
            return Err("secret mount should not have a from".to_owned());
        }
        if !m.cache_sharing.is_empty() {
            return Err("secret mount should not define sharing".to_owned());
        }
        if m.source.is_empty() && m.target.is_empty() && m.cache_id.is_empty() {
            return Err("invalid secret mount. one of source, target required".to_owned());
        }
        if !m.source.is_empty() && !m.cache_id.is_empty() {
            return Err("both source and id can't be set".to_owned());
        }
    }
    if !m.cache_sharing.is_empty() && m.kind != "cache" {
        return Err(format!("invalid cache sharing set for {} mount", m.kind));
    }
    Ok(m)
}

/// `units.RAMInBytes` of go-units: `<number>[.<frac>][ ]<unit>`, binary multiples.
fn ram_in_bytes(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let mut i = 0;
    while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
        i += 1;
    }
    let num: f64 = s.get(..i)?.parse().ok()?;
    if num < 0.0 {
        return None;
    }
    let mut rest = s.get(i..)?;
    rest = rest.strip_prefix(' ').unwrap_or(rest);
    let unit = go::to_lower(rest);
    let mult: f64 = match unit.as_ref() {
        "" | "b" => 1.0,
        "k" | "kb" | "kib" => 1024.0,
        "m" | "mb" | "mib" => 1024.0 * 1024.0,
        "g" | "gb" | "gib" => 1024.0 * 1024.0 * 1024.0,
        "t" | "tb" | "tib" => 1024.0_f64.powi(4),
        "p" | "pb" | "pib" => 1024.0_f64.powi(5),
        _ => return None,
    };
    #[allow(clippy::cast_possible_truncation)]
    Some((num * mult) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(v: &str) -> Result<Mount, String> {
        let mut id = |s: &str| Ok(s.to_owned());
        parse_mount(v, Some(&mut id))
    }

    #[test]
    fn mounts() {
        let m = full("type=cache,target=/root/.cache,sharing=locked").unwrap();
        assert_eq!((m.kind.as_str(), m.read_only), ("cache", false));
        assert_eq!(
            full("type=tmp").unwrap_err(),
            "unsupported mount type \"tmp\" (did you mean tmpfs?)"
        );
        assert_eq!(
            full("typ=tmpfs").unwrap_err(),
            "unexpected key 'typ' in 'typ=tmpfs' (did you mean type?)"
        );
        assert_eq!(
            full("target=/x,size=1m").unwrap_err(),
            "unexpected key 'size' for mount type 'bind'"
        );
        assert_eq!(
            full("x").unwrap_err(),
            "invalid field 'x' must be a key=value pair"
        );
        assert_eq!(
            full("type=bind,mode=0700").unwrap_err(),
            "mode not allowed for \"bind\" type mounts"
        );
        assert_eq!(
            parse_mount("from=$X", None).unwrap_err(),
            "'from' doesn't support variable expansion, define alias stage instead"
        );
        assert!(parse_mount("type=nonsense,x", None).is_ok());
        assert_eq!(
            parse_mount("", None).unwrap_err(),
            "failed to parse csv mounts: EOF"
        );
    }
}
