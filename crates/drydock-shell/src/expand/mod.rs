//! Word expansion: tilde, parameters, command substitution and arithmetic into pieces, then field
//! splitting, pathname expansion and quote removal (POSIX 2.6, as dash does it).
pub mod arith;
mod glob;
mod params;
pub mod pattern;
mod split;
mod tilde;

use crate::ast::{Word, WordPart};
use crate::exec::Flow;
use crate::process::Runtime;
use crate::state::Shell;
use pattern::PatChar;

/// A piece of an expanded word before field splitting.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    /// Text; `quoted` text is neither split nor globbed; `split` marks unquoted expansion results.
    Text {
        s: String,
        quoted: bool,
        split: bool,
    },
    /// A field boundary from `$@`; `keep` keeps an empty field before it (`"$@"`).
    Break { keep: bool },
}

/// Where a word is expanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// Command arguments: tilde at the start only.
    Args,
    /// Assignment values: tilde also after `:`.
    Assign,
}

pub(crate) type XResult<T> = Result<T, Flow>;

impl Shell {
    /// Expands words into fields (splitting and globbing).
    pub(crate) fn expand_words(
        &mut self,
        rt: &mut Runtime<'_>,
        words: &[Word],
    ) -> XResult<Vec<String>> {
        let mut out = Vec::new();
        for w in words {
            let mut pieces = Vec::new();
            self.expand_word_pieces(rt, w, Ctx::Args, &mut pieces)?;
            let ifs = self.ifs();
            for field in split::split(&pieces, &ifs) {
                if !self.opts.noglob && pattern::has_meta(&glob_chars(&field)) {
                    match glob::glob(&*rt.fs, &self.cwd, &glob_chars(&field)) {
                        Some(matches) if !matches.is_empty() => {
                            out.extend(matches);
                            continue;
                        }
                        _ => {}
                    }
                }
                out.push(field.iter().map(|c| c.0).collect());
            }
        }
        Ok(out)
    }

    /// Expands a word to one string: no splitting, no globbing (assignments, redirection
    /// targets, `case` words, here-documents).
    pub(crate) fn expand_string(
        &mut self,
        rt: &mut Runtime<'_>,
        w: &Word,
        ctx: Ctx,
    ) -> XResult<String> {
        let mut pieces = Vec::new();
        self.expand_word_pieces(rt, w, ctx, &mut pieces)?;
        let mut s = String::new();
        let mut first = true;
        for p in pieces {
            match p {
                Piece::Text { s: t, .. } => s.push_str(&t),
                Piece::Break { .. } => {
                    let _ = first;
                    s.push(' ');
                }
            }
            first = false;
        }
        Ok(s)
    }

    /// Expands a word into pattern characters: quoted characters are literal.
    pub(crate) fn expand_pattern(
        &mut self,
        rt: &mut Runtime<'_>,
        w: &Word,
    ) -> XResult<Vec<PatChar>> {
        let mut pieces = Vec::new();
        self.expand_word_pieces(rt, w, Ctx::Args, &mut pieces)?;
        let mut out = Vec::new();
        for p in pieces {
            match p {
                Piece::Text { s, quoted, .. } => out.extend(s.chars().map(|c| (c, quoted))),
                Piece::Break { .. } => out.push((' ', true)),
            }
        }
        Ok(out)
    }

    pub(crate) fn expand_word_pieces(
        &mut self,
        rt: &mut Runtime<'_>,
        w: &Word,
        ctx: Ctx,
        out: &mut Vec<Piece>,
    ) -> XResult<()> {
        let mut parts = w.parts.as_slice();
        // Tilde prefix: an unquoted `~…` up to the first `/` of the leading literal.
        if let Some(WordPart::Lit(first)) = parts.first()
            && first.starts_with('~')
        {
            let (prefix, rest) = match first.find('/') {
                Some(i) => (first.get(..i).unwrap_or(""), first.get(i..).unwrap_or("")),
                None if parts.len() == 1 => (first.as_str(), ""),
                None => ("", ""),
            };
            if !prefix.is_empty()
                && let Some(home) = self.tilde(rt, prefix.get(1..).unwrap_or(""))
            {
                out.push(Piece::Text {
                    s: home,
                    quoted: true,
                    split: false,
                });
                let rest = self.tilde_in_assign(rt, rest, ctx);
                out.push(Piece::Text {
                    s: rest,
                    quoted: false,
                    split: false,
                });
                parts = parts.get(1..).unwrap_or(&[]);
            }
        }
        for p in parts {
            self.expand_part(rt, p, false, ctx, out)?;
        }
        Ok(())
    }

