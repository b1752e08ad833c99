//! `test` and `[`: POSIX's argument-count rules, then dash's recursive grammar (`! -a -o ( )`),
//! file tests against the filesystem, string and integer comparisons, dash's error messages. `==`
//! is a string comparison where the shell is bash or busybox's ash (dash rejects it).
use crate::exec::Exec;
use crate::fs::{Kind, resolve};
use crate::process::Runtime;
use crate::state::Shell;

fn is_unary(s: &str) -> bool {
    matches!(
        s,
        "-e" | "-f"
            | "-d"
            | "-r"
            | "-w"
            | "-x"
            | "-s"
            | "-L"
            | "-h"
            | "-n"
            | "-z"
            | "-b"
            | "-c"
            | "-p"
            | "-S"
            | "-t"
            | "-g"
            | "-u"
            | "-k"
            | "-O"
            | "-G"
    )
}

fn is_binary(s: &str) -> bool {
    matches!(
        s,
        "=" | "!="
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
            | "-ef"
    )
}

struct T<'a, 'r, 'b> {
    args: &'a [String],
    i: usize,
    sh: &'a Shell,
    rt: &'r Runtime<'b>,
}

type R = Result<bool, String>;

impl T<'_, '_, '_> {
    /// A binary operator for this shell: dash's set, plus `==` in bash and busybox ash.
    fn is_bin(&self, s: &str) -> bool {
        is_binary(s)
            || (s == "=="
                && (self.sh.dialect == crate::state::Dialect::Bash
                    || self.rt.fs.stat("/bin/busybox").is_ok()))
    }

    fn peek(&self) -> Option<&str> {
        self.args.get(self.i).map(String::as_str)
    }

    fn next(&mut self) -> Option<String> {
        let a = self.args.get(self.i).cloned();
        if a.is_some() {
            self.i += 1;
        }
        a
    }

    fn last(&self) -> String {
        self.args
            .get(self.i.saturating_sub(1))
            .cloned()
            .unwrap_or_default()
    }

    fn oexpr(&mut self) -> R {
        let mut v = self.aexpr()?;
        while self.peek() == Some("-o") && self.i + 1 < self.args.len() {
            self.i += 1;
            let r = self.aexpr()?;
            v = v || r;
        }
        Ok(v)
    }

    fn aexpr(&mut self) -> R {
        let mut v = self.nexpr()?;
        while self.peek() == Some("-a") && self.i + 1 < self.args.len() {
            self.i += 1;
            let r = self.nexpr()?;
            v = v && r;
        }
        Ok(v)
    }

    fn nexpr(&mut self) -> R {
        if self.peek() == Some("!") && self.i + 1 < self.args.len() {
            self.i += 1;
            return self.nexpr().map(|v| !v);
        }
        self.primary()
    }

    fn primary(&mut self) -> R {
        let Some(t) = self.next() else {
            return Err("argument expected".into());
        };
        if t == "(" && self.i < self.args.len() {
            let v = self.oexpr()?;
            if self.next().as_deref() != Some(")") {
                return Err("closing paren expected".into());
            }
            return Ok(v);
        }
        if is_unary(&t) && self.i < self.args.len() && !self.is_bin(self.peek().unwrap_or("")) {
            let a = self.next().unwrap_or_default();
            return self.unary(&t, &a);
        }
        if let Some(op) = self.peek().filter(|p| self.is_bin(p)).map(str::to_owned) {
            self.i += 1;
            let Some(b) = self.next() else {
                return Err(format!("{op}: argument expected"));
            };
            return self.binary(&t, &op, &b);
        }
        Ok(!t.is_empty())
    }

    fn stat(&self, p: &str, follow: bool) -> Option<crate::fs::Stat> {
        if p.is_empty() {
            return None;
        }
        let path = resolve(&self.sh.cwd, p);
        let r = if follow {
            self.rt.fs.stat(&path)
        } else {
            self.rt.fs.lstat(&path)
        };
        r.ok()
    }

    fn unary(&self, op: &str, a: &str) -> R {
        let access = |want: u32| {
            self.stat(a, true)
                .is_some_and(|st| crate::exec::resolve::access(&self.sh.user, &st, want))
        };
        Ok(match op {
            "-n" => !a.is_empty(),
            "-z" => a.is_empty(),
            "-e" => self.stat(a, true).is_some(),
            "-f" => self.stat(a, true).is_some_and(|s| s.kind == Kind::File),
            "-d" => self.stat(a, true).is_some_and(|s| s.kind == Kind::Dir),
            "-L" | "-h" => self.stat(a, false).is_some_and(|s| s.kind == Kind::Symlink),
            "-s" => self.stat(a, true).is_some_and(|s| s.size > 0),
            "-r" => access(0o4),
            "-w" => access(0o2),
            "-x" => access(0o1),
            "-u" => self.stat(a, true).is_some_and(|s| s.mode & 0o4000 != 0),
            "-g" => self.stat(a, true).is_some_and(|s| s.mode & 0o2000 != 0),
            "-k" => self.stat(a, true).is_some_and(|s| s.mode & 0o1000 != 0),
            "-O" => self
                .stat(a, true)
                .is_some_and(|s| s.uid == self.sh.user.uid),
            "-G" => self
                .stat(a, true)
                .is_some_and(|s| s.gid == self.sh.user.gid),
            "-t" => {
                num(a)?;
                false
            }
            _ => false,
        })
    }

    fn binary(&self, a: &str, op: &str, b: &str) -> R {
        Ok(match op {
            "=" | "==" => a == b,
            "!=" => a != b,
            "<" => a < b,
            ">" => a > b,
            "-eq" => num(a)? == num(b)?,
            "-ne" => num(a)? != num(b)?,
            "-lt" => num(a)? < num(b)?,
            "-le" => num(a)? <= num(b)?,
            "-gt" => num(a)? > num(b)?,
            "-ge" => num(a)? >= num(b)?,
            "-nt" => match (self.stat(a, true), self.stat(b, true)) {
                (Some(x), Some(y)) => x.mtime > y.mtime,

                _ => false,
            },
            "-ot" => match (self.stat(a, true), self.stat(b, true)) {
                (Some(x), Some(y)) => x.mtime < y.mtime,

                _ => false,
            },
            "-ef" => {
                self.stat(a, true).is_some() && resolve(&self.sh.cwd, a) == resolve(&self.sh.cwd, b)
            }
            _ => false,
        })
    }

    fn eval(&mut self) -> R {
        let n = self.args.len();
        let a = |i: usize| self.args.get(i).map(String::as_str).unwrap_or("");
        let v = match n {
            0 => return Ok(false),
            1 => return Ok(!a(0).is_empty()),
            2 if a(0) == "!" => return Ok(a(1).is_empty()),
            2 if is_unary(a(0)) => return self.unary(a(0), a(1)),
            3 if self.is_bin(a(1)) => return self.binary(a(0), a(1), a(2)),
            3 if a(0) == "!" => {
                let mut sub = T {
                    args: self.args.get(1..).unwrap_or(&[]),
                    i: 0,
                    sh: self.sh,
                    rt: self.rt,
                };
                return sub.eval().map(|v| !v);
            }
            3 if a(0) == "(" && a(2) == ")" => return Ok(!a(1).is_empty()),
            4 if a(0) == "!" => {
                let mut sub = T {
                    args: self.args.get(1..).unwrap_or(&[]),
                    i: 0,
                    sh: self.sh,
                    rt: self.rt,
                };
                return sub.eval().map(|v| !v);
            }
            4 if a(0) == "(" && a(3) == ")" => {
                let mut sub = T {
                    args: self.args.get(1..3).unwrap_or(&[]),
                    i: 0,
                    sh: self.sh,
                    rt: self.rt,
                };
                return sub.eval();
            }
            _ => self.oexpr()?,
        };
        if self.i < n {
            return Err(format!("{}: unexpected operator", self.last()));
        }
        Ok(v)
    }
}

fn num(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let (neg, d) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if d.is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("Illegal number: {s}"));
    }
    let v: i64 = d.parse().map_err(|_| format!("Illegal number: {s}"))?;
    Ok(if neg { -v } else { v })
}

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut args = argv.get(1..).unwrap_or(&[]);
    if argv.first().map(String::as_str) == Some("[") {
        if args.last().map(String::as_str) != Some("]") {
            sh.errmsg(rt, "missing ]");
            return Ok(2);
        }
        args = args.get(..args.len() - 1).unwrap_or(&[]);
    }
    let r = {
        let mut t = T { args, i: 0, sh, rt };
        t.eval()
    };
    match r {
        Ok(v) => Ok(i32::from(!v)),
        Err(m) => {
            sh.errmsg(rt, &m);
            Ok(2)
        }
    }
}
