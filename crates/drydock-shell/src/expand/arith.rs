//! `$((…))`: dash's arithmetic (intmax_t, C operators without `++`/`--`, assignments) with its errors.

/// Variables the evaluator reads and assigns.
pub trait ArithVars {
    fn get(&self, name: &str) -> Option<String>;
    fn set(&mut self, name: &str, value: i64) -> Result<(), String>;
}

#[derive(Debug, Clone, PartialEq)]
enum T {
    Num(i64),
    Name(String),
    Op(&'static str),
    LParen,
    RParen,
    Eof,
}

const OPS: [&str; 35] = [
    "<<=", ">>=", "&&", "||", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=",
    "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~", "?", ":", "=",
    ",", "**",
];

/// Evaluates `expr`; the error is dash's message after `sh: LINE: `.
pub fn eval(expr: &str, vars: &mut dyn ArithVars) -> Result<i64, String> {
    let toks = lex(expr)?;
    let mut p = P {
        toks,
        i: 0,
        vars,
        expr,
        depth: 0,
    };
    if p.peek() == &T::Eof {
        return Ok(0);
    }
    let v = p.ternary(true)?;
    if p.peek() != &T::Eof {
        return Err(format!("arithmetic expression: expecting EOF: \"{expr}\""));
    }
    Ok(v)
}

fn lex(expr: &str) -> Result<Vec<T>, String> {
    let b: Vec<char> = expr.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
                i += 1;
            }
            let s: String = b.get(start..i).unwrap_or(&[]).iter().collect();
            match parse_number(&s) {
                Some(n) => out.push(T::Num(n)),
                None => return Err(format!("arithmetic expression: expecting EOF: \"{expr}\"")),
            }
            continue;
        }
        if c == '_' || c.is_ascii_alphabetic() {
            let start = i;
            while b
                .get(i)
                .is_some_and(|c| *c == '_' || c.is_ascii_alphanumeric())
            {
                i += 1;
            }
            out.push(T::Name(b.get(start..i).unwrap_or(&[]).iter().collect()));
            continue;
        }
        if c == '(' {
            out.push(T::LParen);
            i += 1;
            continue;
        }
        if c == ')' {
            out.push(T::RParen);
            i += 1;
            continue;
        }
        let rest: String = b
            .get(i..(i + 3).min(b.len()))
            .unwrap_or(&[])
            .iter()
            .collect();
        match OPS.iter().find(|op| rest.starts_with(**op) && **op != "**") {
            Some(op) => {
                out.push(T::Op(op));
                i += op.len();
            }
            None => {
                return Err(format!(
                    "arithmetic expression: expecting primary: \"{expr}\""
                ));
            }
        }
    }
    out.push(T::Eof);
    Ok(out)
}

/// dash's number syntax: decimal, `0x` hex, leading-`0` octal.
pub fn parse_number(s: &str) -> Option<i64> {
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        return u64::from_str_radix(h, 16).ok().map(|v| v as i64);
    }
    if s.len() > 1 && s.starts_with('0') {
        return u64::from_str_radix(s.get(1..)?, 8).ok().map(|v| v as i64);
    }
    s.parse::<u64>().ok().map(|v| v as i64)
}

struct P<'a> {
    toks: Vec<T>,
    i: usize,
    vars: &'a mut dyn ArithVars,
    expr: &'a str,
    depth: u32,
}

fn binprec(op: &str) -> Option<u8> {
    Some(match op {
        "||" => 1,
        "&&" => 2,
        "|" => 3,
        "^" => 4,
        "&" => 5,
        "==" | "!=" => 6,
        "<" | ">" | "<=" | ">=" => 7,
        "<<" | ">>" => 8,
        "+" | "-" => 9,
        "*" | "/" | "%" => 10,
        _ => return None,
    })
}