    fn tilde_in_assign(&mut self, rt: &mut Runtime<'_>, s: &str, ctx: Ctx) -> String {
        if ctx != Ctx::Assign || !s.contains(":~") {
            return s.to_owned();
        }
        let mut out = Vec::new();
        for (i, seg) in s.split(':').enumerate() {
            let mut seg = seg.to_owned();
            if i > 0 && seg.starts_with('~') {
                let (prefix, rest) = match seg.find('/') {
                    Some(j) => (
                        seg.get(..j).unwrap_or("").to_owned(),
                        seg.get(j..).unwrap_or("").to_owned(),
                    ),
                    None => (seg.clone(), String::new()),
                };
                if let Some(home) = self.tilde(rt, prefix.get(1..).unwrap_or("")) {
                    seg = format!("{home}{rest}");
                }
            }
            out.push(seg);
        }
        out.join(":")
    }

    pub(crate) fn expand_part(
        &mut self,
        rt: &mut Runtime<'_>,
        p: &WordPart,
        quoted: bool,
        ctx: Ctx,
        out: &mut Vec<Piece>,
    ) -> XResult<()> {
        match p {
            WordPart::Lit(s) => {
                let s = if ctx == Ctx::Assign && !quoted {
                    self.tilde_in_assign(rt, s, ctx)
                } else {
                    s.clone()
                };
                out.push(Piece::Text {
                    s,
                    quoted,
                    split: false,
                });
            }
            WordPart::Quoted(s) => out.push(Piece::Text {
                s: s.clone(),
                quoted: true,
                split: false,
            }),
            WordPart::DQuoted(parts) => {
                let only_at = matches!(parts.as_slice(), [WordPart::Param(pe)]
                    if pe.name == crate::ast::ParamName::Special('@')
                        && pe.op == crate::ast::ParamOp::Plain);
                if !only_at {
                    out.push(Piece::Text {
                        s: String::new(),
                        quoted: true,
                        split: false,
                    });
                }
                for q in parts {
                    self.expand_part(rt, q, true, ctx, out)?;
                }
            }
            WordPart::Param(pe) => self.expand_param(rt, pe, quoted, ctx, out)?,
            WordPart::CmdSub(list) => {
                let text = self.command_substitution(rt, list)?;
                out.push(Piece::Text {
                    s: text,
                    quoted,
                    split: !quoted,
                });
            }
            WordPart::Arith(w) => {
                let expr = self.expand_string(rt, w, Ctx::Args)?;
                let v = self.arith(rt, &expr)?;
                out.push(Piece::Text {
                    s: v.to_string(),
                    quoted,
                    split: !quoted,
                });
            }
        }
        Ok(())
    }

    /// Evaluates an arithmetic expression (errors are fatal, like dash).
    pub(crate) fn arith(&mut self, rt: &mut Runtime<'_>, expr: &str) -> XResult<i64> {
        struct V<'s>(&'s mut Shell);
        impl arith::ArithVars for V<'_> {
            fn get(&self, name: &str) -> Option<String> {
                self.0.get(name).map(str::to_owned)
            }
            fn set(&mut self, name: &str, value: i64) -> Result<(), String> {
                self.0.set_var(name, value.to_string())
            }
        }
        match arith::eval(expr, &mut V(self)) {
            Ok(v) => Ok(v),
            Err(msg) => Err(self.fatal(rt, &msg)),
        }
    }
}

fn glob_chars(field: &[(char, bool)]) -> Vec<PatChar> {
    field
        .iter()
        .map(|&(c, globbable)| (c, !globbable))
        .collect()
}
