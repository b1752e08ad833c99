//! Single-quoting values the way dash prints them in `export -p`, `set` and `trap`.

/// `'value'` with embedded quotes as `'\''`.
pub(crate) fn single_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
