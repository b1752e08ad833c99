//! Local archives for ADD: detection by content (tar, gzip-compressed tar), gzip decoding
//! (miniz_oxide, pure Rust) and a small ustar/GNU/pax tar reader.

/// One archive member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Member {
    File {
        path: String,
        mode: u32,
        uid: u32,
        gid: u32,
        data: Vec<u8>,
    },
    Dir {
        path: String,
        mode: u32,
        uid: u32,
        gid: u32,
    },
    Symlink {
        path: String,
        target: String,
    },
}

fn is_tar(b: &[u8]) -> bool {
    b.len() >= 512 && b.get(257..262) == Some(b"ustar")
}

fn gunzip(b: &[u8]) -> Option<Vec<u8>> {
    if b.len() < 18 || b.first() != Some(&0x1f) || b.get(1) != Some(&0x8b) || b.get(2) != Some(&8) {
        return None;
    }
    let flags = *b.get(3)?;
    let mut i = 10;
    if flags & 4 != 0 {
        let xlen = usize::from(*b.get(i)?) | (usize::from(*b.get(i + 1)?) << 8);
        i += 2 + xlen;
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            while *b.get(i)? != 0 {
                i += 1;
            }
            i += 1;
        }
    }
    if flags & 2 != 0 {
        i += 2;
    }
    miniz_oxide::inflate::decompress_to_vec(b.get(i..)?).ok()
}

fn octal(field: &[u8]) -> u64 {
    let s: String = field
        .iter()
        .take_while(|c| **c != 0)
        .map(|c| char::from(*c))
        .collect();
    u64::from_str_radix(s.trim(), 8).unwrap_or(0)
}

fn text(field: &[u8]) -> String {
    let end = field.iter().position(|c| *c == 0).unwrap_or(field.len());
    String::from_utf8_lossy(field.get(..end).unwrap_or(&[])).into_owned()
}

/// The members when `bytes` is a (possibly gzip-compressed) tar archive.
pub fn read(bytes: &[u8]) -> Option<Vec<Member>> {
    let owned;
    let tar = if is_tar(bytes) {
        bytes
    } else {
        owned = gunzip(bytes)?;
        if !is_tar(&owned) {
            return None;
        }
        owned.as_slice()
    };
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut long_name: Option<String> = None;
    while i + 512 <= tar.len() {
        let h = tar.get(i..i + 512)?;
        if h.iter().all(|c| *c == 0) {
            break;
        }
        let size = usize::try_from(octal(h.get(124..136)?)).ok()?;
        let typ = *h.get(156)?;
        let data = tar.get(i + 512..i + 512 + size)?;
        let prefix = text(h.get(345..500)?);
        let mut name = text(h.get(0..100)?);
        if !prefix.is_empty() {
            name = format!("{prefix}/{name}");
        }
        if let Some(l) = long_name.take() {
            name = l;
        }
        let mode = u32::try_from(octal(h.get(100..108)?) & 0o7777).unwrap_or(0o644);
        let uid = u32::try_from(octal(h.get(108..116)?)).unwrap_or(0);
        let gid = u32::try_from(octal(h.get(116..124)?)).unwrap_or(0);
        let path = name
            .trim_start_matches("./")
            .trim_end_matches('/')
            .to_owned();
        match typ {
            b'L' => long_name = Some(text(data)),
            b'x' => {
                for rec in String::from_utf8_lossy(data).lines() {
                    if let Some(p) = rec.split_once(" path=").map(|(_, p)| p) {
                        long_name = Some(p.to_owned());
                    }
                }
            }
            b'5' if !path.is_empty() => out.push(Member::Dir {
                path,
                mode,
                uid,
                gid,
            }),
            b'2' => out.push(Member::Symlink {
                path,
                target: text(h.get(157..257)?),
            }),
            b'0' | 0 | b'1' | b'7' if !path.is_empty() => out.push(Member::File {
                path,
                mode,
                uid,
                gid,
                data: data.to_vec(),
            }),
            _ => {}
        }
        i += 512 + size.div_ceil(512) * 512;
    }
    Some(out)
}
