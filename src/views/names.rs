//! Checking a file or folder name typed in the project pane: what makes it unusable (blocking)
//! and what Docker will make of it (hints: Dockerfile and `.dockerignore` spellings, secrets).
use super::file_kind::{file_name, is_dockerfile};
use crate::i18n::{t, tf};

/// The verdict on a typed name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameCheck {
    /// Why the name cannot be used; `None` when it can.
    pub error: Option<String>,
    /// Something worth knowing about the name (never blocking).
    pub hint: Option<String>,
    /// The cleaned relative path to create or rename to (when there is no error).
    pub path: String,
}

/// Names offered when creating a file.
pub const SUGGESTED_FILES: &[&str] = &[
    "Dockerfile",
    ".dockerignore",
    "requirements.txt",
    "compose.yaml",
    "app.dockerfile",
    "main.py",
];

/// Checks `typed` as a new entry inside `folder` (relative, `""` for the project folder).
/// `typed` may contain `/` to create below sub-folders when `allow_nested`. `exists` says
/// whether a relative path is already taken; `is_dir` whether the entry is a folder.
pub fn check(
    typed: &str,
    folder: &str,
    allow_nested: bool,
    is_dir: bool,
    exists: impl Fn(&str) -> bool,
) -> NameCheck {
    let fail = |msg: &str| NameCheck {
        error: Some(msg.to_owned()),
        ..NameCheck::default()
    };
    if typed.is_empty() {
        return fail(t("names.empty"));
    }
    if typed.trim() != typed {
        return fail(t("names.space"));
    }
    if typed.chars().any(char::is_control) {
        return fail(t("names.control"));
    }
    if typed.contains('\\') {
        return fail(t("names.backslash"));
    }
    if typed.contains('/') && !allow_nested {
        return fail(t("names.slash"));
    }
    let parts: Vec<&str> = typed.split('/').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return fail(t("names.empty_part"));
    }
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return fail(t("names.dots"));
    }
    if parts.iter().any(|p| p.len() > 255) {
        return fail(t("names.long"));
    }
    let path = if folder.is_empty() {
        typed.to_owned()
    } else {
        format!("{folder}/{typed}")
    };
    if path == ".drydock" || path.starts_with(".drydock/") {
        return fail(t("names.reserved"));
    }
    if exists(&path) {
        return fail(&tf("names.exists", &[("name", typed)]));
    }
    NameCheck {
        error: None,
        hint: hint(&path, is_dir, &exists),
        path,
    }
}

/// A Docker-relevant remark about a (valid) path.
fn hint(path: &str, is_dir: bool, exists: &impl Fn(&str) -> bool) -> Option<String> {
    let name = file_name(path);
    let lower = name.to_ascii_lowercase();
    if is_dir {
        return (name == "data" || name == "models" || name == ".venv" || name == "node_modules")
            .then(|| tf("names.large_folder", &[("name", name)]));
    }
    if lower == "dockerignore"
        || (lower.contains("dockerignore")
            && lower != ".dockerignore"
            && !lower.ends_with(".dockerignore"))
        || (lower == ".dockerignore" && name != ".dockerignore")
    {
        return Some(t("names.dockerignore_spelling").to_owned());
    }
    if let Some(df) = name.strip_suffix(".dockerignore").filter(|d| !d.is_empty()) {
        let folder = path.strip_suffix(name).unwrap_or("");
        let df_path = format!("{folder}{df}");
        return Some(if exists(&df_path) {
            tf("names.dockerignore_for", &[("dockerfile", &df_path)])
        } else {
            tf("names.dockerignore_none", &[("dockerfile", df)])
        });
    }
    if is_dockerfile(name) && name != "Dockerfile" {
        return Some(tf("names.dockerfile_name", &[("path", path)]));
    }
    if lower == ".env" || lower.ends_with(".pem") || lower.ends_with(".key") || lower == "id_rsa" {
        return Some(tf("names.secret", &[("name", name)]));
    }
    if name.contains(' ') {
        return Some(t("names.spaces").to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXISTING: &[&str] = &["Dockerfile", "src", "src/main.py", "trainer.dockerfile"];

    /// `typed` in `folder` → `error: …` or `ok path (hint)`.
    fn check_name(typed: &str, folder: &str, is_dir: bool) -> String {
        let c = check(typed, folder, true, is_dir, |p| EXISTING.contains(&p));
        match (c.error, c.hint) {
            (Some(e), _) => format!("error: {e}"),
            (None, Some(h)) => format!("ok {} ({h})", c.path),
            (None, None) => format!("ok {}", c.path),
        }
    }

    #[test]
    fn blocking_problems() {
        let cases = [
            ("", "error: Type a name."),
            (" app.py", "error: Names can't start or end with a space."),
            ("a\tb", "error: Names can't contain control characters."),
            (
                "src\\app.py",
                "error: Use “/” between folders (a “\\” would be part of the name).",
            ),
            (
                "a//b",
                "error: Remove the empty folder name (“//” or a “/” at either end).",
            ),
            ("..", "error: “.” and “..” are not names."),
            (
                ".drydock",
                "error: “.drydock” is reserved for Drydock's own state.",
            ),
            ("Dockerfile", "error: “Dockerfile” already exists here."),
        ];
        for (typed, want) in cases {
            assert_eq!(check_name(typed, "", false), want, "{typed:?}");
        }
        assert_eq!(
            check_name("main.py", "src", false),
            "error: “main.py” already exists here."
        );
        let nested = check("a/b", "", false, false, |_| false);
        assert_eq!(nested.error.as_deref(), Some("A name can't contain “/”."));
    }

    #[test]
    fn docker_relevant_hints() {
        let cases = [
            ("app.py", "src", false, "ok src/app.py"),
            ("pkg/util.py", "src", false, "ok src/pkg/util.py"),
            (
                "dockerignore",
                "",
                false,
                "ok dockerignore (Docker reads only “.dockerignore” (leading dot, lower case) or “<Dockerfile>.dockerignore”.)",
            ),
            (
                ".Dockerignore",
                "",
                false,
                "ok .Dockerignore (Docker reads only “.dockerignore” (leading dot, lower case) or “<Dockerfile>.dockerignore”.)",
            ),
            (
                "trainer.dockerfile.dockerignore",
                "",
                false,
                "ok trainer.dockerfile.dockerignore (Used instead of .dockerignore when building with -f trainer.dockerfile.)",
            ),
            (
                "api.dockerfile.dockerignore",
                "",
                false,
                "ok api.dockerfile.dockerignore (Applies only to a Dockerfile named api.dockerfile (there is none yet).)",
            ),
            (
                "api.dockerfile",
                "",
                false,
                "ok api.dockerfile (Docker looks for “Dockerfile” by default: build this one with -f api.dockerfile.)",
            ),
            (
                ".env",
                "",
                false,
                "ok .env (Secrets end up in the image with `COPY . .`: list .env in .dockerignore.)",
            ),
            (
                "my file.txt",
                "",
                false,
                "ok my file.txt (Names with spaces need the JSON form in Dockerfiles: COPY [\"my file\", \"/app/\"].)",
            ),
            (
                "data",
                "",
                true,
                "ok data (Large folders like data/ usually belong in .dockerignore, so `COPY . .` leaves them out.)",
            ),
            (".dockerignore", "", false, "ok .dockerignore"),
        ];
        for (typed, folder, is_dir, want) in cases {
            assert_eq!(check_name(typed, folder, is_dir), want, "{typed:?}");
        }
    }
}
