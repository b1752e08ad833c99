//! BuildKit's `parser.Parse` loop: physical lines → logical lines (BOM, `\r\n`, directives,
//! comments, continuation with the active escape character, empty-continuation warnings,
//! heredoc bodies) → instruction nodes with line numbers and spans.
use crate::ast::{Comment, Directive, Heredoc, Instruction};
use crate::codes;
use crate::directive::DirectiveParser;
use crate::go;
use crate::heredoc::heredocs_from_line;
use crate::instructions::SmallList;
use crate::node;
use crate::piece::Piece;
use crate::segmap::SegMap;
use crate::text::Text;
use drydock_text::{Diagnostic, TextRange};

/// Longest line `bufio.Scanner` accepts (`bufio.MaxScanTokenSize`).
const MAX_TOKEN: usize = 64 * 1024;

/// What stage 1 produces.
#[derive(Debug, Default)]
pub struct Output<'a> {
    pub directives: Vec<Directive<'a>>,
    pub escape: char,
    pub instructions: Vec<Instruction<'a>>,
    pub comments: Vec<Comment<'a>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A physical line: `start..content_end` is the line without its trailing `\r`/`\n` run,
/// `next` is where the following line starts.
#[derive(Debug, Clone, Copy)]
struct Phys {
    start: usize,
    content_end: usize,
    next: usize,
}

struct Lines<'a> {
    b: &'a [u8],
    /// Where the next line starts.
    pos: usize,
    nl: NewlineFinder,
}

/// The newline search, chosen once per parse: the widest SIMD the CPU has, called directly
/// (`memchr::memchr` picks it again, through a function pointer, on every call).
#[derive(Clone, Copy)]
enum NewlineFinder {
    #[cfg(target_arch = "x86_64")]
    Avx2(memchr::arch::x86_64::avx2::memchr::One),
    Any,
}

impl NewlineFinder {
    fn new() -> Self {
        #[cfg(target_arch = "x86_64")]
        if let Some(one) = memchr::arch::x86_64::avx2::memchr::One::new(b'\n') {
            return NewlineFinder::Avx2(one);
        }
        NewlineFinder::Any
    }

    #[inline]
    fn find(self, hay: &[u8]) -> Option<usize> {
        match self {
            #[cfg(target_arch = "x86_64")]
            NewlineFinder::Avx2(one) => one.find(hay),
            NewlineFinder::Any => memchr::memchr(b'\n', hay),
        }
    }
}

impl<'a> Lines<'a> {
    fn new(src: &'a str) -> Self {
        Lines {
            b: src.as_bytes(),
            pos: 0,
            nl: NewlineFinder::new(),
        }
    }

    #[inline]
    fn next_line(&mut self) -> Option<Phys> {
        let b = self.b;
        if self.pos >= b.len() {
            return None;
        }
        let start = self.pos;
        let (next, mut content_end) = match self.nl.find(b.get(start..).unwrap_or(&[])) {
            Some(i) => (start + i + 1, start + i),
            None => (b.len(), b.len()),
        };
        // The line ends before its run of `\r` (the `\n` is the only one in the line).
        if content_end > start && b.get(content_end - 1) == Some(&b'\r') {
            let mut line = b.get(start..content_end).unwrap_or(&[]);
            while let [rest @ .., b'\r'] = line {
                line = rest;
            }
            content_end = start + line.len();
        }
        self.pos = next;
        Some(Phys {
            start,
            content_end,
            next,
        })
    }
}

/// `strings.Contains(line, "<<")`.
fn has_heredoc_marker(b: &[u8]) -> bool {
    memchr::memchr_iter(b'<', b).any(|i| b.get(i + 1) == Some(&b'<'))
}

fn r(start: usize, end: usize) -> TextRange {
    TextRange::from_usize(start, end)
}

fn err(code: &'static str, range: TextRange, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(code, range, message).with_hint(codes::hint(code))
}

/// `trimContinuationCharacter`: `(kept_len, is_end_of_line)`. The escape character is ASCII
/// (`\\` or `` ` ``), so the line is scanned as bytes.
fn trim_continuation(s: &str, escape: char) -> (usize, bool) {
    let b = s.as_bytes();
    let Ok(esc) = u8::try_from(escape) else {
        return (s.len(), true);
    };
    let mut end = b.len();
    while end > 0 && matches!(b.get(end - 1), Some(b' ' | b'\t')) {
        end -= 1;
    }
    if end == 0 || b.get(end - 1) != Some(&esc) {
        return (s.len(), true);
    }
    let before = end - 1;
    if before == 0 {
        return (0, false);
    }
    if b.get(before - 1) == Some(&esc) {
        return (s.len(), true);
    }
    (before, false)
}

