//! The build timeline's rows: one per step of a build trace, with its cache badge, simulated
//! duration, layer size and — for a cache miss — the reason in plain words.
use drydock_engine::output::units::human_size;
use drydock_engine::reason::{FileChange, FileChangeKind, MissReason};
use drydock_engine::{BuildTrace, CacheStatus, Step};

use crate::i18n::{t, tf};

/// How a step ended, as its badge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    /// Taken from the build cache.
    Cached,
    /// Executed in this build.
    Ran,
    /// A metadata step (ENV, LABEL, …): nothing to run or cache.
    Config,
    /// The step failed.
    Error,
}

impl Badge {
    pub fn label(self) -> &'static str {
        match self {
            Badge::Cached => "CACHED",
            Badge::Ran => "ran",
            Badge::Config => "config",
            Badge::Error => "error",
        }
    }

    /// The badge as people read it (`CACHED` is BuildKit's own word and stays).
    pub fn text(self) -> &'static str {
        match self {
            Badge::Cached => "CACHED",
            Badge::Ran => t("timeline.ran"),
            Badge::Config => t("timeline.config"),
            Badge::Error => t("timeline.error"),
        }
    }

    /// The CSS class suffix.
    pub fn class(self) -> &'static str {
        match self {
            Badge::Cached => "cached",
            Badge::Ran => "ran",
            Badge::Config => "config",
            Badge::Error => "error",
        }
    }
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index in `BuildTrace::steps`.
    pub index: usize,
    /// The stage's name (`build`, `stage-1`), empty for a single-stage build.
    pub stage: String,
    /// The instruction as the progress shows it.
    pub text: String,
    pub badge: Badge,
    /// `0.3s`, empty for metadata steps.
    pub duration: String,
    /// The layer's size (`12.3MB`), empty when the step adds no layer.
    pub size: String,
    /// Why it missed the cache, in plain words (code in backticks), empty otherwise.
    pub reason: String,
    /// The longer explanation (the core's sentence), for a tooltip.
    pub detail: String,
    /// 1-based first and last line of the instruction.
    pub lines: (u32, u32),
}

/// The rows of a build, in step order.
pub fn rows(trace: &BuildTrace) -> Vec<Row> {
    trace
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| row(i, s))
        .collect()
}

fn row(index: usize, s: &Step) -> Row {
    let badge = if s.error.is_some() {
        Badge::Error
    } else {
        match s.cache {
            CacheStatus::Hit => Badge::Cached,
            CacheStatus::Miss(_) => Badge::Ran,
            CacheStatus::NotApplicable => Badge::Config,
        }
    };
    let (reason, detail) = match (&s.error, &s.cache) {
        (Some(e), _) => (t("timeline.stopped").to_owned(), e.clone()),
        (None, CacheStatus::Miss(r)) => (plain_reason(r), r.describe()),
        _ => (String::new(), String::new()),
    };
    let duration = match badge {
        Badge::Ran | Badge::Error => seconds(s.duration_ms),
        Badge::Cached => "0.0s".to_owned(),
        Badge::Config => String::new(),
    };
    Row {
        index,
        stage: s.stage_name.clone(),
        text: s.text.clone(),
        badge,
        duration,
        size: s
            .layer
            .as_ref()
            .map(|l| human_size(l.size))
            .unwrap_or_default(),
        reason,
        detail,
        lines: (s.line, s.end_line.max(s.line)),
    }
}

/// A duration as BuildKit's progress prints it (`1.2s`).
pub fn seconds(ms: i64) -> String {
    let tenths = ms.max(0) / 100;
    format!("{}.{}s", tenths / 10, tenths % 10)
}

/// Why a step ran, in a few plain words (code in backticks): "`src/train.py` changed",
/// "previous step rebuilt".
pub fn plain_reason(r: &MissReason) -> String {
    match r {
        MissReason::NoCache => t("timeline.no_cache").to_owned(),
        MissReason::FirstBuild => t("timeline.first_build").to_owned(),
        MissReason::ParentRebuilt { .. } => t("timeline.parent_rebuilt").to_owned(),
        MissReason::BaseImageChanged { .. } => t("timeline.base_changed").to_owned(),
        MissReason::InstructionChanged { .. } => t("timeline.instruction_changed").to_owned(),
        MissReason::FilesChanged { changes } => files_changed(changes),
        MissReason::ArgChanged { name, .. } => tf("timeline.arg_changed", &[("name", name)]),
        MissReason::EnvChanged { name, .. } => tf("timeline.env_changed", &[("name", name)]),
        MissReason::SettingChanged { setting, .. } => {
            tf("timeline.setting_changed", &[("setting", setting)])
        }
    }
}

