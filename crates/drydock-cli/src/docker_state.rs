//! The daemon state file (`.drydock/state.json` in the working directory, or `$DRYDOCK_STATE`)
//! and reading a folder from disk into a VFS tree for the engine (`.drydock/` excluded).
use std::path::{Path, PathBuf};

use drydock_engine::{Engine, EngineConfig, EngineState, ShellExecutor};
use drydock_vfs::{Content, ImportEntry, Tree};

/// Where the state lives.
pub fn state_path() -> PathBuf {
    match std::env::var_os("DRYDOCK_STATE") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(".drydock/state.json"),
    }
}

/// The engine with the saved state (a fresh one when there is none).
pub fn load() -> Result<Engine, String> {
    let path = state_path();
    let state: EngineState = match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|e| format!("cannot read daemon state {}: {e}", path.display()))?,
        Err(_) => EngineState::default(),
    };
    let mut engine = Engine::with_state(EngineConfig::default(), state);
    engine.set_executor(Box::new(ShellExecutor::default().lenient()));
    Ok(engine)
}

/// Saves the state.
pub fn save(engine: Engine) -> Result<(), String> {
    let path = state_path();
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let text = serde_json::to_string(&engine.into_state()).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<ImportEntry>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let path = e.path();
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if rel == ".drydock" {
            continue;
        }
        let meta = std::fs::symlink_metadata(&path)?;
        #[cfg(unix)]
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            meta.permissions().mode() & 0o7777
        };
        #[cfg(not(unix))]
        let mode = if meta.is_dir() { 0o755 } else { 0o644 };
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(&path)?;
            out.push(ImportEntry::symlink(&rel, &target.to_string_lossy()));
        } else if meta.is_dir() {
            out.push(ImportEntry::dir(&rel).mode(mode));
            walk(root, &path, out)?;
        } else {
            let bytes = std::fs::read(&path)?;
            out.push(ImportEntry::file(&rel, Content::bytes(bytes)).mode(mode));
        }
    }
    Ok(())
}

/// Reads the folder `dir` into a tree.
pub fn read_tree(dir: &Path) -> Result<Tree, String> {
    let mut entries = Vec::new();
    walk(dir, dir, &mut entries).map_err(|e| format!("{}: {e}", dir.display()))?;
    Tree::from_entries(entries).map_err(|e| e.to_string())
}
