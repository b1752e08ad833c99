//! The variable lookup the lexer expands against: a small trait so the engine can pass its build
//! environment without copying, with impls for pair slices, vectors and the std maps.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

/// A set of variables. Names are case-sensitive (BuildKit's Linux behaviour); a name that is
/// present with an empty value is *set* (`${X-d}` keeps the empty value, `${X:-d}` does not).
pub trait Env {
    /// The value of `name`, or `None` when it is not set.
    fn get(&self, name: &str) -> Option<&str>;
}

impl<T: Env + ?Sized> Env for &T {
    fn get(&self, name: &str) -> Option<&str> {
        (**self).get(name)
    }
}

/// `(name, value)` pairs; when a name repeats, the LAST pair wins (BuildKit's `EnvsFromSlice`).
impl<K: AsRef<str>, V: AsRef<str>> Env for [(K, V)] {
    fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .rev()
            .find(|(k, _)| k.as_ref() == name)
            .map(|(_, v)| v.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> Env for [(K, V); N] {
    fn get(&self, name: &str) -> Option<&str> {
        Env::get(self.as_slice(), name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Env for Vec<(K, V)> {
    fn get(&self, name: &str) -> Option<&str> {
        Env::get(self.as_slice(), name)
    }
}

impl<K: core::borrow::Borrow<str> + Ord, V: AsRef<str>> Env for BTreeMap<K, V> {
    fn get(&self, name: &str) -> Option<&str> {
        BTreeMap::get(self, name).map(AsRef::as_ref)
    }
}

impl<K: core::borrow::Borrow<str> + Hash + Eq, V: AsRef<str>, S: BuildHasher> Env
    for HashMap<K, V, S>
{
    fn get(&self, name: &str) -> Option<&str> {
        HashMap::get(self, name).map(AsRef::as_ref)
    }
}

/// No variables at all (what BuildKit's heredoc detector passes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoEnv;

impl Env for NoEnv {
    fn get(&self, _name: &str) -> Option<&str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_impl_finds_and_misses() {
        let pairs = [("car", "hat"), ("foo", ""), ("car", "bike")];
        assert_eq!(pairs.get("car"), Some("bike"), "last pair wins");
        assert_eq!(pairs.get("foo"), Some(""), "empty is set");
        assert_eq!(pairs.get("CAR"), None, "case-sensitive");
        let owned: Vec<(String, String)> = vec![("a".into(), "1".into())];
        assert_eq!(owned.get("a"), Some("1"));
        let by_ref: &Vec<(String, String)> = &owned;
        assert_eq!(Env::get(&by_ref, "b"), None, "through the &T impl");
        let b: BTreeMap<String, String> = [("a".to_owned(), "1".to_owned())].into();
        assert_eq!(Env::get(&b, "a"), Some("1"));
        let h: HashMap<&str, &str> = [("a", "2")].into();
        assert_eq!(Env::get(&h, "a"), Some("2"));
        assert_eq!(NoEnv.get("a"), None);
    }
}
