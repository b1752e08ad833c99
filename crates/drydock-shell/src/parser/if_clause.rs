//! `if … then … [elif … then …] [else …] fi`.
use super::{PResult, Parser};
use crate::ast::{CompoundCommand, CompoundKind, List};

impl Parser<'_> {
    pub(crate) fn parse_if(&mut self) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        let mut branches = Vec::new();
        let mut else_body = None;
        let cond = self.nonempty_list("then")?;
        self.expect_word("then")?;
        let body = self.nonempty_list("fi")?;
        branches.push((cond, body));
        let close = loop {
            let t = self.next_token()?;
            match t.literal() {
                Some("elif") => {
                    let cond = self.nonempty_list("then")?;
                    self.expect_word("then")?;
                    let body = self.nonempty_list("fi")?;
                    branches.push((cond, body));
                }
                Some("else") => {
                    else_body = Some(self.nonempty_list("fi")?);
                    break self.expect_word("fi")?;
                }
                Some("fi") => break t,
                _ => return Err(self.unexpected(&t, Some("fi"))),
            }
        };
        let redirects = self.parse_redirects()?;
        let span = redirects
            .last()
            .map_or(open.span.cover(close.span), |r| open.span.cover(r.span));
        Ok(CompoundCommand {
            kind: CompoundKind::If {
                branches,
                else_body,
            },
            redirects,
            span,
            line,
        })
    }

    pub(crate) fn parse_do_group(&mut self) -> PResult<(List, drydock_text::TextRange)> {
        self.expect_word("do")?;
        let body = self.nonempty_list("done")?;
        let done = self.expect_word("done")?;
        Ok((body, done.span))
    }
}
