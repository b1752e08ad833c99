//! Where uploaded files go in the project: a picked or dropped folder's own name is dropped (its
//! contents become the project's), `.git/` and desktop litter (`.DS_Store`, `Thumbs.db`) are left
//! out, and `.drydock/` (the app's own state) is refused.

/// The plan for an upload: the project paths to write (same order as given, `None` for a file
/// left out) and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UploadPlan {
    pub paths: Vec<Option<String>>,
    /// The folder name dropped from every path (`my-project`), if one was.
    pub stripped: Option<String>,
    /// Files left out, as a short list for the notice.
    pub skipped: Vec<String>,
}

/// Plans where the files at `paths` (relative, `/`-separated, as the browser gives them) go.
pub fn plan(paths: &[&str]) -> UploadPlan {
    let top = |p: &str| p.split_once('/').map(|(t, _)| t.to_owned());
    let first_top = paths.first().and_then(|p| top(p));
    let stripped =
        first_top.filter(|t| paths.iter().all(|p| top(p).as_deref() == Some(t.as_str())));
    let mut out = UploadPlan {
        stripped: stripped.clone(),
        ..UploadPlan::default()
    };
    for p in paths {
        let rel = match &stripped {
            Some(t) => p.get(t.len() + 1..).unwrap_or(""),
            None => p,
        };
        let clean: Vec<&str> = rel
            .split('/')
            .filter(|c| !c.is_empty() && *c != ".")
            .collect();
        let name = clean.last().copied().unwrap_or("");
        let left_out = clean.is_empty()
            || clean.contains(&"..")
            || clean.first() == Some(&".git")
            || clean.first() == Some(&".drydock")
            || name == ".DS_Store"
            || name == "Thumbs.db";
        if left_out {
            out.skipped.push((*p).to_owned());
            out.paths.push(None);
        } else {
            out.paths.push(Some(clean.join("/")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picked_folder_becomes_the_project() {
        let got = plan(&[
            "shop/Dockerfile",
            "shop/src/app.py",
            "shop/.git/HEAD",
            "shop/.DS_Store",
            "shop/.drydock/state.json",
        ]);
        assert_eq!(got.stripped.as_deref(), Some("shop"));
        assert_eq!(
            got.paths,
            [
                Some("Dockerfile".to_owned()),
                Some("src/app.py".to_owned()),
                None,
                None,
                None
            ]
        );
        assert_eq!(
            got.skipped,
            [
                "shop/.git/HEAD",
                "shop/.DS_Store",
                "shop/.drydock/state.json"
            ]
        );
    }

    #[test]
    fn loose_files_and_mixed_folders_keep_their_paths() {
        let got = plan(&["Dockerfile", "notes.txt"]);
        assert_eq!(got.stripped, None);
        assert_eq!(
            got.paths,
            [Some("Dockerfile".to_owned()), Some("notes.txt".to_owned())]
        );
        let got = plan(&["a/x", "b/y", "../etc/passwd"]);
        assert_eq!(got.stripped, None);
        assert_eq!(
            got.paths,
            [Some("a/x".to_owned()), Some("b/y".to_owned()), None]
        );
    }
}
