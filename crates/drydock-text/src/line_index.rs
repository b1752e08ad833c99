//! `LineIndex`: converts byte offsets to 1-based lines, character columns and UTF-16 offsets.
use serde::{Deserialize, Serialize};

/// A position as humans count it: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of a text, for offset conversions. Building it is one pass over the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        Self {
            starts,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
        }
    }

    /// Number of lines (a text ending in `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: u32) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts (the text's length past the last line).
    pub fn line_start(&self, line: usize) -> u32 {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// 1-based line and character column of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_start(line) as usize;
        let end = (offset.min(self.len) as usize).max(start);
        let col = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        LineCol {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        }
    }

    /// UTF-16 offset (what a JavaScript editor counts) of byte `offset` in `text`.
    pub fn to_utf16(&self, text: &str, offset: u32) -> u32 {
        let offset = floor_char_boundary(text, offset.min(self.len) as usize);
        let units: usize = text[..offset].chars().map(char::len_utf16).sum();
        u32::try_from(units).unwrap_or(u32::MAX)
    }

    /// Byte offset of UTF-16 offset `units` in `text` (clamped to the text).
    pub fn from_utf16(&self, text: &str, units: u32) -> u32 {
        let mut seen = 0u32;
        for (i, c) in text.char_indices() {
            if seen >= units {
                return u32::try_from(i).unwrap_or(u32::MAX);
            }
            seen += u32::try_from(c.len_utf16()).unwrap_or(2);
        }
        self.len
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_columns_and_utf16() {
        let text = "FROM a\nRUN é😀x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, col: 1 });
        assert_eq!(idx.line_col(text, 7), LineCol { line: 2, col: 1 });
        let x = text.find('x').unwrap() as u32;
        assert_eq!(idx.line_col(text, x), LineCol { line: 2, col: 7 });
        assert_eq!(idx.to_utf16(text, x), 7 + 4 + 1 + 2);
        assert_eq!(idx.from_utf16(text, 7 + 4 + 1 + 2), x);
        assert_eq!(idx.line_of(1000), 2);
    }
}
