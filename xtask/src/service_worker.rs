//! Writes `dist/sw.js` (the service worker that keeps the hosted app working offline after the first
//! visit) with the exact asset list of this build, and registers it from `dist/index.html`.
//!
//! Cache name = `drydock-<content hash of every asset>`; assets are cache-first, the page itself
//! (the navigation request) is network-first with the cached copy as fallback, and activation deletes
//! every older `drydock-` cache. Registration happens only over http(s), never from `file://` or the
//! single offline file (which is written before the registration is added), with a relative scope so
//! the app works under any sub-path.
use crate::util::Result;
use std::path::Path;

/// Files of `dist/` that are not assets of the hosted app.
const NOT_ASSETS: [&str; 3] = ["index.html", "sw.js", "drydock.html"];

/// The inline script added to `dist/index.html`.
const REGISTER: &str = "<script>if (\"serviceWorker\" in navigator && /^https?:$/.test(location.protocol)) \
addEventListener(\"load\", () => navigator.serviceWorker.register(\"./sw.js\").catch(() => {}));</script>";

/// Writes `dist/sw.js` and adds its registration to `dist/index.html`.
pub fn write(dist: &Path) -> Result {
    let mut assets = Vec::new();
    list(dist, dist, &mut assets)?;
    assets.sort();
    let mut hash = Fnv::new();
    for rel in &assets {
        let bytes =
            std::fs::read(dist.join(rel)).map_err(|e| format!("cannot read dist/{rel}: {e}"))?;
        hash.write(rel.as_bytes());
        hash.write(&[0]);
        hash.write(&bytes);
    }
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    hash.write(index.as_bytes());
    let sw = script(&format!("drydock-{:016x}", hash.0), &assets);
    std::fs::write(dist.join("sw.js"), sw).map_err(|e| format!("cannot write dist/sw.js: {e}"))?;
    let index = match index.find("</head>") {
        Some(i) => format!("{}{REGISTER}\n{}", &index[..i], &index[i..]),
        None => format!("{index}{REGISTER}\n"),
    };
    std::fs::write(&index_path, index)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))
}

/// Every file under `dir`, as a `/`-separated path relative to `root`, except [`NOT_ASSETS`].
fn list(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            list(root, &p, out)?;
            continue;
        }
        let rel = p
            .strip_prefix(root)
            .map(|r| {
                r.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default();
        if !rel.is_empty() && !NOT_ASSETS.contains(&rel.as_str()) {
            out.push(rel);
        }
    }
    Ok(())
}

/// The service worker's source for one build.
fn script(cache: &str, assets: &[String]) -> String {
    let list = assets
        .iter()
        .map(|a| format!("  \"./{a}\","))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        r#"// Drydock's service worker, written by `cargo xtask dist` for one build: do not edit.
const CACHE = "{cache}";
const ASSETS = [
{list}
];
const PAGE = new URL("./", self.location).href;
const ASSET_URLS = new Set(ASSETS.map((a) => new URL(a, self.location).href));

self.addEventListener("install", (event) => {{
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([PAGE, ...ASSETS])).then(() => self.skipWaiting()),
  );
}});

self.addEventListener("activate", (event) => {{
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("drydock-") && k !== CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
}});

self.addEventListener("fetch", (event) => {{
  const request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {{
    // Network first so a new build is picked up; the cached page when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {{
          if (response.ok) {{
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(PAGE, copy));
          }}
          return response;
        }})
        .catch(() => caches.match(PAGE, {{ cacheName: CACHE }})
          .then((hit) => hit || Response.error())),
    );
    return;
  }}
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (ASSET_URLS.has(url.href)) {{
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.match(url.href, {{ cacheName: CACHE }}).then((hit) => hit || fetch(request)),
    );
  }}
}});
"#
    )
}

/// FNV-1a, 64 bits: a stable content hash for the cache name (no dependency needed).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_lists_every_asset_and_names_its_cache() {
        let sw = super::script(
            "drydock-00ff",
            &["a-1.wasm".to_owned(), "b/c-2.js".to_owned()],
        );
        assert!(sw.contains("const CACHE = \"drydock-00ff\";"));
        assert!(sw.contains("  \"./a-1.wasm\",\n  \"./b/c-2.js\",\n];"));
    }

    #[test]
    fn fnv_matches_the_reference_vector() {
        let mut h = super::Fnv::new();
        h.write(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }
}
