//! `CopyIgnoredFile`: a COPY/ADD source from the build context is excluded by `.dockerignore`
//! (skipped when the ignore file has `!` exclusions; the context root `.` only for `*`, `**`,
//! `**/*`) (dispatch time, facts).
use crate::convert::Cx;
use crate::linter::Sink;
use crate::meta::{Action, RuleMeta, ShowMe};
use crate::paths;
use drydock_syntax::words::go_quote;
use drydock_text::TextRange;

pub static META: RuleMeta = RuleMeta {
    show_me: Some(ShowMe {
        scenario: "Build: the COPY fails with `failed to compute cache key: ... not found`, although the file is in your folder.",
        actions: &[Action::Build],
    }),
    ..buildkit_rule!(
        "CopyIgnoredFile", "copy-ignored-file", Dispatch, experimental: false,
        description: "Attempting to Copy file that is excluded by .dockerignore",
        hint: "Remove the path from .dockerignore or stop copying it: excluded files are not sent to the builder.",
        explanation: "Before a build, Docker sends the build context to the builder without the paths .dockerignore excludes. A COPY or ADD that names an excluded path therefore finds nothing: the build fails with `\"/path\": not found`, or a wildcard silently copies fewer files than you expect.",
        fix: "Delete the matching line from .dockerignore (or add a `!path` exception), or remove the path from the COPY.",
    )
};

/// `validateCopySourcePath(src)` for a source read from the build context.
pub fn check(cx: &Cx<'_, '_>, sink: &mut Sink, i: usize, src: &str, span: TextRange, is_add: bool) {
    let Some(patterns) = &cx.ignore_patterns else {
        return;
    };
    if patterns.is_empty() || patterns.iter().any(|p| p.starts_with('!')) {
        return;
    }
    if is_add && (src.starts_with("http://") || src.starts_with("https://")) {
        return;
    }
    let src = paths::clean(src);
    if (src == "." || src == "/")
        && !patterns
            .iter()
            .any(|p| matches!(p.as_str(), "*" | "**" | "**/*"))
    {
        return;
    }
    if cx.facts.is_ignored(&src) {
        let verb = if is_add { "Add" } else { "Copy" };
        sink.report(
            &META,
            cx.at(i, span),
            format!(
                "Attempting to {verb} file {} that is excluded by .dockerignore",
                go_quote(&src)
            ),
        );
    }
}
