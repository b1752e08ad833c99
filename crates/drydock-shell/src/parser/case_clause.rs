//! `case WORD in [(]pat[|pat]…) list;; … esac`.
use super::{PResult, Parser};
use crate::ast::{CaseArm, CompoundCommand, CompoundKind};
use crate::lexer::{Op, Tok};

impl Parser<'_> {
    pub(crate) fn parse_case(&mut self) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        let wt = self.next_token()?;
        let Tok::Word(word) = wt.tok.clone() else {
            return Err(self.unexpected(&wt, None));
        };
        self.skip_newlines()?;
        self.expect_word("in")?;
        let mut arms = Vec::new();
        let close = loop {
            self.skip_newlines()?;
            let t = self.next_token()?;
            if t.literal() == Some("esac") {
                break t;
            }
            let arm_start = t.span;
            let mut t = t;
            if t.tok == Tok::Op(Op::LParen) {
                t = self.next_token()?;
            }
            let mut patterns = Vec::new();
            loop {
                let Tok::Word(w) = t.tok.clone() else {
                    let exp = if t.tok == Tok::Eof { Some(")") } else { None };
                    return Err(self.unexpected(&t, exp));
                };
                patterns.push(w);
                let n = self.next_token()?;
                match n.tok {
                    Tok::Op(Op::Pipe) => t = self.next_token()?,
                    Tok::Op(Op::RParen) => break,
                    _ => return Err(self.unexpected(&n, Some(")"))),
                }
            }
            self.skip_newlines()?;
            let body = {
                let p = self.peek_token()?;
                if p.tok == Tok::Op(Op::DSemi) || p.literal() == Some("esac") {
                    None
                } else {
                    Some(self.parse_list(true)?)
                }
            };
            let end = self.next_token()?;
            let span = arm_start.cover(end.span);
            arms.push(CaseArm {
                patterns,
                body,
                span,
            });
            match end.tok {
                Tok::Op(Op::DSemi) => {}
                _ if end.literal() == Some("esac") => break end,
                _ => return Err(self.unexpected(&end, Some(";;"))),
            }
        };
        let redirects = self.parse_redirects()?;
        let span = redirects
            .last()
            .map_or(open.span.cover(close.span), |r| open.span.cover(r.span));
        Ok(CompoundCommand {
            kind: CompoundKind::Case { word, arms },
            redirects,
            span,
            line,
        })
    }
}
