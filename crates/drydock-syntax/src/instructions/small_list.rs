//! `SmallList<T>`: a list of a node's parts that holds a single element inline, so the common
//! one-element lists (a shell-form command line, one ENV/LABEL pair) need no allocation.
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// A list that reads as a slice (`iter`, `len`, `first`, `for x in &list` …) and prints and
/// serializes as the `Vec` it stands for.
#[derive(Clone)]
pub struct SmallList<T>(Repr<T>);

#[derive(Clone)]
enum Repr<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> Default for SmallList<T> {
    fn default() -> Self {
        SmallList(Repr::default())
    }
}

impl<T> Default for Repr<T> {
    fn default() -> Self {
        Repr::Many(Vec::new())
    }
}

impl<T> SmallList<T> {
    /// A list of one element, held inline.
    pub fn one(item: T) -> Self {
        SmallList(Repr::One(item))
    }

    /// Appends `item` (the first one is held inline).
    pub fn push(&mut self, item: T) {
        match &mut self.0 {
            Repr::Many(v) if v.is_empty() => self.0 = Repr::One(item),
            Repr::Many(v) => v.push(item),
            Repr::One(_) => {
                if let Repr::One(first) = std::mem::take(&mut self.0) {
                    self.0 = Repr::Many(vec![first, item]);
                }
            }
        }
    }

    /// The list as a slice.
    pub fn as_slice(&self) -> &[T] {
        match &self.0 {
            Repr::One(a) => std::slice::from_ref(a),
            Repr::Many(v) => v,
        }
    }

    /// The elements as a `Vec`.
    pub fn into_vec(self) -> Vec<T> {
        match self.0 {
            Repr::One(a) => vec![a],
            Repr::Many(v) => v,
        }
    }
}

impl<T: Clone> SmallList<T> {
    /// A copy of `items` (one element is held inline).
    pub fn from_slice(items: &[T]) -> Self {
        match items {
            [one] => SmallList(Repr::One(one.clone())),
            _ => SmallList(Repr::Many(items.to_vec())),
        }
    }
}

impl<T> From<Vec<T>> for SmallList<T> {
    fn from(v: Vec<T>) -> Self {
        SmallList(Repr::Many(v))
    }
}

impl<T> Deref for SmallList<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<'s, T> IntoIterator for &'s SmallList<T> {
    type Item = &'s T;
    type IntoIter = std::slice::Iter<'s, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

/// Printed as the list it stands for (the same text as a `Vec`).
impl<T: fmt::Debug> fmt::Debug for SmallList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

/// Serialized as the list it stands for (the same data as a `Vec`).
impl<T: Serialize> Serialize for SmallList<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_prints_like_a_list() {
        for list in [vec![], vec!["a"], vec!["a", "b"]] {
            let s = SmallList::from_slice(&list);
            assert_eq!(format!("{s:?}"), format!("{list:?}"));
            assert_eq!(s.len(), list.len());
            assert_eq!((&s).into_iter().count(), list.len());
            assert_eq!(s.clone().into_vec(), list);
            assert_eq!(SmallList::from(list.clone()).as_slice(), list.as_slice());
        }
        assert_eq!(SmallList::one(7).first(), Some(&7));
        let mut s = SmallList::default();
        for i in 0..4 {
            s.push(i);
            assert_eq!(s.as_slice(), (0..=i).collect::<Vec<_>>().as_slice());
        }
    }
}