impl P<'_> {
    fn peek(&self) -> &T {
        self.toks.get(self.i).unwrap_or(&T::Eof)
    }

    fn next(&mut self) -> T {
        let t = self.peek().clone();
        self.i += 1;
        t
    }

    fn primary_err(&self) -> String {
        format!(
            "arithmetic expression: expecting primary: \"{}\"",
            self.expr
        )
    }

    fn var_value(&self, name: &str) -> Result<i64, String> {
        match self.vars.get(name) {
            None => Ok(0),
            Some(v) if v.trim().is_empty() => Ok(0),
            Some(v) => {
                let t = v.trim();
                let (neg, digits) = match t.strip_prefix('-') {
                    Some(d) => (true, d),
                    None => (false, t.strip_prefix('+').unwrap_or(t)),
                };
                match parse_number(digits) {
                    Some(n) => Ok(if neg { n.wrapping_neg() } else { n }),
                    None => Err(format!("Illegal number: {v}")),
                }
            }
        }
    }

    /// assignment / ternary. `eval` false skips side effects (short-circuit branches).
    fn ternary(&mut self, eval: bool) -> Result<i64, String> {
        self.depth += 1;
        if self.depth > 500 {
            return Err(self.primary_err());
        }
        // assignment: NAME op= expr
        if let (T::Name(n), Some(T::Op(op))) = (self.peek().clone(), self.toks.get(self.i + 1)) {
            let op = *op;
            if op.ends_with('=') && !matches!(op, "==" | "!=" | "<=" | ">=") {
                self.i += 2;
                let rhs = self.ternary(eval)?;
                let v = if op == "=" {
                    rhs
                } else {
                    let cur = if eval { self.var_value(&n)? } else { 0 };
                    let bop = op.trim_end_matches('=');
                    self.apply(bop, cur, rhs, eval)?
                };
                if eval {
                    self.vars.set(&n, v)?;
                }
                self.depth -= 1;
                return Ok(v);
            }
        }
        let cond = self.binary(0, eval)?;
        let r = if self.peek() == &T::Op("?") {
            self.next();
            let a = self.ternary(eval && cond != 0)?;
            if self.next() != T::Op(":") {
                return Err(format!(
                    "arithmetic expression: expecting ':': \"{}\"",
                    self.expr
                ));
            }
            let b = self.ternary(eval && cond == 0)?;
            if cond != 0 { a } else { b }
        } else {
            cond
        };
        self.depth -= 1;
        Ok(r)
    }

    fn binary(&mut self, min: u8, eval: bool) -> Result<i64, String> {
        let mut lhs = self.unary(eval)?;
        while let T::Op(op) = self.peek().clone() {
            let Some(prec) = binprec(op) else { break };
            if prec < min.max(1) {
                break;
            }
            self.next();
            lhs = match op {
                "&&" => {
                    let rhs = self.binary(prec + 1, eval && lhs != 0)?;
                    i64::from(lhs != 0 && rhs != 0)
                }
                "||" => {
                    let rhs = self.binary(prec + 1, eval && lhs == 0)?;
                    i64::from(lhs != 0 || rhs != 0)
                }
                _ => {
                    let rhs = self.binary(prec + 1, eval)?;
                    self.apply(op, lhs, rhs, eval)?
                }
            };
        }
        Ok(lhs)
    }

    fn apply(&self, op: &str, a: i64, b: i64, eval: bool) -> Result<i64, String> {
        Ok(match op {
            "+" => a.wrapping_add(b),
            "-" => a.wrapping_sub(b),
            "*" => a.wrapping_mul(b),
            "/" | "%" => {
                if b == 0 {
                    if !eval {
                        return Ok(0);
                    }
                    return Err(format!(
                        "arithmetic expression: division by zero: \"{}\"",
                        self.expr
                    ));
                }
                if op == "/" {
                    a.wrapping_div(b)
                } else {
                    a.wrapping_rem(b)
                }
            }
            "<<" => a.wrapping_shl(b as u32),
            ">>" => a.wrapping_shr(b as u32),
            "<" => i64::from(a < b),
            ">" => i64::from(a > b),
            "<=" => i64::from(a <= b),
            ">=" => i64::from(a >= b),
            "==" => i64::from(a == b),
            "!=" => i64::from(a != b),
            "&" => a & b,
            "^" => a ^ b,
            "|" => a | b,
            _ => return Err(self.primary_err()),
        })
    }

    fn unary(&mut self, eval: bool) -> Result<i64, String> {
        self.depth += 1;
        if self.depth > 500 {
            return Err(self.primary_err());
        }
        let r = match self.next() {
            T::Op("-") => self.unary(eval).map(i64::wrapping_neg),
            T::Op("+") => self.unary(eval),
            T::Op("!") => self.unary(eval).map(|v| i64::from(v == 0)),
            T::Op("~") => self.unary(eval).map(|v| !v),
            T::Num(n) => Ok(n),
            T::Name(n) => {
                if eval {
                    self.var_value(&n)
                } else {
                    Ok(0)
                }
            }
            T::LParen => {
                let v = self.ternary(eval)?;
                if self.next() != T::RParen {
                    return Err(format!(
                        "arithmetic expression: expecting ')': \"{}\"",
                        self.expr
                    ));
                }
                Ok(v)
            }
            _ => Err(self.primary_err()),
        };
        self.depth -= 1;
        r
    }
}
