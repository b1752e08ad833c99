//! Go's character classes as BuildKit's lexer sees them: `unicode.IsLetter`, `unicode.IsDigit`,
//! `unicode.IsSpace` and `strconv.IsPrint`, with an ASCII fast path before the table search.

use super::unicode_tables::{DIGIT, LETTER, PRINT};

fn in_table(table: &[[u32; 2]], c: char) -> bool {
    let c = u32::from(c);
    table
        .binary_search_by(|&[lo, hi]| {
            if hi < c {
                core::cmp::Ordering::Less
            } else if lo > c {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Go `unicode.IsLetter` (categories L*).
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(LETTER, c)
}

/// Go `unicode.IsDigit` (category Nd).
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(DIGIT, c)
}

/// Go `unicode.IsSpace`: the Unicode `White_Space` property, which is exactly Rust's definition.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Go `strconv.IsPrint` / `unicode.IsPrint`: categories L, M, N, P, S and the ASCII space.
pub(crate) fn is_print(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(PRINT, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_go() {
        // Letters: ASCII, Korean, Greek, a modifier letter; not marks, not symbols.
        for c in ['a', 'Z', '한', 'λ', 'ʰ', 'ª'] {
            assert!(is_letter(c), "{c:?} is a letter");
        }
        for c in ['_', '1', '\u{0947}', 'Ⓐ', 'Ⅳ', '€', ' '] {
            assert!(!is_letter(c), "{c:?} is not a letter");
        }
        // Digits: Nd only (Arabic-Indic yes, Roman numerals and superscripts no).
        for c in ['0', '9', '\u{0661}', '\u{FF10}'] {
            assert!(is_digit(c), "{c:?} is a digit");
        }
        for c in ['a', 'Ⅳ', '²', '½'] {
            assert!(!is_digit(c), "{c:?} is not a digit");
        }
        // Spaces per Go: Latin-1 set plus White_Space.
        for c in [
            '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{3000}',
        ] {
            assert!(is_space(c), "{c:?} is a space");
        }
        assert!(!is_space('\u{200B}'));
        // Printable: ASCII space yes, other spaces and controls no, marks yes.
        for c in [' ', '~', '♥', '한', '\u{0301}', '👽'] {
            assert!(is_print(c), "{c:?} is printable");
        }
        for c in [
            '\u{7F}', '\0', '\u{A0}', '\u{2028}', '\u{FEFF}', '\u{E000}', '\u{378}',
        ] {
            assert!(!is_print(c), "{c:?} is not printable");
        }
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for table in [LETTER, DIGIT, PRINT] {
            for w in table.windows(2) {
                assert!(w[0][0] <= w[0][1] && w[0][1] < w[1][0], "{w:?}");
            }
        }
    }
}
