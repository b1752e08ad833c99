//! The saved project (IndexedDB), format version 1:
//! `{"version": 1, "app": "drydock", "example", "open_file", "build_form", "modified", "files",
//! "session"}` — `files` as `persist::project` entries (with times), `session` the session's own
//! `SessionState` (images, containers, volumes, history). Reading never fails the app: a damaged
//! or other-version save becomes a `LoadError` with a friendly message, and a session state that
//! no longer reads still gives back the files.
use serde::{Deserialize, Serialize};

use drydock_session::SessionState;
use drydock_vfs::Tree;

use super::Restored;
use super::project::{FileEntry, WriteOptions, from_entries, to_entries};
use crate::i18n::{t, tf};
use crate::state::BuildForm;

/// The format this build writes and reads.
pub const VERSION: u64 = 1;

/// The build form as saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormRepr {
    pub file: String,
    pub tag: String,
    pub build_args: Vec<(String, String)>,
    pub target: String,
    pub no_cache: bool,
}

impl From<&BuildForm> for FormRepr {
    fn from(f: &BuildForm) -> Self {
        FormRepr {
            file: f.file.clone(),
            tag: f.tag.clone(),
            build_args: f.build_args.clone(),
            target: f.target.clone(),
            no_cache: f.no_cache,
        }
    }
}