fn files_changed(changes: &[FileChange]) -> String {
    let verb = |k: FileChangeKind| match k {
        FileChangeKind::Added => t("timeline.added"),
        FileChangeKind::Removed => t("timeline.removed"),
        FileChangeKind::Modified => t("timeline.changed"),
    };
    match changes {
        [] => t("timeline.files_changed").to_owned(),
        [one] => tf(
            "timeline.one_file",
            &[("path", &one.path), ("verb", verb(one.kind))],
        ),
        [a, b] if a.kind == b.kind => tf(
            "timeline.two_files",
            &[("a", &a.path), ("b", &b.path), ("verb", verb(a.kind))],
        ),
        [first, rest @ ..] => tf(
            if rest.len() == 1 {
                "timeline.more_files_one"
            } else {
                "timeline.more_files"
            },
            &[
                ("path", &first.path),
                ("verb", verb(first.kind)),
                ("n", &rest.len().to_string()),
            ],
        ),
    }
}

/// Splits text with backtick-quoted code into (is_code, piece) parts.
pub fn code_parts(text: &str) -> Vec<(bool, &str)> {
    text.split('`')
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| (i % 2 == 1, p))
        .collect()
}

/// The console's lines, each with the progress vertex (`#N`) it belongs to.
pub fn console_lines(console: &str) -> Vec<(Option<u32>, String)> {
    console
        .lines()
        .map(|l| {
            let vertex = l
                .strip_prefix('#')
                .and_then(|r| r.split(' ').next())
                .and_then(|n| n.parse::<u32>().ok());
            (vertex, l.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_session::{Session, SessionConfig, examples};

    fn build(session: &mut Session, file: &str) -> Vec<Row> {
        let out = session.line(&format!("docker build -f {file} -t t ."));
        assert_eq!(out.exit_code, 0, "{}", out.stderr());
        rows(session.last_build().unwrap())
    }

    #[test]
    fn a_rebuild_after_an_edit_says_which_file_changed_and_what_followed() {
        let ex = examples::get("trainer").unwrap();
        let mut s = Session::new(SessionConfig::default(), ex.tree());
        let first = build(&mut s, ex.dockerfile);
        assert!(first.iter().all(|r| r.badge != Badge::Cached));
        s.apply(drydock_session::Action::WriteFile {
            path: "src/my_project/train.py".to_owned(),
            content: "print('changed')\n".to_owned(),
        });
        let second = build(&mut s, ex.dockerfile);
        let summary: Vec<String> = second
            .iter()
            .map(|r| format!("{} | {} | {}", r.badge.label(), r.text, r.reason))
            .collect();
        assert_eq!(
            summary,
            [
                "CACHED | RUN apt update &&     apt install --no-install-recommends -y build-essential gcc &&     apt clean && rm -rf /var/lib/apt/lists/* | ",
                "CACHED | COPY requirements.txt requirements.txt | ",
                "CACHED | COPY pyproject.toml pyproject.toml | ",
                "ran | COPY src/ src/ | `src/my_project/train.py` changed",
                "ran | COPY data/ data/ | previous step rebuilt",
                "config | WORKDIR / | ",
                "ran | RUN pip install -r requirements.txt --no-cache-dir | previous step rebuilt",
                "ran | RUN pip install . --no-deps --no-cache-dir | previous step rebuilt",
                "config | ENTRYPOINT [\"python\", \"-u\", \"src/my_project/train.py\"] | ",
            ]
        );
    }

    #[test]
    fn plain_reasons() {
        let f = |path: &str, kind| FileChange {
            path: path.to_owned(),
            kind,
        };
        let r = MissReason::FilesChanged {
            changes: vec![f("src/train.py", FileChangeKind::Modified)],
        };
        assert_eq!(plain_reason(&r), "`src/train.py` changed");
        let r = MissReason::FilesChanged {
            changes: vec![
                f("a", FileChangeKind::Added),
                f("b", FileChangeKind::Removed),
                f("c", FileChangeKind::Removed),
            ],
        };
        assert_eq!(plain_reason(&r), "`a` added and 2 more files");
        let r = MissReason::ParentRebuilt {
            step: 1,
            instruction: "COPY . .".to_owned(),
        };
        assert_eq!(plain_reason(&r), "previous step rebuilt");
        assert_eq!(
            code_parts("`a` and `b` changed"),
            vec![
                (true, "a"),
                (false, " and "),
                (true, "b"),
                (false, " changed")
            ]
        );
        assert_eq!(seconds(1234), "1.2s");
        assert_eq!(
            console_lines("#5 [2/3] RUN x\n#5 DONE 0.1s\n\nok")
                .iter()
                .map(|l| l.0)
                .collect::<Vec<_>>(),
            vec![Some(5), Some(5), None, None]
        );
    }
}
