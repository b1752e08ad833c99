//! Evaluating bash's `[[ … ]]`: no field splitting or globbing, `==`/`!=` match patterns (quoted
//! parts literal), `&& || ! ( )`, and the `test` operators; `=~` is not simulated.
use super::Exec;
use crate::ast::Word;
use crate::expand::Ctx;
use crate::expand::pattern::Pattern;
use crate::fs::{Kind, resolve};
use crate::process::Runtime;
use crate::state::Shell;

struct Cond<'w> {
    words: &'w [Word],
    i: usize,
}

type R = Result<bool, String>;

impl Cond<'_> {
    fn lit(&self, k: usize) -> Option<&str> {
        self.words.get(k).and_then(Word::as_literal)
    }
}

impl Shell {
    pub(crate) fn double_bracket(&mut self, rt: &mut Runtime<'_>, words: &[Word]) -> Exec {
        let mut c = Cond { words, i: 0 };
        let r = self.db_or(rt, &mut c);
        match r {
            Ok(v) if c.i >= words.len() => Ok(i32::from(!v)),
            Ok(_) => {
                self.errmsg(rt, "syntax error in conditional expression");
                Ok(2)
            }
            Err(m) => {
                self.errmsg(rt, &m);
                Ok(2)
            }
        }
    }

    fn db_or(&mut self, rt: &mut Runtime<'_>, c: &mut Cond<'_>) -> R {
        let mut v = self.db_and(rt, c)?;
        while c.lit(c.i) == Some("||") {
            c.i += 1;
            let r = self.db_and(rt, c)?;
            v = v || r;
        }
        Ok(v)
    }

    fn db_and(&mut self, rt: &mut Runtime<'_>, c: &mut Cond<'_>) -> R {
        let mut v = self.db_not(rt, c)?;
        while c.lit(c.i) == Some("&&") {
            c.i += 1;
            let r = self.db_not(rt, c)?;
            v = v && r;
        }
        Ok(v)
    }

    fn db_not(&mut self, rt: &mut Runtime<'_>, c: &mut Cond<'_>) -> R {
        if c.lit(c.i) == Some("!") {
            c.i += 1;
            return self.db_not(rt, c).map(|v| !v);
        }
        if c.lit(c.i) == Some("(") {
            c.i += 1;
            let v = self.db_or(rt, c)?;
            if c.lit(c.i) != Some(")") {
                return Err("syntax error in conditional expression".into());
            }
            c.i += 1;
            return Ok(v);
        }
        self.db_primary(rt, c)
    }

    fn db_word(&mut self, rt: &mut Runtime<'_>, w: &Word) -> Result<String, String> {
        self.expand_string(rt, w, Ctx::Args)
            .map_err(|_| "expansion failed".to_owned())
    }

    fn db_primary(&mut self, rt: &mut Runtime<'_>, c: &mut Cond<'_>) -> R {
        let Some(first) = c.words.get(c.i) else {
            return Err("syntax error in conditional expression".into());
        };
        let op = c.lit(c.i + 1).map(str::to_owned);
        let binary = matches!(
            op.as_deref(),
            Some(
                "==" | "="
                    | "!="
                    | "<"
                    | ">"
                    | "-eq"
                    | "-ne"
                    | "-lt"
                    | "-le"
                    | "-gt"
                    | "-ge"
                    | "-nt"
                    | "-ot"
                    | "=~"
            )
        );
        if binary && c.words.get(c.i + 2).is_some() {
            let op = op.unwrap_or_default();
            let left = self.db_word(rt, first)?;
            let right_word = c.words.get(c.i + 2).cloned().unwrap_or_default();
            c.i += 3;
            return match op.as_str() {
                "==" | "=" | "!=" => {
                    let chars = self
                        .expand_pattern(rt, &right_word)
                        .map_err(|_| "expansion failed".to_owned())?;
                    let m = Pattern::compile(&chars).matches(&left);
                    Ok(if op == "!=" { !m } else { m })
                }
                "=~" => Err("`=~` is not simulated".into()),
                _ => {
                    let right = self.db_word(rt, &right_word)?;
                    let argv = vec!["test".to_owned(), left, op, right];
                    self.db_test(rt, &argv)
                }
            };
        }
        let first_lit = c.lit(c.i).map(str::to_owned);
        if let Some(u) = first_lit.filter(|u| u.len() == 2 && u.starts_with('-'))
            && let Some(arg) = c.words.get(c.i + 1).cloned()
        {
            c.i += 2;
            let a = self.db_word(rt, &arg)?;
            if u == "-d" || u == "-f" || u == "-e" {
                let st = rt.fs.stat(&resolve(&self.cwd, &a)).ok();
                return Ok(match u.as_str() {
                    "-d" => st.is_some_and(|s| s.kind == Kind::Dir),
                    "-f" => st.is_some_and(|s| s.kind == Kind::File),
                    _ => st.is_some(),
                });
            }
            let argv = vec!["test".to_owned(), u, a];
            return self.db_test(rt, &argv);
        }
        c.i += 1;
        let s = self.db_word(rt, first)?;
        Ok(!s.is_empty())
    }

    /// Delegates one primary to the `test` builtin.
    fn db_test(&mut self, rt: &mut Runtime<'_>, argv: &[String]) -> R {
        match crate::builtins::run(self, rt, argv) {
            Ok(0) => Ok(true),
            Ok(1) => Ok(false),
            _ => Err("conditional expression failed".into()),
        }
    }
}