impl From<FormRepr> for BuildForm {
    fn from(f: FormRepr) -> Self {
        BuildForm {
            file: f.file,
            tag: f.tag,
            build_args: f.build_args,
            target: f.target,
            no_cache: f.no_cache,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct SaveDoc {
    version: u64,
    #[serde(default)]
    app: String,
    #[serde(default)]
    example: String,
    #[serde(default)]
    open_file: String,
    #[serde(default)]
    build_form: FormRepr,
    #[serde(default)]
    modified: bool,
    files: Vec<FileEntry>,
    #[serde(default)]
    session: serde_json::Value,
}

/// What is saved, borrowed from the app state.
pub struct SaveInput<'a> {
    pub tree: &'a Tree,
    pub session: SessionState,
    pub example: &'a str,
    pub open_file: &'a str,
    pub build_form: &'a BuildForm,
    pub modified: bool,
}

/// The save document as JSON text.
pub fn write(input: SaveInput<'_>) -> String {
    let (files, _) = to_entries(
        input.tree,
        WriteOptions {
            times: true,
            max_binary: None,
        },
    );
    let doc = SaveDoc {
        version: VERSION,
        app: "drydock".into(),
        example: input.example.to_owned(),
        open_file: input.open_file.to_owned(),
        build_form: FormRepr::from(input.build_form),
        modified: input.modified,
        files,
        session: serde_json::to_value(&input.session).unwrap_or_default(),
    };
    serde_json::to_string(&doc).unwrap_or_default()
}

/// The save document of the app's current state.
pub fn of_state(state: &crate::state::AppState) -> String {
    let s = state.session();
    write(SaveInput {
        tree: s.host(),
        session: s.state(),
        example: state.example,
        open_file: &state.file_name,
        build_form: &state.build_form,
        modified: state.modified,
    })
}

/// Why a save could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not a Drydock save at all, or damaged (the detail is for the console).
    Damaged(String),
    /// Written in another format version.
    Version(u64),
}

impl LoadError {
    /// The notice shown to the user.
    pub fn message(&self) -> String {
        match self {
            LoadError::Damaged(_) => t("save.damaged").to_owned(),
            LoadError::Version(v) if *v > VERSION => tf(
                "save.newer",
                &[("v", &v.to_string()), ("ours", &VERSION.to_string())],
            ),
            LoadError::Version(v) => tf("save.older", &[("v", &v.to_string())]),
        }
    }
}

/// A read save, and what could not be restored from it.
pub struct Loaded {
    pub restored: Restored,
    /// Set when the session (images, containers) could not be restored but the files were.
    pub warning: Option<String>,
}

/// Reads a save document.
pub fn read(text: &str) -> Result<Loaded, LoadError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::Damaged(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| LoadError::Damaged("no version".into()))?;
    if version != VERSION {
        return Err(LoadError::Version(version));
    }
    let doc: SaveDoc =
        serde_json::from_value(value).map_err(|e| LoadError::Damaged(e.to_string()))?;
    let tree = from_entries(&doc.files).map_err(LoadError::Damaged)?;
    let (session, warning) = if doc.session.is_null() {
        (SessionState::default(), None)
    } else {
        match serde_json::from_value::<SessionState>(doc.session) {
            Ok(s) => (s, None),
            Err(_) => (
                SessionState::default(),
                Some(t("save.session_lost").to_owned()),
            ),
        }
    };
    let open_file = if doc.open_file.is_empty() {
        doc.build_form.file.clone()
    } else {
        doc.open_file
    };
    Ok(Loaded {
        restored: Restored {
            tree,
            session,
            example: doc.example,
            open_file,
            build_form: doc.build_form.into(),
            modified: doc.modified,
        },
        warning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_session::{Session, SessionConfig, examples};

    /// A trainer session that built once.
    fn built() -> Session {
        let e = examples::get("trainer").unwrap();
        let mut s = Session::new(SessionConfig::default(), e.tree());
        assert_eq!(s.line(&e.build_command()).exit_code, 0);
        s
    }

    fn save_of(s: &Session) -> String {
        let form = BuildForm {
            file: "trainer.dockerfile".into(),
            tag: "trainer:latest".into(),
            build_args: vec![("EPOCHS".into(), "3".into())],
            ..BuildForm::default()
        };
        write(SaveInput {
            tree: s.host(),
            session: s.state(),
            example: "trainer",
            open_file: "requirements.txt",
            build_form: &form,
            modified: true,
        })
    }

    #[test]
    fn a_save_restores_files_form_and_images() {
        let s = built();
        let text = save_of(&s);
        assert!(
            text.starts_with(
                r#"{"version":1,"app":"drydock","example":"trainer","open_file":"requirements.txt""#
            ),
            "{}",
            &text[..120]
        );
        let loaded = read(&text).unwrap();
        assert!(loaded.warning.is_none());
        let r = loaded.restored;
        assert_eq!(
            (r.example.as_str(), r.open_file.as_str(), r.modified),
            ("trainer", "requirements.txt", true)
        );
        assert_eq!(
            r.build_form.build_args,
            [("EPOCHS".to_owned(), "3".to_owned())]
        );
        let mut again = Session::restore(SessionConfig::default(), r.tree, r.session);
        // Same files, same state: saving the restored session gives the same document.
        assert_eq!(save_of(&again), text);
        assert!(again.line("docker images").stdout().contains("trainer "));
    }

    #[test]
    fn damaged_and_other_versions_are_reported() {
        let cases = [
            ("garbage", "Damaged"),
            ("{}", "Damaged"),
            (r#"{"version":1}"#, "Damaged"),
            (
                r#"{"version":1,"files":[{"path":"/abs","text":""}]}"#,
                "Damaged",
            ),
            (r#"{"version":2,"files":[]}"#, "Version(2)"),
            (r#"{"version":0}"#, "Version(0)"),
        ];
        for (text, want) in cases {
            let got = match read(text) {
                Ok(_) => "ok".to_owned(),
                Err(LoadError::Damaged(_)) => "Damaged".to_owned(),
                Err(e) => format!("{e:?}"),
            };
            assert_eq!(got, want, "{text}");
        }
        assert!(
            LoadError::Version(2)
                .message()
                .contains("newer Drydock (save format 2")
        );
        assert!(
            LoadError::Version(0)
                .message()
                .contains("old save format (0)")
        );
        assert!(
            LoadError::Damaged(String::new())
                .message()
                .contains("started from the example")
        );
    }

    #[test]
    fn an_unreadable_session_still_gives_the_files() {
        let text = r#"{"version":1,"open_file":"Dockerfile","files":[{"path":"Dockerfile","text":"FROM x\n"}],"session":{"engine":42}}"#;
        let loaded = read(text).unwrap();
        assert!(loaded.warning.unwrap().contains("could not be read"));
        assert!(loaded.restored.tree.is_file("/Dockerfile"));
        assert_eq!(loaded.restored.build_form, BuildForm::default());
    }
}
