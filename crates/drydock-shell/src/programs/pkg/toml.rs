//! A TOML subset for the files Python tools read: `pyproject.toml` and `uv.lock` — tables,
//! arrays of tables, dotted keys, strings (basic, literal, multi-line), numbers, booleans,
//! arrays (multi-line) and inline tables. Malformed input yields what could be read.
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Str(String),
    Num(f64),
    Bool(bool),
    Arr(Vec<Val>),
    Table(BTreeMap<String, Val>),
}

impl Val {
    pub fn get(&self, key: &str) -> Option<&Val> {
        match self {
            Val::Table(t) => t.get(key),
            _ => None,
        }
    }

    /// Dotted lookup (`project.dependencies`).
    pub fn path(&self, dotted: &str) -> Option<&Val> {
        dotted.split('.').try_fold(self, |v, k| v.get(k))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_arr(&self) -> &[Val] {
        match self {
            Val::Arr(a) => a,
            _ => &[],
        }
    }

    /// Strings of an array.
    pub fn strings(&self) -> Vec<String> {
        self.as_arr()
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }
}

struct P<'a> {
    s: &'a [u8],
    i: usize,
}

impl P<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    fn ws_nl(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.i += 1,
                Some(b'#') => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.i += 1;
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_line(&mut self) {
        while self.peek().is_some_and(|c| c != b'\n') {
            self.i += 1;
        }
    }

    fn key(&mut self) -> Option<String> {
        self.ws();
        match self.peek()? {
            b'"' | b'\'' => match self.value()? {
                Val::Str(s) => Some(s),
                _ => None,
            },
            _ => {
                let start = self.i;
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                {
                    self.i += 1;
                }
                (self.i > start).then(|| {
                    String::from_utf8_lossy(self.s.get(start..self.i).unwrap_or(&[])).into_owned()
                })
            }
        }
    }

    fn dotted_key(&mut self) -> Option<Vec<String>> {
        let mut parts = vec![self.key()?];
        loop {
            self.ws();
            if self.peek() == Some(b'.') {
                self.i += 1;
                parts.push(self.key()?);
            } else {
                return Some(parts);
            }
        }
    }

    fn string(&mut self, quote: u8) -> Option<String> {
        let triple = self.s.get(self.i..self.i + 3) == Some(&[quote, quote, quote][..]);
        self.i += if triple { 3 } else { 1 };
        if triple && self.peek() == Some(b'\n') {
            self.i += 1;
        }
        let mut out = Vec::new();
        loop {
            let c = self.peek()?;
            if c == quote {
                if !triple {
                    self.i += 1;
                    break;
                }
                if self.s.get(self.i..self.i + 3) == Some(&[quote, quote, quote][..]) {
                    self.i += 3;
                    break;
                }
            }
            if c == b'\n' && !triple {
                return None;
            }
            if c == b'\\' && quote == b'"' {
                self.i += 1;
                let e = self.peek()?;
                self.i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'"' => out.push(b'"'),
                    b'\\' => out.push(b'\\'),
                    b'\n' => self.ws_nl(),
                    o => {
                        out.push(b'\\');
                        out.push(o);
                    }
                }
                continue;
            }
            out.push(c);
            self.i += 1;
        }
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    fn value(&mut self) -> Option<Val> {
        self.ws();
        match self.peek()? {
            q @ (b'"' | b'\'') => self.string(q).map(Val::Str),
            b'[' => {
                self.i += 1;
                let mut v = Vec::new();
                loop {
                    self.ws_nl();
                    if self.peek()? == b']' {
                        self.i += 1;
                        return Some(Val::Arr(v));
                    }
                    v.push(self.value()?);
                    self.ws_nl();
                    if self.peek() == Some(b',') {
                        self.i += 1;
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut t = BTreeMap::new();
                loop {
                    self.ws();
                    if self.peek()? == b'}' {
                        self.i += 1;
                        return Some(Val::Table(t));
                    }
                    let k = self.dotted_key()?;
                    self.ws();
                    if self.peek()? != b'=' {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value()?;
                    insert(&mut t, &k, v);
                    self.ws();
                    if self.peek() == Some(b',') {
                        self.i += 1;
                    }
                }
            }
            _ => {
                let start = self.i;
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, b',' | b']' | b'}' | b'\n' | b'#' | b'\r'))
                {
                    self.i += 1;
                }
                let w = String::from_utf8_lossy(self.s.get(start..self.i).unwrap_or(&[]))
                    .trim()
                    .to_owned();
                match w.as_str() {
                    "true" => Some(Val::Bool(true)),
                    "false" => Some(Val::Bool(false)),
                    _ => w
                        .replace('_', "")
                        .parse()
                        .ok()
                        .map(Val::Num)
                        .or(Some(Val::Str(w))),
                }
            }
        }
    }
}

fn insert(t: &mut BTreeMap<String, Val>, keys: &[String], v: Val) {
    match keys {
        [] => {}
        [k] => {
            t.insert(k.clone(), v);
        }
        [k, rest @ ..] => {
            let e = t
                .entry(k.clone())
                .or_insert_with(|| Val::Table(BTreeMap::new()));
            if let Val::Table(inner) = e {
                insert(inner, rest, v);
            }
        }
    }
}

/// The table at `path` (created), or the last element of an array of tables there.
fn table_at<'a>(
    root: &'a mut BTreeMap<String, Val>,
    path: &[String],
) -> Option<&'a mut BTreeMap<String, Val>> {
    let mut cur = root;
    for k in path {
        let e = cur
            .entry(k.clone())
            .or_insert_with(|| Val::Table(BTreeMap::new()));
        cur = match e {
            Val::Table(t) => t,
            Val::Arr(a) => match a.last_mut() {
                Some(Val::Table(t)) => t,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(cur)
}

/// Parses a document into its root table.
pub(crate) fn parse(text: &str) -> Val {
    let mut root: BTreeMap<String, Val> = BTreeMap::new();
    let mut p = P {
        s: text.as_bytes(),
        i: 0,
    };
    let mut current: Vec<String> = Vec::new();
    loop {
        p.ws_nl();
        let Some(c) = p.peek() else { break };
        if c == b'[' {
            let array = p.s.get(p.i + 1) == Some(&b'[');
            p.i += if array { 2 } else { 1 };
            let Some(path) = p.dotted_key() else {
                p.skip_line();
                continue;
            };
            p.ws();
            p.i += if array { 2 } else { 1 };
            if array {
                let (last, head) = match path.split_last() {
                    Some((l, h)) => (l.clone(), h.to_vec()),
                    None => continue,
                };
                if let Some(parent) = table_at(&mut root, &head) {
                    let e = parent.entry(last).or_insert_with(|| Val::Arr(Vec::new()));
                    if let Val::Arr(a) = e {
                        a.push(Val::Table(BTreeMap::new()));
                    }
                }
            } else {
                let _ = table_at(&mut root, &path);
            }
            current = path;
            p.skip_line();
            continue;
        }
        let Some(k) = p.dotted_key() else {
            p.skip_line();
            continue;
        };
        p.ws();
        if p.peek() != Some(b'=') {
            p.skip_line();
            continue;
        }
        p.i += 1;
        let Some(v) = p.value() else {
            p.skip_line();
            continue;
        };
        if let Some(t) = table_at(&mut root, &current) {
            insert(t, &k, v);
        }
        p.skip_line();
    }
    Val::Table(root)
}
