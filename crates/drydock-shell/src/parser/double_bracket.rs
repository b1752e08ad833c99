//! bash's `[[ … ]]` (bash dialect only): words up to `]]`, with `&& || ( ) < > !` read as words.
use super::{PResult, Parser};
use crate::ast::{CompoundCommand, CompoundKind, Word, WordPart};
use crate::lexer::{Op, Tok};

impl Parser<'_> {
    pub(crate) fn parse_double_bracket(&mut self) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        let mut words = Vec::new();
        let close = loop {
            let t = self.next_token()?;
            let text = match &t.tok {
                Tok::Word(w) if w.as_literal() == Some("]]") => break t,
                Tok::Word(w) => {
                    words.push(w.clone());
                    continue;
                }
                Tok::Op(
                    op @ (Op::AndAnd | Op::OrOr | Op::LParen | Op::RParen | Op::Less | Op::Great),
                ) => op.text(),
                Tok::Newline => continue,
                _ => return Err(self.unexpected(&t, Some("]]"))),
            };
            words.push(Word {
                parts: vec![WordPart::Lit(text.to_owned())],
                span: t.span,
            });
        };
        let redirects = self.parse_redirects()?;
        let span = redirects
            .last()
            .map_or(open.span.cover(close.span), |r| open.span.cover(r.span));
        Ok(CompoundCommand {
            kind: CompoundKind::DoubleBracket(words),
            redirects,
            span,
            line,
        })
    }
}
