//! A small regular-expression engine for the Go (RE2) syntax that moby/patternmatcher generates
//! from `.dockerignore` patterns: literals and escapes, `.`, classes (ranges, negation, POSIX
//! `[:name:]`, `\d\s\w`), `^ $ \A \z \b \B`, groups, `|`, `* + ?` (and `{n,m}`), with Go's
//! flags for `regexp.Compile` (`.` does not match `\n`, negated classes do, `^`/`$` anchor the
//! whole text). Matching is a Thompson-NFA simulation: linear in the input, no backtracking.
//!
//! Unsupported (compile error, so the pattern reports `syntax error in pattern`): Unicode
//! classes `\p{..}`, flag groups `(?i)`, `\C`. None can come out of a `.dockerignore` pattern
//! except through a user-written `\p`.

/// A compile error (the text is informational; patternmatcher reports `ErrBadPattern`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexError(pub String);

#[derive(Debug, Clone)]
struct Class {
    negated: bool,
    ranges: Vec<(char, char)>,
}

impl Class {
    fn matches(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != self.negated
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    BeginText,
    EndText,
    WordBoundary,
    NotWordBoundary,
}

#[derive(Debug, Clone)]
enum Ast {
    Empty,
    Char(char),
    AnyNotNl,
    Class(Class),
    Look(Look),
    Concat(Vec<Ast>),
    Alt(Vec<Ast>),
    Repeat(Box<Ast>, u32, Option<u32>),
}

const MAX_REPEAT: u32 = 1000;

struct Parser<'a> {
    s: &'a [char],
    i: usize,
}

