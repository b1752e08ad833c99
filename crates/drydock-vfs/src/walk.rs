//! Deterministic depth-first walks: pre-order, children in byte order of their names (so a
//! directory always comes before its contents).

use crate::node::{DirNode, Node};
use crate::path::AbsPath;
use crate::pmap;
use crate::tree::Tree;

/// A pre-order walk below a directory, yielding `(path, node)`; the starting directory itself is
/// not yielded. Whiteouts (in layers) are yielded like other nodes.
pub struct Walk<'a> {
    stack: Vec<(AbsPath, pmap::Iter<'a, crate::node::Name, Node>)>,
}

impl<'a> Walk<'a> {
    /// Walks everything below `dir`, whose path is `base`.
    pub fn new(dir: &'a DirNode, base: AbsPath) -> Self {
        Walk {
            stack: vec![(base, dir.entries.iter())],
        }
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = (AbsPath, &'a Node);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (base, iter) = self.stack.last_mut()?;
            match iter.next() {
                None => {
                    self.stack.pop();
                }
                Some((name, node)) => {
                    let path = base.child(name);
                    if let Node::Dir(d) = node {
                        self.stack.push((path.clone(), d.entries.iter()));
                    }
                    return Some((path, node));
                }
            }
        }
    }
}

impl Tree {
    /// Every entry except the root, pre-order, children sorted by name.
    pub fn walk(&self) -> Walk<'_> {
        Walk::new(&self.root, AbsPath::root())
    }

    /// Every entry below the directory `path` (lexical: no symlinks followed); empty when `path`
    /// is not a directory.
    pub fn walk_from(&self, path: &AbsPath) -> Walk<'_> {
        match self.get_dir(path) {
            Some(d) => Walk::new(d, path.clone()),
            None => Walk { stack: Vec::new() },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Content, ImportEntry, Tree};

    #[test]
    fn walk_is_preorder_sorted() {
        let t = Tree::from_entries([
            ImportEntry::file("b/z", Content::text("")),
            ImportEntry::file("a-b", Content::text("")),
            ImportEntry::file("a/x", Content::text("")),
        ])
        .unwrap();
        let paths: Vec<String> = t.walk().map(|(p, _)| p.to_string()).collect();
        assert_eq!(paths, ["/a", "/a/x", "/a-b", "/b", "/b/z"]);
    }
}
