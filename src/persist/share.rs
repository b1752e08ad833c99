//! Share links: the project files, the open file, the build form and the example id as JSON
//! (`{"v": 1, "example", "open", "form", "files"}`), compressed with raw deflate (miniz_oxide)
//! and written in URL-safe base64 after `#share=`. Images and containers are not included: a
//! build rebuilds them. Simulated data files travel as size and seed; binary files over
//! `MAX_BINARY` bytes are shared by size only.
use serde::{Deserialize, Serialize};

use drydock_session::SessionState;
use drydock_vfs::Tree;

use super::Restored;
use super::project::{FileEntry, WriteOptions, from_entries, to_entries};
use super::save::FormRepr;
use crate::i18n::{t, tf};
use crate::state::BuildForm;
use crate::views::base64;

/// The URL fragment's prefix.
pub const PREFIX: &str = "share=";
/// The share format version.
pub const VERSION: u64 = 1;
/// Binary files larger than this are shared by size only.
pub const MAX_BINARY: u64 = 16 * 1024;
/// Links longer than this get a warning (some chat tools and browsers cut long URLs).
pub const LONG_LINK: usize = 8 * 1024;
/// Decompressed documents larger than this are refused (a damaged or hostile link).
const MAX_DOC: usize = 64 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct ShareDoc {
    v: u64,
    #[serde(default)]
    example: String,
    #[serde(default)]
    open: String,
    #[serde(default)]
    form: FormRepr,
    files: Vec<FileEntry>,
}

/// An encoded share link fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// `share=…`, to put after `#`.
    pub fragment: String,
    /// Binary files shared by size only.
    pub by_size: Vec<String>,
    /// Simulated data files (always shared by size).
    pub data_files: usize,
}

impl Encoded {
    /// Whether the link is long enough to warn about.
    pub fn is_long(&self) -> bool {
        self.fragment.len() > LONG_LINK
    }
}

/// Encodes a project for a share link.
pub fn encode(tree: &Tree, example: &str, open: &str, form: &BuildForm) -> Encoded {
    let (files, report) = to_entries(
        tree,
        WriteOptions {
            times: false,
            max_binary: Some(MAX_BINARY),
        },
    );
    let data_files = files
        .iter()
        .filter(|f| f.size.is_some() && !report.by_size.contains(&f.path))
        .count();
    let doc = ShareDoc {
        v: VERSION,
        example: example.to_owned(),
        open: open.to_owned(),
        form: FormRepr::from(form),
        files,
    };
    let json = serde_json::to_vec(&doc).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    Encoded {
        fragment: format!("{PREFIX}{}", base64::encode_url(&packed)),
        by_size: report.by_size,
        data_files,
    }
}

/// The share payload of a URL hash (`#share=…` or `share=…`), if it is one.
pub fn payload(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#').strip_prefix(PREFIX)
}

