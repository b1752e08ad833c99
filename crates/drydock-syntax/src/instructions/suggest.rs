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

/// Levenshtein distance between two char slices when it is below `bound` (at most 32 chars
/// each); `bound` otherwise. Only the diagonal band `|i - j| < bound` can hold a value below
/// the bound, so only it is computed, with every cell saturated at `bound`; the two row
/// buffers are reused, and cells right of the band are never written (they keep `bound`),
/// so the lengths must differ by less than `bound`.
fn bounded_distance(a: &[char], b: &[char], bound: u8) -> u8 {
    let (mut row_a, mut row_b) = ([bound; 33], [bound; 33]);
    let (mut prev, mut cur) = (&mut row_a, &mut row_b);
    let band = usize::from(bound.saturating_sub(1));
    for (j, p) in prev.iter_mut().enumerate().take(b.len().min(band) + 1) {
        *p = u8::try_from(j).unwrap_or(bound);
    }
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(band);
        let hi = (i + band + 1).min(b.len());
        // The cell left of the band: the first cell of the row, or out of the band.
        if let Some(c) = cur.get_mut(lo) {
            *c = if lo == 0 {
                u8::try_from(i + 1).unwrap_or(bound).min(bound)
            } else {
                bound
            };
        }
        let mut row_min = bound;
        for j in lo..hi {
            let cb = b.get(j).copied().unwrap_or('\0');
            let sub = prev.get(j).copied().unwrap_or(bound) + u8::from(*ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(bound) + 1;
            let ins = cur.get(j).copied().unwrap_or(bound) + 1;
            let v = sub.min(del).min(ins).min(bound);
            row_min = row_min.min(v);
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
        }
        if lo == 0 {
            row_min = row_min.min(cur.first().copied().unwrap_or(bound));
        }
        if row_min >= bound {
            return bound;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().unwrap_or(bound)
}

/// The chars of `s` (lower-cased with `fold`) in `buf`; `None` when there are more than 32.
fn chars_of<'b>(s: &str, fold: bool, buf: &'b mut [char; 32]) -> Option<&'b [char]> {
    let mut n = 0;
    if s.is_ascii() {
        let slot = buf.get_mut(..s.len())?;
        for (d, &c) in slot.iter_mut().zip(s.as_bytes()) {
            *d = char::from(if fold { c.to_ascii_lowercase() } else { c });
        }
        return Some(slot);
    }
    for c in s.chars() {
        *buf.get_mut(n)? = if fold { go::lower_rune(c) } else { c };
        n += 1;
    }
    buf.get(..n)
}

/// One bit per character class (ASCII code modulo 64; every other character shares bit 63), so
/// characters of one string that are missing from the other's mask are missing from it.
fn char_mask(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |m, c| {
        m | if c.is_ascii() {
            1u64 << (u32::from(c) % 64)
        } else {
            1u64 << 63
        }
    })
}

/// How many character classes one mask has and the other lacks (the larger side): a lower
/// bound of the distance.
fn lacking(a: u64, b: u64) -> u32 {
    (a & !b).count_ones().max((b & !a).count_ones())
}

/// Whether no lower bound keeps the distance between strings of `alen` and `blen` chars with
/// character masks `a` and `b` from being below `min`. The bounds: the length difference;
/// when they have no character class in common (so no char in common) every aligned pair is a
/// substitution, so the longer length; and [`lacking`].
/// Stops at the first bound that reaches `min` (the cheapest are tried first).
fn below(a: u64, alen: usize, b: u64, blen: usize, min: u8) -> bool {
    let min = usize::from(min);
    if alen.abs_diff(blen) >= min || (a & b == 0 && alen.max(blen) >= min) {
        return false;
    }
    (lacking(a, b) as usize) < min
}

/// The [`char_mask`] of an ASCII option of at most 32 bytes, its bytes lower-cased with `fold`
/// (`None` for any other option), computed at compile time for fixed option lists.
pub const fn ascii_mask(s: &str, fold: bool) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() > 32 {
        return None;
    }
    let mut m = 0u64;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c >= 0x80 {
            return None;
        }
        let c = if fold { c.to_ascii_lowercase() } else { c };
        m |= 1u64 << (c % 64);
        i += 1;
    }
    Some(m)
}

/// The suggestion for `val` among `options`, if any.
pub fn suggest(val: &str, options: &[&str], case_sensitive: bool) -> Option<String> {
    suggest_with(val, options, None, case_sensitive)
}

/// [`suggest`] with the options' [`ascii_mask`]s computed ahead (`masks[i]` for `options[i]`,
/// with the same `case_sensitive`).
pub fn suggest_with(
    val: &str,
    options: &[&str],
    masks: Option<&[Option<u64>]>,
    case_sensitive: bool,
) -> Option<String> {
    let fold = !case_sensitive;
    let mut vbuf = ['\0'; 32];
    let Some(v) = chars_of(val, fold, &mut vbuf) else {
        return suggest_long(val, options, fold);
    };
    let mut best: Option<&str> = None;
    let mut min = 3u8;
    let mut obuf = ['\0'; 32];
    let vmask = char_mask(v.iter().copied());
    for (i, opt) in options.iter().enumerate() {
        // An ASCII option has as many chars as bytes, and its character mask can be read from
        // its bytes: both bounds are checked before converting it (an option that fails one
        // cannot equal the value either, so skipping it early changes nothing).
        let omask = match masks {
            Some(m) => m.get(i).copied().flatten(),
            None => ascii_mask(opt, fold),
        };
        if let Some(omask) = omask
            && !below(vmask, v.len(), omask, opt.len(), min)
        {
            continue;
        }
        let Some(o) = chars_of(opt, fold, &mut obuf) else {
            return suggest_long(val, options, fold);
        };
        if v == o {
            return None;
        }
        // Cheap lower bounds of the distance: the length difference, and the number of
        // distinct characters one side has and the other lacks.
        let omask = char_mask(o.iter().copied());
        if !below(vmask, v.len(), omask, o.len(), min) {
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

/// [`suggest`] when the value or an option is longer than 32 chars: the plain algorithm.
fn suggest_long(val: &str, options: &[&str], fold: bool) -> Option<String> {
    let mut best: Option<&str> = None;
    let mut min = 3;
    let vlen = val.chars().count();
    for opt in options {
        let same = if fold {
            val.chars()
                .map(go::lower_rune)
                .eq(opt.chars().map(go::lower_rune))
        } else {
            val == *opt
        };
        if same {
            return None;
        }
        if vlen.abs_diff(opt.chars().count()) >= min {
            continue;
        }
        let d = distance(val, opt, fold);
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
    wrap_with(message, val, options, None, case_sensitive)
}

/// [`wrap`] with the options' masks computed ahead (see [`suggest_with`]).
pub fn wrap_with(
    message: String,
    val: &str,
    options: &[&str],
    masks: Option<&[Option<u64>]>,
    case_sensitive: bool,
) -> String {
    match suggest_with(val, options, masks, case_sensitive) {
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
        // No character in common: the distance is the longer length.
        assert_eq!(suggest("{{", &["RUN", "ADD"], false), None);
        assert_eq!(suggest("xyz", &["abc"], true), None);
        assert_eq!(suggest("xy", &["ab"], true).as_deref(), Some("ab"));
        assert_eq!(suggest("xy", &["xb"], true).as_deref(), Some("xb"));
    }
}
