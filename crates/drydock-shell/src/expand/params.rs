//! Parameter expansion: `$x ${x} ${#x} ${x-w} ${x:-w} ${x=w} ${x?w} ${x+w} ${x#p} ${x%p}` (and
//! bash's `${x/p/r}`), special parameters and `set -u`.
use super::{Ctx, Piece, XResult};
use crate::ast::{ParamExp, ParamName, ParamOp, Word};
use crate::expand::pattern::Pattern;
use crate::process::Runtime;
use crate::state::Shell;

/// A parameter's value.
enum Val {
    Unset,
    One(String),
    /// `$@` / `$*`
    Many(Vec<String>),
}

impl Shell {
    fn param_value(&self, name: &ParamName) -> Val {
        match name {
            ParamName::Var(n) => match self.get(n) {
                Some(v) => Val::One(v.to_owned()),
                None => Val::Unset,
            },
            ParamName::Positional(n) => {
                match self.positional.get((*n as usize).saturating_sub(1)) {
                    Some(v) => Val::One(v.clone()),
                    None => Val::Unset,
                }
            }
            ParamName::Special(c) => match c {
                '@' | '*' => Val::Many(self.positional.clone()),
                '#' => Val::One(self.positional.len().to_string()),
                '?' => Val::One(self.status.to_string()),
                '$' => Val::One(self.pid.to_string()),
                '!' => match self.last_bg {
                    Some(p) => Val::One(p.to_string()),
                    None => Val::Unset,
                },
                '-' => Val::One(self.opts.flags()),
                '0' => Val::One(self.arg0.clone()),
                _ => Val::Unset,
            },
        }
    }

    pub(crate) fn expand_param(
        &mut self,
        rt: &mut Runtime<'_>,
        pe: &ParamExp,
        quoted: bool,
        ctx: Ctx,
        out: &mut Vec<Piece>,
    ) -> XResult<()> {
        let val = self.param_value(&pe.name);
        let is_set = |v: &Val, colon: bool| match v {
            Val::Unset => false,
            Val::One(s) => !colon || !s.is_empty(),
            Val::Many(l) => !l.is_empty() && (!colon || l.iter().any(|s| !s.is_empty())),
        };
        match &pe.op {
            ParamOp::Bad => return Err(self.fatal(rt, "Bad substitution")),
            ParamOp::Plain => {
                self.check_nounset(rt, &pe.name, &val)?;
                self.push_val(val, quoted, pe, out);
            }
            ParamOp::Length => {
                self.check_nounset(rt, &pe.name, &val)?;
                let n = match &val {
                    Val::Unset => 0,
                    Val::One(s) => s.len(),
                    Val::Many(l) => {
                        let sep = self.ifs().chars().next().map_or(0, char::len_utf8);
                        l.iter().map(String::len).sum::<usize>() + sep * l.len().saturating_sub(1)
                    }
                };
                out.push(Piece::Text {
                    s: n.to_string(),
                    quoted,
                    split: !quoted,
                });
            }
            ParamOp::Default { colon, word } => {
                if is_set(&val, *colon) {
                    self.push_val(val, quoted, pe, out);
                } else {
                    self.expand_sub_word(rt, word, quoted, ctx, out)?;
                }
            }
            ParamOp::Alt { colon, word } => {
                if is_set(&val, *colon) {
                    self.expand_sub_word(rt, word, quoted, ctx, out)?;
                }
            }
            ParamOp::Assign { colon, word } => {
                if is_set(&val, *colon) {
                    self.push_val(val, quoted, pe, out);
                } else {
                    let ParamName::Var(n) = &pe.name else {
                        let msg = format!("{}: bad variable name", pe.name);
                        return Err(self.fatal(rt, &msg));
                    };
                    let v = self.expand_string(rt, word, Ctx::Assign)?;
                    if let Err(m) = self.set_var(n, v.clone()) {
                        return Err(self.fatal(rt, &m));
                    }
                    out.push(Piece::Text {
                        s: v,
                        quoted,
                        split: !quoted,
                    });
                }
            }
            ParamOp::Error { colon, word } => {
                if is_set(&val, *colon) {
                    self.push_val(val, quoted, pe, out);
                } else {
                    let msg = if word.parts.is_empty() {
                        if *colon {
                            "parameter not set or null".to_owned()
                        } else {
                            "parameter not set".to_owned()
                        }
                    } else {
                        self.expand_string(rt, word, Ctx::Args)?
                    };
                    let m = format!("{}: {msg}", pe.name);
                    return Err(self.fatal(rt, &m));
                }
            }
            ParamOp::TrimPrefix { longest, pattern } | ParamOp::TrimSuffix { longest, pattern } => {
                self.check_nounset(rt, &pe.name, &val)?;
                let chars = self.expand_pattern(rt, pattern)?;
                let pat = Pattern::compile(&chars);
                let prefix = matches!(pe.op, ParamOp::TrimPrefix { .. });
                let trim = |s: String| -> String {
                    if prefix {
                        match pat.match_prefix(&s, *longest) {
                            Some(n) => s.chars().skip(n).collect(),
                            None => s,
                        }
                    } else {
                        match pat.match_suffix(&s, *longest) {
                            Some(n) => {
                                let keep = s.chars().count() - n;
                                s.chars().take(keep).collect()
                            }
                            None => s,
                        }
                    }
                };
                let val = match val {
                    Val::Unset => Val::One(String::new()),
                    Val::One(s) => Val::One(trim(s)),
                    Val::Many(l) => Val::Many(l.into_iter().map(trim).collect()),
                };
                self.push_val(val, quoted, pe, out);
            }
            ParamOp::Replace { all, pattern, with } => {
                self.check_nounset(rt, &pe.name, &val)?;
                let chars = self.expand_pattern(rt, pattern)?;
                let pat = Pattern::compile(&chars);
                let with = self.expand_string(rt, with, Ctx::Args)?;
                let s = match val {
                    Val::Unset => String::new(),
                    Val::One(s) => s,
                    Val::Many(l) => l.join(" "),
                };
                let r = replace(&s, &pat, &with, *all);
                out.push(Piece::Text {
                    s: r,
                    quoted,
                    split: !quoted,
                });
            }
        }
        Ok(())
    }

