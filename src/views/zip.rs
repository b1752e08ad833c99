//! A minimal, deterministic ZIP writer (stored entries, no compression, UTF-8 names, Unix modes,
//! fixed 1980-01-01 timestamps) and the project download built with it. Simulated data files
//! have no real bytes: they are written as a short note saying what they stand for.
use drydock_vfs::{Node, Tree};

use super::crc32::crc32;

/// One archive member.
pub struct ZipEntry<'a> {
    /// Relative path; folders end with `/`.
    pub name: String,
    pub data: std::borrow::Cow<'a, [u8]>,
    /// Unix mode with the file type bits (`0o100644`, `0o040755`, `0o120777`).
    pub mode: u32,
}

/// Why an archive cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// A member or the archive passes 4 GiB, or more than 65,535 members (ZIP64 is not written).
    TooLarge,
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the project is too large for a ZIP file without ZIP64 (4 GB, 65,535 files)")
    }
}

const DOS_TIME: u16 = 0;
/// 1980-01-01: day 1, month 1, year 0 (since 1980).
const DOS_DATE: u16 = (1 << 5) | 1;
const UTF8_NAMES: u16 = 1 << 11;
const VERSION: u16 = 20;
/// Made by Unix (3), so the external attributes carry the mode.
const MADE_BY: u16 = (3 << 8) | VERSION;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Writes `entries` as a ZIP archive, in the order given.
pub fn write(entries: &[ZipEntry<'_>]) -> Result<Vec<u8>, ZipError> {
    let count = u16::try_from(entries.len()).map_err(|_| ZipError::TooLarge)?;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
        let size = u32::try_from(e.data.len()).map_err(|_| ZipError::TooLarge)?;
        let name_len = u16::try_from(e.name.len()).map_err(|_| ZipError::TooLarge)?;
        let crc = crc32(&e.data);
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, VERSION);
        u16le(&mut out, UTF8_NAMES);
        u16le(&mut out, 0); // stored
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.data);
        // Central directory header.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, MADE_BY);
        u16le(&mut central, VERSION);
        u16le(&mut central, UTF8_NAMES);
        u16le(&mut central, 0);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, name_len);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        let dos_dir = if e.name.ends_with('/') { 0x10 } else { 0 };
        u32le(&mut central, (e.mode << 16) | dos_dir);
        u32le(&mut central, offset);
        central.extend_from_slice(e.name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    let cd_size = u32::try_from(central.len()).map_err(|_| ZipError::TooLarge)?;
    out.extend_from_slice(&central);
    // End of central directory.
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    Ok(out)
}

