//! `TextRange`: a half-open byte range `[start, end)` into a source text.
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a source text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    /// A range from `start` to `end`; the bounds are swapped when given in the wrong order.
    pub fn new(start: u32, end: u32) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self {
                start: end,
                end: start,
            }
        }
    }

    /// A range from `usize` offsets (saturating at `u32::MAX`).
    pub fn from_usize(start: usize, end: usize) -> Self {
        let c = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Self::new(c(start), c(end))
    }

    /// An empty range at `offset`.
    pub fn empty(offset: u32) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies inside `[start, end)`.
    pub fn contains(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The range shifted right by `by` bytes.
    pub fn shift(self, by: u32) -> TextRange {
        TextRange {
            start: self.start.saturating_add(by),
            end: self.end.saturating_add(by),
        }
    }

    /// The text the range covers, or `""` when it does not fall on `text`'s char boundaries.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_and_slice() {
        let a = TextRange::new(4, 2);
        assert_eq!(a, TextRange { start: 2, end: 4 });
        assert_eq!(a.cover(TextRange::new(6, 8)), TextRange::new(2, 8));
        assert_eq!(TextRange::new(1, 3).slice("héllo"), "é");
        assert_eq!(TextRange::new(1, 2).slice("héllo"), "");
        assert!(TextRange::new(2, 5).contains_range(TextRange::new(3, 5)));
    }
}
