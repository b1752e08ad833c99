//! `PMap`: a persistent sorted map with structural sharing (a treap whose priorities are derived
//! from the keys), used for directory entries. Clone is O(1); insert/remove/get are O(log n)
//! expected and copy only the search path; two versions can be diffed in O(changes · log n)
//! because equal key sets always produce the same tree shape and shared subtrees are skipped by
//! pointer comparison.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::sync::Arc;

/// Keys of a `PMap` provide a deterministic priority (a hash): no randomness is involved.
pub trait TreapKey: Ord + Clone {
    /// A well-mixed 64-bit hash of the key.
    fn priority(&self) -> u64;
}

/// FNV-1a followed by a SplitMix64 finaliser: deterministic, well mixed, dependency-free.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    splitmix(h)
}

pub(crate) fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl TreapKey for Arc<str> {
    fn priority(&self) -> u64 {
        hash_bytes(self.as_bytes())
    }
}

impl TreapKey for String {
    fn priority(&self) -> u64 {
        hash_bytes(self.as_bytes())
    }
}

type Link<K, V> = Option<Arc<TNode<K, V>>>;

#[derive(Clone)]
struct TNode<K, V> {
    key: K,
    val: V,
    prio: u64,
    len: usize,
    left: Link<K, V>,
    right: Link<K, V>,
}

/// In-place insertion: nodes on the search path are copied only when shared with another
/// version (`Arc::make_mut`), so repeated edits of one version do not reallocate its path.
fn insert_mut<K: TreapKey, V: Clone>(link: &mut Link<K, V>, key: K, prio: u64, val: V) {
    let Some(arc) = link else {
        *link = mk(key, val, prio, None, None);
        return;
    };
    match key.cmp(&arc.key) {
        Ordering::Equal => Arc::make_mut(arc).val = val,
        _ if outranks(prio, &key, arc.prio, &arc.key) => {
            let (l, _, r) = split(link, &key);
            *link = mk(key, val, prio, l, r);
        }
        Ordering::Less => {
            let n = Arc::make_mut(arc);
            insert_mut(&mut n.left, key, prio, val);
            n.len = 1 + len(&n.left) + len(&n.right);
        }
        Ordering::Greater => {
            let n = Arc::make_mut(arc);
            insert_mut(&mut n.right, key, prio, val);
            n.len = 1 + len(&n.left) + len(&n.right);
        }
    }
}

/// In-place removal of a key known to be present.
fn remove_mut<K, V: Clone, Q>(link: &mut Link<K, V>, key: &Q) -> Option<V>
where
    K: TreapKey + Borrow<Q>,
    Q: Ord + ?Sized,
{
    let arc = link.as_mut()?;
    match key.cmp(arc.key.borrow()) {
        Ordering::Equal => {
            let v = arc.val.clone();
            *link = merge(&arc.left, &arc.right);
            Some(v)
        }
        Ordering::Less => {
            let n = Arc::make_mut(arc);
            let v = remove_mut(&mut n.left, key)?;
            n.len -= 1;
            Some(v)
        }
        Ordering::Greater => {
            let n = Arc::make_mut(arc);
            let v = remove_mut(&mut n.right, key)?;
            n.len -= 1;
            Some(v)
        }
    }
}

/// A mutable reference to the value for a key known to be present (shared nodes on the way
/// are copied).
fn get_mut<'a, K, V: Clone, Q>(link: &'a mut Link<K, V>, key: &Q) -> Option<&'a mut V>
where
    K: TreapKey + Borrow<Q>,
    Q: Ord + ?Sized,
{
    let n = Arc::make_mut(link.as_mut()?);
    match key.cmp(n.key.borrow()) {
        Ordering::Equal => Some(&mut n.val),
        Ordering::Less => get_mut(&mut n.left, key),
        Ordering::Greater => get_mut(&mut n.right, key),
    }
}

fn len<K, V>(l: &Link<K, V>) -> usize {
    l.as_ref().map_or(0, |n| n.len)
}

fn mk<K, V>(key: K, val: V, prio: u64, left: Link<K, V>, right: Link<K, V>) -> Link<K, V> {
    let len = 1 + len(&left) + len(&right);
    Some(Arc::new(TNode {
        key,
        val,
        prio,
        len,
        left,
        right,
    }))
}

/// `a` outranks `b`: higher priority, ties broken by key so the shape is canonical.
fn outranks<K: Ord>(pa: u64, ka: &K, pb: u64, kb: &K) -> bool {
    match pa.cmp(&pb) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => ka < kb,
    }
}

/// Splits into (< key, == key, > key).
/// The result of `split`: below, equal entry, above.
type Split<K, V> = (Link<K, V>, Option<(K, V)>, Link<K, V>);

