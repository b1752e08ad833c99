//! `Parse::validate`: the tree's invariants (every span inside the text and on char
//! boundaries, instructions in order), for fuzzers and property tests.
use crate::ast::Instruction;
use crate::parse::Parse;
use drydock_text::TextRange;

fn span_ok(text: &str, r: TextRange, what: &str) -> Result<(), String> {
    if text.get(r.start as usize..r.end as usize).is_none() {
        return Err(format!(
            "{what} {r:?} is outside the text or not on char boundaries"
        ));
    }
    Ok(())
}

fn instruction_ok(text: &str, i: &Instruction<'_>) -> Result<(), String> {
    span_ok(text, i.span, "instruction span")?;
    span_ok(text, i.keyword_span, "keyword span")?;
    span_ok(text, i.raw_args_span, "raw args span")?;
    if i.start_line == 0 || i.end_line < i.start_line {
        return Err(format!("bad line range {}..{}", i.start_line, i.end_line));
    }
    for f in &i.flags {
        span_ok(text, f.span, "flag span")?;
    }
    for a in &i.args {
        span_ok(text, a.span, "arg span")?;
    }
    for h in &i.heredocs {
        span_ok(text, h.content_span, "heredoc span")?;
        span_ok(text, h.terminator_span, "heredoc terminator span")?;
    }
    if let Some(e) = &i.error {
        span_ok(text, e.range, "error span")?;
    }
    if let Some(c) = &i.child {
        instruction_ok(text, c)?;
    }
    Ok(())
}

impl Parse<'_> {
    /// Checks the tree's invariants; `Err` describes the first violation.
    pub fn validate(&self) -> Result<(), String> {
        let text = self.text;
        for d in &self.diagnostics {
            span_ok(text, d.range, "diagnostic span")?;
        }
        for d in &self.dockerfile.directives {
            span_ok(text, d.span, "directive span")?;
            span_ok(text, d.value_span, "directive value span")?;
        }
        for c in &self.dockerfile.comments {
            span_ok(text, c.span, "comment span")?;
        }
        let mut last = 0;
        for i in &self.dockerfile.instructions {
            instruction_ok(text, i)?;
            if i.start_line < last {
                return Err("instructions out of order".to_owned());
            }
            last = i.end_line;
        }
        Ok(())
    }
}
