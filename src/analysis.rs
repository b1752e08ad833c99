//! One parse per keystroke: the instruction outline (instruction list, lifecycle strip) and, for the
//! Dockerfile open in the editor, what the editor shows (semantic tokens, the parser's and the lint's
//! diagnostics in UTF-16 offsets) are computed together from a single parse and shared by every view
//! that asks for the same text during one update.
use std::cell::RefCell;
use std::rc::Rc;

use drydock_lint::LintReport;
use drydock_syntax::Severity;
use drydock_vfs::Tree;

use crate::components::insights_view::{is_dockerfile, report_of};
use crate::highlight;
use crate::interop::editor::{Mark, Token};
use crate::interop::utf16::Utf16Map;
use crate::outline::Outline;
use crate::state::AppState;

/// What the editor shows for a Dockerfile.
pub struct EditorData {
    pub tokens: Vec<Token>,
    pub marks: Vec<Mark>,
}

/// The context a Dockerfile is linted in: its project path, the project, and the store revision
/// the project was read at (a new revision re-lints).
pub struct LintAs<'a> {
    pub path: &'a str,
    pub project: &'a Tree,
    pub rev: u64,
}

struct Entry {
    text: Rc<str>,
    outline: Rc<Outline>,
    editor: Option<(String, u64, Rc<EditorData>)>,
}

thread_local! {
    /// The last text analysed.
    static LAST: RefCell<Option<Entry>> = const { RefCell::new(None) };
}

/// The outline of `text`; with `lint`, the editor's data is computed from the same parse (when the
/// editor shows this text, so its effect finds it ready).
pub fn outline(text: &Rc<str>, lint: Option<LintAs<'_>>) -> Rc<Outline> {
    analyse(text, lint).0
}

/// The outline of the Dockerfile the build uses; when the editor shows it, its editor data is
/// computed from the same parse.
pub fn build_outline(store: &AppState) -> Rc<Outline> {
    let text = store.dockerfile_text();
    if store.file_name == store.build_form.file && is_dockerfile(&store.file_name) {
        let session = store.session();
        let lint = LintAs {
            path: &store.file_name,
            project: session.host(),
            rev: store.rev,
        };
        outline(&text, Some(lint))
    } else {
        outline(&text, None)
    }
}

/// The editor's tokens and diagnostics for the Dockerfile `text`.
pub fn editor(text: &Rc<str>, lint: LintAs<'_>) -> Rc<EditorData> {
    let (outline, data) = analyse(text, Some(lint));
    drop(outline);
    data.unwrap_or_else(|| {
        Rc::new(EditorData {
            tokens: Vec::new(),
            marks: Vec::new(),
        })
    })
}

fn analyse(text: &Rc<str>, lint: Option<LintAs<'_>>) -> (Rc<Outline>, Option<Rc<EditorData>>) {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        let same_text = last
            .as_ref()
            .filter(|e| Rc::ptr_eq(&e.text, text) || *e.text == **text);
        if let Some(e) = same_text {
            match (&lint, &e.editor) {
                (None, _) => return (e.outline.clone(), None),
                (Some(l), Some((path, rev, data))) if path == l.path && *rev == l.rev => {
                    return (e.outline.clone(), Some(data.clone()));
                }
                _ => {}
            }
        }
        let parse = drydock_syntax::parse(text);
        let outline = match same_text {
            Some(e) => e.outline.clone(),
            None => Rc::new(Outline::of_parse(&parse)),
        };
        let editor = lint.map(|l| {
            let report = report_of(&parse, l.path, l.project);
            let data = Rc::new(editor_data(text, &parse, &report));
            (l.path.to_owned(), l.rev, data)
        });
        let data = editor.as_ref().map(|(_, _, d)| d.clone());
        *last = Some(Entry {
            text: text.clone(),
            outline: outline.clone(),
            editor,
        });
        (outline, data)
    })
}

/// Zero-width diagnostics still get one character so they are visible.
fn visible_end(range: drydock_text::TextRange) -> u32 {
    if range.is_empty() {
        range.end + 1
    } else {
        range.end
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The semantic tokens and the diagnostics: the parser's (in Docker's wording) and the lint's
/// (conversion errors, BuildKit's checks, learner rules) with the rule's hint and docs link.
fn editor_data(text: &str, parse: &drydock_syntax::Parse<'_>, report: &LintReport) -> EditorData {
    let map = Utf16Map::new(text);
    let tokens: Vec<Token> = highlight::spans(parse)
        .iter()
        .map(|s| Token {
            from: map.to_utf16(s.range.start),
            to: map.to_utf16(s.range.end),
            kind: s.kind,
        })
        .collect();
    let mut marks: Vec<Mark> = parse
        .diagnostics
        .iter()
        // The lint reports empty continuations itself (so `# check=skip` applies).
        .filter(|d| d.code != drydock_syntax::codes::NO_EMPTY_CONTINUATION)
        .map(|d| Mark {
            from: map.to_utf16(d.range.start),
            to: map.to_utf16(visible_end(d.range)),
            severity: severity(d.severity),
            message: parse.docker_message(d),
            code: d.code.to_string(),
            hint: d.hint.to_string(),
            url: String::new(),
        })
        .collect();
    let lint = report
        .errors
        .iter()
        .cloned()
        .chain(report.findings().map(drydock_lint::Finding::to_diagnostic));
    marks.extend(lint.map(|d| {
        let meta = drydock_lint::rule(&d.code);
        let hint = if d.hint.is_empty() {
            meta.map_or("", |m| m.hint).to_owned()
        } else {
            d.hint.to_string()
        };
        Mark {
            from: map.to_utf16(d.range.start),
            to: map.to_utf16(visible_end(d.range)),
            severity: severity(d.severity),
            message: d.message.clone(),
            code: d.code.to_string(),
            hint,
            url: meta.map_or("", |m| m.url).to_owned(),
        }
    }));
    drydock_text::sort::sort_by_key(&mut marks, |m| (m.from, m.to));
    EditorData { tokens, marks }
}
