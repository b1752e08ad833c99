//! Redirections: `[n]< > >> >| <> <& >&` and the here-document operators `<<` / `<<-`.
use super::{PResult, Parser};
use crate::ast::{HereDoc, RedirOp, RedirTarget, Redirect};
use crate::lexer::{Op, Tok};
use std::sync::{Arc, OnceLock};

impl Parser<'_> {
    /// Redirections after a compound command.
    pub(crate) fn parse_redirects(&mut self) -> PResult<Vec<Redirect>> {
        let mut out = Vec::new();
        loop {
            match self.peek_token()?.tok {
                Tok::IoNumber(_) => out.push(self.parse_redirect()?),
                Tok::Op(op) if op.is_redirect() => out.push(self.parse_redirect()?),
                _ => return Ok(out),
            }
        }
    }

    pub(crate) fn parse_redirect(&mut self) -> PResult<Redirect> {
        let first = self.next_token()?;
        let (fd, op_tok) = match first.tok {
            Tok::IoNumber(n) => (Some(n), self.next_token()?),
            _ => (None, first.clone()),
        };
        let Tok::Op(op) = op_tok.tok else {
            return Err(self.unexpected(&op_tok, None));
        };
        let op = match op {
            Op::Less => RedirOp::In,
            Op::Great => RedirOp::Out,
            Op::DGreat => RedirOp::Append,
            Op::Clobber => RedirOp::Clobber,
            Op::LessAnd => RedirOp::DupIn,
            Op::GreatAnd => RedirOp::DupOut,
            Op::LessGreat => RedirOp::ReadWrite,
            Op::DLess | Op::DLessDash => RedirOp::HereDoc,
            _ => return Err(self.unexpected(&op_tok, None)),
        };
        let strip = op_tok.tok == Tok::Op(Op::DLessDash);
        let wt = self.next_token()?;
        let Tok::Word(word) = wt.tok else {
            return Err(self.unexpected(&wt, None));
        };
        let span = first.span.cover(wt.span);
        let target = if op == RedirOp::HereDoc {
            let doc = HereDoc {
                delimiter: word.unquoted_text(),
                strip_tabs: strip,
                quoted: word.has_quotes(),
                body: Arc::new(OnceLock::new()),
            };
            self.pending_heredocs.push(doc.clone());
            RedirTarget::HereDoc(doc)
        } else {
            RedirTarget::Word(word)
        };
        Ok(Redirect {
            fd,
            op,
            target,
            span,
        })
    }
}
