//! OCI-style sha256 digests: file contents, layer diff ids over a canonical serialisation, chain
//! ids, and image ids over a JSON config.
//!
//! # Layer serialisation (`drydock-layer-v1`)
//!
//! A layer's diff id is the sha256 of this byte stream (not a real tar, but just as
//! deterministic):
//!
//! ```text
//! "drydock-layer-v1\n"
//! record(entry) for every entry of `Layer::oci_entries()`: the root directory as `.`, then
//!     pre-order, children in byte order of their names, an opaque directory followed by its
//!     `.wh..wh..opq` marker, a whiteout as `.wh.<name>`
//! record := KIND ' ' PATH '\0' MODE ' ' UID ' ' GID ' ' SECS ' ' NANOS ' ' SIZE ' ' PAYLOAD '\0'
//! ```
//!
//! `KIND` is `f` (file), `d` (directory), `l` (symlink) or `w` (whiteout or opaque marker);
//! `PATH` is relative to the layer root without a leading `/`; `MODE` is the permission bits in
//! octal; numbers are decimal; `SIZE` is as `stat` reports (directories `4096`, whiteouts `0`);
//! `PAYLOAD` is the file's content digest (`sha256:<hex>`), the symlink target, or empty.
//! Whiteouts carry mode/uid/gid/mtime `0`. A layer with no entries gets Docker's well-known
//! empty-layer diff id (`EMPTY_LAYER_DIFF_ID`).
//!
//! A file's content digest is the sha256 of its bytes; for a synthetic file it is the sha256 of
//! `"drydock-synthetic-v1\0"` followed by its size and seed as 8-byte little-endian integers, so
//! hundreds of megabytes are never materialised.

use std::fmt;

use sha2::{Digest as _, Sha256};

use crate::content::Content;
use crate::layer::Layer;
use crate::node::Node;

/// A sha256 digest.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Digest(pub [u8; 32]);

/// Docker's diff id of an empty layer (the sha256 of 1024 zero bytes, an empty tar).
pub const EMPTY_LAYER_DIFF_ID: &str =
    "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

impl Digest {
    /// The sha256 of `bytes`.
    pub fn of(bytes: &[u8]) -> Digest {
        let mut h = Sha256::new();
        h.update(bytes);
        Digest(h.finalize().into())
    }

    /// Lower-case hex, 64 characters.
    pub fn hex(&self) -> String {
        let mut s = String::with_capacity(64);
        for b in self.0 {
            s.push(char::from(HEX[usize::from(b >> 4)]));
            s.push(char::from(HEX[usize::from(b & 15)]));
        }
        s
    }

    /// The first 12 hex characters (how `docker images` shows an IMAGE ID).
    pub fn short(&self) -> String {
        self.hex().chars().take(12).collect()
    }

    /// Parses `sha256:<64 hex>` (or bare hex).
    pub fn parse(s: &str) -> Option<Digest> {
        let hex = s.strip_prefix("sha256:").unwrap_or(s);
        if hex.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, o) in out.iter_mut().enumerate() {
            let pair = hex.get(i * 2..i * 2 + 2)?;
            *o = u8::from_str_radix(pair, 16).ok()?;
        }
        Some(Digest(out))
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl fmt::Display for Digest {
    /// `sha256:<hex>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sha256:{}", self.hex())
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sha256:{}", self.hex())
    }
}

/// The digest of a file's contents (see the module documentation for synthetic files).
pub fn content_digest(content: &Content) -> Digest {
    match content {
        Content::Bytes(b) => Digest::of(b),
        Content::Synthetic(s) => {
            let mut h = Sha256::new();
            h.update(b"drydock-synthetic-v1\0");
            h.update(s.size.to_le_bytes());
            h.update(s.seed.to_le_bytes());
            Digest(h.finalize().into())
        }
    }
}

/// An image id: the sha256 of the image's JSON config, exactly as given.
pub fn image_id(config_json: &[u8]) -> Digest {
    Digest::of(config_json)
}

