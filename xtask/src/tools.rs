//! Tool bootstrap: installs only what is missing (rustup's wasm32 std, trunk, wasm-bindgen-cli at
//! Cargo.lock's version, npm packages from package-lock.json, Debian's chromium + chromedriver).
use crate::util::{self, Result, cmd, probe, run};
use std::path::Path;

/// Trunk 0.22 needs a newer rustc than this project's toolchain; 0.21.14 does all we need.
pub const TRUNK_VERSION: &str = "0.21.14";

/// Which tools a command needs.
#[derive(Debug, Clone, Copy)]
pub struct Need {
    pub wasm: bool,
    pub npm: bool,
    pub browser: bool,
}

impl Need {
    pub fn all() -> Self {
        Self {
            wasm: true,
            npm: true,
            browser: true,
        }
    }
    pub fn build() -> Self {
        Self {
            wasm: true,
            npm: true,
            browser: false,
        }
    }
}

/// Installs what `need` asks for and is missing.
pub fn setup(need: Need) -> Result {
    let t = util::phase("setup: tools");
    if need.wasm {
        wasm_target()?;
        trunk()?;
        wasm_bindgen()?;
    }
    if need.npm {
        npm()?;
    }
    if need.browser {
        browser()?;
    }
    util::done(t);
    Ok(())
}

fn wasm_target() -> Result {
    let installed =
        probe(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("    wasm32-unknown-unknown: present");
        return Ok(());
    }
    println!("    installing the wasm32-unknown-unknown std (rustup)");
    run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk() -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    if probe(cmd("trunk").arg("--version")).as_deref() == Some(want.as_str()) {
        println!("    {want}: present");
        return Ok(());
    }
    println!("    installing {want} (cargo install; about 4 minutes on 2 cores)");
    run(cmd("cargo")
        .args([
            "install",
            "--locked",
            "trunk",
            "--version",
            &format!("={TRUNK_VERSION}"),
        ])
        .env("CARGO_PROFILE_RELEASE_LTO", "off")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"))
}

/// The `wasm-bindgen` version Cargo.lock pins (Trunk and the test runner need exactly it).
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(util::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() != "name = \"wasm-bindgen\"" {
            continue;
        }
        if let Some(v) = lines
            .next()
            .and_then(|v| v.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn wasm_bindgen() -> Result {
    let version = wasm_bindgen_version()?;
    let want = format!("wasm-bindgen {version}");
    let have_runner = util::which("wasm-bindgen-test-runner").is_some();
    if have_runner && probe(cmd("wasm-bindgen").arg("--version")).as_deref() == Some(want.as_str())
    {
        println!("    {want}: present");
        return Ok(());
    }
    println!("    installing wasm-bindgen-cli {version} (cargo install; 2-4 minutes)");
    let install = |locked: bool| {
        let mut c = cmd("cargo");
        c.arg("install");
        if locked {
            c.arg("--locked");
        }
        c.args(["wasm-bindgen-cli", "--version", &format!("={version}")])
            .env("CARGO_PROFILE_RELEASE_LTO", "off")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
        run(&mut c)
    };
    // Its own lockfile may pin crates the registry no longer serves: then resolve afresh.
    install(true).or_else(|_| {
        println!("    `--locked` install failed; retrying with a fresh resolve");
        install(false)
    })
}

fn npm() -> Result {
    let root = util::root();
    let lock = std::fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp_path = root.join("node_modules/.drydock-lock-stamp");
    let stamp = format!("{:016x}", fnv1a(&lock));
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
        println!("    npm packages: present");
        return Ok(());
    }
    if util::which("npm").is_none() {
        return Err("npm is not installed: install Node.js 20+ and npm (Debian: apt-get install nodejs npm)".into());
    }
    println!("    npm ci (binaryen's wasm-opt, playwright-core, axe-core, editor bundle sources)");
    run(cmd("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]))?;
    std::fs::write(&stamp_path, stamp).map_err(|e| format!("cannot write npm stamp: {e}"))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The Chromium binary the browser tests use.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The chromedriver wasm-bindgen-test-runner uses.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn browser() -> Result {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        println!("    chromium + chromedriver: present");
        return Ok(());
    }
    let is_root = probe(cmd("id").arg("-u")).as_deref() == Some("0");
    let debian = Path::new("/etc/debian_version").is_file();
    if !(is_root && debian) {
        return Err(format!(
            "the browser tests need Chromium at {CHROMIUM} and chromedriver at {CHROMEDRIVER}.\n\
             Install them, e.g. on Debian/Ubuntu: sudo apt-get install -y chromium chromium-driver"
        ));
    }
    println!("    installing chromium + chromium-driver (apt-get)");
    run(cmd("apt-get").arg("update").arg("-qq"))?;
    run(cmd("apt-get")
        .args(["install", "-y", "-qq", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
