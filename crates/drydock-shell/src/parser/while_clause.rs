//! `while list; do list; done` and `until list; do list; done`.
use super::{PResult, Parser};
use crate::ast::{CompoundCommand, CompoundKind};

impl Parser<'_> {
    pub(crate) fn parse_while(&mut self, until: bool) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        let cond = self.nonempty_list("do")?;
        let (body, end) = self.parse_do_group()?;
        let redirects = self.parse_redirects()?;
        let span = redirects
            .last()
            .map_or(open.span.cover(end), |r| open.span.cover(r.span));
        Ok(CompoundCommand {
            kind: CompoundKind::While { cond, body, until },
            redirects,
            span,
            line,
        })
    }
}
