//! Which checks run: BuildKit's `# check=` options (`ParseLintOptions`), the file's directive or
//! the `BUILDKIT_DOCKERFILE_CHECK` build arg that replaces it, and a `# check=` comment directly
//! above an instruction, which adds to the file's options for that instruction only.
use drydock_syntax::words::go_quote;
use drydock_syntax::{Dockerfile, Text};
use std::collections::BTreeMap;

/// The build arg that replaces the file's `# check=` directive.
pub const CHECK_BUILD_ARG: &str = "BUILDKIT_DOCKERFILE_CHECK";

/// Parsed `skip=…;experimental=…;error=…` options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckConfig {
    pub skip_all: bool,
    pub skip: Vec<String>,
    pub experimental_all: bool,
    pub experimental: Vec<String>,
    /// `error=true`: any warning fails the build.
    pub error: bool,
}

/// Go's `strconv.ParseBool`.
fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

fn go_trim(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'))
}

fn list(v: &str) -> Vec<String> {
    v.split(',').map(|r| go_trim(r).to_owned()).collect()
}

/// BuildKit's `linter.ParseLintOptions`.
pub fn parse_check_options(check: &str) -> Result<CheckConfig, String> {
    let check = go_trim(check);
    let mut c = CheckConfig::default();
    if check.is_empty() {
        return Ok(c);
    }
    for p in check.splitn(3, ';') {
        let Some((k, v)) = p.split_once('=') else {
            return Err(format!("invalid check option {}", go_quote(p)));
        };
        let v = go_trim(v);
        match go_trim(k) {
            "skip" if v == "all" => c.skip_all = true,
            "skip" => c.skip = list(v),
            "experimental" if v == "all" => c.experimental_all = true,
            "experimental" => c.experimental = list(v),
            "error" => match parse_bool(v) {
                Some(b) => c.error = b,
                None => {
                    return Err(format!(
                        "failed to parse check option {}: strconv.ParseBool: parsing {}: invalid syntax",
                        go_quote(p),
                        go_quote(v)
                    ));
                }
            },
            k => return Err(format!("invalid check option {}", go_quote(k))),
        }
    }
    Ok(c)
}

/// The file's options: the `BUILDKIT_DOCKERFILE_CHECK` build arg when given, else the `# check=`
/// directive. An error is BuildKit's `failed to parse check options: …`.
pub fn file_config(
    df: &Dockerfile<'_>,
    build_args: &BTreeMap<String, String>,
) -> Result<CheckConfig, String> {
    let raw = match build_args.get(CHECK_BUILD_ARG) {
        Some(v) => v.as_str(),
        None => df
            .directives
            .iter()
            .find(|d| d.name == "check")
            .map_or("", |d| d.value.as_str()),
    };
    parse_check_options(raw).map_err(|e| format!("failed to parse check options: {e}"))
}

/// `name=value` of a comment line read as a directive (`# check=skip=X // why` → `check`,
/// `skip=X // why`), with the name lower-cased.
fn directive_of(comment: &str) -> Option<(String, &str)> {
    let c = comment.trim();
    let name_len = c
        .char_indices()
        .find(|&(i, ch)| !(ch.is_ascii_alphabetic() || (i > 0 && ch.is_ascii_digit())))
        .map_or(c.len(), |(i, _)| i);
    if name_len == 0 {
        return None;
    }
    let (name, rest) = c.split_at(name_len);
    let value = rest.trim_start().strip_prefix('=')?.trim();
    if value.is_empty() {
        return None;
    }
    Some((name.to_ascii_lowercase(), value))
}

/// The options of the first `# check=` comment among an instruction's comments (its first word
/// only, so `# check=skip=X // reason` works). A comment whose options do not parse counts as
/// none.
pub fn comment_config(comments: &[Text<'_>]) -> Option<CheckConfig> {
    for c in comments {
        let Some((name, value)) = directive_of(c) else {
            continue;
        };
        if name != "check" {
            continue;
        }
        let first = value.split(' ').next().unwrap_or("");
        return parse_check_options(first).ok();
    }
    None
}

/// Whether a rule runs under the file's options plus an instruction's comment options.
pub fn enabled(
    name: &str,
    code: &str,
    experimental: bool,
    file: &CheckConfig,
    extra: Option<&CheckConfig>,
) -> bool {
    let named = |l: &[String]| l.iter().any(|r| r == name || r == code);
    if experimental {
        file.experimental_all
            || named(&file.experimental)
            || extra.is_some_and(|e| e.experimental_all || named(&e.experimental))
    } else {
        !(file.skip_all || named(&file.skip) || extra.is_some_and(|e| e.skip_all || named(&e.skip)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_like_buildkit() {
        let c = parse_check_options(" skip=A, B;error=true ").unwrap();
        assert_eq!(c.skip, ["A", "B"]);
        assert!(c.error);
        assert!(parse_check_options("skip=all").unwrap().skip_all);
        assert_eq!(
            parse_check_options("nope").unwrap_err(),
            "invalid check option \"nope\""
        );
        assert_eq!(
            parse_check_options("foo=1").unwrap_err(),
            "invalid check option \"foo\""
        );
        assert_eq!(
            parse_check_options("error=yes").unwrap_err(),
            "failed to parse check option \"error=yes\": strconv.ParseBool: parsing \"yes\": invalid syntax"
        );
    }

    #[test]
    fn comments_add_options() {
        let c = [Text::Borrowed(
            "check=skip=SecretsUsedInArgOrEnv // allowed",
        )];
        let cfg = comment_config(&c).unwrap();
        assert_eq!(cfg.skip, ["SecretsUsedInArgOrEnv"]);
        assert!(comment_config(&[Text::Borrowed("just words")]).is_none());
        let file = CheckConfig::default();
        assert!(!enabled(
            "SecretsUsedInArgOrEnv",
            "x",
            false,
            &file,
            Some(&cfg)
        ));
        assert!(enabled("UndefinedVar", "x", false, &file, Some(&cfg)));
        assert!(!enabled(
            "InvalidDefinitionDescription",
            "x",
            true,
            &file,
            None
        ));
    }
}
