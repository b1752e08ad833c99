//! File contents: real bytes (shared, cheap to clone) or synthetic (size + seed, for simulated
//! packages: nothing is allocated until someone reads, and the digest never needs the bytes).

use std::fmt;
use std::sync::Arc;

use crate::pmap::splitmix;

/// A synthetic file: `size` deterministic pseudo-random bytes derived from `seed`.
///
/// Byte `i` is byte `i % 8` (little-endian) of `splitmix64(seed ^ (i / 8) * 0x9E3779B97F4A7C15)`,
/// so any range can be produced lazily. The content digest is computed from `(size, seed)` only
/// (see `digest::content_digest`). `description` is display-only and never affects equality or
/// digests.
#[derive(Clone, PartialEq, Eq)]
pub struct Synthetic {
    /// Length in bytes.
    pub size: u64,
    /// Seed of the byte generator and of the digest.
    pub seed: u64,
    /// What this stands for (e.g. `torch 2.5.1: libtorch_cpu.so`), shown instead of the bytes.
    pub description: Option<Arc<str>>,
}

impl fmt::Debug for Synthetic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Synthetic({} bytes, seed {:#x}", self.size, self.seed)?;
        if let Some(d) = &self.description {
            write!(f, ", {d:?}")?;
        }
        f.write_str(")")
    }
}

impl Synthetic {
    /// Byte at offset `i` (no bounds check against `size`).
    pub fn byte_at(&self, i: u64) -> u8 {
        let word = splitmix(self.seed ^ (i / 8).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        word.to_le_bytes()
            .get((i % 8) as usize)
            .copied()
            .unwrap_or(0)
    }
}

/// The contents of a regular file.
#[derive(Clone)]
pub enum Content {
    /// Real bytes, shared between snapshots.
    Bytes(Arc<[u8]>),
    /// Deterministic bytes that are never materialised unless read.
    Synthetic(Arc<Synthetic>),
}

impl Default for Content {
    fn default() -> Self {
        Content::empty()
    }
}

impl fmt::Debug for Content {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Content::Bytes(b) => match std::str::from_utf8(b) {
                Ok(s) if s.len() <= 64 => write!(f, "{s:?}"),
                _ => write!(f, "<{} bytes>", b.len()),
            },
            Content::Synthetic(s) => s.fmt(f),
        }
    }
}

impl Content {
    /// An empty file.
    pub fn empty() -> Self {
        Content::Bytes(Arc::from(&[][..]))
    }

    /// Real bytes.
    pub fn bytes(b: impl Into<Vec<u8>>) -> Self {
        Content::Bytes(Arc::from(b.into()))
    }

    /// UTF-8 text.
    pub fn text(s: &str) -> Self {
        Content::Bytes(Arc::from(s.as_bytes()))
    }

    /// A synthetic file of `size` bytes.
    pub fn synthetic(size: u64, seed: u64, description: Option<&str>) -> Self {
        Content::Synthetic(Arc::new(Synthetic {
            size,
            seed,
            description: description.map(Arc::from),
        }))
    }

