//! The build context: the project's files as a tree, minus `.drydock/`, filtered by the
//! `.dockerignore` that applies to the Dockerfile (`<name>.dockerignore` beside it first), and
//! what "transferring context" reports.
use drydock_vfs::ignore::{PatternMatcher, filter_context, ignore_file_for, read_all};
use drydock_vfs::{AbsPath, Node, Tree};

/// A prepared context.
#[derive(Debug, Clone)]
pub struct Context {
    /// The files COPY/ADD can see.
    pub tree: Tree,
    /// The ignore file used and its size in bytes.
    pub ignore_file: Option<(String, u64)>,
    pub patterns: Vec<String>,
}

/// Applies the ignore rules to `raw` (the project folder).
pub fn prepare(raw: &Tree, dockerfile_path: &str) -> Result<Context, String> {
    let mut tree = raw.clone();
    let _ = tree.take(&AbsPath::from_any(".drydock"));
    let Some(ign) = ignore_file_for(dockerfile_path, &tree) else {
        return Ok(Context {
            tree,
            ignore_file: None,
            patterns: Vec::new(),
        });
    };
    let content = tree.read_file(ign.as_str()).map_err(|e| e.to_string())?;
    let text = content
        .as_bytes()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let patterns = read_all(&text).map_err(|e| e.to_string())?;
    let matcher = PatternMatcher::new(&patterns).map_err(|e| e.to_string())?;
    let filtered = filter_context(&tree, &matcher).map_err(|e| e.to_string())?;
    Ok(Context {
        tree: filtered,
        ignore_file: Some((ign.relative().to_owned(), content.len())),
        patterns,
    })
}

/// Regular files of a tree with their content checksums (relative paths, sorted).
pub fn file_digests(tree: &Tree) -> Vec<(String, String, u64)> {
    let mut out = Vec::new();
    for (path, node) in tree.walk() {
        if let Node::File(f) = node {
            out.push((
                path.relative().to_owned(),
                drydock_vfs::content_digest(&f.content).to_string(),
                f.content.len(),
            ));
        }
    }
    out
}
