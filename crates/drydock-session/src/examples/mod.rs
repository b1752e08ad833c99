//! The examples gallery: complete little projects (Dockerfiles, code, data) that the app opens, the
//! lessons start from and the tests build. Data only; one file per example.
mod api;
mod broken;
mod dockerignore;
mod multistage;
mod trainer;
mod trainer_uv;

use drydock_vfs::{Content, ImportEntry, Tree};

/// A file of an example project.
pub enum ExampleFile {
    /// A text file.
    Text(&'static str, &'static str),
    /// A large data file, simulated by size (nothing is allocated).
    Data(&'static str, u64),
}

/// An example project.
pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    /// The Dockerfile to open and build (`-f`), relative to the project folder.
    pub dockerfile: &'static str,
    /// The tag the example's build uses (`-t`).
    pub tag: &'static str,
    pub files: &'static [ExampleFile],
}

impl Example {
    /// The project as a host tree (the build context).
    pub fn tree(&self) -> Tree {
        let entries = self.files.iter().enumerate().map(|(i, f)| match f {
            ExampleFile::Text(path, text) => ImportEntry::file(path, *text),
            ExampleFile::Data(path, size) => ImportEntry::file(
                path,
                Content::synthetic(*size, i as u64 + 1, Some("data file")),
            ),
        });
        // The entries are fixed data checked by the tests, so this cannot fail in practice.
        Tree::from_entries(entries).unwrap_or_default()
    }

    /// The text of one of the example's files.
    pub fn text(&self, path: &str) -> Option<&'static str> {
        self.files.iter().find_map(|f| match f {
            ExampleFile::Text(p, t) if *p == path => Some(*t),
            _ => None,
        })
    }

    /// The `docker build` command line that builds it.
    pub fn build_command(&self) -> String {
        if self.dockerfile == "Dockerfile" {
            format!("docker build -t {} .", self.tag)
        } else {
            format!("docker build -f {} . -t {}", self.dockerfile, self.tag)
        }
    }
}

/// Every example, in gallery order.
pub fn all() -> &'static [Example] {
    &ALL
}

/// The example with this id.
pub fn get(id: &str) -> Option<&'static Example> {
    ALL.iter().find(|e| e.id == id)
}

static ALL: [Example; 6] = [
    trainer::EXAMPLE,
    trainer_uv::EXAMPLE,
    api::EXAMPLE,
    multistage::EXAMPLE,
    dockerignore::EXAMPLE,
    broken::EXAMPLE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_builds_a_tree_with_its_dockerfile() {
        for e in all() {
            let tree = e.tree();
            let path = format!("/{}", e.dockerfile);
            assert!(
                tree.lstat(&path).is_ok(),
                "{}: {} missing",
                e.id,
                e.dockerfile
            );
            assert!(e.text(e.dockerfile).is_some());
        }
        assert_eq!(
            get("trainer").map(|e| e.build_command()).as_deref(),
            Some("docker build -f trainer.dockerfile . -t trainer:latest")
        );
    }
}
