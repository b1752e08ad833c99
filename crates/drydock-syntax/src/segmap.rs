//! `SegMap`: maps byte offsets of a logical (joined) line back to offsets in the source.
use drydock_text::TextRange;

/// How a logical line was assembled from pieces of physical lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegMap<'s> {
    /// The whole logical line is one slice of the source starting at this offset.
    One(u32),
    /// `(logical_start, source_start)` of each piece, in order.
    Many(&'s [(u32, u32)]),
}

fn u(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl SegMap<'_> {
    /// The source offset of logical offset `pos`, read as the start of something.
    #[inline]
    pub fn start(&self, pos: usize) -> u32 {
        let pos = u(pos);
        match self {
            SegMap::One(base) => base.saturating_add(pos),
            SegMap::Many(segs) => {
                let i = segs.partition_point(|&(l, _)| l <= pos);
                let (l, s) = segs.get(i.saturating_sub(1)).copied().unwrap_or((0, 0));
                s.saturating_add(pos.saturating_sub(l))
            }
        }
    }

    /// The source offset of logical offset `pos`, read as the end of something (an end on a
    /// piece boundary stays at the end of the earlier piece).
    #[inline]
    pub fn end(&self, pos: usize) -> u32 {
        let pos = u(pos);
        match self {
            SegMap::One(base) => base.saturating_add(pos),
            SegMap::Many(segs) => {
                let i = segs.partition_point(|&(l, _)| l < pos);
                let (l, s) = segs.get(i.saturating_sub(1)).copied().unwrap_or((0, 0));
                s.saturating_add(pos.saturating_sub(l))
            }
        }
    }

    /// The source range of logical window `start..end`.
    #[inline]
    pub fn range(&self, start: usize, end: usize) -> TextRange {
        if start >= end {
            let s = self.start(start);
            return TextRange::new(s, s);
        }
        TextRange::new(self.start(start), self.end(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_across_pieces() {
        // "RUN a \\\n  b": logical "RUN a   b" = [0..6 at 0] + [6..9 at 8]
        let segs = [(0, 0), (6, 8)];
        let m = SegMap::Many(&segs);
        assert_eq!(m.start(6), 8);
        assert_eq!(m.end(6), 6);
        assert_eq!(m.range(4, 9), TextRange::new(4, 11));
        assert_eq!(SegMap::One(10).range(1, 3), TextRange::new(11, 13));
    }
}
