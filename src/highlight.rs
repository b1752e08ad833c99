//! Semantic highlighting: byte ranges of the parser's tree labelled for the editor (keywords, flags,
//! strings, variables, comments, heredocs), so colours follow exactly what BuildKit reads.
use drydock_syntax::{Instruction, Kind, Parse, TextRange};

/// A labelled byte range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub range: TextRange,
    pub kind: &'static str,
}

/// Every highlighted range of `parse`, sorted by start and non-overlapping.
pub fn spans(parse: &Parse<'_>) -> Vec<Span> {
    let text = parse.text;
    let mut out = Vec::new();
    for d in &parse.dockerfile.directives {
        out.push(Span {
            range: d.span,
            kind: "directive",
        });
    }
    for c in &parse.dockerfile.comments {
        out.push(Span {
            range: c.span,
            kind: "comment",
        });
    }
    for ins in &parse.dockerfile.instructions {
        instruction(text, ins, &mut out);
    }
    out.retain(|s| !s.range.is_empty() && s.range.end as usize <= text.len());
    drydock_text::sort::sort_by_key(&mut out, |s| {
        (s.range.start, std::cmp::Reverse(s.range.end))
    });
    // Drop ranges that overlap an earlier one (outer ranges win).
    let mut last_end = 0;
    out.retain(|s| {
        let keep = s.range.start >= last_end;
        if keep {
            last_end = s.range.end;
        }
        keep
    });
    out
}

fn instruction(text: &str, ins: &Instruction<'_>, out: &mut Vec<Span>) {
    let kw = if ins.kind == Kind::Unknown {
        "keyword-unknown"
    } else {
        "keyword"
    };
    out.push(Span {
        range: ins.keyword_span,
        kind: kw,
    });
    for f in &ins.flags {
        out.push(Span {
            range: f.span,
            kind: "flag",
        });
    }
    for h in &ins.heredocs {
        out.push(Span {
            range: h.content_span,
            kind: "heredoc",
        });
        out.push(Span {
            range: h.terminator_span,
            kind: "heredoc-marker",
        });
    }
    if let Some(child) = &ins.child {
        instruction(text, child, out);
        return;
    }
    let raw = ins.raw_args_span;
    if ins.json {
        for a in &ins.args {
            // The string's contents plus its quotes.
            let r = TextRange::new(a.span.start.saturating_sub(1), a.span.end + 1);
            out.push(Span {
                range: r,
                kind: "string",
            });
        }
        return;
    }
    if ins.kind == Kind::From {
        for (i, a) in ins.args.iter().enumerate() {
            let kind = match i {
                0 => "image",
                1 if a.value.eq_ignore_ascii_case("as") => "keyword",
                2 => "stage",
                _ => continue,
            };
            out.push(Span {
                range: a.span,
                kind,
            });
        }
        return;
    }
    if ins.kind != Kind::Unknown {
        variables(text, raw, out);
    }
}

/// `$NAME` and `${…}` references inside `range`.
fn variables(text: &str, range: TextRange, out: &mut Vec<Span>) {
    let s = range.slice(text).as_bytes();
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'$' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if s.get(i) == Some(&b'{') {
            let mut depth = 1;
            i += 1;
            while i < s.len() && depth > 0 {
                match s[i] {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    b'\n' => break,
                    _ => {}
                }
                i += 1;
            }
        } else {
            while i < s.len() && (s[i].is_ascii_alphanumeric() || s[i] == b'_') {
                i += 1;
            }
        }
        if i > start + 1 {
            let r = TextRange::from_usize(start, i).shift(range.start);
            out.push(Span {
                range: r,
                kind: "variable",
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str, expect: &[(&str, &str)]) {
        let parse = drydock_syntax::parse(src);
        let got: Vec<(&str, &str)> = spans(&parse)
            .iter()
            .map(|s| (s.range.slice(src), s.kind))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn tokens_follow_the_tree() {
        check(
            "# c\nFROM python:3.11 AS base\nCOPY --chown=app src/ $DEST\nCMD [\"a\"]\n",
            &[
                ("# c", "comment"),
                ("FROM", "keyword"),
                ("python:3.11", "image"),
                ("AS", "keyword"),
                ("base", "stage"),
                ("COPY", "keyword"),
                ("--chown=app", "flag"),
                ("$DEST", "variable"),
                ("CMD", "keyword"),
                ("\"a\"", "string"),
            ],
        );
    }

    #[test]
    fn unknown_words_and_braced_variables() {
        check(
            "FORM x\nENV A=${B:-c}\n",
            &[
                ("FORM", "keyword-unknown"),
                ("ENV", "keyword"),
                ("${B:-c}", "variable"),
            ],
        );
    }
}
