//! `name() command`: function definitions.
use super::{PResult, Parser};
use crate::ast::{Command, FunctionDef, Word};
use crate::lexer::{Op, is_name};
use drydock_text::TextRange;
use std::sync::Arc;

impl Parser<'_> {
    /// After the word `name`, with `(` next: `(` `)` must follow, then the name must be valid.
    pub(crate) fn parse_function(&mut self, name: &Word, start: TextRange) -> PResult<Command> {
        self.next_token()?;
        self.expect_op(Op::RParen)?;
        let Some(name) = name.as_literal().filter(|n| is_name(n)).map(str::to_owned) else {
            let mut e = self.err_at(0, "Syntax error: Bad function name");
            e.range = start;
            e.line =
                self.line_at((start.start as usize).saturating_sub(self.span(0, 0).start as usize));
            return Err(e);
        };
        self.skip_newlines()?;
        let body = self.parse_command()?;
        let span = start.cover(body.span());
        Ok(Command::Function(FunctionDef {
            name,
            body: Arc::new(body),
            span,
        }))
    }
}