    /// Length in bytes.
    pub fn len(&self) -> u64 {
        match self {
            Content::Bytes(b) => b.len() as u64,
            Content::Synthetic(s) => s.size,
        }
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the bytes are synthetic.
    pub fn is_synthetic(&self) -> bool {
        matches!(self, Content::Synthetic(_))
    }

    /// The real bytes, when not synthetic.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Content::Bytes(b) => Some(b),
            Content::Synthetic(_) => None,
        }
    }

    /// The real bytes as UTF-8 text, when they are.
    pub fn as_text(&self) -> Option<&str> {
        self.as_bytes().and_then(|b| std::str::from_utf8(b).ok())
    }

    /// Up to `len` bytes from `offset` (fewer at the end of the file). Synthetic bytes are
    /// generated on demand.
    pub fn read(&self, offset: u64, len: usize) -> Vec<u8> {
        let size = self.len();
        if offset >= size {
            return Vec::new();
        }
        let end = size.min(offset.saturating_add(len as u64));
        match self {
            Content::Bytes(b) => {
                let (s, e) = (offset as usize, end as usize);
                b.get(s..e).map(<[u8]>::to_vec).unwrap_or_default()
            }
            Content::Synthetic(s) => (offset..end).map(|i| s.byte_at(i)).collect(),
        }
    }

    /// A short human-readable stand-in for synthetic contents (e.g. for `cat`):
    /// `[synthetic file: 1048576 bytes: torch 2.5.1: libtorch.so]`. `None` for real bytes.
    pub fn placeholder(&self) -> Option<String> {
        match self {
            Content::Bytes(_) => None,
            Content::Synthetic(s) => Some(match &s.description {
                Some(d) => format!("[synthetic file: {} bytes: {d}]", s.size),
                None => format!("[synthetic file: {} bytes]", s.size),
            }),
        }
    }

    /// Content equality: same bytes, or same synthetic `(size, seed)`. Shared buffers compare in
    /// O(1).
    pub fn same_as(&self, other: &Content) -> bool {
        match (self, other) {
            (Content::Bytes(a), Content::Bytes(b)) => Arc::ptr_eq(a, b) || a[..] == b[..],
            (Content::Synthetic(a), Content::Synthetic(b)) => {
                Arc::ptr_eq(a, b) || (a.size == b.size && a.seed == b.seed)
            }
            _ => false,
        }
    }

    /// This content with `extra` appended. Appending to a synthetic file materialises nothing:
    /// the result is real bytes only when the synthetic part is small (≤ 1 MiB); otherwise the
    /// synthetic file grows by `extra.len()` with a derived seed.
    pub fn appended(&self, extra: &[u8]) -> Content {
        match self {
            Content::Bytes(b) => {
                let mut v = Vec::with_capacity(b.len() + extra.len());
                v.extend_from_slice(b);
                v.extend_from_slice(extra);
                Content::Bytes(Arc::from(v))
            }
            Content::Synthetic(s) if s.size <= 1 << 20 => {
                let mut v = self.read(0, s.size as usize);
                v.extend_from_slice(extra);
                Content::Bytes(Arc::from(v))
            }
            Content::Synthetic(s) => Content::Synthetic(Arc::new(Synthetic {
                size: s.size.saturating_add(extra.len() as u64),
                seed: splitmix(s.seed ^ crate::pmap::hash_bytes(extra)),
                description: s.description.clone(),
            })),
        }
    }
}

impl From<&str> for Content {
    fn from(s: &str) -> Self {
        Content::text(s)
    }
}

impl From<String> for Content {
    fn from(s: String) -> Self {
        Content::Bytes(Arc::from(s.into_bytes()))
    }
}

impl From<Vec<u8>> for Content {
    fn from(v: Vec<u8>) -> Self {
        Content::Bytes(Arc::from(v))
    }
}

impl From<&[u8]> for Content {
    fn from(v: &[u8]) -> Self {
        Content::Bytes(Arc::from(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_is_lazy_and_deterministic() {
        let c = Content::synthetic(800 << 20, 42, Some("libtorch_cpu.so"));
        assert_eq!(c.len(), 800 << 20);
        let a = c.read(1000, 16);
        let b = Content::synthetic(800 << 20, 42, None).read(1000, 16);
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(a, Content::synthetic(800 << 20, 43, None).read(1000, 16));
        assert_eq!(c.read((800 << 20) - 3, 100).len(), 3);
        assert!(c.placeholder().unwrap().contains("libtorch_cpu.so"));
        assert!(c.same_as(&Content::synthetic(800 << 20, 42, None)));
    }

    #[test]
    fn bytes_read_and_append() {
        let c = Content::text("hello");
        assert_eq!(c.read(1, 3), b"ell");
        assert_eq!(c.read(9, 3), b"");
        assert_eq!(c.appended(b"!").as_text(), Some("hello!"));
        assert!(!c.same_as(&Content::text("hellO")));
    }
}
