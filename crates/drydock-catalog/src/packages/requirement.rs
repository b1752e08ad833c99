//! PEP 508 requirements (`name[extra,…] specifiers ; marker`, `name @ url`) as pip reads them
//! from the command line, requirement files and project metadata, and environment markers
//! evaluated against the simulated platform (Linux x86_64, CPython of the image).
use crate::packages::pep440::{SpecifierSet, Version};

/// One requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The name as written.
    pub name: String,
    pub extras: Vec<String>,
    pub specs: SpecifierSet,
    pub marker: Option<String>,
    /// `name @ URL` or a bare URL/path requirement.
    pub url: Option<String>,
}

impl Requirement {
    /// Parses one requirement; `Err` with pip's description of what is wrong.
    pub fn parse(line: &str) -> Result<Requirement, String> {
        let line = line.trim();
        let (body, marker) = match line.split_once(';') {
            Some((b, m)) => (
                b.trim(),
                Some(m.trim().to_owned()).filter(|m| !m.is_empty()),
            ),
            None => (line, None),
        };
        let name_len = body
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || "-_.".contains(*c))
            .count();
        let name = body.get(..name_len).unwrap_or("");
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Err(format!("Invalid requirement: '{line}'"));
        }
        let mut rest = body.get(name_len..).unwrap_or("").trim_start();
        let mut extras = Vec::new();
        if let Some(r) = rest.strip_prefix('[') {
            let Some((ex, after)) = r.split_once(']') else {
                return Err(format!("Invalid requirement: '{line}'"));
            };
            extras = ex
                .split(',')
                .map(|e| e.trim().to_owned())
                .filter(|e| !e.is_empty())
                .collect();
            rest = after.trim_start();
        }
        if let Some(url) = rest.strip_prefix('@') {
            return Ok(Requirement {
                name: name.to_owned(),
                extras,
                specs: SpecifierSet::default(),
                marker,
                url: Some(url.trim().to_owned()),
            });
        }
        let rest = rest.trim_start_matches('(').trim_end_matches(')');
        let specs =
            SpecifierSet::parse(rest).map_err(|_| format!("Invalid requirement: '{line}'"))?;
        Ok(Requirement {
            name: name.to_owned(),
            extras,
            specs,
            marker,
            url: None,
        })
    }

    /// The requirement as pip prints it (`name[extra]<2,>=1`), without the marker.
    pub fn display(&self) -> String {
        let mut s = self.name.clone();
        if !self.extras.is_empty() {
            s.push('[');
            s.push_str(&self.extras.join(","));
            s.push(']');
        }
        s.push_str(&self.specs.to_string());
        s
    }
}

/// The platform markers are evaluated against.
#[derive(Debug, Clone)]
pub struct MarkerEnv {
    /// `3.11`
    pub python_version: String,
    /// `3.11.14`
    pub python_full_version: String,
    /// The extra being evaluated (`extra == "standard"`).
    pub extra: Option<String>,
}

impl MarkerEnv {
    fn var(&self, name: &str) -> Option<String> {
        Some(match name {
            "python_version" => self.python_version.clone(),
            "python_full_version" => self.python_full_version.clone(),
            "platform_system" => "Linux".into(),
            "sys_platform" => "linux".into(),
            "os_name" => "posix".into(),
            "platform_machine" => "x86_64".into(),
            "platform_python_implementation" => "CPython".into(),
            "implementation_name" => "cpython".into(),
            "implementation_version" => self.python_full_version.clone(),
            "platform_release" => "6.10.14-linuxkit".into(),
            "extra" => self.extra.clone().unwrap_or_default(),
            _ => return None,
        })
    }

    /// Evaluates a marker (`and`, `or`, parentheses, comparisons, `in`/`not in`); unknown
    /// variables make a clause false.
    pub fn eval(&self, marker: &str) -> bool {
        let toks = tokenize(marker);
        let mut i = 0;
        self.or(&toks, &mut i)
    }

    fn or(&self, t: &[String], i: &mut usize) -> bool {
        let mut v = self.and(t, i);
        while t.get(*i).map(String::as_str) == Some("or") {
            *i += 1;
            let r = self.and(t, i);
            v = v || r;
        }
        v
    }

    fn and(&self, t: &[String], i: &mut usize) -> bool {
        let mut v = self.atom(t, i);
        while t.get(*i).map(String::as_str) == Some("and") {
            *i += 1;
            let r = self.atom(t, i);
            v = v && r;
        }
        v
    }

    fn value(&self, tok: &str) -> Option<String> {
        if let Some(s) = tok.strip_prefix('\u{1}') {
            return Some(s.to_owned());
        }
        self.var(tok)
    }

    fn atom(&self, t: &[String], i: &mut usize) -> bool {
        if t.get(*i).map(String::as_str) == Some("(") {
            *i += 1;
            let v = self.or(t, i);
            if t.get(*i).map(String::as_str) == Some(")") {
                *i += 1;
            }
            return v;
        }
        let l = t.get(*i).cloned().unwrap_or_default();
        let mut op = t.get(*i + 1).cloned().unwrap_or_default();
        let mut step = 3;
        if op == "not" && t.get(*i + 2).map(String::as_str) == Some("in") {
            op = "not in".into();
            step = 4;
        }
        let r = t.get(*i + step - 1).cloned().unwrap_or_default();
        *i += step;
        let (Some(a), Some(b)) = (self.value(&l), self.value(&r)) else {
            return false;
        };
        let versiony = matches!(
            l.as_str(),
            "python_version" | "python_full_version" | "implementation_version"
        ) || matches!(r.as_str(), "python_version" | "python_full_version");
        match op.as_str() {
            "in" => b.contains(&a),
            "not in" => !b.contains(&a),
            _ if versiony => match (Version::parse(&a), Version::parse(&b)) {
                (Some(x), Some(y)) => match op.as_str() {
                    "==" => x == y,
                    "!=" => x != y,
                    "<" => x < y,
                    "<=" => x <= y,
                    ">" => x > y,
                    ">=" => x >= y,
                    _ => false,
                },
                _ => false,
            },
            "==" => a == b,
            "!=" => a != b,
            "<" => a < b,
            "<=" => a <= b,
            ">" => a > b,
            ">=" => a >= b,
            _ => false,
        }
    }
}

/// Marker tokens: names, operators, parentheses; quoted strings are prefixed with `\u{1}`.
fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
        } else if c == '"' || c == '\'' {
            let mut j = i + 1;
            let mut v = String::from('\u{1}');
            while let Some(&d) = chars.get(j) {
                if d == c {
                    break;
                }
                v.push(d);
                j += 1;
            }
            out.push(v);
            i = j + 1;
        } else if c == '(' || c == ')' {
            out.push(c.to_string());
            i += 1;
        } else if "=!<>~".contains(c) {
            let mut j = i;
            let mut v = String::new();
            while let Some(&d) = chars.get(j).filter(|d| "=!<>~".contains(**d)) {
                v.push(d);
                j += 1;
            }
            out.push(v);
            i = j;
        } else {
            let mut j = i;
            let mut v = String::new();
            while let Some(&d) = chars
                .get(j)
                .filter(|d| d.is_ascii_alphanumeric() || **d == '_' || **d == '.')
            {
                v.push(d);
                j += 1;
            }
            if v.is_empty() {
                i += 1;
                continue;
            }
            out.push(v);
            i = j;
        }
    }
    out
}
