//! BuildKit's and Docker's presentation of build-check warnings: the short form
//! (`Rule: detail (line N)`), the `WARN:` line of the plain progress output, the end-of-build
//! summary Docker 28 prints, and the order BuildKit's tests compare in.
use crate::report::Finding;

/// `linter.LintFormatShort`: `Rule: detail (line N)`.
pub fn short(f: &Finding) -> String {
    if f.line > 0 {
        format!("{}: {} (line {})", f.code, f.message, f.line)
    } else {
        format!("{}: {}", f.code, f.message)
    }
}

/// The line `--progress plain` prints in the `[internal] load build definition` step, after
/// `#N `: `WARN: Rule: detail (line N)`.
pub fn plain_line(f: &Finding) -> String {
    format!("WARN: {}", short(f))
}

/// What `docker build` prints after the build (buildx `printWarnings`, without `--debug`):
/// a blank line, ` N warning(s) found (use docker --debug to expand):`, then ` - <short>` per
/// warning. Empty when there are none.
pub fn summary(warnings: &[Finding]) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n ");
    if warnings.len() == 1 {
        out.push_str("1 warning found");
    } else {
        out.push_str(&format!("{} warnings found", warnings.len()));
    }
    out.push_str(" (use docker --debug to expand):\n");
    for w in warnings {
        out.push_str(" - ");
        out.push_str(&short(w));
        out.push('\n');
    }
    out
}

/// Sorts as BuildKit's check tests compare: by line, then by detail.
pub fn sort_like_buildkit_tests(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.line, &a.message).cmp(&(b.line, &b.message)));
}
