//! Docker's random container names (`focused_turing`): moby's `pkg/namesgenerator` word lists
//! (data files) drawn from the engine's seeded generator, with the daemon's retry that appends a
//! digit when a name is taken.
use crate::config::IdGen;

const LEFT: &str = include_str!("../../data/names-left.txt");
const RIGHT: &str = include_str!("../../data/names-right.txt");

fn words(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

fn pick<'a>(list: &[&'a str], g: &mut IdGen) -> &'a str {
    let n = list.len().max(1) as u64;
    let i = usize::try_from(g.next_u64() % n).unwrap_or(0);
    list.get(i).copied().unwrap_or("docker")
}

/// `namesgenerator.GetRandomName(retry)`.
pub fn random_name(g: &mut IdGen, retry: u32) -> String {
    let left = words(LEFT);
    let right = words(RIGHT);
    loop {
        let name = format!("{}_{}", pick(&left, g), pick(&right, g));
        if name == "boring_wozniak" {
            continue; // Steve Wozniak is not boring
        }
        if retry > 0 {
            return format!("{name}{}", g.next_u64() % 10);
        }
        return name;
    }
}

/// A name not in use: the daemon tries a fresh name, then names with a digit.
pub fn unused_name(g: &mut IdGen, taken: impl Fn(&str) -> bool) -> String {
    for retry in 0..6 {
        let n = random_name(g, retry);
        if !taken(&n) {
            return n;
        }
    }
    // Astronomically unlikely; the id-like fallback keeps names unique.
    format!("container_{:016x}", g.next_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_look_like_dockers() {
        let mut g = IdGen::new(7);
        let n = random_name(&mut g, 0);
        let (l, r) = n.split_once('_').unwrap();
        assert!(words(LEFT).contains(&l) && words(RIGHT).contains(&r), "{n}");
        assert_eq!(words(LEFT).len(), 108);
        let m = unused_name(&mut IdGen::new(7), |x| x == n);
        assert_ne!(m, n);
    }
}
