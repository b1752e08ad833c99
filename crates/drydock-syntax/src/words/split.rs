//! Word splitting as BuildKit's `wordsStruct` does it while expanding: expanded `$…` text and
//! plain characters split on (Unicode) whitespace, quoted text and escaped characters never do.
//!
//! BuildKit keeps the partial word in ONE buffer shared by every nesting level of its lexer and
//! clears it whenever a nested operand (`${v:-…}`, `${v#…}`, `${v/…/…}`) starts, so text before
//! such an operand is lost from the word list (`8${X:-0}` splits to `["0"]`). Callers pass that
//! shared buffer in to reproduce this.

use super::unicode::is_space;

/// The words of one nesting level (the shared partial word lives outside).
#[derive(Debug, Default)]
pub(crate) struct Words {
    list: Vec<String>,
    in_word: bool,
}

impl Words {
    /// `addChar`: whitespace ends the current word (if it has text), other characters extend it.
    pub(crate) fn add_char(&mut self, buf: &mut String, c: char) {
        if is_space(c) {
            if self.in_word && !buf.is_empty() {
                self.list.push(core::mem::take(buf));
                self.in_word = false;
            }
        } else {
            self.add_raw_char(buf, c);
        }
    }

    /// `addRawChar`: the character joins the word whatever it is.
    pub(crate) fn add_raw_char(&mut self, buf: &mut String, c: char) {
        buf.push(c);
        self.in_word = true;
    }

    /// `addString`: expanded text, split on whitespace.
    pub(crate) fn add_string(&mut self, buf: &mut String, s: &str) {
        for c in s.chars() {
            self.add_char(buf, c);
        }
    }

    /// `addRawString`: quoted text, never split (an empty `""` marks a word but adds no text).
    pub(crate) fn add_raw_string(&mut self, buf: &mut String, s: &str) {
        buf.push_str(s);
        self.in_word = true;
    }

    /// `getWords`: the finished list, with the pending word if it has text.
    pub(crate) fn finish(mut self, buf: &mut String) -> Vec<String> {
        if !buf.is_empty() {
            self.list.push(core::mem::take(buf));
        }
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_only_unquoted_space() {
        let mut buf = String::new();
        let mut w = Words::default();
        w.add_string(&mut buf, "  ab c ");
        w.add_raw_string(&mut buf, " d ");
        w.add_char(&mut buf, '\u{3000}');
        w.add_raw_string(&mut buf, "");
        w.add_char(&mut buf, ' ');
        w.add_raw_char(&mut buf, ' ');
        assert_eq!(w.finish(&mut buf), ["ab", "c", " d ", " "]);
    }
}
