//! Shell pattern matching (`* ? [...]`) for `case`, `${x#p}` and globbing; quoted characters match literally.

/// One pattern character after expansion: `(c, literal)`; `literal` when it came from quotes.
pub type PatChar = (char, bool);

#[derive(Debug, Clone, PartialEq)]
enum Item {
    Char(char),
    Any,
    Star,
    Class {
        negate: bool,
        ranges: Vec<ClassItem>,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum ClassItem {
    Range(char, char),
    Named(String),
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    items: Vec<Item>,
}

/// Whether the characters hold an unquoted `*`, `?` or `[`.
pub fn has_meta(chars: &[PatChar]) -> bool {
    chars
        .iter()
        .any(|&(c, lit)| !lit && matches!(c, '*' | '?' | '['))
}

impl Pattern {
    pub fn compile(chars: &[PatChar]) -> Self {
        let mut items = Vec::new();
        let mut i = 0;
        while let Some(&(c, lit)) = chars.get(i) {
            i += 1;
            if lit {
                items.push(Item::Char(c));
                continue;
            }
            match c {
                '*' => {
                    if items.last() != Some(&Item::Star) {
                        items.push(Item::Star);
                    }
                }
                '?' => items.push(Item::Any),
                '[' => match parse_class(chars, i) {
                    Some((item, next)) => {
                        items.push(item);
                        i = next;
                    }
                    None => items.push(Item::Char('[')),
                },
                '\\' => match chars.get(i) {
                    Some(&(n, _)) => {
                        items.push(Item::Char(n));
                        i += 1;
                    }
                    None => items.push(Item::Char('\\')),
                },
                _ => items.push(Item::Char(c)),
            }
        }
        Self { items }
    }

    /// A pattern of plain text (every character literal).
    pub fn from_str_unquoted(s: &str) -> Self {
        let chars: Vec<PatChar> = s.chars().map(|c| (c, false)).collect();
        Self::compile(&chars)
    }

    /// Whether the whole of `s` matches.
    pub fn matches(&self, s: &str) -> bool {
        let text: Vec<char> = s.chars().collect();
        self.matches_chars(&text)
    }

    fn matches_chars(&self, text: &[char]) -> bool {
        let (mut p, mut t) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while t < text.len() {
            match self.items.get(p) {
                Some(Item::Star) => {
                    star = Some((p, t));
                    p += 1;
                    continue;
                }
                Some(item) if text.get(t).is_some_and(|&c| item_matches(item, c)) => {
                    p += 1;
                    t += 1;
                    continue;
                }
                _ => {}
            }
            match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            }
        }
        self.items
            .get(p..)
            .is_some_and(|rest| rest.iter().all(|i| *i == Item::Star))
    }

    /// Length in chars of the shortest/longest prefix of `s` that matches.
    pub fn match_prefix(&self, s: &str, longest: bool) -> Option<usize> {
        let text: Vec<char> = s.chars().collect();
        let lens: Box<dyn Iterator<Item = usize>> = if longest {
            Box::new((0..=text.len()).rev())
        } else {
            Box::new(0..=text.len())
        };
        for n in lens {
            if self.matches_chars(text.get(..n).unwrap_or(&[])) {
                return Some(n);
            }
        }
        None
    }

    /// Length in chars of the shortest/longest suffix of `s` that matches.
    pub fn match_suffix(&self, s: &str, longest: bool) -> Option<usize> {
        let text: Vec<char> = s.chars().collect();
        let len = text.len();
        let lens: Box<dyn Iterator<Item = usize>> = if longest {
            Box::new((0..=len).rev())
        } else {
            Box::new(0..=len)
        };
        for n in lens {
            if self.matches_chars(text.get(len - n..).unwrap_or(&[])) {
                return Some(n);
            }
        }
        None
    }
}

fn item_matches(item: &Item, c: char) -> bool {
    match item {
        Item::Char(x) => *x == c,
        Item::Any => true,
        Item::Star => true,
        Item::Class { negate, ranges } => {
            let hit = ranges.iter().any(|r| match r {
                ClassItem::Range(a, b) => *a <= c && c <= *b,
                ClassItem::Named(n) => class_matches(n, c),
            });
            hit != *negate
        }
    }
}

fn class_matches(name: &str, c: char) -> bool {
    match name {
        "alpha" => c.is_ascii_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_ascii_alphanumeric(),
        "upper" => c.is_ascii_uppercase(),
        "lower" => c.is_ascii_lowercase(),
        "space" => matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'),
        "blank" => matches!(c, ' ' | '\t'),
        "punct" => c.is_ascii_punctuation(),
        "print" => (' '..='~').contains(&c),
        "graph" => ('!'..='~').contains(&c),
        "cntrl" => c.is_ascii_control(),
        "xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}

/// Parses a bracket expression whose `[` was just before `start`; returns the item and the index
/// after `]`, or `None` when there is no closing bracket.
fn parse_class(chars: &[PatChar], start: usize) -> Option<(Item, usize)> {
    let mut i = start;
    let mut negate = false;
    if let Some(&(c, false)) = chars.get(i)
        && (c == '!' || c == '^')
    {
        negate = true;
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        let &(c, lit) = chars.get(i)?;
        if c == ']' && !lit && !first {
            return Some((Item::Class { negate, ranges }, i + 1));
        }
        first = false;
        if c == '[' && !lit && chars.get(i + 1).map(|p| p.0) == Some(':') {
            // [:name:]
            let rest: String = chars.get(i + 2..)?.iter().map(|p| p.0).collect();
            if let Some(end) = rest.find(":]") {
                let name = rest.get(..end).unwrap_or("").to_owned();
                ranges.push(ClassItem::Named(name.clone()));
                i += 2 + name.chars().count() + 2;
                continue;
            }
        }
        let lo = c;
        i += 1;
        if chars.get(i).map(|p| p.0) == Some('-')
            && chars.get(i + 1).is_some_and(|&(n, l)| n != ']' || l)
        {
            let hi = chars.get(i + 1).map_or(lo, |p| p.0);
            ranges.push(ClassItem::Range(lo, hi));
            i += 2;
        } else {
            ranges.push(ClassItem::Range(lo, lo));
        }
    }
}
