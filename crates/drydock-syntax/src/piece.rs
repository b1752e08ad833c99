//! `Piece`: one value a line parser cut out of a logical line, as a window plus an optional
//! decoded form, so that values stay zero-copy and keep their source position.

/// What a piece's value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PieceValue {
    /// The value is exactly the window's text.
    Slice,
    /// The value differs from the window (JSON escapes decoded, quotes removed).
    Decoded(String),
    /// A fixed value (ENV/LABEL delimiters `=` and ``).
    Static(&'static str),
}

/// A value cut from a logical line: byte window `start..end` (into the text the parser was
/// given) and how to read its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub value: PieceValue,
}

impl Piece {
    pub fn slice(start: usize, end: usize) -> Self {
        Piece {
            start,
            end,
            value: PieceValue::Slice,
        }
    }

    /// The piece's value read from `text` (the string the window indexes).
    pub fn value<'t>(&'t self, text: &'t str) -> &'t str {
        match &self.value {
            PieceValue::Slice => text.get(self.start..self.end).unwrap_or(""),
            PieceValue::Decoded(s) => s,
            PieceValue::Static(s) => s,
        }
    }

    /// The same piece with its window moved right by `by` bytes.
    pub fn shifted(mut self, by: usize) -> Self {
        self.start += by;
        self.end += by;
        self
    }
}
