//! Images as the daemon stores them: the OCI/Docker image config (runtime config, history,
//! rootfs), how its id is derived (sha256 of the canonical config JSON), and the history entry
//! texts BuildKit writes.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::timefmt::rfc3339;

/// A HEALTHCHECK as stored in the config (durations in nanoseconds, 0 = default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Healthcheck {
    pub test: Vec<String>,
    pub interval: i64,
    pub timeout: i64,
    pub start_period: i64,
    pub start_interval: i64,
    pub retries: i64,
}

/// The runtime part of an image config (Docker's `Config`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageConfig {
    pub user: String,
    pub exposed_ports: BTreeSet<String>,
    pub env: Vec<String>,
    pub entrypoint: Option<Vec<String>>,
    pub cmd: Option<Vec<String>>,
    pub volumes: BTreeSet<String>,
    pub working_dir: String,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: String,
    pub args_escaped: bool,
    pub healthcheck: Option<Healthcheck>,
    pub on_build: Vec<String>,
    pub shell: Vec<String>,
}

impl ImageConfig {
    /// From a catalog image's config.
    pub fn from_catalog(c: &drydock_catalog::ImageConfig) -> Self {
        ImageConfig {
            user: c.user.clone(),
            exposed_ports: c.exposed_ports.iter().cloned().collect(),
            env: c.env.clone(),
            entrypoint: c.entrypoint.clone(),
            cmd: c.cmd.clone(),
            volumes: c.volumes.iter().cloned().collect(),
            working_dir: c.working_dir.clone(),
            labels: c.labels.clone(),
            stop_signal: c.stop_signal.clone(),
            args_escaped: false,
            healthcheck: None,
            on_build: c.on_build.clone(),
            shell: c.shell.clone(),
        }
    }

    /// The value of `key` in `Env`.
    pub fn env_value(&self, key: &str) -> Option<&str> {
        self.env.iter().rev().find_map(|e| {
            let (k, v) = e.split_once('=').unwrap_or((e, ""));
            (k == key).then_some(v)
        })
    }

    /// BuildKit's `addEnv`: replace the key in place, else append.
    pub fn set_env(&mut self, key: &str, value: &str) {
        let entry = format!("{key}={value}");
        for e in &mut self.env {
            if e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key {
                *e = entry;
                return;
            }
        }
        self.env.push(entry);
    }

    /// Docker's JSON form (OCI field order, empty fields omitted).
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        let strs = |v: &[String]| serde_json::Value::from(v.to_vec());
        if !self.user.is_empty() {
            m.insert("User".into(), self.user.clone().into());
        }
        if !self.exposed_ports.is_empty() {
            let ports: serde_json::Map<String, serde_json::Value> = self
                .exposed_ports
                .iter()
                .map(|p| (p.clone(), serde_json::json!({})))
                .collect();
            m.insert("ExposedPorts".into(), ports.into());
        }
        if !self.env.is_empty() {
            m.insert("Env".into(), strs(&self.env));
        }
        if let Some(e) = &self.entrypoint {
            m.insert("Entrypoint".into(), strs(e));
        }
        if let Some(c) = &self.cmd {
            m.insert("Cmd".into(), strs(c));
        }
        if !self.volumes.is_empty() {
            let v: serde_json::Map<String, serde_json::Value> = self
                .volumes
                .iter()
                .map(|p| (p.clone(), serde_json::json!({})))
                .collect();
            m.insert("Volumes".into(), v.into());
        }
        if !self.working_dir.is_empty() {
            m.insert("WorkingDir".into(), self.working_dir.clone().into());
        }
        if !self.labels.is_empty() {
            let l: serde_json::Map<String, serde_json::Value> = self
                .labels
                .iter()
                .map(|(k, v)| (k.clone(), v.clone().into()))
                .collect();
            m.insert("Labels".into(), l.into());
        }
        if !self.stop_signal.is_empty() {
            m.insert("StopSignal".into(), self.stop_signal.clone().into());
        }
        if self.args_escaped {
            m.insert("ArgsEscaped".into(), true.into());
        }
        if let Some(h) = &self.healthcheck {
            let mut hm = serde_json::Map::new();
            hm.insert("Test".into(), strs(&h.test));
            for (k, v) in [
                ("Interval", h.interval),
                ("Timeout", h.timeout),
                ("StartPeriod", h.start_period),
                ("StartInterval", h.start_interval),
            ] {
                if v != 0 {
                    hm.insert(k.into(), v.into());
                }
            }
            if h.retries != 0 {
                hm.insert("Retries".into(), h.retries.into());
            }
            m.insert("Healthcheck".into(), hm.into());
        }
        if !self.on_build.is_empty() {
            m.insert("OnBuild".into(), strs(&self.on_build));
        }
        if !self.shell.is_empty() {
            m.insert("Shell".into(), strs(&self.shell));
        }
        serde_json::Value::Object(m)
    }
}

/// One history entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// Milliseconds since the epoch (virtual).
    pub created_ms: i64,
    pub created_by: String,
    pub comment: String,
    pub empty_layer: bool,
}

/// An image in the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// `sha256:<hex>` of the config JSON.
    pub id: String,
    pub config: ImageConfig,
    pub history: Vec<History>,
    /// The catalog image the layers start from (its digest), if any.
    pub base: Option<String>,
    /// Diff ids of every layer, lowest first (the catalog base's included).
    pub diff_ids: Vec<String>,
    /// Layer sizes, parallel to `diff_ids`.
    pub layer_sizes: Vec<u64>,
    pub created_ms: i64,
    pub os: String,
    pub architecture: String,
    pub author: String,
    /// Repository digests (`python@sha256:…` for pulled images; empty for built ones).
    pub repo_digests: Vec<String>,
    pub last_tag_ms: Option<i64>,
}

