//! `while list; do list; done` and `until list; do list; done`.
use super::{PResult, Parser};
use crate::ast::{CompoundCommand, CompoundKind};

impl Parser<'_> {
    pub(crate) fn parse_while(&mut self, until: bool) -> PResult<CompoundCommand> {
        let open = self.next_token()?;
        let line = self.line_at(open.span.start as usize);
        let cond = self.parse_list(true)?;
        if cond.items.is_empty() {
            let t = self.next_token()?;
            return Err(self.unexpected(&t, None));
        }
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
