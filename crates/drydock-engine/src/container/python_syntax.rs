//! Python's spellings of values and call arguments that the script walker and the
//! command-line binders (Typer, argparse) share: `repr` of a str and a float, the text of a
//! string literal, and an argument list split at its top-level commas and read by keyword.

/// Splits at top-level commas (outside brackets and quotes), trimmed: the shell's Python
/// argument splitter.
pub use drydock_shell::programs::python_split_args as split_args;

/// Python's `repr` of a str: single quotes, or double quotes when the text has a single quote
/// and no double one.
pub fn py_repr(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// Python's `repr` of a float: Rust's shortest form (the same digits, the same switch to
/// exponent form) with Python's exponent (`1e-05`, `1e+16`).
pub fn py_float(f: f64) -> String {
    let s = format!("{f:?}");
    match s.split_once('e') {
        Some((m, x)) => {
            let (sign, digits) = match x.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', x),
            };
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// The text of a plain string literal (`"…"` or `'…'`, no escapes beyond `\\`, `\"`, `\'`).
pub fn literal_text(s: &str) -> Option<String> {
    let s = s.trim();
    let q = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = s.strip_prefix(q)?.strip_suffix(q)?;
    Some(
        body.replace("\\\\", "\u{0}")
            .replace(&format!("\\{q}"), &q.to_string())
            .replace('\u{0}', "\\"),
    )
}

/// Whether a split argument is a keyword argument (`help="…"`), not a positional one.
pub fn is_keyword(a: &str) -> bool {
    a.split_once('=').is_some_and(|(k, _)| {
        k.trim().chars().all(|c| c.is_alphanumeric() || c == '_') && !k.trim().is_empty()
    }) && !a.trim_start().starts_with(['"', '\''])
}

/// The value source of keyword argument `name` in an argument list already split at its
/// top-level commas (`help = "x"` as well as `help="x"`).
pub fn keyword<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().find_map(|a| {
        let (k, v) = a.split_once('=')?;
        (k.trim() == name).then_some(v.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        assert_eq!(py_repr("models/x"), "'models/x'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(
            [1e-5, 0.001, 2.0, 1e16].map(py_float),
            ["1e-05", "0.001", "2.0", "1e+16"]
        );
        assert_eq!(
            literal_text(r#""say \"hi\"""#).as_deref(),
            Some("say \"hi\"")
        );
        let args = split_args("\"--lr\", type=float, help = 'x'");
        assert_eq!(keyword(&args, "help"), Some("'x'"));
        assert!(!is_keyword(&args[0]) && is_keyword(&args[1]));
    }
}