fn split<K: TreapKey, V: Clone>(t: &Link<K, V>, key: &K) -> Split<K, V> {
    let Some(n) = t else {
        return (None, None, None);
    };
    match key.cmp(&n.key) {
        Ordering::Equal => (
            n.left.clone(),
            Some((n.key.clone(), n.val.clone())),
            n.right.clone(),
        ),
        Ordering::Less => {
            let (l, m, r) = split(&n.left, key);
            (
                l,
                m,
                mk(n.key.clone(), n.val.clone(), n.prio, r, n.right.clone()),
            )
        }
        Ordering::Greater => {
            let (l, m, r) = split(&n.right, key);
            (
                mk(n.key.clone(), n.val.clone(), n.prio, n.left.clone(), l),
                m,
                r,
            )
        }
    }
}

/// Merges two treaps where every key of `a` is below every key of `b`.
fn merge<K: TreapKey, V: Clone>(a: &Link<K, V>, b: &Link<K, V>) -> Link<K, V> {
    match (a, b) {
        (None, _) => b.clone(),
        (_, None) => a.clone(),
        (Some(x), Some(y)) => {
            if outranks(x.prio, &x.key, y.prio, &y.key) {
                mk(
                    x.key.clone(),
                    x.val.clone(),
                    x.prio,
                    x.left.clone(),
                    merge(&x.right, b),
                )
            } else {
                mk(
                    y.key.clone(),
                    y.val.clone(),
                    y.prio,
                    merge(a, &y.left),
                    y.right.clone(),
                )
            }
        }
    }
}

/// A persistent sorted map. See the module documentation.
pub struct PMap<K, V> {
    root: Link<K, V>,
}

impl<K, V> Clone for PMap<K, V> {
    fn clone(&self) -> Self {
        PMap {
            root: self.root.clone(),
        }
    }
}

impl<K, V> Default for PMap<K, V> {
    fn default() -> Self {
        PMap { root: None }
    }
}

impl<K: std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for PMap<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// One difference between two maps, in key order.
pub enum DiffItem<'a, K, V> {
    /// Only in the old map.
    Removed(&'a K, &'a V),
    /// Only in the new map.
    Added(&'a K, &'a V),
    /// In both, in subtrees that are not shared (the values may still be equal).
    Both(&'a K, &'a V, &'a V),
}

impl<K, V> PMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        PMap { root: None }
    }

    /// Number of entries (O(1)).
    pub fn len(&self) -> usize {
        len(&self.root)
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    /// Whether both maps are the very same version (shared root).
    pub fn ptr_eq(&self, other: &Self) -> bool {
        match (&self.root, &other.root) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        let mut it = Iter { stack: Vec::new() };
        it.push_left(&self.root);
        it
    }

    /// Keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    /// Values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }
}

impl<K: TreapKey, V: Clone> PMap<K, V> {
    /// The value for `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let mut cur = &self.root;
        while let Some(n) = cur {
            match key.cmp(n.key.borrow()) {
                Ordering::Equal => return Some(&n.val),
                Ordering::Less => cur = &n.left,
                Ordering::Greater => cur = &n.right,
            }
        }
        None
    }

    /// The stored key and value for `key`.
    pub fn get_key_value<Q>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let mut cur = &self.root;
        while let Some(n) = cur {
            match key.cmp(n.key.borrow()) {
                Ordering::Equal => return Some((&n.key, &n.val)),
                Ordering::Less => cur = &n.left,
                Ordering::Greater => cur = &n.right,
            }
        }
        None
    }

    /// Whether `key` is present.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.get(key).is_some()
    }

    /// Inserts or replaces (path copying; other versions are unaffected).
    pub fn insert(&mut self, key: K, val: V) {
        let prio = key.priority();
        insert_mut(&mut self.root, key, prio, val);
    }

    /// A mutable reference to the value for `key`; nodes shared with other versions are copied
    /// on the way down, others are modified in place. `None` (nothing copied) when absent.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        if !self.contains_key(key) {
            return None;
        }
        get_mut(&mut self.root, key)
    }

    /// Removes `key`, returning its value. When absent the map is left untouched.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        if !self.contains_key(key) {
            return None;
        }
        remove_mut(&mut self.root, key)
    }

    /// Builds a map from entries (later duplicates win).
    pub fn from_entries(entries: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut m = PMap::new();
        for (k, v) in entries {
            m.insert(k, v);
        }
        m
    }

    /// Calls `f` for every key whose entry differs between `self` (old) and `new`, in key order.
    /// Subtrees shared by both versions are skipped, so the cost is proportional to the changes.
    pub fn diff<'a>(&'a self, new: &'a Self, f: &mut dyn FnMut(DiffItem<'_, K, V>)) {
        diff_links(&self.root, &new.root, f);
    }
}