fn err<T>(m: &str) -> Result<T, RegexError> {
    Err(RegexError(m.to_owned()))
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn parse_alt(&mut self, depth: usize) -> Result<Ast, RegexError> {
        if depth > 64 {
            return err("expression nests too deeply");
        }
        let mut alts = vec![self.parse_concat(depth)?];
        while self.peek() == Some('|') {
            self.i += 1;
            alts.push(self.parse_concat(depth)?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Ast::Empty)
        } else {
            Ast::Alt(alts)
        })
    }

    fn parse_concat(&mut self, depth: usize) -> Result<Ast, RegexError> {
        let mut items: Vec<Ast> = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '|' | ')' => break,
                '*' | '+' | '?' => return err("missing argument to repetition operator"),
                _ => {}
            }
            let atom = self.parse_atom(depth)?;
            let atom = self.parse_repeats(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Ast::Empty,
            1 => items.pop().unwrap_or(Ast::Empty),
            _ => Ast::Concat(items),
        })
    }

    fn parse_repeats(&mut self, atom: Ast) -> Result<Ast, RegexError> {
        let mut atom = atom;
        let mut repeated = false;
        loop {
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.i += 1;
                    (0, None)
                }
                Some('+') => {
                    self.i += 1;
                    (1, None)
                }
                Some('?') => {
                    self.i += 1;
                    (0, Some(1))
                }
                Some('{') => match self.try_braces() {
                    Some((lo, hi)) => (lo, hi),
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if repeated {
                return err("invalid nested repetition operator");
            }
            if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT || m < min) {
                return err("invalid repeat count");
            }
            // Non-greedy marker: irrelevant for a yes/no match.
            if self.peek() == Some('?') {
                self.i += 1;
            }
            atom = Ast::Repeat(Box::new(atom), min, max);
            repeated = true;
        }
    }

    /// `{n}`, `{n,}`, `{n,m}`; `None` (nothing consumed) when it is not a repeat.
    fn try_braces(&mut self) -> Option<(u32, Option<u32>)> {
        let start = self.i;
        self.i += 1;
        let num = |p: &mut Self| -> Option<u32> {
            let s = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            if p.i == s {
                return None;
            }
            let text: String = p.s.get(s..p.i)?.iter().collect();
            Some(text.parse::<u32>().unwrap_or(u32::MAX))
        };
        let res = (|| {
            let lo = num(self)?;
            if self.peek() == Some('}') {
                self.i += 1;
                return Some((lo, Some(lo)));
            }
            if self.bump()? != ',' {
                return None;
            }
            if self.peek() == Some('}') {
                self.i += 1;
                return Some((lo, None));
            }
            let hi = num(self)?;
            if self.bump()? != '}' {
                return None;
            }
            Some((lo, Some(hi)))
        })();
        if res.is_none() {
            self.i = start;
        }
        res
    }

    fn parse_atom(&mut self, depth: usize) -> Result<Ast, RegexError> {
        let Some(c) = self.bump() else {
            return err("unexpected end");
        };
        match c {
            '(' => {
                if self.peek() == Some('?') {
                    return err("flag groups are not supported");
                }
                let inner = self.parse_alt(depth + 1)?;
                if self.bump() != Some(')') {
                    return err("missing closing )");
                }
                Ok(inner)
            }
            ')' => err("unexpected )"),
            '[' => Ok(Ast::Class(self.parse_class()?)),
            '.' => Ok(Ast::AnyNotNl),
            '^' => Ok(Ast::Look(Look::BeginText)),
            '$' => Ok(Ast::Look(Look::EndText)),
            '\\' => self.parse_escape_atom(),
            c => Ok(Ast::Char(c)),
        }
    }

    fn parse_escape_atom(&mut self) -> Result<Ast, RegexError> {
        match self.peek() {
            Some('A') => {
                self.i += 1;
                Ok(Ast::Look(Look::BeginText))
            }
            Some('z') => {
                self.i += 1;
                Ok(Ast::Look(Look::EndText))
            }
            Some('b') => {
                self.i += 1;
                Ok(Ast::Look(Look::WordBoundary))
            }
            Some('B') => {
                self.i += 1;
                Ok(Ast::Look(Look::NotWordBoundary))
            }
            Some('Q') => {
                self.i += 1;
                let mut lits = Vec::new();
                while let Some(c) = self.bump() {
                    if c == '\\' && self.peek() == Some('E') {
                        self.i += 1;
                        break;
                    }
                    lits.push(Ast::Char(c));
                }
                Ok(Ast::Concat(lits))
            }
            Some(c @ ('d' | 'D' | 's' | 'S' | 'w' | 'W')) => {
                self.i += 1;
                Ok(Ast::Class(perl_class(c)))
            }
            _ => Ok(Ast::Char(self.parse_escape_char()?)),
        }
    }

    /// An escape that stands for one character (after the `\`).
    fn parse_escape_char(&mut self) -> Result<char, RegexError> {
        let Some(c) = self.bump() else {
            return err("trailing backslash at end of expression");
        };
        match c {
            '1'..='7' if !self.peek().is_some_and(|d| ('0'..='7').contains(&d)) => {
                err("invalid escape sequence")
            }
            '0'..='7' => {
                let mut r = c as u32 - '0' as u32;
                for _ in 1..3 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            r = r * 8 + (d as u32 - '0' as u32);
                            self.i += 1;
                        }
                        _ => break,
                    }
                }
                char::from_u32(r).map_or_else(|| err("invalid escape sequence"), Ok)
            }
            'x' => {
                if self.peek() == Some('{') {
                    self.i += 1;
                    let mut v: u32 = 0;
                    let mut n = 0;
                    loop {
                        let Some(d) = self.bump() else {
                            return err("invalid escape sequence");
                        };
                        if d == '}' {
                            break;
                        }
                        let Some(h) = d.to_digit(16) else {
                            return err("invalid escape sequence");
                        };
                        v = v.saturating_mul(16).saturating_add(h);
                        n += 1;
                    }
                    if n == 0 || v > 0x10ffff {
                        return err("invalid escape sequence");
                    }
                    return char::from_u32(v).map_or_else(|| err("invalid escape sequence"), Ok);
                }
                let h1 = self.bump().and_then(|d| d.to_digit(16));
                let h2 = self.bump().and_then(|d| d.to_digit(16));
                match (h1, h2) {
                    (Some(a), Some(b)) => {
                        char::from_u32(a * 16 + b).map_or_else(|| err("invalid escape"), Ok)
                    }
                    _ => err("invalid escape sequence"),
                }
            }
            'a' => Ok('\x07'),
            'f' => Ok('\x0c'),
            'n' => Ok('\n'),
            'r' => Ok('\r'),
            't' => Ok('\t'),
            'v' => Ok('\x0b'),
            c if c.is_ascii() && !c.is_ascii_alphanumeric() => Ok(c),
            _ => err("invalid escape sequence"),
        }
    }

    fn parse_class(&mut self) -> Result<Class, RegexError> {
        let mut negated = false;
        if self.peek() == Some('^') {
            self.i += 1;
            negated = true;
        }
        let mut ranges: Vec<(char, char)> = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return err("missing closing ]");
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            if c == '['
                && self.peek_at(1) == Some(':')
                && let Some(r) = self.try_named_class()?
            {
                ranges.extend(r);
                continue;
            }
            if c == '\\' {
                if let Some(p @ ('d' | 'D' | 's' | 'S' | 'w' | 'W')) = self.peek_at(1) {
                    self.i += 2;
                    ranges.extend(class_ranges(&perl_class(p)));
                    continue;
                }
                if matches!(self.peek_at(1), Some('p' | 'P')) {
                    return err("unicode classes are not supported");
                }
            }
            let lo = self.class_char()?;
            let mut hi = lo;
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|n| n != ']') {
                self.i += 1;
                hi = self.class_char()?;
                if hi < lo {
                    return err("invalid character class range");
                }
            }
            ranges.push((lo, hi));
        }
        Ok(Class { negated, ranges })
    }

    fn class_char(&mut self) -> Result<char, RegexError> {
        match self.bump() {
            None => err("missing closing ]"),
            Some('\\') => self.parse_escape_char(),
            Some(c) => Ok(c),
        }
    }

    /// `[:alpha:]` / `[:^alpha:]` at the cursor; `Ok(None)` when it is not one (then `[` is a
    /// literal class member).
    fn try_named_class(&mut self) -> Result<Option<Vec<(char, char)>>, RegexError> {
        let rest: String = self.s.get(self.i + 2..).unwrap_or(&[]).iter().collect();
        let Some(end) = rest.find(":]") else {
            return Ok(None);
        };
        let name = rest.get(..end).unwrap_or("");
        let (neg, name) = match name.strip_prefix('^') {
            Some(n) => (true, n),
            None => (false, name),
        };
        let Some(r) = posix_class(name) else {
            return err("invalid character class range");
        };
        self.i += 2 + rest.get(..end + 2).map_or(0, |s| s.chars().count());
        let class = Class {
            negated: neg,
            ranges: r,
        };
        Ok(Some(class_ranges(&class)))
    }
}

