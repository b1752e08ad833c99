//! The build environment as BuildKit keeps it (`llb.EnvList`): ordered, setting a name moves it
//! to the end; the lexer reads it through `words::Env`. Lookups and updates are logarithmic so
//! a file with many ENV lines stays linear-ish.
use drydock_syntax::words::Env;
use std::collections::BTreeMap;

/// `PATH` BuildKit adds when an image has none (`system.DefaultPathEnv("linux")`).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// An ordered list of variables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvList {
    /// Insertion sequence → (name, value), in order.
    order: BTreeMap<u64, (String, String)>,
    /// Name → its sequence number.
    index: BTreeMap<String, u64>,
    next: u64,
}

impl EnvList {
    /// Sets `k`, moving it to the end.
    pub fn set(&mut self, k: &str, v: &str) {
        if let Some(old) = self.index.remove(k) {
            self.order.remove(&old);
        }
        let seq = self.next;
        self.next += 1;
        self.index.insert(k.to_owned(), seq);
        self.order.insert(seq, (k.to_owned(), v.to_owned()));
    }

    pub fn get(&self, k: &str) -> Option<&str> {
        let seq = self.index.get(k)?;
        self.order.get(seq).map(|(_, v)| v.as_str())
    }

    /// Names in order.
    pub fn keys(&self) -> Vec<&str> {
        self.order.values().map(|(k, _)| k.as_str()).collect()
    }

    /// Number of variables.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// `NAME=value` entries of an image config, in order (a later duplicate replaces).
    pub fn from_config(entries: &[String]) -> Self {
        let mut e = Self::default();
        for kv in entries {
            let (k, v) = kv.split_once('=').unwrap_or((kv.as_str(), ""));
            e.set(k, v);
        }
        e
    }

    /// The same list with `PATH` added when missing (what a stage starts with).
    pub fn with_default_path(mut self) -> Self {
        if self.get("PATH").is_none() {
            self.set("PATH", DEFAULT_PATH);
        }
        self
    }
}

impl Env for EnvList {
    fn get(&self, name: &str) -> Option<&str> {
        EnvList::get(self, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_moves_to_the_end() {
        let mut e = EnvList::from_config(&["PATH=/bin".into(), "A=1".into()]);
        e.set("PATH", "/x");
        assert_eq!(e.keys(), ["A", "PATH"]);
        assert_eq!(e.get("PATH"), Some("/x"));
        assert_eq!(
            EnvList::default().with_default_path().get("PATH"),
            Some(DEFAULT_PATH)
        );
    }
}
