//! Which ignore file applies to a build (BuildKit `dockerui`): `<Dockerfile>.dockerignore`
//! beside the Dockerfile when it exists, else `.dockerignore` at the context root.

use crate::path::AbsPath;
use crate::tree::Tree;

/// The ignore file for a Dockerfile at `dockerfile_path` (relative to the context root, or
/// absolute inside `context`): `<dockerfile_path>.dockerignore` if it is a file, else
/// `/.dockerignore` if it is a file, else `None` (symlinks are followed).
///
/// ```
/// use drydock_vfs::{ImportEntry, Tree, ignore::ignore_file_for};
/// let ctx = Tree::from_entries([
///     ImportEntry::file("build/Dockerfile.dev", "FROM x"),
///     ImportEntry::file("build/Dockerfile.dev.dockerignore", "*"),
///     ImportEntry::file(".dockerignore", "x"),
/// ]).unwrap();
/// assert_eq!(ignore_file_for("build/Dockerfile.dev", &ctx).unwrap().as_str(),
///            "/build/Dockerfile.dev.dockerignore");
/// assert_eq!(ignore_file_for("Dockerfile", &ctx).unwrap().as_str(), "/.dockerignore");
/// ```
pub fn ignore_file_for(dockerfile_path: &str, context: &Tree) -> Option<AbsPath> {
    let df = AbsPath::from_any(dockerfile_path);
    if !df.is_root() {
        let candidate = AbsPath::from_any(&format!("{df}.dockerignore"));
        if context.is_file(candidate.as_str()) {
            return Some(candidate);
        }
    }
    let default = AbsPath::from_any(".dockerignore");
    context.is_file(default.as_str()).then_some(default)
}
