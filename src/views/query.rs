//! The page's query string as name/value pairs (`?embed&panes=editor,build`), percent-decoded,
//! and the encoding back (values keep `,` readable; everything else unsafe is escaped).

/// The pairs of `search` (with or without its `?`), in order; a bare name (`embed`) has an empty
/// value. `+` is a space, as in forms.
pub fn pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The first value of `name` (`Some("")` for a bare `name`).
pub fn get(search: &str, name: &str) -> Option<String> {
    pairs(search)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Whether `name` is present and not switched off (`name=0`, `name=false`, `name=no`).
pub fn flag(search: &str, name: &str) -> bool {
    get(search, name).is_some_and(|v| !matches!(v.as_str(), "0" | "false" | "no" | "off"))
}

/// Percent-decodes `s` (bad escapes stay as they are; bytes that are not UTF-8 become U+FFFD).
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |i: usize| b.get(i).and_then(|c| (*c as char).to_digit(16));
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match (c, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
            (b'+', _, _) => out.push(b' '),
            (c, _, _) => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a value for a query string (letters, digits, `-_.~,` stay).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_flags_and_escapes() {
        let q = "?embed&panes=editor%2Cbuild&readonly=0&title=My+lesson&x=%zz&empty=";
        assert_eq!(get(q, "panes").as_deref(), Some("editor,build"));
        assert_eq!(get(q, "embed").as_deref(), Some(""));
        assert_eq!(get(q, "title").as_deref(), Some("My lesson"));
        assert_eq!(get(q, "x").as_deref(), Some("%zz"));
        assert_eq!(get(q, "missing"), None);
        assert!(flag(q, "embed"));
        assert!(flag(q, "empty"));
        assert!(!flag(q, "readonly"));
        assert!(!flag(q, "missing"));
        assert_eq!(decode("%E2%86%97%"), "↗%");
        assert_eq!(encode("a b/ø,c"), "a%20b%2F%C3%B8,c");
        assert_eq!(decode(&encode("a b/ø,c")), "a b/ø,c");
        assert!(pairs("").is_empty());
    }
}
