//! Byte offsets (the core's spans) ↔ UTF-16 offsets (what JavaScript editors count), for one text.

/// Converts offsets for one text; ASCII texts (the common case) convert for free.
pub struct Utf16Map {
    /// For non-ASCII text: the UTF-16 offset of every byte offset (char boundaries exact, inner bytes
    /// rounded down); empty for ASCII text.
    table: Vec<u32>,
    len: u32,
}

impl Utf16Map {
    pub fn new(text: &str) -> Self {
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        if text.is_ascii() {
            return Self {
                table: Vec::new(),
                len,
            };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut units = 0u32;
        for c in text.chars() {
            for _ in 0..c.len_utf8() {
                table.push(units);
            }
            units += c.len_utf16() as u32;
        }
        table.push(units);
        Self { table, len }
    }

    /// The UTF-16 offset of byte `offset` (clamped to the text).
    pub fn to_utf16(&self, offset: u32) -> u32 {
        let offset = offset.min(self.len);
        if self.table.is_empty() {
            offset
        } else {
            self.table[offset as usize]
        }
    }

    /// The byte offset of UTF-16 offset `units` (clamped to the text).
    pub fn to_byte(&self, units: u32) -> u32 {
        if self.table.is_empty() {
            return units.min(self.len);
        }
        let i = self.table.partition_point(|&u| u < units);
        u32::try_from(i).unwrap_or(self.len).min(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16Map;

    #[test]
    fn ascii_is_identity_and_non_ascii_counts_units() {
        let m = Utf16Map::new("FROM a");
        assert_eq!((m.to_utf16(3), m.to_byte(3), m.to_utf16(99)), (3, 3, 6));
        let text = "é😀x";
        let m = Utf16Map::new(text);
        assert_eq!(m.to_utf16(2), 1); // after é
        assert_eq!(m.to_utf16(6), 3); // after 😀 (two units)
        assert_eq!(m.to_utf16(7), 4);
        assert_eq!(m.to_byte(3), 6);
        assert_eq!(m.to_byte(1), 2);
    }
}
