//! Base64: the standard alphabet with padding (binary files inside saved JSON) and the URL-safe
//! alphabet without padding (share links).

const STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn encode_with(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
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
                out.push(char::from(alphabet.get(idx).copied().unwrap_or(b'A')));
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

fn decode_with(text: &str, alphabet: &[u8; 64]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let v = alphabet.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be padding zeros of a valid encoding (never a whole 6-bit group).
    (bits < 6 && acc == 0).then_some(out)
}

/// Standard base64 with `=` padding.
pub fn encode(bytes: &[u8]) -> String {
    encode_with(bytes, STD, true)
}

/// Decodes standard base64 (padding optional); `None` on a character outside the alphabet.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    decode_with(text, STD)
}

/// URL-safe base64 without padding (`-` and `_`).
pub fn encode_url(bytes: &[u8]) -> String {
    encode_with(bytes, URL, false)
}

/// Decodes URL-safe base64 (padding optional).
pub fn decode_url(text: &str) -> Option<Vec<u8>> {
    decode_with(text, URL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_values() {
        for input in [
            &b""[..],
            b"f",
            b"fo",
            b"foo",
            b"foob",
            b"fooba",
            b"foobar",
            b"\xff\xfe\x00",
        ] {
            assert_eq!(decode(&encode(input)).as_deref(), Some(input));
            assert_eq!(decode_url(&encode_url(input)).as_deref(), Some(input));
        }
        assert_eq!(encode(b"foob"), "Zm9vYg==");
        assert_eq!(encode_url(b"\xfb\xff"), "-_8");
        assert_eq!(encode(b"\xfb\xff"), "+/8=");
        assert_eq!(decode("Zm9v!"), None);
        assert_eq!(decode_url("+/8"), None);
        // A dangling single character is not a valid encoding.
        assert_eq!(decode_url("Zm9vY"), None);
    }
}
