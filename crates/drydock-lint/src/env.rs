//! The build environment as BuildKit keeps it (`llb.EnvList`): ordered, setting a name moves it
//! to the end; the lexer reads it through `words::Env`.
use drydock_syntax::words::Env;

/// `PATH` BuildKit adds when an image has none (`system.DefaultPathEnv("linux")`).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// An ordered list of variables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvList(Vec<(String, String)>);

impl EnvList {
    /// Sets `k`, moving it to the end.
    pub fn set(&mut self, k: &str, v: &str) {
        self.0.retain(|(ek, _)| ek != k);
        self.0.push((k.to_owned(), v.to_owned()));
    }

    pub fn get(&self, k: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(ek, _)| ek == k)
            .map(|(_, v)| v.as_str())
    }

    /// Names in order.
    pub fn keys(&self) -> Vec<&str> {
        self.0.iter().map(|(k, _)| k.as_str()).collect()
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