/// The comment text BuildKit keeps: `strings.TrimSpace(string(line[1:]))` of the untrimmed line
/// (the first character, not byte, is dropped so the cut stays on a char boundary).
fn comment_of(raw: &str) -> &str {
    let first = match raw.as_bytes().first() {
        None => 1,
        Some(&c) if c < 0x80 => 1,
        Some(_) => raw.chars().next().map_or(1, char::len_utf8),
    };
    go::trim(raw.get(first..).unwrap_or(""))
}

fn line_no(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Working buffers of one parse: the join buffer of continued lines, their pieces' offsets,
/// and the line parsers' pieces. Kept per thread between parses, so parsing many files does not
/// allocate them again (they hold no data between parses: they are cleared before being kept).
struct Scratch {
    buf: String,
    segs: Vec<(u32, u32)>,
    pieces: Vec<Piece>,
}

impl Scratch {
    /// No buffers yet (no allocation).
    const EMPTY: Scratch = Scratch {
        buf: String::new(),
        segs: Vec::new(),
        pieces: Vec::new(),
    };

    /// Takes this thread's buffers, with room for typical lines.
    fn take() -> Scratch {
        let mut s = SCRATCH.replace(Scratch::EMPTY);
        s.buf.reserve(2048);
        s.segs.reserve(64);
        s.pieces.reserve(16);
        s
    }

    /// Gives the buffers back, emptied; unusually large ones are freed instead of kept.
    fn keep(mut self) {
        self.buf.clear();
        self.segs.clear();
        self.pieces.clear();
        if self.buf.capacity() > 1 << 16 {
            self.buf = String::new();
        }
        if self.segs.capacity() > 1 << 12 {
            self.segs = Vec::new();
        }
        if self.pieces.capacity() > 1 << 10 {
            self.pieces = Vec::new();
        }
        SCRATCH.set(self);
    }
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = const { std::cell::Cell::new(Scratch::EMPTY) };
}

/// Runs stage 1 over `src`.
#[inline(never)]
pub fn parse(src: &str) -> Output<'_> {
    let mut out = Output {
        escape: '\\',
        ..Output::default()
    };
    let mut lines = Lines::new(src);
    let mut directives = DirectiveParser::default();
    let mut prev_comments: Vec<Text<'_>> = Vec::with_capacity(8);
    let mut current_line = 0usize;
    // Joined lines are built here; most fit without growing it.
    // Working buffers, reused from the previous parse on this thread (see `Scratch`).
    let Scratch {
        mut buf,
        mut segs,
        mut pieces,
    } = Scratch::take();
    out.instructions.reserve(src.len() / 64 + 1);
    // Room for a comment line per 128 bytes: growing the list copies it.
    out.comments.reserve(src.len() / 128 + 8);
    let mut too_long_reported = false;
    let mut check_len = |p: &Phys, diagnostics: &mut Vec<Diagnostic>| {
        let len = p.next - p.start;
        let ends_nl = src.as_bytes().get(p.next.wrapping_sub(1)) == Some(&b'\n');
        if !too_long_reported && ((ends_nl && len > MAX_TOKEN) || (!ends_nl && len >= MAX_TOKEN)) {
            too_long_reported = true;
            diagnostics.push(err(
                codes::LINE_TOO_LONG,
                r(p.start, p.content_end),
                format!(
                    "dockerfile line greater than max allowed size of {}",
                    MAX_TOKEN - 1
                ),
            ));
        }
    };

    while let Some(mut p) = lines.next_line() {
        if p.next - p.start >= MAX_TOKEN {
            check_len(&p, &mut out.diagnostics);
        }
        if current_line == 0
            && src
                .as_bytes()
                .get(p.start..)
                .is_some_and(|s| s.starts_with("\u{feff}".as_bytes()))
        {
            p.start += '\u{feff}'.len_utf8();
        }
        let raw = src.get(p.start..p.content_end).unwrap_or("");
        let trimmed = go::trim_start(raw);
        let tstart = p.start + (raw.len() - trimmed.len());
        let comment = trimmed.as_bytes().first() == Some(&b'#');
        let mut comment_text = None;
        if comment {
            // BuildKit: strings.TrimSpace(string(bytesRead[1:])) of the untrimmed line.
            let c = comment_of(raw);
            let text = Text::Borrowed(c);
            if c.is_empty() {
                prev_comments.clear();
            } else {
                prev_comments.push(text.clone());
            }
            comment_text = Some(text);
        }
        // possibleParserDirective(trimmed line)
        let mut directive_ok = false;
        if !directives.is_done() {
            match directives.parse_line(trimmed) {
                Ok(Some(f)) => {
                    let value = trimmed.get(f.value.0..f.value.1).unwrap_or("");
                    let value_span = r(tstart + f.value.0, tstart + f.value.1);
                    let mut ok = true;
                    if f.name == "escape" {
                        match value {
                            "\\" => out.escape = '\\',
                            "`" => out.escape = '`',
                            _ => {
                                ok = false;
                                out.diagnostics.push(err(
                                    codes::INVALID_ESCAPE,
                                    value_span,
                                    format!(
                                        "invalid escape token '{value}' does not match ` or \\"
                                    ),
                                ));
                            }
                        }
                    }
                    directive_ok = ok;
                    out.directives.push(Directive {
                        name: f.name.to_owned(),
                        value: Text::Borrowed(value),
                        span: r(tstart, p.content_end),
                        value_span,
                        line: line_no(current_line + 1),
                    });
                }
                Ok(None) => {}
                Err(message) => {
                    out.diagnostics.push(err(
                        codes::DUPLICATE_DIRECTIVE,
                        r(tstart, p.content_end),
                        message,
                    ));
                }
            }
        }
        if directive_ok {
            prev_comments.pop();
        } else if let Some(text) = comment_text {
            out.comments.push(Comment {
                text,
                span: r(tstart, p.content_end),
                line: line_no(current_line + 1),
            });
        }
        current_line += 1;
        let start_line = current_line;
        let processed = if comment { "" } else { trimmed };
        let (kept, mut eol) = trim_continuation(processed, out.escape);
        if eol && kept == 0 {
            continue;
        }
        buf.clear();
        segs.clear();
        // While the logical line is one piece it stays a slice of the source (`one`); `buf` is
        // filled only when a second piece joins it.
        let mut one = processed.get(..kept).unwrap_or("");
        let mut joined = kept;
        if kept > 0 {
            segs.push((0, u32::try_from(tstart).unwrap_or(u32::MAX)));
        }
        let mut last_end = p.content_end;
        let mut has_empty = false;
        while !eol {
            let Some(q) = lines.next_line() else { break };
            if q.next - q.start >= MAX_TOKEN {
                check_len(&q, &mut out.diagnostics);
            }
            current_line += 1;
            last_end = q.content_end;
            let raw2 = src.get(q.start..q.content_end).unwrap_or("");
            let t = go::trim_start(raw2);
            match t.as_bytes().first() {
                Some(b'#') => {
                    let ts = q.start + (raw2.len() - t.len());
                    out.comments.push(Comment {
                        text: Text::Borrowed(comment_of(raw2)),
                        span: r(ts, q.content_end),
                        line: line_no(current_line),
                    });
                    continue;
                }
                None => {
                    has_empty = true;
                    continue;
                }
                Some(_) => {}
            }
            let (k, e) = trim_continuation(raw2, out.escape);
            eol = e;
            if k > 0 {
                let piece = raw2.get(..k).unwrap_or("");
                if segs.is_empty() {
                    one = piece;
                } else {
                    if segs.len() == 1 {
                        buf.push_str(one);
                    }
                    buf.push_str(piece);
                }
                segs.push((
                    u32::try_from(joined).unwrap_or(u32::MAX),
                    u32::try_from(q.start).unwrap_or(u32::MAX),
                ));
                joined += piece.len();
            }
        }
        let (line, map) = if segs.len() <= 1 {
            let s0 = segs.first().map_or(tstart, |&(_, s)| s as usize);
            (Text::Borrowed(one), SegMap::One(line_no(s0)))
        } else {
            (Text::owned(&buf), SegMap::Many(&segs))
        };
        // The node is built in place at the end of the list and completed there.
        let line_err =
            node::build_into(&mut out.instructions, &line, &map, out.escape, &mut pieces);
        let Some(node) = out.instructions.last_mut() else {
            continue;
        };
        if has_empty {
            let end_line_start = src
                .get(..last_end)
                .map_or(0, |s| s.rfind('\n').map_or(0, |i| i + 1));
            out.diagnostics.push(
                Diagnostic::warning(
                    codes::NO_EMPTY_CONTINUATION,
                    r(end_line_start.max(tstart), last_end),
                    format!("Empty continuation line found in: {}", line.as_str()),
                )
                .with_hint(codes::hint(codes::NO_EMPTY_CONTINUATION)),
            );
        }
        let mut end = last_end;
        if let Some(e) = line_err {
            let range = node.span;
            out.diagnostics.push(err(e.code, range, e.message.clone()));
            node.error = Some(Box::new(crate::ast::InstructionError {
                code: e.code,
                message: e.message,
                range,
            }));
        } else if node::can_contain_heredoc(node) && has_heredoc_marker(line.as_bytes()) {
            match heredocs_from_line(&line) {
                Err(message) => {
                    let range = node.span;
                    out.diagnostics
                        .push(err(codes::INVALID_HEREDOC, range, message.clone()));
                    node.error = Some(Box::new(crate::ast::InstructionError {
                        code: codes::INVALID_HEREDOC,
                        message,
                        range,
                    }));
                }
                Ok(words) => {
                    for w in words {
                        let body_start = lines.pos;
                        let mut terminated = None;
                        while let Some(q) = lines.next_line() {
                            if q.next - q.start >= MAX_TOKEN {
                                check_len(&q, &mut out.diagnostics);
                            }
                            current_line += 1;
                            let l = src.get(q.start..q.content_end).unwrap_or("");
                            let cand = if w.chomp {
                                l.trim_start_matches('\t')
                            } else {
                                l
                            };
                            if cand == w.name {
                                terminated = Some(q);
                                break;
                            }
                        }
                        match terminated {
                            Some(q) => {
                                node.heredocs.push(Heredoc {
                                    name: Text::owned(&w.name),
                                    fd: u32::try_from(w.fd).unwrap_or(u32::MAX),
                                    expand: w.expand,
                                    chomp: w.chomp,
                                    content: Text::Borrowed(
                                        src.get(body_start..q.start).unwrap_or(""),
                                    ),
                                    content_span: r(body_start, q.start),
                                    terminator_span: r(q.start, q.content_end),
                                });
                                end = q.content_end;
                            }
                            None => {
                                end = src.len();
                                let range = r(node.span.start as usize, src.len());
                                out.diagnostics.push(err(
                                    codes::UNTERMINATED_HEREDOC,
                                    range,
                                    "unterminated heredoc",
                                ));
                                node.error = Some(Box::new(crate::ast::InstructionError {
                                    code: codes::UNTERMINATED_HEREDOC,
                                    message: "unterminated heredoc".to_owned(),
                                    range,
                                }));
                                break;
                            }
                        }
                    }
                }
            }
        }
        node.span = TextRange::new(node.span.start, line_no(end).max(node.span.start));
        node.start_line = line_no(start_line);
        node.end_line = line_no(current_line);
        let (sl, el) = (node.start_line, node.end_line);
        let mut child = node.child.as_mut();
        while let Some(c) = child {
            c.start_line = sl;
            c.end_line = el;
            child = c.child.as_mut();
        }
        if !prev_comments.is_empty() {
            // An exact-size copy; the buffer keeps its capacity for the next block.
            node.comments = SmallList::from_slice(&prev_comments);
            prev_comments.clear();
        }
    }

    Scratch { buf, segs, pieces }.keep();

    if out.instructions.is_empty() {
        let (code, message) = if src.is_empty() {
            (codes::EMPTY_DOCKERFILE, "the Dockerfile cannot be empty")
        } else {
            (codes::NO_INSTRUCTIONS, "file with no instructions")
        };
        out.diagnostics
            .push(err(code, r(src.len(), src.len()), message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_trim() {
        assert_eq!(trim_continuation("echo a \\  ", '\\'), (7, false));
        assert_eq!(trim_continuation("\\", '\\'), (0, false));
        assert_eq!(trim_continuation("a\\\\", '\\'), (3, true));
        assert_eq!(trim_continuation("a`", '`'), (1, false));
        assert_eq!(trim_continuation("a\\", '`'), (2, true));
    }
}
