//! Serde support, for saving daemon state (images, containers) as JSON: `AbsPath` and `Digest`
//! as strings, `Layer` as its list of OCI entries (text contents as text, other bytes as
//! base64, synthetic contents as size + seed), `LayerStack` as its list of layers.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::content::Content;
use crate::digest::Digest;
use crate::layer::{Layer, OciEntry};
use crate::meta::{Metadata, Timestamp};
use crate::node::Node;
use crate::path::AbsPath;
use crate::stack::LayerStack;

impl Serialize for AbsPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AbsPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        AbsPath::parse(&s).map_err(D::Error::custom)
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Digest::parse(&s).ok_or_else(|| D::Error::custom(format!("invalid digest {s:?}")))
    }
}

/// One layer entry as stored.
#[derive(Serialize, Deserialize)]
struct EntryRepr {
    path: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    mode: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    uid: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    gid: u32,
    #[serde(default, skip_serializing_if = "is_zero_i64")]
    mtime: i64,
    #[serde(default, skip_serializing_if = "is_zero")]
    mtime_nanos: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base64: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    synthetic: Option<SyntheticRepr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct SyntheticRepr {
    size: u64,
    seed: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

fn is_zero_i64(v: &i64) -> bool {
    *v == 0
}

fn entry_repr(e: &OciEntry) -> EntryRepr {
    let meta = e.node.meta().copied().unwrap_or(Metadata::with_mode(0));
    let mut r = EntryRepr {
        path: e.path.clone(),
        kind: String::new(),
        mode: meta.mode,
        uid: meta.uid,
        gid: meta.gid,
        mtime: meta.mtime.secs,
        mtime_nanos: meta.mtime.nanos,
        text: None,
        base64: None,
        synthetic: None,
        target: None,
    };
    match &e.node {
        Node::File(f) => {
            r.kind = "file".into();
            match &f.content {
                Content::Bytes(b) => match std::str::from_utf8(b) {
                    Ok(t) => r.text = Some(t.to_owned()),
                    Err(_) => r.base64 = Some(base64_encode(b)),
                },
                Content::Synthetic(s) => {
                    r.synthetic = Some(SyntheticRepr {
                        size: s.size,
                        seed: s.seed,
                        description: s.description.as_deref().map(str::to_owned),
                    });
                }
            }
        }
        Node::Dir(_) => r.kind = "dir".into(),
        Node::Symlink(l) => {
            r.kind = "symlink".into();
            r.target = Some(l.target.to_string());
        }
        Node::Whiteout => r.kind = "whiteout".into(),
    }
    r
}

fn entry_from_repr(r: EntryRepr) -> Result<OciEntry, String> {
    let meta = Metadata {
        mode: r.mode,
        uid: r.uid,
        gid: r.gid,
        mtime: Timestamp {
            secs: r.mtime,
            nanos: r.mtime_nanos,
        },
    };
    let node = match r.kind.as_str() {
        "file" => {
            let content = match (r.text, r.base64, r.synthetic) {
                (Some(t), _, _) => Content::from(t),
                (_, Some(b), _) => Content::from(base64_decode(&b).ok_or("invalid base64")?),
                (_, _, Some(s)) => Content::synthetic(s.size, s.seed, s.description.as_deref()),
                _ => Content::empty(),
            };
            Node::file(meta, content)
        }
        "dir" => Node::dir(meta),
        "symlink" => Node::symlink(meta, r.target.as_deref().unwrap_or("")),
        "whiteout" => Node::Whiteout,
        other => return Err(format!("unknown entry type {other:?}")),
    };
    Ok(OciEntry { path: r.path, node })
}

impl Serialize for Layer {
    /// A list of entries in `oci_entries()` order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let entries: Vec<EntryRepr> = self.oci_entries().iter().map(entry_repr).collect();
        entries.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Layer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let reprs = Vec::<EntryRepr>::deserialize(d)?;
        let entries = reprs
            .into_iter()
            .map(entry_from_repr)
            .collect::<Result<Vec<_>, String>>()
            .map_err(D::Error::custom)?;
        Layer::from_oci_entries(entries).map_err(D::Error::custom)
    }
}

impl Serialize for LayerStack {
    /// The layers, lowest first.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.layers().serialize(s)
    }
}

impl<'de> Deserialize<'de> for LayerStack {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(LayerStack::from_layers(Vec::<Layer>::deserialize(d)?))
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let idx = ((n >> (18 - 6 * i)) & 63) as usize;
                out.push(char::from(B64.get(idx).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| B64.iter().position(|&x| x == c).map(|p| p as u32);
    let bytes: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = if i >= 4 - pad { 0 } else { val(c)? };
            n = (n << 6) | v;
        }
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(got.get(..3 - pad).unwrap_or(&[]));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_roundtrip() {
        for input in [&b""[..], b"f", b"fo", b"foo", b"foob", b"\xff\x00\xfe"] {
            let e = base64_encode(input);
            assert_eq!(base64_decode(&e).as_deref(), Some(input), "{e}");
        }
        assert_eq!(base64_encode(b"foob"), "Zm9vYg==");
        assert_eq!(base64_decode("Zm9v!"), None);
    }
}
