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
    drydock_text::sort::sort_by(findings, |a, b| {
        (a.line, &a.message).cmp(&(b.line, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use drydock_text::{Severity, TextRange};

    fn f(code: &'static str, message: &str, line: u32) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            message: message.to_owned(),
            range: TextRange::default(),
            line,
            hint: std::borrow::Cow::Borrowed(""),
            params: Vec::new(),
        }
    }

    #[test]
    fn docker_wording() {
        let one = [f(
            "JSONArgsRecommended",
            "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals",
            15,
        )];
        assert_eq!(
            summary(&one),
            "\n 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 15)\n"
        );
        let two = [f("A", "x", 2), f("B", "y", 0)];
        assert!(summary(&two).starts_with(
            "\n 2 warnings found (use docker --debug to expand):\n - A: x (line 2)\n - B: y\n"
        ));
        assert_eq!(plain_line(&two[0]), "WARN: A: x (line 2)");
        assert_eq!(summary(&[]), "");
        let mut v = vec![f("B", "b", 3), f("A", "z", 2), f("A", "a", 2)];
        sort_like_buildkit_tests(&mut v);
        assert_eq!(
            v.iter().map(|x| x.message.as_str()).collect::<Vec<_>>(),
            ["a", "z", "b"]
        );
    }
}
