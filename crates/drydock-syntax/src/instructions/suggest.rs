//! BuildKit's `suggest.WrapError`: ` (did you mean X?)` for the closest option within a
//! Levenshtein distance below 3 (first option wins a tie).
use crate::go;

/// Levenshtein distance over chars (insert, delete and substitute cost 1).
pub fn levenshtein(a: &str, b: &str) -> usize {
    distance(a, b, false)
}

/// Levenshtein distance, optionally comparing the chars lower-cased (Go's `strings.ToLower`).
fn distance(a: &str, b: &str, fold: bool) -> usize {
    let map = |c: char| if fold { go::lower_rune(c) } else { c };
    let mut bbuf = ['\0'; 32];
    let bv: Vec<char>;
    let bchars: &[char] = if b.chars().count() <= bbuf.len() {
        let mut n = 0;
        for (slot, c) in bbuf.iter_mut().zip(b.chars()) {
            *slot = map(c);
            n += 1;
        }
        bbuf.get(..n).unwrap_or(&[])
    } else {
        bv = b.chars().map(map).collect();
        &bv
    };
    let blen = bchars.len();
    let mut small = [0usize; 66];
    let mut big: Vec<usize>;
    let row: &mut [usize] = if 2 * (blen + 1) <= small.len() {
        small.get_mut(..2 * (blen + 1)).unwrap_or(&mut [])
    } else {
        big = vec![0; 2 * (blen + 1)];
        &mut big
    };
    let (mut prev, mut cur) = row.split_at_mut(blen + 1);
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, ca) in a.chars().map(map).enumerate() {
        if let Some(c0) = cur.first_mut() {
            *c0 = i + 1;
        }
        for (j, cb) in bchars.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(c) = cur.get_mut(j + 1) {
                *c = sub.min(del).min(ins);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// Levenshtein distance between two char slices when it is below `bound`; `bound` or more
/// otherwise (rows stop as soon as every cell has reached the bound).
fn bounded_distance(a: &[char], b: &[char], bound: usize) -> usize {
    let mut small = [0usize; 66];
    let mut big: Vec<usize>;
    let row: &mut [usize] = if 2 * (b.len() + 1) <= small.len() {
        small.get_mut(..2 * (b.len() + 1)).unwrap_or(&mut [])
    } else {
        big = vec![0; 2 * (b.len() + 1)];
        &mut big
    };
    let (mut prev, mut cur) = row.split_at_mut(b.len() + 1);
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut row_min = i + 1;
        if let Some(c0) = cur.first_mut() {
            *c0 = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            let v = sub.min(del).min(ins);
            row_min = row_min.min(v);
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
        }
        if row_min >= bound {
            return bound;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// The chars of `s` (lower-cased with `fold`) in `buf`, or in `spill` when they do not fit.
fn chars_of<'b>(
    s: &str,
    fold: bool,
    buf: &'b mut [char; 32],
    spill: &'b mut Vec<char>,
) -> &'b [char] {
    let map = |c: char| if fold { go::lower_rune(c) } else { c };
    let mut n = 0;
    for c in s.chars() {
        match buf.get_mut(n) {
            Some(slot) => *slot = map(c),
            None => {
                *spill = s.chars().map(map).collect();
                return spill;
            }
        }
        n += 1;
    }
    buf.get(..n).unwrap_or(&[])
}

/// The suggestion for `val` among `options`, if any.
pub fn suggest(val: &str, options: &[&str], case_sensitive: bool) -> Option<String> {
    let fold = !case_sensitive;
    let (mut vbuf, mut vspill) = (['\0'; 32], Vec::new());
    let v = chars_of(val, fold, &mut vbuf, &mut vspill);
    let mut best: Option<&str> = None;
    let mut min = 3;
    for opt in options {
        let (mut obuf, mut ospill) = (['\0'; 32], Vec::new());
        let o = chars_of(opt, fold, &mut obuf, &mut ospill);
        if v == o {
            return None;
        }
        if v.len().abs_diff(o.len()) >= min {
            continue;
        }
        let d = bounded_distance(v, o, min);
        if d < min {
            min = d;
            best = Some(opt);
        }
    }
    let best = best?;
    Some(if fold {
        match_case(&go::to_lower(best), val)
    } else {
        best.to_owned()
    })
}

fn match_case(opt: &str, orig: &str) -> String {
    if orig == go::to_lower(orig) {
        return go::to_lower(opt).into_owned();
    }
    if orig == go::to_upper(orig) {
        return go::to_upper(opt).into_owned();
    }
    opt.to_owned()
}

/// `message` with ` (did you mean X?)` appended when there is a suggestion.
pub fn wrap(message: String, val: &str, options: &[&str], case_sensitive: bool) -> String {
    match suggest(val, options, case_sensitive) {
        Some(s) => format!("{message} (did you mean {s}?)"),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(
            suggest("FNTRYPOINT", &["RUN", "ENTRYPOINT"], false).as_deref(),
            Some("ENTRYPOINT")
        );
        assert_eq!(
            suggest("mont", &["mount", "network"], true).as_deref(),
            Some("mount")
        );
        assert_eq!(suggest("foo", &["RUN"], false), None);
        assert_eq!(suggest("Runn", &["RUN"], false).as_deref(), Some("run"));
    }
}
