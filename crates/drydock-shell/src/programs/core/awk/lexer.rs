//! awk's tokens: numbers, strings, regex literals (where an operand may start), names, builtin
//! function names, operators, and newlines (which end statements).

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Num(f64),
    Str(String),
    Re(String),
    Name(String),
    /// A name immediately followed by `(` (user or builtin function call).
    Call(String),
    Builtin(String),
    Kw(&'static str),
    Op(&'static str),
    Newline,
    Eof,
}

const KEYWORDS: [&str; 17] = [
    "BEGIN", "END", "if", "else", "while", "for", "do", "in", "next", "nextfile", "exit", "break",
    "continue", "print", "printf", "delete", "function",
];
const BUILTINS: [&str; 21] = [
    "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper",
    "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system", "close",
];
const OPS: [&str; 39] = [
    "+=", "-=", "*=", "/=", "%=", "^=", "**", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "!~",
    ">>", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|",
    "?", ":", "~", "=",
];

fn regex_allowed(prev: Option<&Tok>) -> bool {
    match prev {
        None => true,
        Some(Tok::Num(_) | Tok::Str(_) | Tok::Name(_) | Tok::Re(_) | Tok::Builtin(_)) => false,
        Some(Tok::Op(o)) => !matches!(*o, ")" | "]" | "++" | "--"),
        Some(Tok::Kw(k)) => *k != "getline",
        _ => true,
    }
}

pub(crate) fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let mut out: Vec<Tok> = Vec::new();
    while let Some(&ch) = chars.get(i) {
        match ch {
            ' ' | '\t' | '\r' => i += 1,
            '\\' if chars.get(i + 1) == Some(&'\n') => i += 2,
            '\n' => {
                out.push(Tok::Newline);
                i += 1;
            }
            '#' => {
                while chars.get(i).is_some_and(|c| *c != '\n') {
                    i += 1;
                }
            }
            '"' => {
                i += 1;
                let mut s = String::new();
                loop {
                    let Some(&c) = chars.get(i) else {
                        return Err("non-terminated string".into());
                    };
                    i += 1;
                    match c {
                        '"' => break,
                        '\\' => {
                            let n = chars.get(i).copied().unwrap_or('\\');
                            i += 1;
                            match n {
                                'n' => s.push('\n'),
                                't' => s.push('\t'),
                                'r' => s.push('\r'),
                                '\\' => s.push('\\'),
                                '"' => s.push('"'),
                                '/' => s.push('/'),
                                'a' => s.push('\u{7}'),
                                '\n' => {}
                                d @ '0'..='7' => {
                                    let mut v = d.to_digit(8).unwrap_or(0);
                                    for _ in 0..2 {
                                        match chars.get(i).and_then(|x| x.to_digit(8)) {
                                            Some(x) => {
                                                v = v * 8 + x;
                                                i += 1;
                                            }
                                            None => break,
                                        }
                                    }
                                    s.push(char::from_u32(v).unwrap_or('?'));
                                }
                                o => {
                                    s.push('\\');
                                    s.push(o);
                                }
                            }
                        }
                        c => s.push(c),
                    }
                }
                out.push(Tok::Str(s));
            }
            '/' if regex_allowed(out.last()) => {
                i += 1;
                let mut s = String::new();
                let mut in_bracket = false;
                loop {
                    let Some(&c) = chars.get(i) else {
                        return Err("non-terminated regular expression".into());
                    };
                    i += 1;
                    match c {
                        '\n' => return Err("newline in regex".into()),
                        '/' if !in_bracket => break,
                        '[' => {
                            in_bracket = true;
                            s.push(c);
                        }
                        ']' => {
                            in_bracket = false;
                            s.push(c);
                        }
                        '\\' => {
                            let n = chars.get(i).copied().unwrap_or('\\');
                            i += 1;
                            if n != '/' {
                                s.push('\\');
                            }
                            s.push(n);
                        }
                        c => s.push(c),
                    }
                }
                out.push(Tok::Re(s));
            }
            c if c.is_ascii_digit()
                || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let start = i;
                if c == '0' && matches!(chars.get(i + 1), Some('x' | 'X')) {
                    i += 2;
                    while chars.get(i).is_some_and(char::is_ascii_hexdigit) {
                        i += 1;
                    }
                    let h: String = chars.get(start + 2..i).unwrap_or(&[]).iter().collect();
                    out.push(Tok::Num(i64::from_str_radix(&h, 16).unwrap_or(0) as f64));
                    continue;
                }
                while chars
                    .get(i)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.')
                {
                    i += 1;
                }
                if matches!(chars.get(i), Some('e' | 'E'))
                    && chars
                        .get(i + 1)
                        .is_some_and(|c| c.is_ascii_digit() || *c == '-' || *c == '+')
                {
                    i += 2;
                    while chars.get(i).is_some_and(char::is_ascii_digit) {
                        i += 1;
                    }
                }
                let s: String = chars.get(start..i).unwrap_or(&[]).iter().collect();
                out.push(Tok::Num(s.parse().unwrap_or(0.0)));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    i += 1;
                }
                let w: String = chars.get(start..i).unwrap_or(&[]).iter().collect();
                if w == "getline" {
                    out.push(Tok::Kw("getline"));
                } else if let Some(k) = KEYWORDS.iter().find(|k| **k == w) {
                    out.push(Tok::Kw(k));
                } else if BUILTINS.contains(&w.as_str()) {
                    out.push(Tok::Builtin(w));
                } else if chars.get(i) == Some(&'(') {
                    out.push(Tok::Call(w));
                } else {
                    out.push(Tok::Name(w));
                }
            }
            '$' => {
                out.push(Tok::Op("$"));
                i += 1;
            }
            _ => {
                let rest: String = chars
                    .get(i..(i + 2).min(chars.len()))
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let Some(op) = OPS.iter().find(|o| rest.starts_with(**o)) else {
                    return Err(format!(
                        "syntax error at source line 1: unexpected character '{ch}'"
                    ));
                };
                out.push(Tok::Op(op));
                i += op.chars().count();
            }
        }
    }
    out.push(Tok::Eof);
    Ok(out)
}
