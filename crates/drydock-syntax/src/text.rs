//! `Text`: a cheap-to-clone string that borrows from the Dockerfile source or shares one buffer
//! (reference-counted without atomics: a parse tree lives on one thread).
//!
//! Most strings in the tree are slices of the input (`Borrowed`). Strings that BuildKit derives
//! (continuation lines joined, JSON escapes decoded, flag quotes removed) live in one shared
//! buffer per instruction (`Shared`), and every argument of a joined line is a window into it,
//! so cloning any `Text` never copies bytes.
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A string of the parse tree: a slice of the source, or a window into a shared buffer.
#[derive(Clone)]
pub enum Text<'a> {
    Borrowed(&'a str),
    Shared(Rc<str>, u32, u32),
}

impl<'a> Text<'a> {
    /// A text that owns a copy of `s`.
    pub fn owned(s: &str) -> Text<'static> {
        let len = u32::try_from(s.len()).unwrap_or(u32::MAX);
        Text::Shared(Rc::from(s), 0, len)
    }

    /// The text as a `&str`.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Shared(buf, start, end) => buf.get(*start as usize..*end as usize).unwrap_or(""),
        }
    }

    /// The window `start..end` (byte offsets into this text) as a new `Text` sharing the bytes.
    /// Returns an empty text when the range is not on this text's char boundaries.
    #[inline]
    pub fn slice(&self, start: usize, end: usize) -> Text<'a> {
        match self {
            Text::Borrowed(s) => Text::Borrowed(s.get(start..end).unwrap_or("")),
            Text::Shared(buf, s0, _) => {
                let base = *s0 as usize;
                if self.as_str().get(start..end).is_none() {
                    return Text::Borrowed("");
                }
                let c = |v: usize| u32::try_from(base + v).unwrap_or(u32::MAX);
                Text::Shared(Rc::clone(buf), c(start), c(end))
            }
        }
    }

    /// The same text with a `'static` lifetime (copies borrowed bytes once).
    pub fn into_static(self) -> Text<'static> {
        match self {
            Text::Borrowed(s) => Text::owned(s),
            Text::Shared(buf, s, e) => Text::Shared(buf, s, e),
        }
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Text<'_> {
    fn default() -> Self {
        Text::Borrowed("")
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text<'_> {}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Self {
        Text::Borrowed(s)
    }
}

impl From<String> for Text<'static> {
    fn from(s: String) -> Self {
        Text::owned(&s)
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_share_and_stay_on_boundaries() {
        let t = Text::owned("héllo world");
        let w = t.slice(7, 12);
        assert_eq!(w, "world");
        assert_eq!(w.slice(1, 3), "or");
        assert_eq!(t.slice(2, 3), "");
        assert_eq!(Text::Borrowed("abc").slice(1, 2), "b");
    }
}
