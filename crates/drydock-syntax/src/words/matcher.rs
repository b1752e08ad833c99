//! Runs a compiled glob the way Go's `regexp` runs BuildKit's converted pattern: leftmost-first
//! (Perl) semantics, found with a Pike VM so any input takes O(text × pattern) time and
//! O(pattern) memory, never backtracking.

use super::pattern::Elem;

/// A thread: the program counter (`elems.len()` = match) and the byte where its match started.
type Thread = (usize, usize);

/// The matcher for one compiled pattern; `greedy` picks `.*` over `.*?` for every `*`.
pub(crate) struct Matcher<'p> {
    elems: &'p [Elem],
    greedy: bool,
    /// Per-pc mark of the list generation that already holds it (the VM's sparse set).
    seen: Vec<u64>,
    generation: u64,
    current: Vec<Thread>,
    next: Vec<Thread>,
}

impl<'p> Matcher<'p> {
    pub(crate) fn new(elems: &'p [Elem], greedy: bool) -> Self {
        Self {
            elems,
            greedy,
            seen: vec![0; elems.len() + 1],
            generation: 0,
            current: Vec::new(),
            next: Vec::new(),
        }
    }

    /// Adds the epsilon closure of `pc` to `list` in priority order. A `*` at `pc` is an
    /// alternative between "consume one more" (the thread parked on `pc`) and "go on to `pc+1`",
    /// preferring the first when greedy.
    fn add(
        elems: &[Elem],
        greedy: bool,
        seen: &mut [u64],
        generation: u64,
        list: &mut Vec<Thread>,
        mut pc: usize,
        start: usize,
    ) {
        // Lazy stars push their "consume" threads after everything reachable past them.
        let first_star = pc;
        loop {
            match seen.get_mut(pc) {
                Some(mark) if *mark != generation => *mark = generation,
                _ => break,
            }
            match elems.get(pc) {
                Some(Elem::Star) => {
                    if greedy {
                        list.push((pc, start));
                    }
                    pc += 1;
                }
                _ => {
                    list.push((pc, start));
                    break;
                }
            }
        }
        if !greedy {
            // Every pc in first_star..pc was a star newly marked by this call.
            for star in (first_star..pc).rev() {
                list.push((star, start));
            }
        }
    }

    /// The leftmost-first match in `text` at or after byte `from` as `(start, end)` bytes;
    /// `anchored` allows a match to start only at `from` (a `^` pattern searched from 0).
    pub(crate) fn find(
        &mut self,
        text: &str,
        from: usize,
        anchored: bool,
    ) -> Option<(usize, usize)> {
        let rest = text.get(from..)?;
        let m = self.elems.len();
        self.current.clear();
        self.next.clear();
        self.generation += 1;
        let mut matched: Option<(usize, usize)> = None;
        let mut pos = from;
        let mut chars = rest.chars();
        loop {
            if self.current.is_empty() && (matched.is_some() || (anchored && pos != from)) {
                break;
            }
            if matched.is_none() && (pos == from || !anchored) {
                Self::add(
                    self.elems,
                    self.greedy,
                    &mut self.seen,
                    self.generation,
                    &mut self.current,
                    0,
                    pos,
                );
            }
            let ch = chars.next();
            let next_pos = pos + ch.map_or(0, char::len_utf8);
            self.generation += 1;
            for i in 0..self.current.len() {
                let Some(&(pc, start)) = self.current.get(i) else {
                    break;
                };
                let target = match self.elems.get(pc) {
                    None => {
                        // Match: record it and cut off every lower-priority thread.
                        debug_assert_eq!(pc, m);
                        matched = Some((start, pos));
                        break;
                    }
                    Some(Elem::Lit(c)) => (ch == Some(*c)).then_some(pc + 1),
                    Some(Elem::Any) => ch.filter(|&c| c != '\n').map(|_| pc + 1),
                    Some(Elem::Star) => ch.filter(|&c| c != '\n').map(|_| pc),
                };
                if let Some(target) = target {
                    Self::add(
                        self.elems,
                        self.greedy,
                        &mut self.seen,
                        self.generation,
                        &mut self.next,
                        target,
                        start,
                    );
                }
            }
            if ch.is_none() {
                break;
            }
            pos = next_pos;
            core::mem::swap(&mut self.current, &mut self.next);
            self.next.clear();
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::super::pattern::compile;
    use super::*;

    fn find(pattern: &str, greedy: bool, text: &str, anchored: bool) -> Option<(usize, usize)> {
        let elems = compile(pattern).unwrap();
        Matcher::new(&elems, greedy).find(text, 0, anchored)
    }

    #[test]
    fn leftmost_first_like_go() {
        assert_eq!(find("*x*y", false, "xxyy", true), Some((0, 3)));
        assert_eq!(find("*x*y", true, "xxyy", true), Some((0, 4)));
        assert_eq!(find("*", false, "abc", true), Some((0, 0)));
        assert_eq!(find("*", true, "abc", true), Some((0, 3)));
        assert_eq!(find("", true, "abc", false), Some((0, 0)));
        assert_eq!(find("b*", true, "abcb", false), Some((1, 4)));
        assert_eq!(find("b*", false, "abcb", false), Some((1, 2)));
        assert_eq!(find("c", true, "abc", true), None);
        assert_eq!(find("?", true, "é", true), Some((0, 2)));
        // Wildcards stop at newlines; literals do not.
        assert_eq!(find("*x", true, "a\nx", true), None);
        assert_eq!(find("a*", true, "ab\ncd", true), Some((0, 2)));
        assert_eq!(find("a\nc", true, "a\nc", true), Some((0, 3)));
        // Greedy star then lazy-style preference of the earliest start for unanchored search.
        assert_eq!(find("*/", true, "/foo*/*/*.txt", false), Some((0, 8)));
    }

    #[test]
    fn long_inputs_stay_linear() {
        let text = "a".repeat(20_000);
        let pattern = "*a".repeat(50) + "b";
        assert_eq!(find(&pattern, false, &text, true), None);
        assert_eq!(find(&pattern, true, &text, false), None);
    }
}
