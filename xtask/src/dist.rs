//! `cargo xtask dist`: the release build into `dist/` (opt-level z, LTO, one codegen unit, wasm-opt -Oz),
//! relocatable under any sub-path, plus `dist/drydock.html` (one offline file) and `dist/sw.js` (offline
//! after the first visit); prints every file's size.
use crate::tools::{self, Need};
use crate::util::{self, Result, cmd, run};
use std::io::Write;
use std::path::Path;

pub fn main(_args: &[String]) -> Result {
    build()
}

/// Builds `dist/` and `dist/drydock.html`, then prints the size table.
pub fn build() -> Result {
    tools::setup(Need::build())?;
    let t = util::phase("release build (trunk build --release, wasm-opt -Oz)");
    let dist = util::root().join("dist");
    // A relative public URL makes every asset reference relative: the build works under any sub-path.
    run(cmd("trunk").args(["build", "--release", "--public-url", "./"]))?;
    crate::singlefile::write(&dist, &dist.join("drydock.html"))?;
    // After the single file: the registration must not end up inside it.
    crate::service_worker::write(&dist)?;
    util::done(t);
    print_sizes(&dist)
}

/// Prints raw and gzip sizes of every file in `dir`, and the transfer total of the hosted app.
pub fn print_sizes(dir: &Path) -> Result {
    let mut rows = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for e in entries.flatten() {
        let p = e.path();
        if !p.is_file() {
            continue;
        }
        let bytes = std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        rows.push((name, bytes.len(), gzip_len(&bytes)));
    }
    rows.sort();
    println!("\n{:<44} {:>12} {:>12}", "file", "raw bytes", "gzip -9");
    let mut total = (0, 0);
    for (name, raw, gz) in &rows {
        println!("{name:<44} {raw:>12} {gz:>12}");
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if matches!(ext, "wasm" | "js" | "css") {
            total.0 += raw;
            total.1 += gz;
        }
    }
    println!(
        "{:<44} {:>12} {:>12}",
        "transfer total (wasm + js + css)", total.0, total.1
    );
    println!(
        "transfer total: {:.1} KB raw, {:.1} KB gzip",
        total.0 as f64 / 1024.0,
        total.1 as f64 / 1024.0
    );
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}
