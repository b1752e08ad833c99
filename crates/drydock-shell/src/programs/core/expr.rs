//! `expr`: arithmetic, comparison, `:` (anchored BRE match), `length`, `substr`, `index`,
//! `match`; exit 1 when the result is null or 0, 2 on a syntax error.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, regex};

struct P<'a> {
    t: &'a [String],
    i: usize,
}

type R = Result<String, String>;

fn is_int(s: &str) -> Option<i64> {
    let d = s.strip_prefix('-').unwrap_or(s);
    if d.is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl P<'_> {
    fn peek(&self) -> Option<&str> {
        self.t.get(self.i).map(String::as_str)
    }

    fn or(&mut self) -> R {
        let mut l = self.and()?;
        while self.peek() == Some("|") {
            self.i += 1;
            let r = self.and()?;
            if l.is_empty() || l == "0" {
                l = r;
            }
        }
        Ok(l)
    }

    fn and(&mut self) -> R {
        let mut l = self.cmp()?;
        while self.peek() == Some("&") {
            self.i += 1;
            let r = self.cmp()?;
            if l.is_empty() || l == "0" || r.is_empty() || r == "0" {
                l = "0".into();
            }
        }
        Ok(l)
    }

    fn cmp(&mut self) -> R {
        let mut l = self.add()?;
        while let Some(op) = self
            .peek()
            .filter(|o| ["<", "<=", "=", "==", "!=", ">=", ">"].contains(o))
        {
            let op = op.to_owned();
            self.i += 1;
            let r = self.add()?;
            let ord = match (is_int(&l), is_int(&r)) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => l.cmp(&r),
            };
            use std::cmp::Ordering::*;
            let v = match op.as_str() {
                "<" => ord == Less,
                "<=" => ord != Greater,
                "=" | "==" => ord == Equal,
                "!=" => ord != Equal,
                ">=" => ord != Less,
                _ => ord == Greater,
            };
            l = if v { "1" } else { "0" }.into();
        }
        Ok(l)
    }

    fn num(s: &str) -> Result<i64, String> {
        is_int(s).ok_or_else(|| "non-integer argument".to_owned())
    }

    fn add(&mut self) -> R {
        let mut l = self.mul()?;
        while let Some(op) = self.peek().filter(|o| *o == "+" || *o == "-") {
            let plus = op == "+";
            self.i += 1;
            let r = self.mul()?;
            let (a, b) = (Self::num(&l)?, Self::num(&r)?);
            l = if plus {
                a.wrapping_add(b)
            } else {
                a.wrapping_sub(b)
            }
            .to_string();
        }
        Ok(l)
    }

    fn mul(&mut self) -> R {
        let mut l = self.colon()?;
        while let Some(op) = self.peek().filter(|o| ["*", "/", "%"].contains(o)) {
            let op = op.to_owned();
            self.i += 1;
            let r = self.colon()?;
            let (a, b) = (Self::num(&l)?, Self::num(&r)?);
            if op != "*" && b == 0 {
                return Err("division by zero".into());
            }
            l = match op.as_str() {
                "*" => a.wrapping_mul(b),
                "/" => a / b,
                _ => a % b,
            }
            .to_string();
        }
        Ok(l)
    }

    fn colon(&mut self) -> R {
        let mut l = self.prim()?;
        while self.peek() == Some(":") {
            self.i += 1;
            let pat = self.prim()?;
            l = matchre(&l, &pat)?;
        }
        Ok(l)
    }

    fn prim(&mut self) -> R {
        let Some(t) = self.peek().map(str::to_owned) else {
            return Err("syntax error: missing argument after ‘".to_owned()
                + self.t.last().map_or("", String::as_str)
                + "’");
        };
        self.i += 1;
        match t.as_str() {
            "(" => {
                let v = self.or()?;
                if self.peek() != Some(")") {
                    return Err("syntax error: expecting ')'".into());
                }
                self.i += 1;
                Ok(v)
            }
            "length" => Ok(self.prim()?.chars().count().to_string()),
            "substr" => {
                let s = self.prim()?;
                let pos = Self::num(&self.prim()?)?;
                let len = Self::num(&self.prim()?)?;
                if pos < 1 || len < 1 {
                    return Ok(String::new());
                }
                Ok(s.chars()
                    .skip(pos as usize - 1)
                    .take(len as usize)
                    .collect())
            }
            "index" => {
                let s = self.prim()?;
                let set = self.prim()?;
                Ok(s.chars()
                    .position(|ch| set.contains(ch))
                    .map_or(0, |p| p + 1)
                    .to_string())
            }
            "match" => {
                let s = self.prim()?;
                let p = self.prim()?;
                matchre(&s, &p)
            }
            "+" => self.prim(),
            _ => Ok(t),
        }
    }
}

fn matchre(s: &str, pat: &str) -> R {
    let src = regex::translate(pat, false)?;
    let full = regex_lite::Regex::new(&format!("^{src}"))
        .map_err(|_| "Invalid regular expression".to_owned())?;
    match full.captures(s) {
        Some(caps) => {
            if caps.len() > 1 {
                Ok(caps.get(1).map_or("", |m| m.as_str()).to_owned())
            } else {
                Ok(caps
                    .get(0)
                    .map_or(0, |m| m.as_str().chars().count())
                    .to_string())
            }
        }
        None => {
            if full.captures_len() > 1 {
                Ok(String::new())
            } else {
                Ok("0".into())
            }
        }
    }
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let toks = argv.get(1..).unwrap_or(&[]);
    if toks.is_empty() {
        c::err(ctx, &p, "missing operand");
        c::eout(ctx, &format!("Try '{p} --help' for more information.\n"));
        return 2;
    }
    let mut parser = P { t: toks, i: 0 };
    match parser.or() {
        Ok(v) if parser.i == toks.len() => {
            c::out(ctx, &v);
            i32::from(v.is_empty() || v == "0")
        }
        Ok(_) => {
            let q = c::lquote(ctx, toks.get(parser.i).map_or("", String::as_str));
            c::err(ctx, &p, &format!("syntax error: unexpected argument {q}"));
            2
        }
        Err(m) => {
            c::err(ctx, &p, &m);
            2
        }
    }
}
