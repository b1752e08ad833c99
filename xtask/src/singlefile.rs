//! Turns Trunk's `dist/` into `dist/drydock.html`: one self-contained file (CSS, JS glue, wasm and icon
//! inlined) that works opened from disk (`file://`), where ES-module imports and fetches are not allowed.
use crate::util::Result;
use std::path::{Path, PathBuf};

pub fn write(dist: &Path, out: &Path) -> Result {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let index = String::from_utf8(read(&dist.join("index.html"))?)
        .map_err(|_| "dist/index.html is not UTF-8".to_owned())?;
    let wasm = find(dist, "_bg.wasm")?;
    let glue_name = wasm
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix("_bg.wasm"))
        .map(|stem| format!("{stem}.js"))
        .ok_or("cannot name the JS glue")?;
    let glue = String::from_utf8(read(&dist.join(&glue_name))?)
        .map_err(|_| "the JS glue is not UTF-8".to_owned())?;

    let mut html = String::with_capacity(index.len());
    let mut rest = index.as_str();
    // Walk the tags Trunk wrote, replacing the ones that point at files.
    while let Some(open) = rest.find('<') {
        html.push_str(&rest[..open]);
        rest = &rest[open..];
        if rest.starts_with("<script type=\"module\">") {
            // Trunk's loader: replaced by the inlined glue below.
            let end = rest
                .find("</script>")
                .map(|e| e + "</script>".len())
                .unwrap_or(rest.len());
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
        let tag = &rest[..end];
        rest = &rest[end..];
        if let (true, Some(src)) = (tag.starts_with("<script "), attr(tag, "src")) {
            // A classic script Trunk copied (the editor bundle): inline it.
            let js = String::from_utf8(read(&dist.join(src.trim_start_matches("./")))?)
                .map_err(|_| format!("{src} is not UTF-8"))?;
            html.push_str(&format!("<script>\n{}\n", escape_script(&js)));
            continue; // its `</script>` follows in `rest`
        }
        if !tag.starts_with("<link ") {
            html.push_str(tag);
            continue;
        }
        let href = attr(tag, "href").unwrap_or_default();
        let file = dist.join(href.trim_start_matches("./"));
        if tag.contains("rel=\"stylesheet\"") {
            let css = String::from_utf8(read(&file)?).map_err(|_| "CSS is not UTF-8".to_owned())?;
            html.push_str(&format!("<style>\n{css}\n</style>"));
        } else if tag.contains("rel=\"icon\"") {
            let svg = read(&file)?;
            html.push_str(&format!(
                "<link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\">",
                base64(&svg)
            ));
        } else if tag.contains("rel=\"modulepreload\"") || tag.contains("rel=\"preload\"") {
            // Nothing to preload: everything is inline.
        } else {
            html.push_str(tag);
        }
    }
    html.push_str(rest);

    let glue = glue
        .lines()
        .filter(|l| !l.starts_with("export {"))
        .collect::<Vec<_>>()
        .join("\n")
        // The glue's default path needs a module URL, which inline scripts lack; we pass bytes instead.
        .replace("new URL('", "('")
        .replace("', import.meta.url)", "')");
    let glue = escape_script(&glue);
    let loader = format!(
        "<script type=\"module\">\n{glue}\nconst __drydock_wasm = \"{}\";\n\
         const __bytes = Uint8Array.from(atob(__drydock_wasm), (c) => c.charCodeAt(0));\n\
         await __wbg_init({{ module_or_path: __bytes }});\n</script>\n",
        base64(&read(&wasm)?)
    );
    let html = match html.find("</body>") {
        Some(i) => format!("{}{loader}{}", &html[..i], &html[i..]),
        None => format!("{html}{loader}"),
    };
    std::fs::write(out, html).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Keeps inlined JavaScript from closing its `<script>` element early.
fn escape_script(js: &str) -> String {
    js.replace("</script", "<\\/script")
}

fn find(dir: &Path, suffix: &str) -> Result<PathBuf> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(format!(
            "expected one *{suffix} in {}, found {n}",
            dir.display()
        )),
    }
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(T[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(super::base64(input.as_bytes()), want);
        }
    }
}
