//! BuildKit's `suggest.WrapError`: ` (did you mean X?)` for the closest option within a
//! Levenshtein distance below 3 (first option wins a tie).
use crate::go;

/// Levenshtein distance over chars (insert, delete and substitute cost 1).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        if let Some(c0) = cur.first_mut() {
            *c0 = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
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

/// The suggestion for `val` among `options`, if any.
pub fn suggest(val: &str, options: &[&str], case_sensitive: bool) -> Option<String> {
    let v = if case_sensitive {
        val.into()
    } else {
        go::to_lower(val)
    };
    let mut best: Option<String> = None;
    let mut min = 3;
    for opt in options {
        let o = if case_sensitive {
            (*opt).into()
        } else {
            go::to_lower(opt)
        };
        if v == o {
            return None;
        }
        let d = levenshtein(&v, &o);
        if d < min {
            min = d;
            best = Some(if case_sensitive {
                o.into_owned()
            } else {
                match_case(&o, val)
            });
        }
    }
    best
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
