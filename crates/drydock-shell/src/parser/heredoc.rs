//! Here-document bodies: read after the newline that ends the line holding `<<DELIM`.
use super::{PResult, Parser};
use crate::ast::{Word, WordPart};
use crate::lexer::Mode;

impl Parser<'_> {
    /// Reads the bodies of the pending here-documents, starting at `pos` (just after a newline).
    pub(crate) fn read_heredoc_bodies(&mut self) -> PResult<()> {
        let pending = std::mem::take(&mut self.pending_heredocs);
        for doc in pending {
            let body_start = self.pos;
            let mut body = String::new();
            while self.pos < self.src.len() {
                let rest = self.src.get(self.pos..).unwrap_or("");
                let (line, adv) = match rest.find('\n') {
                    Some(i) => (rest.get(..i).unwrap_or(""), i + 1),
                    None => (rest, rest.len()),
                };
                self.pos += adv;
                let line = if doc.strip_tabs {
                    line.trim_start_matches('\t')
                } else {
                    line
                };
                if line == doc.delimiter {
                    break;
                }
                body.push_str(line);
                if adv > line.len() || rest.len() > adv {
                    body.push('\n');
                }
            }
            let word = if doc.quoted {
                Word {
                    parts: vec![WordPart::Quoted(body)],
                    span: self.span(body_start, self.pos),
                }
            } else {
                let mut p = Parser::new(&body, 0, 0, self.bash);
                p.base = self.span(body_start, body_start).start as usize;
                p.line_base = self.line_at(body_start) - 1;
                p.depth = self.depth;
                let parts = p.read_parts(Mode::HereDoc)?;
                self.diagnostics.append(&mut p.diagnostics);
                Word {
                    parts: vec![WordPart::DQuoted(parts)],
                    span: self.span(body_start, self.pos),
                }
            };
            let _ = doc.body.set(word);
        }
        Ok(())
    }

    /// At the end of input, pending here-documents get empty bodies (dash accepts this).
    pub(crate) fn finish_heredocs_at_eof(&mut self) {
        for doc in std::mem::take(&mut self.pending_heredocs) {
            let at = self.pos;
            let _ = doc.body.set(Word {
                parts: Vec::new(),
                span: self.span(at, at),
            });
        }
    }
}