    fn expand_sub_word(
        &mut self,
        rt: &mut Runtime<'_>,
        word: &Word,
        quoted: bool,
        ctx: Ctx,
        out: &mut Vec<Piece>,
    ) -> XResult<()> {
        // An unquoted `${x:-~}` gets tilde expansion like a word start.
        if !quoted {
            let mut local = Vec::new();
            self.expand_word_pieces(rt, word, ctx, &mut local)?;
            for p in &mut local {
                if let Piece::Text {
                    quoted: false,
                    split,
                    ..
                } = p
                {
                    *split = true;
                }
            }
            out.extend(local);
            return Ok(());
        }
        for p in &word.parts {
            self.expand_part(rt, p, true, ctx, out)?;
        }
        Ok(())
    }

    fn check_nounset(&mut self, rt: &mut Runtime<'_>, name: &ParamName, val: &Val) -> XResult<()> {
        if self.opts.nounset
            && matches!(val, Val::Unset)
            && !matches!(name, ParamName::Special('!'))
        {
            let m = format!("{name}: parameter not set");
            return Err(self.fatal(rt, &m));
        }
        Ok(())
    }

    fn push_val(&self, val: Val, quoted: bool, pe: &ParamExp, out: &mut Vec<Piece>) {
        match val {
            Val::Unset => out.push(Piece::Text {
                s: String::new(),
                quoted,
                split: !quoted,
            }),
            Val::One(s) => out.push(Piece::Text {
                s,
                quoted,
                split: !quoted,
            }),
            Val::Many(list) => {
                let star = pe.name == ParamName::Special('*');
                if quoted && star {
                    let ifs = self.ifs();
                    let sep = ifs.chars().next().map(String::from).unwrap_or_default();
                    out.push(Piece::Text {
                        s: list.join(&sep),
                        quoted,
                        split: false,
                    });
                    return;
                }
                for (i, s) in list.into_iter().enumerate() {
                    if i > 0 {
                        out.push(Piece::Break { keep: quoted });
                    }
                    out.push(Piece::Text {
                        s,
                        quoted,
                        split: !quoted,
                    });
                }
            }
        }
    }
}

fn replace(s: &str, pat: &Pattern, with: &str, all: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut done = false;
    while i < chars.len() {
        if !done {
            let rest: String = chars.get(i..).unwrap_or(&[]).iter().collect();
            if let Some(n) = pat.match_prefix(&rest, true).filter(|&n| n > 0) {
                out.push_str(with);
                i += n;
                if !all {
                    done = true;
                }
                continue;
            }
        }
        if let Some(c) = chars.get(i) {
            out.push(*c);
        }
        i += 1;
    }
    out
}
