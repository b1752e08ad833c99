//! `for NAME [in WORDS…]; do list; done`.
use super::{PResult, Parser};
use crate::ast::{CompoundCommand, CompoundKind};
use crate::lexer::{Op, Tok, is_name};

impl Parser<'_> {
    pub(crate) fn parse_for(&mut self) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        let var_tok = self.next_token()?;
        let var = match var_tok.literal() {
            Some(v) if is_name(v) => v.to_owned(),
            _ => {
                let at = var_tok.span.start as usize;
                let mut e = self.err_at(0, "Syntax error: Bad for loop variable");
                e.range = var_tok.span;
                e.line = self.line_at(at.saturating_sub(self.span(0, 0).start as usize));
                return Err(e);
            }
        };
        self.skip_newlines()?;
        let mut words = None;
        if self.peek_token()?.literal() == Some("in") {
            self.next_token()?;
            let mut ws = Vec::new();
            loop {
                let t = self.next_token()?;
                match t.tok {
                    Tok::Word(w) => ws.push(w),
                    Tok::Newline | Tok::Op(Op::Semi) => break,
                    _ => return Err(self.unexpected(&t, Some("do"))),
                }
            }
            words = Some(ws);
        } else if self.peek_token()?.tok == Tok::Op(Op::Semi) {
            self.next_token()?;
        }
        self.skip_newlines()?;
        let (body, end) = self.parse_do_group()?;
        let redirects = self.parse_redirects()?;
        let span = redirects
            .last()
            .map_or(open.span.cover(end), |r| open.span.cover(r.span));
        Ok(CompoundCommand {
            kind: CompoundKind::For { var, words, body },
            redirects,
            span,
            line,
        })
    }
}