impl<K, V> PMap<K, V> {
    /// Visits every treap node not yet in `seen` (by address), calling `f` on its value; a node
    /// already seen is skipped with its whole subtree (it is shared). Returns the number of
    /// nodes newly visited.
    pub(crate) fn visit_unique(
        &self,
        seen: &mut std::collections::BTreeSet<usize>,
        f: &mut dyn FnMut(&V),
    ) -> usize {
        let mut n = 0;
        let mut stack: Vec<&Arc<TNode<K, V>>> = self.root.iter().collect();
        while let Some(node) = stack.pop() {
            if !seen.insert(Arc::as_ptr(node) as usize) {
                continue;
            }
            n += 1;
            f(&node.val);
            stack.extend(node.left.iter());
            stack.extend(node.right.iter());
        }
        n
    }

    /// Heap bytes of one treap node.
    pub(crate) const NODE_BYTES: usize = std::mem::size_of::<TNode<K, V>>() + 16;
}

fn diff_links<K: TreapKey, V: Clone>(
    a: &Link<K, V>,
    b: &Link<K, V>,
    f: &mut dyn FnMut(DiffItem<'_, K, V>),
) {
    match (a, b) {
        (None, None) => {}
        (Some(x), Some(y)) if Arc::ptr_eq(x, y) => {}
        (Some(_), None) => {
            for (k, v) in (PMap { root: a.clone() }).iter() {
                f(DiffItem::Removed(k, v));
            }
        }
        (None, Some(_)) => {
            for (k, v) in (PMap { root: b.clone() }).iter() {
                f(DiffItem::Added(k, v));
            }
        }
        (Some(x), Some(y)) => {
            if x.key == y.key {
                diff_links(&x.left, &y.left, f);
                f(DiffItem::Both(&x.key, &x.val, &y.val));
                diff_links(&x.right, &y.right, f);
            } else {
                let (bl, bm, br) = split(b, &x.key);
                diff_links(&x.left, &bl, f);
                match &bm {
                    Some((_, bv)) => f(DiffItem::Both(&x.key, &x.val, bv)),
                    None => f(DiffItem::Removed(&x.key, &x.val)),
                }
                diff_links(&x.right, &br, f);
            }
        }
    }
}

/// In-order iterator over a `PMap`.
pub struct Iter<'a, K, V> {
    stack: Vec<&'a TNode<K, V>>,
}

impl<'a, K, V> Iter<'a, K, V> {
    fn push_left(&mut self, mut cur: &'a Link<K, V>) {
        while let Some(n) = cur {
            self.stack.push(n);
            cur = &n.left;
        }
    }
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        let n = self.stack.pop()?;
        self.push_left(&n.right);
        Some((&n.key, &n.val))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn key(i: u32) -> Arc<str> {
        Arc::from(format!("k{i:04}"))
    }

    #[test]
    fn behaves_like_btreemap() {
        let mut m: PMap<Arc<str>, u32> = PMap::new();
        let mut model = BTreeMap::new();
        let mut versions = Vec::new();
        for i in 0..500u32 {
            let k = key((i * 7919) % 300);
            if i % 3 == 0 {
                assert_eq!(m.remove(&k), model.remove(&k));
            } else {
                m.insert(k.clone(), i);
                model.insert(k, i);
            }
            versions.push((m.clone(), model.clone()));
        }
        for (m, model) in &versions {
            assert_eq!(m.len(), model.len());
            let got: Vec<_> = m.iter().map(|(k, v)| (k.clone(), *v)).collect();
            let want: Vec<_> = model.iter().map(|(k, v)| (k.clone(), *v)).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn canonical_shape_and_diff() {
        let a = PMap::from_entries((0..200).map(|i| (key(i), i)));
        let b = PMap::from_entries((0..200).rev().map(|i| (key(i), i)));
        let mut n = 0;
        a.diff(&b, &mut |d| {
            if let DiffItem::Both(_, x, y) = d {
                assert_eq!(x, y);
            }
            n += 1;
        });
        assert!(n <= 200);
        let mut c = a.clone();
        c.insert(key(500), 1);
        c.remove(&key(3));
        c.insert(key(7), 99);
        let mut changes = Vec::new();
        a.diff(&c, &mut |d| match d {
            DiffItem::Added(k, _) => changes.push(format!("+{k}")),
            DiffItem::Removed(k, _) => changes.push(format!("-{k}")),
            DiffItem::Both(k, x, y) if x != y => changes.push(format!("~{k}")),
            DiffItem::Both(..) => {}
        });
        assert_eq!(changes, ["-k0003", "~k0007", "+k0500"]);
        let mut d = a.clone();
        assert!(d.remove(&key(999)).is_none());
        assert!(d.ptr_eq(&a));
    }
}