impl Image {
    /// Size as `docker images` reports it.
    pub fn size(&self) -> u64 {
        self.layer_sizes.iter().sum()
    }

    /// The 12-hex short id.
    pub fn short_id(&self) -> &str {
        let hex = self.id.strip_prefix("sha256:").unwrap_or(&self.id);
        hex.get(..12).unwrap_or(hex)
    }

    /// The config JSON whose sha256 is the image id (keys sorted as BuildKit's exporter
    /// writes them).
    pub fn config_json(&self) -> String {
        let history: Vec<serde_json::Value> = self
            .history
            .iter()
            .map(|h| {
                let mut m = serde_json::Map::new();
                m.insert("created".into(), rfc3339(h.created_ms).into());
                m.insert("created_by".into(), h.created_by.clone().into());
                if !h.comment.is_empty() {
                    m.insert("comment".into(), h.comment.clone().into());
                }
                if h.empty_layer {
                    m.insert("empty_layer".into(), true.into());
                }
                serde_json::Value::Object(m)
            })
            .collect();
        let mut m = serde_json::Map::new();
        m.insert("architecture".into(), self.architecture.clone().into());
        if !self.author.is_empty() {
            m.insert("author".into(), self.author.clone().into());
        }
        m.insert("config".into(), self.config.to_json());
        m.insert("created".into(), rfc3339(self.created_ms).into());
        m.insert("history".into(), history.into());
        m.insert("os".into(), self.os.clone().into());
        m.insert(
            "rootfs".into(),
            serde_json::json!({"type": "layers", "diff_ids": self.diff_ids}),
        );
        serde_json::Value::Object(m).to_string()
    }

    /// Computes and sets the id from the config.
    pub fn seal(&mut self) {
        let d = drydock_vfs::image_id(self.config_json().as_bytes());
        self.id = d.to_string();
    }
}

/// Go's `fmt.Sprintf("%q", []string)`: `["a" "b"]`.
pub fn go_quote_list(items: &[String]) -> String {
    let inner: Vec<String> = items
        .iter()
        .map(|s| drydock_syntax::words::go_quote(s))
        .collect();
    format!("[{}]", inner.join(" "))
}

/// Go's `fmt.Sprintf("%v", []string)`: `[a b]`.
pub fn go_list(items: &[String]) -> String {
    format!("[{}]", items.join(" "))
}

/// Go's `%v` of a `time.Duration` given in nanoseconds (`30s`, `1m30s`, `0s`, `500ms`).
pub fn go_duration(ns: i64) -> String {
    if ns == 0 {
        return "0s".to_owned();
    }
    let neg = ns < 0;
    let u = ns.unsigned_abs();
    let s = if u < 1_000 {
        format!("{u}ns")
    } else if u < 1_000_000 {
        trim_float(u as f64 / 1e3, "µs")
    } else if u < 1_000_000_000 {
        trim_float(u as f64 / 1e6, "ms")
    } else {
        let total_s = u / 1_000_000_000;
        let frac = u % 1_000_000_000;
        let h = total_s / 3600;
        let m = (total_s % 3600) / 60;
        let sec = total_s % 60;
        let mut out = String::new();
        if h > 0 {
            out.push_str(&format!("{h}h"));
        }
        if h > 0 || m > 0 {
            out.push_str(&format!("{m}m"));
        }
        if frac == 0 {
            out.push_str(&format!("{sec}s"));
        } else {
            let f = format!("{frac:09}");
            out.push_str(&format!("{sec}.{}s", f.trim_end_matches('0')));
        }
        out
    };
    if neg { format!("-{s}") } else { s }
}

fn trim_float(v: f64, unit: &str) -> String {
    let s = format!("{v:.9}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}{unit}")
}

/// Go's `%q` of an int (a rune literal): `'\x00'`, `'\x03'`, `'a'`.
pub fn go_quote_rune(n: i64) -> String {
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) if (' '..='~').contains(&c) && c != '\'' && c != '\\' => format!("'{c}'"),
        Some('\'') => "'\\''".to_owned(),
        Some('\\') => "'\\\\'".to_owned(),
        Some(c) if (c as u32) < 0x80 => match c {
            '\x07' => "'\\a'".into(),
            '\x08' => "'\\b'".into(),
            '\x0c' => "'\\f'".into(),
            '\n' => "'\\n'".into(),
            '\r' => "'\\r'".into(),
            '\t' => "'\\t'".into(),
            '\x0b' => "'\\v'".into(),
            _ => format!("'\\x{:02x}'", c as u32),
        },
        Some(c) => format!("'{c}'"),
        None => "'\u{fffd}'".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_formats() {
        assert_eq!(
            go_quote_list(&["python".into(), "app.py".into()]),
            "[\"python\" \"app.py\"]"
        );
        assert_eq!(go_duration(30_000_000_000), "30s");
        assert_eq!(go_duration(90_000_000_000), "1m30s");
        assert_eq!(go_duration(500_000_000), "500ms");
        assert_eq!(go_quote_rune(0), "'\\x00'");
        assert_eq!(go_quote_rune(3), "'\\x03'");
    }
}
