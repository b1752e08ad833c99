//! `{ list; }` brace groups and `( list )` subshells.
use super::{PResult, Parser};
use crate::ast::{CompoundCommand, CompoundKind};
use crate::lexer::{Op, Tok};

impl Parser<'_> {
    pub(crate) fn parse_brace(&mut self) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        let body = self.nonempty_list("}")?;
        let close = self.expect_word("}")?;
        let redirects = self.parse_redirects()?;
        let span = redirects
            .last()
            .map_or(open.span.cover(close.span), |r| open.span.cover(r.span));
        Ok(CompoundCommand {
            kind: CompoundKind::Brace(body),
            redirects,
            span,
            line,
        })
    }

    pub(crate) fn parse_subshell(&mut self) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        self.skip_newlines()?;
        if self.peek_token()?.tok == Tok::Op(Op::RParen) {
            let t = self.next_token()?;
            return Err(self.unexpected(&t, None));
        }
        let body = self.nonempty_list(")")?;
        let close = self.expect_op(Op::RParen)?;
        let redirects = self.parse_redirects()?;
        let span = redirects
            .last()
            .map_or(open.span.cover(close.span), |r| open.span.cover(r.span));
        Ok(CompoundCommand {
            kind: CompoundKind::Subshell(body),
            redirects,
            span,
            line,
        })
    }
}
