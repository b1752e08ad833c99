//! `name() command`: function definitions.
use super::{PResult, Parser};
use crate::ast::{Command, FunctionDef};
use crate::lexer::Op;
use drydock_text::TextRange;
use std::sync::Arc;

impl Parser<'_> {
    /// After `name`, with `(` next.
    pub(crate) fn parse_function(&mut self, name: String, start: TextRange) -> PResult<Command> {
        self.next_token()?;
        self.expect_op(Op::RParen)?;
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
