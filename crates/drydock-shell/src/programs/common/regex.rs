//! POSIX regular expressions (BRE with GNU's `\+ \? \|` extensions, and ERE) translated to
//! `regex-lite` syntax, for grep, sed, awk and expr. Back-references in patterns are not
//! supported (the caller reports them).
pub(crate) use regex_lite::Regex;

/// Translates a bracket expression starting at `chars[i]` (`[`); returns the new index.
fn bracket(chars: &[char], mut i: usize, out: &mut String) -> usize {
    out.push('[');
    i += 1;
    if chars.get(i) == Some(&'^') {
        out.push('^');
        i += 1;
    }
    let mut first = true;
    while let Some(&ch) = chars.get(i) {
        if ch == ']' && !first {
            out.push(']');
            return i + 1;
        }
        first = false;
        if ch == '[' && matches!(chars.get(i + 1), Some(':' | '.' | '=')) {
            let kind = chars.get(i + 1).copied().unwrap_or(':');
            // copy through to the matching `:]`
            let mut j = i + 2;
            let mut name = String::new();
            while let Some(&c) = chars.get(j) {
                if c == kind && chars.get(j + 1) == Some(&']') {
                    break;
                }
                name.push(c);
                j += 1;
            }
            if kind == ':' {
                out.push_str(&format!("[:{name}:]"));
            } else {
                for c in name.chars() {
                    out.push('\\');
                    out.push(c);
                }
            }
            i = j + 2;
            continue;
        }
        match ch {
            '\\' | '[' | '&' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
        i += 1;
    }
    // unterminated: treat the `[` literally
    out.push(']');
    i
}

/// Translates a POSIX pattern (`extended` = ERE) into regex-lite syntax.
pub(crate) fn translate(pat: &str, extended: bool) -> Result<String, String> {
    let chars: Vec<char> = pat.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    // whether the previous token can be repeated (for a leading `*`)
    let mut at_start = true;
    while let Some(&ch) = chars.get(i) {
        let start_before = at_start;
        at_start = false;
        match ch {
            '[' => {
                i = bracket(&chars, i, &mut out);
                continue;
            }
            '\\' => {
                let Some(&n) = chars.get(i + 1) else {
                    return Err("Trailing backslash".into());
                };
                i += 2;
                match n {
                    '(' | ')' | '{' | '}' | '|' | '+' | '?' if !extended => {
                        out.push(n);
                        if n == '(' || n == '|' {
                            at_start = true;
                        }
                    }
                    '<' | '>' => out.push_str("\\b"),
                    'b' | 'B' | 'w' | 'W' | 's' | 'S' => {
                        out.push('\\');
                        out.push(n);
                    }
                    'n' => out.push_str("\\n"),
                    't' => out.push_str("\\t"),
                    '1'..='9' => return Err("back-references are not supported".into()),
                    c if c.is_ascii_alphanumeric() => out.push(c),
                    c => {
                        out.push('\\');
                        out.push(c);
                    }
                }
                continue;
            }
            '*' if start_before => out.push_str("\\*"),
            '*' | '.' => out.push(ch),
            '^' => {
                if extended || start_before {
                    out.push('^');
                    at_start = !extended || start_before;
                } else {
                    out.push_str("\\^");
                }
            }
            '$' => {
                let at_end = i + 1 == chars.len()
                    || (!extended
                        && chars.get(i + 1) == Some(&'\\')
                        && matches!(chars.get(i + 2), Some(')' | '|')));
                if extended || at_end {
                    out.push('$');
                } else {
                    out.push_str("\\$");
                }
            }
            '(' | '|' if extended => {
                out.push(ch);
                at_start = true;
            }
            ')' | '+' | '?' if extended => out.push(ch),
            '{' if extended => {
                // an interval only when it looks like one
                let rest: String = chars
                    .get(i..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|c| **c != '}')
                    .collect();
                if rest.len() > 1
                    && rest.chars().skip(1).all(|c| c.is_ascii_digit() || c == ',')
                    && chars.len() > i + rest.len()
                {
                    out.push('{');
                } else {
                    out.push_str("\\{");
                }
            }
            '}' if extended => out.push('}'),
            '(' | ')' | '{' | '}' | '|' | '+' | '?' => {
                out.push('\\');
                out.push(ch);
            }
            c => out.push(c),
        }
        i += 1;
    }
    Ok(out)
}

/// Compiles a POSIX pattern.
pub(crate) fn compile(pat: &str, extended: bool, icase: bool) -> Result<Regex, String> {
    let t = translate(pat, extended)?;
    let t = if icase { format!("(?i){t}") } else { t };
    Regex::new(&t).map_err(|e| {
        let s = e.to_string();
        if s.contains("unclosed group") || s.contains("unopened group") {
            "Unmatched ( or \\(".to_owned()
        } else if s.contains("unclosed character class") {
            "Unmatched [, [^, [:, [., or [=".to_owned()
        } else {
            "Invalid regular expression".to_owned()
        }
    })
}