/// Decodes a share payload (the text after `share=`) into a project; the error is a friendly
/// sentence.
pub fn decode(payload: &str) -> Result<Restored, String> {
    let damaged = |_| t("sharelink.damaged").to_owned();
    let packed = base64::decode_url(payload).ok_or(()).map_err(damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DOC)
        .map_err(|_| ())
        .map_err(damaged)?;
    let value: serde_json::Value = serde_json::from_slice(&json)
        .map_err(|_| ())
        .map_err(damaged)?;
    match value.get("v").and_then(serde_json::Value::as_u64) {
        Some(VERSION) => {}
        Some(v) => {
            return Err(tf(
                "sharelink.newer",
                &[("v", &v.to_string()), ("ours", &VERSION.to_string())],
            ));
        }
        None => return Err(damaged(())),
    }
    let doc: ShareDoc = serde_json::from_value(value)
        .map_err(|_| ())
        .map_err(damaged)?;
    let tree = from_entries(&doc.files).map_err(|e| tf("sharelink.bad_file", &[("error", &e)]))?;
    let form: BuildForm = doc.form.into();
    let open_file = if doc.open.is_empty() {
        form.file.clone()
    } else {
        doc.open
    };
    Ok(Restored {
        tree,
        session: SessionState::default(),
        example: doc.example,
        open_file,
        build_form: form,
        modified: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::project::to_entries;
    use drydock_session::examples;
    use drydock_vfs::{Content, ImportEntry};

    fn entries_json(tree: &Tree) -> String {
        let (e, _) = to_entries(
            tree,
            WriteOptions {
                times: false,
                max_binary: Some(MAX_BINARY),
            },
        );
        serde_json::to_string(&e).unwrap()
    }

    /// Encodes and decodes `tree`; checks everything comes back and returns the encoding.
    fn check_round_trip(tree: &Tree, open: &str, form: &BuildForm) -> Encoded {
        let enc = encode(tree, "trainer", open, form);
        assert!(enc.fragment.starts_with("share="));
        assert!(
            enc.fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b))
        );
        let back = decode(payload(&format!("#{}", enc.fragment)).unwrap()).unwrap();
        assert_eq!(entries_json(&back.tree), entries_json(tree));
        assert_eq!(back.open_file, open);
        assert_eq!(&back.build_form, form);
        assert_eq!(back.example, "trainer");
        enc
    }

    #[test]
    fn every_example_round_trips_in_a_short_link() {
        for e in examples::all() {
            let form = BuildForm {
                file: e.dockerfile.into(),
                tag: e.tag.into(),
                build_args: vec![("PYTHON".into(), "3.12".into())],
                target: "runtime".into(),
                no_cache: true,
            };
            let enc = check_round_trip(&e.tree(), e.dockerfile, &form);
            assert!(!enc.is_long(), "{}: {} bytes", e.id, enc.fragment.len());
            assert!(enc.by_size.is_empty());
        }
        let e = examples::get("dockerignore").unwrap();
        let enc = encode(&e.tree(), e.id, e.dockerfile, &BuildForm::default());
        assert_eq!(enc.data_files, 4);
    }

    #[test]
    fn big_binaries_by_size_and_long_links_flagged() {
        // Incompressible text: a long link.
        let mut x = 0x1234_5678_u64;
        let noise: String = (0..20_000)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + (x >> 59) as u8 % 26)
            })
            .collect();
        let tree = Tree::from_entries([
            ImportEntry::file("Dockerfile", "FROM x\n"),
            ImportEntry::file("notes.txt", noise.as_str()),
            ImportEntry::file("small.bin", Content::bytes(vec![0u8, 1, 2])),
            ImportEntry::file("big.bin", Content::bytes(vec![0xffu8; 20_000])),
        ])
        .unwrap();
        let enc = encode(&tree, "", "notes.txt", &BuildForm::default());
        assert!(enc.is_long());
        assert_eq!(enc.by_size, ["big.bin"]);
        let back = decode(payload(&enc.fragment).unwrap()).unwrap();
        let big = back.tree.read_file("/big.bin").unwrap();
        assert_eq!((big.len(), big.is_synthetic()), (20_000, true));
        assert_eq!(
            back.tree.read_file("/small.bin").unwrap().as_bytes(),
            Some(&[0u8, 1, 2][..])
        );
        assert_eq!(
            back.tree.read_file("/notes.txt").unwrap().as_text(),
            Some(noise.as_str())
        );
    }

    #[test]
    fn damaged_links_are_reported() {
        let damaged =
            "This share link is incomplete or damaged (was it cut off when it was copied?).";
        assert_eq!(payload("#other=1"), None);
        for bad in [
            "",
            "!!!",
            "AAAA",
            &base64::encode_url(b"not deflate at all"),
        ] {
            assert_eq!(decode(bad).err().as_deref(), Some(damaged), "{bad:?}");
        }
        let e = examples::get("api").unwrap();
        let enc = encode(&e.tree(), e.id, e.dockerfile, &BuildForm::default());
        let cut = &enc.fragment[PREFIX.len()..enc.fragment.len() / 2];
        assert_eq!(decode(cut).err().as_deref(), Some(damaged));
        let v2 = miniz_oxide::deflate::compress_to_vec(br#"{"v":2,"files":[]}"#, 9);
        assert!(
            decode(&base64::encode_url(&v2))
                .unwrap_err()
                .contains("newer Drydock (format 2)")
        );
    }
}