fn posix_class(name: &str) -> Option<Vec<(char, char)>> {
    Some(match name {
        "alnum" => vec![('0', '9'), ('A', 'Z'), ('a', 'z')],
        "alpha" => vec![('A', 'Z'), ('a', 'z')],
        "ascii" => vec![('\0', '\x7f')],
        "blank" => vec![('\t', '\t'), (' ', ' ')],
        "cntrl" => vec![('\0', '\x1f'), ('\x7f', '\x7f')],
        "digit" => vec![('0', '9')],
        "graph" => vec![('!', '~')],
        "lower" => vec![('a', 'z')],
        "print" => vec![(' ', '~')],
        "punct" => vec![('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "space" => vec![('\t', '\r'), (' ', ' ')],
        "upper" => vec![('A', 'Z')],
        "word" => vec![('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        "xdigit" => vec![('0', '9'), ('A', 'F'), ('a', 'f')],
        _ => return None,
    })
}

fn perl_class(c: char) -> Class {
    let (neg, ranges) = match c {
        'd' => (false, vec![('0', '9')]),
        'D' => (true, vec![('0', '9')]),
        's' => (false, vec![('\t', '\n'), ('\x0c', '\r'), (' ', ' ')]),
        'S' => (true, vec![('\t', '\n'), ('\x0c', '\r'), (' ', ' ')]),
        'w' => (false, vec![('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]),
        _ => (true, vec![('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]),
    };
    Class {
        negated: neg,
        ranges,
    }
}

/// The positive ranges of a class (negation folded in), for use inside another class.
fn class_ranges(c: &Class) -> Vec<(char, char)> {
    if !c.negated {
        return c.ranges.clone();
    }
    let mut rs = c.ranges.clone();
    drydock_text::sort::sort(&mut rs);
    let mut out = Vec::new();
    let mut next: u32 = 0;
    for (lo, hi) in rs {
        let (lo, hi) = (lo as u32, hi as u32);
        if lo > next {
            push_range(&mut out, next, lo - 1);
        }
        next = next.max(hi + 1);
    }
    if next <= 0x10ffff {
        push_range(&mut out, next, 0x10ffff);
    }
    out
}

fn push_range(out: &mut Vec<(char, char)>, lo: u32, hi: u32) {
    // Skip the surrogate gap, which `char` cannot represent.
    let parts = [(lo, hi.min(0xd7ff)), (lo.max(0xe000), hi)];
    for (a, b) in parts {
        if a <= b
            && let (Some(a), Some(b)) = (char::from_u32(a), char::from_u32(b))
        {
            out.push((a, b));
        }
    }
}

#[derive(Debug, Clone)]
enum Inst {
    Char(char),
    AnyNotNl,
    Class(Class),
    Look(Look),
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// A compiled regular expression.
#[derive(Debug, Clone)]
pub struct Regex {
    prog: Vec<Inst>,
}

const MAX_PROG: usize = 100_000;

fn emit(prog: &mut Vec<Inst>, ast: &Ast) -> Result<(), RegexError> {
    if prog.len() > MAX_PROG {
        return err("expression too large");
    }
    match ast {
        Ast::Empty => {}
        Ast::Char(c) => prog.push(Inst::Char(*c)),
        Ast::AnyNotNl => prog.push(Inst::AnyNotNl),
        Ast::Class(c) => prog.push(Inst::Class(c.clone())),
        Ast::Look(l) => prog.push(Inst::Look(*l)),
        Ast::Concat(items) => {
            for a in items {
                emit(prog, a)?;
            }
        }
        Ast::Alt(alts) => {
            let mut jumps = Vec::new();
            for (k, a) in alts.iter().enumerate() {
                if k + 1 < alts.len() {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    emit(prog, a)?;
                    jumps.push(prog.len());
                    prog.push(Inst::Jmp(0));
                    let next = prog.len();
                    if let Some(Inst::Split(_, b)) = prog.get_mut(split) {
                        *b = next;
                    }
                } else {
                    emit(prog, a)?;
                }
            }
            let end = prog.len();
            for j in jumps {
                if let Some(Inst::Jmp(t)) = prog.get_mut(j) {
                    *t = end;
                }
            }
        }
        Ast::Repeat(a, min, max) => {
            for _ in 0..*min {
                emit(prog, a)?;
            }
            match max {
                None => {
                    // L: split body, end; body; jmp L
                    let l = prog.len();
                    prog.push(Inst::Split(l + 1, 0));
                    emit(prog, a)?;
                    prog.push(Inst::Jmp(l));
                    let end = prog.len();
                    if let Some(Inst::Split(_, b)) = prog.get_mut(l) {
                        *b = end;
                    }
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(prog.len());
                        prog.push(Inst::Split(prog.len() + 1, 0));
                        emit(prog, a)?;
                    }
                    let end = prog.len();
                    for s in splits {
                        if let Some(Inst::Split(_, b)) = prog.get_mut(s) {
                            *b = end;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Regex {
    /// Compiles Go regexp syntax (see the module documentation for what is supported).
    pub fn new(src: &str) -> Result<Regex, RegexError> {
        let chars: Vec<char> = src.chars().collect();
        let mut p = Parser { s: &chars, i: 0 };
        let ast = p.parse_alt(0)?;
        if p.i < chars.len() {
            return err("unexpected )");
        }
        let mut prog = Vec::new();
        emit(&mut prog, &ast)?;
        prog.push(Inst::Match);
        Ok(Regex { prog })
    }

    /// Whether the expression matches anywhere in `text` (Go's `MatchString`).
    pub fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let n = self.prog.len();
        let mut clist: Vec<usize> = Vec::new();
        let mut nlist: Vec<usize> = Vec::new();
        let mut mark = vec![usize::MAX; n];
        let mut stack: Vec<usize> = Vec::new();
        for pos in 0..=chars.len() {
            let prev = if pos == 0 {
                None
            } else {
                chars.get(pos - 1).copied()
            };
            let cur = chars.get(pos).copied();
            // Unanchored search: a new thread starts at every position.
            stack.push(0);
            let generation = pos;
            // Add threads reachable by epsilon moves from clist seeds (already added) + start.
            while let Some(pc) = stack.pop() {
                if mark.get(pc).copied() == Some(generation) {
                    continue;
                }
                if let Some(m) = mark.get_mut(pc) {
                    *m = generation;
                }
                match self.prog.get(pc) {
                    Some(Inst::Jmp(t)) => stack.push(*t),
                    Some(Inst::Split(a, b)) => {
                        stack.push(*b);
                        stack.push(*a);
                    }
                    Some(Inst::Look(l)) => {
                        let ok = match l {
                            Look::BeginText => pos == 0,
                            Look::EndText => pos == chars.len(),
                            Look::WordBoundary => is_word(prev) != is_word(cur),
                            Look::NotWordBoundary => is_word(prev) == is_word(cur),
                        };
                        if ok {
                            stack.push(pc + 1);
                        }
                    }
                    Some(Inst::Match) => return true,
                    Some(_) => clist.push(pc),
                    None => {}
                }
            }
            let Some(c) = cur else { break };
            nlist.clear();
            for &pc in &clist {
                let ok = match self.prog.get(pc) {
                    Some(Inst::Char(x)) => *x == c,
                    Some(Inst::AnyNotNl) => c != '\n',
                    Some(Inst::Class(cl)) => cl.matches(c),
                    _ => false,
                };
                if ok {
                    nlist.push(pc + 1);
                }
            }
            clist.clear();
            // Seed the next generation's epsilon closure.
            stack.extend(nlist.iter().rev().copied());
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(re: &str, text: &str, want: bool) {
        let r = Regex::new(re).unwrap_or_else(|e| panic!("{re}: {e:?}"));
        assert_eq!(r.is_match(text), want, "{re} ~ {text:?}");
    }

    #[test]
    fn go_semantics() {
        check("^[^/]*$", "abc", true);
        check("^[^/]*$", "a/c", false);
        check("^(.*/)?dir2/[^/]*$", "dir/dir2/file", true);
        check("^(.*/)?dir2/[^/]*$", "dir2/file", true);
        check("^(.*/)?dir2/[^/]*$", "dir/dir2/file/x", false);
        check("^(.*/)?(.*/)?[^/]*\\.txt$", "a/b/c.txt", true);
        check("^a[^b-d]e$", "aze", true);
        check("^\\.[^/]*$", ".foo", true);
        check("^a\\\\$", "a\\", true);
        check("^[\\]a]$", "]", true);
        check("^[a-ζ][^/]*$", "α", true);
        check("^a\\d[^/]*$", "a5x", true);
        check("^a\\d[^/]*$", "adx", false);
        check("^a^b$", "a^b", false);
        check("^[[:alpha:]]$", "q", true);
        check("^[[^/]*]$", "[^/]", true);
        check("^.*$", "a\nb", false);
        check("^[^/]*$", "a\nb", true);
        check("^a{2,3}$", "aaa", true);
        check("^x\\Q.*\\E$", "x.*", true);
        assert!(Regex::new("a**").is_err());
        assert!(Regex::new("[z-a]").is_err());
        assert!(Regex::new("\\y").is_err());
        assert!(Regex::new("[abc").is_err());
        assert!(Regex::new("\\1").is_err());
    }
}
