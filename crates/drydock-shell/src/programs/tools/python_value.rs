//! Values the simulated `python -c` and `>>>` prompt can compute beyond literals: integer
//! arithmetic (`2**10`, `(7 + 3) // 4`, `-5 % 3`), `True`/`False`, and what PyTorch answers
//! about accelerators on Drydock's machine, which has none (`torch.cuda.is_available()` is
//! `False`, `torch.cuda.device_count()` is `0`).

/// PyTorch's accelerator queries and their answers without a GPU.
const TORCH_QUERIES: &[(&str, &str)] = &[
    ("cuda.is_available()", "False"),
    ("cuda.device_count()", "0"),
    ("backends.mps.is_available()", "False"),
    ("backends.cudnn.is_available()", "False"),
    ("cuda.is_initialized()", "False"),
];

/// The accelerator query `expr` makes on the module bound as its first name, when that module
/// is `torch` (`module_of` maps a bound name to its module).
pub fn torch_query(expr: &str, module_of: impl Fn(&str) -> Option<String>) -> Option<&'static str> {
    let (first, rest) = expr.trim().split_once('.')?;
    if module_of(first)?.as_str() != "torch" {
        return None;
    }
    TORCH_QUERIES
        .iter()
        .find(|(q, _)| *q == rest.replace(' ', ""))
        .map(|(_, v)| *v)
}

/// Whether `expr` looks like a torch accelerator query (before knowing what its name is bound
/// to): the prompt prints such expressions' values.
pub fn looks_like_torch_query(expr: &str) -> bool {
    expr.trim().split_once('.').is_some_and(|(_, rest)| {
        TORCH_QUERIES
            .iter()
            .any(|(q, _)| *q == rest.replace(' ', ""))
    })
}

/// `True`, `False`, or the value of an integer expression.
pub fn constant(expr: &str) -> Option<String> {
    match expr.trim() {
        "True" => return Some("True".to_owned()),
        "False" => return Some("False".to_owned()),
        _ => {}
    }
    let tokens = tokenize(expr)?;
    let mut p = Parser { tokens, at: 0 };
    let v = p.sum()?;
    (p.at == p.tokens.len()).then(|| v.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Num(i64),
    Plus,
    Minus,
    Star,
    Pow,
    FloorDiv,
    Mod,
    Open,
    Close,
}

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += 1;
        out.push(match c {
            b' ' | b'\t' => continue,
            b'0'..=b'9' => {
                let start = i - 1;
                while b.get(i).is_some_and(|d| d.is_ascii_digit() || *d == b'_') {
                    i += 1;
                }
                let text = s.get(start..i)?.replace('_', "");
                Tok::Num(text.parse().ok()?)
            }
            b'+' => Tok::Plus,
            b'-' => Tok::Minus,
            b'*' if b.get(i) == Some(&b'*') => {
                i += 1;
                Tok::Pow
            }
            b'*' => Tok::Star,
            b'/' if b.get(i) == Some(&b'/') => {
                i += 1;
                Tok::FloorDiv
            }
            b'%' => Tok::Mod,
            b'(' => Tok::Open,
            b')' => Tok::Close,
            _ => return None,
        });
    }
    // A bare number is a literal, not arithmetic: the caller prints those already.
    (out.len() > 1).then_some(out)
}

/// Python's operator precedence: `+ -` < `* // %` < unary `-` < `**` (right-associative).
struct Parser {
    tokens: Vec<Tok>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<Tok> {
        self.tokens.get(self.at).copied()
    }

    fn sum(&mut self) -> Option<i64> {
        let mut v = self.product()?;
        while let Some(op @ (Tok::Plus | Tok::Minus)) = self.peek() {
            self.at += 1;
            let r = self.product()?;
            v = if op == Tok::Plus {
                v.checked_add(r)?
            } else {
                v.checked_sub(r)?
            };
        }
        Some(v)
    }

    fn product(&mut self) -> Option<i64> {
        let mut v = self.unary()?;
        while let Some(op @ (Tok::Star | Tok::FloorDiv | Tok::Mod)) = self.peek() {
            self.at += 1;
            let r = self.unary()?;
            v = match op {
                Tok::Star => v.checked_mul(r)?,
                // Python floors toward negative infinity (Rust truncates toward zero); division
                // by zero is not simulated.
                Tok::FloorDiv => {
                    let q = v.checked_div(r)?;
                    let m = v.checked_rem(r)?;
                    if m != 0 && ((m < 0) != (r < 0)) {
                        q - 1
                    } else {
                        q
                    }
                }
                _ => {
                    let m = v.checked_rem(r)?;
                    if m != 0 && ((m < 0) != (r < 0)) {
                        m + r
                    } else {
                        m
                    }
                }
            };
        }
        Some(v)
    }

    fn unary(&mut self) -> Option<i64> {
        match self.peek() {
            Some(Tok::Minus) => {
                self.at += 1;
                self.unary()?.checked_neg()
            }
            Some(Tok::Plus) => {
                self.at += 1;
                self.unary()
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Option<i64> {
        let base = self.atom()?;
        if self.peek() == Some(Tok::Pow) {
            self.at += 1;
            let exp = self.unary()?;
            // A negative exponent gives a float: not simulated.
            return base.checked_pow(u32::try_from(exp).ok()?);
        }
        Some(base)
    }

    fn atom(&mut self) -> Option<i64> {
        match self.peek()? {
            Tok::Num(n) => {
                self.at += 1;
                Some(n)
            }
            Tok::Open => {
                self.at += 1;
                let v = self.sum()?;
                (self.peek() == Some(Tok::Close)).then(|| self.at += 1)?;
                Some(v)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_as_python() {
        for (e, v) in [
            ("1+1", "2"),
            ("2**10", "1024"),
            ("-2**2", "-4"),
            ("(7 + 3) // 4", "2"),
            ("-7 // 2", "-4"),
            ("7 // -2", "-4"),
            ("-5 % 3", "1"),
            ("5 % -3", "-1"),
            ("2 * 3 + 4", "10"),
            ("True", "True"),
        ] {
            assert_eq!(constant(e).as_deref(), Some(v), "{e}");
        }
        for e in ["42", "1/2", "x + 1", "2 ** -1", "1 // 0", "(1"] {
            assert_eq!(constant(e), None, "{e}");
        }
        let torch = |n: &str| (n == "torch" || n == "t").then(|| "torch".to_owned());
        assert_eq!(
            torch_query("torch.cuda.is_available()", torch),
            Some("False")
        );
        assert_eq!(torch_query("t.cuda.device_count()", torch), Some("0"));
        assert_eq!(torch_query("np.cuda.is_available()", torch), None);
        assert!(looks_like_torch_query("torch.backends.mps.is_available()"));
    }
}