/// The project download: every folder, file and link of `tree` (pre-order, by name); simulated
/// data files become a one-line note. Returns the archive and the paths written as notes.
pub fn project_zip(tree: &Tree) -> Result<(Vec<u8>, Vec<String>), ZipError> {
    let mut entries = Vec::new();
    let mut notes = Vec::new();
    for (path, node) in tree.walk() {
        let rel = path.as_str().trim_start_matches('/').to_owned();
        let perm = node.meta().map_or(0o644, |m| m.mode & 0o7777);
        match node {
            Node::Dir(_) => entries.push(ZipEntry {
                name: format!("{rel}/"),
                data: Default::default(),
                mode: 0o040000 | perm,
            }),
            Node::File(f) => {
                let data = match f.content.as_bytes() {
                    Some(b) => std::borrow::Cow::Borrowed(b),
                    None => {
                        notes.push(rel.clone());
                        let what = f.content.placeholder().unwrap_or_default();
                        std::borrow::Cow::Owned(
                            format!(
                                "{what}\nDrydock simulates this data file by its size; put the real file here.\n"
                            )
                            .into_bytes(),
                        )
                    }
                };
                entries.push(ZipEntry {
                    name: rel,
                    data,
                    mode: 0o100000 | perm,
                });
            }
            Node::Symlink(l) => entries.push(ZipEntry {
                name: rel,
                data: std::borrow::Cow::Owned(l.target.as_bytes().to_vec()),
                mode: 0o120777,
            }),
            Node::Whiteout => {}
        }
    }
    Ok((write(&entries)?, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_vfs::{Content, ImportEntry};

    fn u16_at(b: &[u8], i: usize) -> u16 {
        u16::from_le_bytes([b[i], b[i + 1]])
    }

    fn u32_at(b: &[u8], i: usize) -> u32 {
        u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
    }

    /// Reads an archive back through its central directory, checking every header field the
    /// writer sets against the local headers and the CRC of the data: `(name, mode, data)`.
    fn read_back(zip: &[u8]) -> Vec<(String, u32, Vec<u8>)> {
        assert_eq!(&zip[..2], b"PK");
        let eocd = zip.len() - 22;
        assert_eq!(u32_at(zip, eocd), 0x0605_4b50);
        let count = u16_at(zip, eocd + 10) as usize;
        assert_eq!(u16_at(zip, eocd + 8) as usize, count);
        let cd_size = u32_at(zip, eocd + 12) as usize;
        let mut p = u32_at(zip, eocd + 16) as usize;
        assert_eq!(
            p + cd_size,
            eocd,
            "central directory ends where the EOCD starts"
        );
        let mut out = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(zip, p), 0x0201_4b50);
            assert_eq!(u16_at(zip, p + 8), UTF8_NAMES);
            assert_eq!(u16_at(zip, p + 10), 0, "stored");
            let crc = u32_at(zip, p + 16);
            let size = u32_at(zip, p + 20) as usize;
            assert_eq!(u32_at(zip, p + 24) as usize, size);
            let name_len = u16_at(zip, p + 28) as usize;
            let mode = u32_at(zip, p + 38) >> 16;
            let local = u32_at(zip, p + 42) as usize;
            let name = String::from_utf8(zip[p + 46..p + 46 + name_len].to_vec()).unwrap();
            p += 46 + name_len;
            assert_eq!(u32_at(zip, local), 0x0403_4b50);
            assert_eq!(u32_at(zip, local + 14), crc);
            assert_eq!(u32_at(zip, local + 18) as usize, size);
            assert_eq!(u16_at(zip, local + 26) as usize, name_len);
            assert_eq!(&zip[local + 30..local + 30 + name_len], name.as_bytes());
            let start = local + 30 + name_len;
            let data = zip[start..start + size].to_vec();
            assert_eq!(crc32(&data), crc, "{name}");
            out.push((name, mode, data));
        }
        assert_eq!(p, eocd);
        out
    }

    #[test]
    fn an_empty_archive_is_just_the_end_record() {
        let zip = write(&[]).unwrap();
        assert_eq!(zip.len(), 22);
        assert!(read_back(&zip).is_empty());
    }

    #[test]
    fn a_project_round_trips_and_is_deterministic() {
        let tree = Tree::from_entries([
            ImportEntry::file("Dockerfile", "FROM alpine:3.20\nCOPY . /app\n"),
            ImportEntry::file("bin/run.sh", "#!/bin/sh\necho hi\n").mode(0o755),
            ImportEntry::file(
                "logo.png",
                Content::bytes(vec![0x89, b'P', b'N', b'G', 0, 0xff]),
            ),
            ImportEntry::file(
                "data/big.npy",
                Content::synthetic(250_000_000, 7, Some("data file")),
            ),
            ImportEntry::dir("empty"),
            ImportEntry::symlink("latest", "logo.png"),
            ImportEntry::file("ünïcode.txt", "é\n"),
        ])
        .unwrap();
        let (zip, notes) = project_zip(&tree).unwrap();
        assert_eq!(notes, ["data/big.npy"]);
        let got: Vec<String> = read_back(&zip)
            .into_iter()
            .map(|(n, m, d)| {
                format!(
                    "{n} {m:o} {}",
                    String::from_utf8_lossy(&d).lines().next().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "Dockerfile 100644 FROM alpine:3.20",
                "bin/ 40755 ",
                "bin/run.sh 100755 #!/bin/sh",
                "data/ 40755 ",
                "data/big.npy 100644 [synthetic file: 250000000 bytes: data file]",
                "empty/ 40755 ",
                "latest 120777 logo.png",
                "logo.png 100644 \u{fffd}PNG\0\u{fffd}",
                "ünïcode.txt 100644 é",
            ]
        );
        assert_eq!(project_zip(&tree).unwrap().0, zip, "same tree, same bytes");
    }
}
