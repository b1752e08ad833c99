//! The project area's part of the app state: notices (restored, damaged save, full storage …),
//! which project dialog is open, whether the last save went through, and how renames and
//! deletions carry the open file and the selected Dockerfile along.

/// A project dialog (one at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    Examples,
    Share,
    /// "Reset to example?" confirmation.
    Reset,
    /// The lessons gallery.
    Lessons,
    /// "Start this lesson?" confirmation (the lesson waits in `Lessons::pending`).
    StartLesson,
    /// An explanation of something met in the terminal (a `drydock_session::explain` topic).
    Explain(&'static str),
}

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// A button a notice offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Put back the project kept as a backup when a share link or example replaced it.
    RestoreBackup,
    /// Open the explanation of this topic.
    Explain(&'static str),
}

/// A message shown above the panes until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub tone: Tone,
    pub text: String,
    pub action: Option<NoticeAction>,
}

/// Where the autosave stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveStatus {
    /// Changes not saved yet (a save is scheduled).
    #[default]
    Pending,
    Saved,
    /// The last save failed (full storage …): the message says why.
    Failed(String),
    /// This browser context keeps nothing (storage blocked or unavailable).
    Off(String),
}

/// Where `path` is after renaming `from` to `to` (`None` when it is not at or below `from`).
pub fn renamed(path: &str, from: &str, to: &str) -> Option<String> {
    if path == from {
        return Some(to.to_owned());
    }
    path.strip_prefix(from)
        .and_then(|rest| rest.strip_prefix('/'))
        .map(|rest| format!("{to}/{rest}"))
}

/// Whether deleting `target` deletes `path` (it is `target` or below it).
pub fn deleted(path: &str, target: &str) -> bool {
    path == target
        || path
            .strip_prefix(target)
            .is_some_and(|r| r.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_and_deletions_follow_paths() {
        assert_eq!(
            renamed("src/a.py", "src", "lib").as_deref(),
            Some("lib/a.py")
        );
        assert_eq!(
            renamed("Dockerfile", "Dockerfile", "api.dockerfile").as_deref(),
            Some("api.dockerfile")
        );
        assert_eq!(renamed("srcx/a.py", "src", "lib"), None);
        assert!(deleted("data/x", "data"));
        assert!(deleted("data", "data"));
        assert!(!deleted("database", "data"));
    }
}