/// The OCI chain id of a list of diff ids (lowest first): `ChainID(L0) = DiffID(L0)`,
/// `ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln))`. `None` for no layers.
pub fn chain_id(diff_ids: &[Digest]) -> Option<Digest> {
    let (first, rest) = diff_ids.split_first()?;
    let mut cur = *first;
    for d in rest {
        cur = Digest::of(format!("{cur} {d}").as_bytes());
    }
    Some(cur)
}

/// A checksum of an entry's contents for build-cache keys (BuildKit's "content checksum"): kind,
/// permission bits, owner, symlink targets and file contents of the entry and, for a directory,
/// of everything below it (relative paths, pre-order). Modification times are NOT included, so
/// touching a file does not change it. The entry's own name is not included either.
pub fn content_tree_digest(node: &Node) -> Digest {
    let mut h = Sha256::new();
    h.update(b"drydock-content-v1\n");
    cache_record(&mut h, "", node);
    if let Node::Dir(d) = node {
        for (path, n) in crate::walk::Walk::new(d, crate::path::AbsPath::root()) {
            cache_record(&mut h, path.relative(), n);
        }
    }
    Digest(h.finalize().into())
}

fn cache_record(h: &mut Sha256, path: &str, node: &Node) {
    let (kind, payload) = match node {
        Node::File(f) => ('f', content_digest(&f.content).to_string()),
        Node::Dir(_) => ('d', String::new()),
        Node::Symlink(l) => ('l', l.target.to_string()),
        Node::Whiteout => ('w', String::new()),
    };
    let (mode, uid, gid) = node.meta().map_or((0, 0, 0), |m| (m.mode, m.uid, m.gid));
    h.update(format!("{kind} ").as_bytes());
    h.update(path.as_bytes());
    h.update(format!("\0{mode:o} {uid} {gid} ").as_bytes());
    h.update(payload.as_bytes());
    h.update(b"\0");
}

/// The diff id of a layer (see the module documentation).
pub fn layer_digest(layer: &Layer) -> Digest {
    if layer.is_empty()
        && let Some(d) = Digest::parse(EMPTY_LAYER_DIFF_ID)
    {
        return d;
    }
    let mut h = Sha256::new();
    h.update(b"drydock-layer-v1\n");
    for e in layer.oci_entries() {
        record(&mut h, &e.path, &e.node);
    }
    Digest(h.finalize().into())
}

fn record(h: &mut Sha256, path: &str, node: &Node) {
    let (kind, payload) = match node {
        Node::File(f) => ('f', content_digest(&f.content).to_string()),
        Node::Dir(_) => ('d', String::new()),
        Node::Symlink(l) => ('l', l.target.to_string()),
        Node::Whiteout => ('w', String::new()),
    };
    let meta = node.meta().copied().unwrap_or(crate::meta::Metadata {
        mode: 0,
        uid: 0,
        gid: 0,
        mtime: crate::meta::Timestamp::EPOCH,
    });
    h.update(format!("{kind} ").as_bytes());
    h.update(path.as_bytes());
    h.update(b"\0");
    h.update(
        format!(
            "{:o} {} {} {} {} {} ",
            meta.mode,
            meta.uid,
            meta.gid,
            meta.mtime.secs,
            meta.mtime.nanos,
            node.size()
        )
        .as_bytes(),
    );
    h.update(payload.as_bytes());
    h.update(b"\0");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_values() {
        assert_eq!(
            Digest::of(b"").to_string(),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(Digest::of(&[0u8; 1024]).to_string(), EMPTY_LAYER_DIFF_ID);
        let d = Digest::of(b"abc");
        assert_eq!(Digest::parse(&d.to_string()), Some(d));
        assert_eq!(d.short(), "ba7816bf8f01");
    }

    #[test]
    fn chain_ids() {
        let a = Digest::of(b"a");
        let b = Digest::of(b"b");
        assert_eq!(chain_id(&[a]), Some(a));
        assert_eq!(
            chain_id(&[a, b]),
            Some(Digest::of(format!("{a} {b}").as_bytes()))
        );
        assert_eq!(chain_id(&[]), None);
    }
}
