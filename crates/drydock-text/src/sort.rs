//! One shared stable sort for the whole core: `std`'s stable sort instantiated once (on indices,
//! through a `dyn` comparator) instead of once per element type and comparator closure.
//!
//! Every `slice::sort_by` with a new closure compiles its own copy of the sort (≈ 4 KB of wasm
//! each); fifty of them were a tenth of the web app's code. These functions order exactly as
//! `slice::sort`, `sort_by` and `sort_by_key` do (stable: equal elements keep their order), so
//! output stays byte-identical; the cost is an index vector and an indirect call per comparison.
use std::cmp::Ordering;

/// Stable sort by `Ord` (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Stable sort by a key (as `slice::sort_by_key`: the key is computed for every comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort by a comparator (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = {
        let items: &[T] = v;
        sorted_order(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(x), Some(y)) => cmp(x, y),
                _ => Ordering::Equal,
            },
        )
    };
    permute(v, &mut order);
}

/// The indices `0..n` in stable sorted order: the only instantiation of `std`'s sort.
#[inline(never)]
fn sorted_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that position `i` holds the element that was at `order[i]` (follows each
/// cycle of the permutation with swaps; `order` is used up as the visited mark).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut cur = start;
        while let Some(slot) = order.get_mut(cur) {
            let next = std::mem::replace(slot, usize::MAX);
            if next == usize::MAX || next == start {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unnecessary_sort_by)] // `sort_by` itself is what is compared
    fn matches_std_stable_sort() {
        // Pairs sorted by their first field only: stability decides the order of equal keys.
        let mut seed = 7u32;
        for len in 0..64 {
            let v: Vec<(u32, u32)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut theirs = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            theirs.sort_by_key(|p| p.0);
            assert_eq!(ours, theirs);
            let mut ours = v.clone();
            let mut theirs = v;
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            theirs.sort_by(|a, b| b.0.cmp(&a.0));
            assert_eq!(ours, theirs);
        }
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }
}
