//! Runs a parsed awk program: records and fields, variables and arrays, the builtin functions,
//! output redirections (`>`, `>>`, `| cmd`), `getline < file` and `system()` through the
//! simulated shell.
use super::parser::{Expr, Pattern, Program, Stmt};
use super::value::{Val, compare, num_to_str, sprintf};
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, regex};
use std::collections::BTreeMap;

pub(crate) enum Flow {
    Next,
    Exit(i32),
    Break,
    Continue,
    Return(Val),
    Error(String),
}

type R<T> = Result<T, Flow>;

pub(crate) struct Interp<'p> {
    pub prog: &'p Program,
    pub vars: BTreeMap<String, Val>,
    pub arrays: BTreeMap<String, BTreeMap<String, Val>>,
    pub fields: Vec<String>,
    pub record: String,
    pub out: String,
    files: Vec<(String, bool)>,
    pipes: Vec<(String, String)>,
    /// Files read by `getline < file`: name, lines, next line.
    readers: Vec<(String, Vec<String>, usize)>,
    locals: Vec<BTreeMap<String, Val>>,
    range_on: Vec<bool>,
    pub input: Vec<String>,
    pub pos: usize,
    regex_cache: BTreeMap<String, regex::Regex>,
    depth: u32,
}

impl<'p> Interp<'p> {
    pub fn new(prog: &'p Program) -> Self {
        let mut vars = BTreeMap::new();
        for (k, v) in [
            ("FS", " "),
            ("OFS", " "),
            ("ORS", "\n"),
            ("RS", "\n"),
            ("SUBSEP", "\u{1c}"),
            ("CONVFMT", "%.6g"),
            ("OFMT", "%.6g"),
            ("FILENAME", ""),
        ] {
            vars.insert(k.to_owned(), Val::Str(v.to_owned()));
        }
        for k in ["NR", "NF", "FNR", "RSTART", "RLENGTH"] {
            vars.insert(k.to_owned(), Val::Num(0.0));
        }
        Interp {
            prog,
            vars,
            arrays: BTreeMap::new(),
            fields: Vec::new(),
            record: String::new(),
            out: String::new(),
            files: Vec::new(),
            pipes: Vec::new(),
            readers: Vec::new(),
            locals: Vec::new(),
            range_on: vec![false; prog.items.len()],
            input: Vec::new(),
            pos: 0,
            regex_cache: BTreeMap::new(),
            depth: 0,
        }
    }

    fn var(&self, name: &str) -> Val {
        if let Some(l) = self.locals.last()
            && let Some(v) = l.get(name)
        {
            return v.clone();
        }
        match name {
            "NF" => Val::Num(self.fields.len() as f64),
            _ => self.vars.get(name).cloned().unwrap_or(Val::Uninit),
        }
    }

    fn set_var(&mut self, name: &str, v: Val) {
        if let Some(l) = self.locals.last_mut()
            && l.contains_key(name)
        {
            l.insert(name.to_owned(), v);
            return;
        }
        if name == "NF" {
            let n = v.num().max(0.0) as usize;
            self.fields.resize(n, String::new());
            self.rebuild();
            return;
        }
        self.vars.insert(name.to_owned(), v);
    }

    fn fs(&self) -> String {
        self.var("FS").str()
    }

    pub fn split_record(&mut self) {
        let fs = self.fs();
        self.fields = self.split_with(&self.record.clone(), &fs);
    }

    fn split_with(&mut self, s: &str, fs: &str) -> Vec<String> {
        if fs == " " {
            return s.split_whitespace().map(str::to_owned).collect();
        }
        if s.is_empty() {
            return Vec::new();
        }
        if fs.chars().count() == 1 && fs != "\\" {
            let ch = fs.chars().next().unwrap_or(' ');
            return s.split(ch).map(str::to_owned).collect();
        }
        match self.re(fs) {
            Ok(re) => re.split(s).map(str::to_owned).collect(),
            Err(_) => vec![s.to_owned()],
        }
    }

    fn rebuild(&mut self) {
        let ofs = self.var("OFS").str();
        self.record = self.fields.join(&ofs);
    }

    fn re(&mut self, pat: &str) -> Result<regex::Regex, String> {
        if let Some(r) = self.regex_cache.get(pat) {
            return Ok(r.clone());
        }
        let r = regex::compile(pat, true, false)?;
        self.regex_cache.insert(pat.to_owned(), r.clone());
        Ok(r)
    }

    fn field(&self, i: usize) -> Val {
        if i == 0 {
            return Val::StrNum(self.record.clone());
        }
        self.fields
            .get(i - 1)
            .map_or(Val::Uninit, |f| Val::StrNum(f.clone()))
    }

    fn set_field(&mut self, i: usize, v: String) {
        if i == 0 {
            self.record = v;
            self.split_record();
            return;
        }
        if self.fields.len() < i {
            self.fields.resize(i, String::new());
        }
        if let Some(f) = self.fields.get_mut(i - 1) {
            *f = v;
        }
        self.rebuild();
    }

    fn key(&mut self, ctx: &mut ProgramCtx<'_, '_>, idx: &[Expr]) -> R<String> {
        let mut parts = Vec::new();
        for e in idx {
            parts.push(self.eval(ctx, e)?.str());
        }
        Ok(parts.join(&self.var("SUBSEP").str()))
    }

    fn assign(&mut self, ctx: &mut ProgramCtx<'_, '_>, target: &Expr, v: Val) -> R<()> {
        match target {
            Expr::Var(n) => self.set_var(n, v),
            Expr::Index(n, idx) => {
                let k = self.key(ctx, idx)?;
                self.arrays.entry(n.clone()).or_default().insert(k, v);
            }
            Expr::Field(e) => {
                let i = self.eval(ctx, e)?.num().max(0.0) as usize;
                self.set_field(i, v.str());
            }
            Expr::Group(g) => self.assign(ctx, g, v)?,
            _ => {}
        }
        Ok(())
    }

    fn match_re(&mut self, ctx: &mut ProgramCtx<'_, '_>, e: &Expr) -> R<regex::Regex> {
        let pat = match e {
            Expr::Re(r) => r.clone(),
            other => self.eval(ctx, other)?.str(),
        };
        self.re(&pat)
            .map_err(|m| Flow::Error(format!("regular expression compile failed ({m})")))
    }

    pub fn eval(&mut self, ctx: &mut ProgramCtx<'_, '_>, e: &Expr) -> R<Val> {
        Ok(match e {
            Expr::Num(n) => Val::Num(*n),
            Expr::Str(s) => Val::Str(s.clone()),
            Expr::Re(r) => {
                let re = self.re(r).map_err(Flow::Error)?;
                Val::Num(f64::from(u8::from(re.is_match(&self.record))))
            }
            Expr::Var(n) => self.var(n),
            Expr::Index(n, idx) => {
                let k = self.key(ctx, idx)?;
                self.arrays
                    .entry(n.clone())
                    .or_default()
                    .entry(k)
                    .or_insert(Val::Uninit)
                    .clone()
            }
            Expr::Field(i) => {
                let i = self.eval(ctx, i)?.num().max(0.0) as usize;
                self.field(i)
            }
            Expr::Group(g) => self.eval(ctx, g)?,
            Expr::Assign(t, op, v) => {
                let rhs = self.eval(ctx, v)?;
                let val = if *op == "=" {
                    rhs
                } else {
                    let cur = self.eval(ctx, t)?.num();
                    let r = rhs.num();
                    Val::Num(arith(op.trim_end_matches('='), cur, r))
                };
                self.assign(ctx, t, val.clone())?;
                val
            }
            Expr::Cond(c0, a, b) => {
                if self.eval(ctx, c0)?.truthy() {
                    self.eval(ctx, a)?
                } else {
                    self.eval(ctx, b)?
                }
            }
            Expr::Bin(op, a, b) => match *op {
                "&&" => Val::Num(f64::from(u8::from(
                    self.eval(ctx, a)?.truthy() && self.eval(ctx, b)?.truthy(),
                ))),
                "||" => Val::Num(f64::from(u8::from(
                    self.eval(ctx, a)?.truthy() || self.eval(ctx, b)?.truthy(),
                ))),
                "<" | "<=" | ">" | ">=" | "==" | "!=" => {
                    let (x, y) = (self.eval(ctx, a)?, self.eval(ctx, b)?);
                    let o = compare(&x, &y);
                    use std::cmp::Ordering::*;
                    let r = match *op {
                        "<" => o == Less,
                        "<=" => o != Greater,
                        ">" => o == Greater,
                        ">=" => o != Less,
                        "==" => o == Equal,
                        _ => o != Equal,
                    };
                    Val::Num(f64::from(u8::from(r)))
                }
                _ => {
                    let (x, y) = (self.eval(ctx, a)?.num(), self.eval(ctx, b)?.num());
                    if (*op == "/" || *op == "%") && y == 0.0 {
                        return Err(Flow::Error(if *op == "/" {
                            "division by zero".into()
                        } else {
                            "division by zero in %".into()
                        }));
                    }
                    Val::Num(arith(op, x, y))
                }
            },
            Expr::Not(x) => Val::Num(f64::from(u8::from(!self.eval(ctx, x)?.truthy()))),
            Expr::Neg(x) => Val::Num(-self.eval(ctx, x)?.num()),
            Expr::Incr(t, pre, d) => {
                let old = self.eval(ctx, t)?.num();
                self.assign(ctx, t, Val::Num(old + d))?;
                Val::Num(if *pre { old + d } else { old })
            }
            Expr::In(keys, arr) => {
                let k = self.key(ctx, keys)?;
                Val::Num(f64::from(u8::from(
                    self.arrays.get(arr).is_some_and(|m| m.contains_key(&k)),
                )))
            }
            Expr::Match(s, r, neg) => {
                let text = self.eval(ctx, s)?.str();
                let re = self.match_re(ctx, r)?;
                Val::Num(f64::from(u8::from(re.is_match(&text) != *neg)))
            }
            Expr::Concat(a, b) => {
                let mut s = self.eval(ctx, a)?.str();
                s.push_str(&self.eval(ctx, b)?.str());
                Val::Str(s)
            }
            Expr::Builtin(name, args) => self.builtin(ctx, name, args)?,
            Expr::Call(f, args) => self.call(ctx, f, args)?,
            Expr::Getline(target, Some(file)) => {
                let name = self.eval(ctx, file)?.str();
                let Some(line) = self.read_line_from(ctx, &name) else {
                    return Ok(Val::Num(-1.0));
                };
                let Some(line) = line else {
                    return Ok(Val::Num(0.0));
                };
                match target {
                    Some(t) => self.assign(ctx, t, Val::StrNum(line))?,
                    None => {
                        self.record = line;
                        self.split_record();
                    }
                }
                Val::Num(1.0)
            }
            Expr::Getline(target, None) => {
                let Some(line) = self.input.get(self.pos).cloned() else {
                    return Ok(Val::Num(0.0));
                };
                self.pos += 1;
                let nr = self.var("NR").num() + 1.0;
                self.vars.insert("NR".into(), Val::Num(nr));
                match target {
                    Some(t) => self.assign(ctx, t, Val::StrNum(line))?,
                    None => {
                        self.record = line;
                        self.split_record();
                    }
                }
                Val::Num(1.0)
            }
        })
    }

    fn call(&mut self, ctx: &mut ProgramCtx<'_, '_>, f: &str, args: &[Expr]) -> R<Val> {
        let prog = self.prog;
        let Some((_, params, body)) = prog.funcs.iter().find(|(n, _, _)| n == f) else {
            return Err(Flow::Error(format!("calling undefined function {f}")));
        };
        if self.depth > 200 {
            return Err(Flow::Error("function call nesting too deep".into()));
        }
        let mut frame = BTreeMap::new();
        let mut array_args = Vec::new();
        for (k, p) in params.iter().enumerate() {
            match args.get(k) {
                Some(Expr::Var(n)) if self.arrays.contains_key(n) => {
                    array_args.push((p.clone(), n.clone()));
                    let a = self.arrays.get(n).cloned().unwrap_or_default();
                    self.arrays.insert(p.clone(), a);
                    frame.insert(p.clone(), Val::Uninit);
                }
                Some(e) => {
                    let v = self.eval(ctx, e)?;
                    frame.insert(p.clone(), v);
                }
                None => {
                    frame.insert(p.clone(), Val::Uninit);
                }
            }
        }
        self.locals.push(frame);
        self.depth += 1;
        let r = self.block(ctx, body);
        self.depth -= 1;
        self.locals.pop();
        for (p, n) in array_args {
            if let Some(a) = self.arrays.remove(&p) {
                self.arrays.insert(n, a);
            }
        }
        match r {
            Ok(()) => Ok(Val::Uninit),
            Err(Flow::Return(v)) => Ok(v),
            Err(other) => Err(other),
        }
    }

    fn builtin(&mut self, ctx: &mut ProgramCtx<'_, '_>, name: &str, args: &[Expr]) -> R<Val> {
        let arg = |s: &mut Self, ctx: &mut ProgramCtx<'_, '_>, i: usize| -> R<Val> {
            match args.get(i) {
                Some(e) => s.eval(ctx, e),
                None => Ok(Val::Uninit),
            }
        };
        Ok(match name {
            "length" => match args.first() {
                None => Val::Num(self.record.chars().count() as f64),
                Some(Expr::Var(n)) if self.arrays.contains_key(n) => {
                    Val::Num(self.arrays.get(n).map_or(0, BTreeMap::len) as f64)
                }
                Some(e) => Val::Num(self.eval(ctx, e)?.str().chars().count() as f64),
            },
            "substr" => {
                let s: Vec<char> = arg(self, ctx, 0)?.str().chars().collect();
                let m = arg(self, ctx, 1)?.num().round();
                let n = if args.len() > 2 {
                    arg(self, ctx, 2)?.num().round()
                } else {
                    f64::INFINITY
                };
                let start = m.max(1.0);
                let end = (m + n).min(s.len() as f64 + 1.0);
                if end <= start {
                    Val::Str(String::new())
                } else {
                    Val::Str(
                        s.get(start as usize - 1..end as usize - 1)
                            .unwrap_or(&[])
                            .iter()
                            .collect(),
                    )
                }
            }
            "index" => {
                let s = arg(self, ctx, 0)?.str();
                let t = arg(self, ctx, 1)?.str();
                Val::Num(
                    s.find(&t)
                        .map_or(0, |b| s.get(..b).unwrap_or("").chars().count() + 1)
                        as f64,
                )
            }
            "split" => {
                let s = arg(self, ctx, 0)?.str();
                let Some(Expr::Var(arr)) = args.get(1) else {
                    return Err(Flow::Error(
                        "split: second argument must be an array".into(),
                    ));
                };
                let sep = match args.get(2) {
                    Some(Expr::Re(r)) => r.clone(),
                    Some(e) => self.eval(ctx, e)?.str(),
                    None => self.fs(),
                };
                let parts = self.split_with(&s, &sep);
                let mut m = BTreeMap::new();
                for (i, p) in parts.iter().enumerate() {
                    m.insert((i + 1).to_string(), Val::StrNum(p.clone()));
                }
                self.arrays.insert(arr.clone(), m);
                Val::Num(parts.len() as f64)
            }
            "sub" | "gsub" => {
                let re = match args.first() {
                    Some(e) => self.match_re(ctx, e)?,
                    None => return Err(Flow::Error(format!("{name}: missing arguments"))),
                };
                let repl = arg(self, ctx, 1)?.str();
                let target = args
                    .get(2)
                    .cloned()
                    .unwrap_or(Expr::Field(Box::new(Expr::Num(0.0))));
                let text = self.eval(ctx, &target)?.str();
                let mut out = String::new();
                let mut last = 0;
                let mut n = 0;
                for m in re.find_iter(&text) {
                    if name == "sub" && n == 1 {
                        break;
                    }
                    n += 1;
                    out.push_str(text.get(last..m.start()).unwrap_or(""));
                    let mut it = repl.chars().peekable();
                    while let Some(ch) = it.next() {
                        match ch {
                            '\\' if it.peek() == Some(&'&') => {
                                it.next();
                                out.push('&');
                            }
                            '&' => out.push_str(m.as_str()),
                            o => out.push(o),
                        }
                    }
                    last = m.end();
                }
                if n > 0 {
                    out.push_str(text.get(last..).unwrap_or(""));
                    self.assign(ctx, &target, Val::Str(out))?;
                }
                Val::Num(f64::from(n))
            }
            "match" => {
                let s = arg(self, ctx, 0)?.str();
                let re = match args.get(1) {
                    Some(e) => self.match_re(ctx, e)?,
                    None => return Err(Flow::Error("match: missing arguments".into())),
                };
                let (start, len) = match re.find(&s) {
                    Some(m) => (
                        s.get(..m.start()).unwrap_or("").chars().count() as f64 + 1.0,
                        m.as_str().chars().count() as f64,
                    ),
                    None => (0.0, -1.0),
                };
                self.vars.insert("RSTART".into(), Val::Num(start));
                self.vars.insert("RLENGTH".into(), Val::Num(len));
                Val::Num(start)
            }
            "sprintf" => {
                let mut vals = Vec::new();
                for e in args {
                    vals.push(self.eval(ctx, e)?);
                }
                let fmt = vals.first().map(Val::str).unwrap_or_default();
                Val::Str(sprintf(&fmt, vals.get(1..).unwrap_or(&[])))
            }
            "tolower" => Val::Str(arg(self, ctx, 0)?.str().to_lowercase()),
            "toupper" => Val::Str(arg(self, ctx, 0)?.str().to_uppercase()),
            "int" => Val::Num(arg(self, ctx, 0)?.num().trunc()),
            "sqrt" => Val::Num(arg(self, ctx, 0)?.num().sqrt()),
            "exp" => Val::Num(arg(self, ctx, 0)?.num().exp()),
            "log" => Val::Num(arg(self, ctx, 0)?.num().ln()),
            "sin" => Val::Num(arg(self, ctx, 0)?.num().sin()),
            "cos" => Val::Num(arg(self, ctx, 0)?.num().cos()),
            "atan2" => {
                let y = arg(self, ctx, 0)?.num();
                Val::Num(y.atan2(arg(self, ctx, 1)?.num()))
            }
            "rand" => Val::Num(0.237_788_325_547_371_4),
            "srand" => Val::Num(0.0),
            "system" => {
                let cmd = arg(self, ctx, 0)?.str();
                self.flush(ctx);
                let argv = vec!["/bin/sh".to_owned(), "-c".to_owned(), cmd];
                Val::Num(f64::from(ctx.exec(&argv, b"").unwrap_or(127)))
            }
            "close" => {
                let name = arg(self, ctx, 0)?.str();
                self.close_pipe(ctx, &name);
                Val::Num(0.0)
            }
            _ => Val::Uninit,
        })
    }

    pub fn flush(&mut self, ctx: &mut ProgramCtx<'_, '_>) {
        if !self.out.is_empty() {
            let o = std::mem::take(&mut self.out);
            ctx.stdout(o.as_bytes());
        }
    }

    /// The next line of file `name` for `getline < name` (opened on first use): `None` when it
    /// cannot be opened, `Some(None)` at its end.
    fn read_line_from(&mut self, ctx: &ProgramCtx<'_, '_>, name: &str) -> Option<Option<String>> {
        let k = match self.readers.iter().position(|(n, _, _)| n == name) {
            Some(k) => k,
            None => {
                let text = c::read_text(ctx, &ctx.abs(name)).ok()?;
                let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
                if text.ends_with('\n') || text.is_empty() {
                    lines.pop();
                }
                self.readers.push((name.to_owned(), lines, 0));
                self.readers.len() - 1
            }
        };
        let (_, lines, pos) = self.readers.get_mut(k)?;
        let line = lines.get(*pos).cloned();
        if line.is_some() {
            *pos += 1;
        }
        Some(line)
    }

    fn close_pipe(&mut self, ctx: &mut ProgramCtx<'_, '_>, name: &str) {
        self.readers.retain(|(n, _, _)| n != name);
        if let Some(k) = self.pipes.iter().position(|(n, _)| n == name) {
            let (cmd, data) = self.pipes.remove(k);
            self.flush(ctx);
            let argv = vec!["/bin/sh".to_owned(), "-c".to_owned(), cmd];
            let _ = ctx.exec(&argv, data.as_bytes());
        }
        self.files.retain(|(n, _)| n != name);
    }

    pub fn close_all(&mut self, ctx: &mut ProgramCtx<'_, '_>) {
        let names: Vec<String> = self.pipes.iter().map(|(n, _)| n.clone()).collect();
        for n in names {
            self.close_pipe(ctx, &n);
        }
    }

    fn emit(
        &mut self,
        ctx: &mut ProgramCtx<'_, '_>,
        text: String,
        redir: &Option<(&'static str, Expr)>,
    ) -> R<()> {
        let Some((kind, target)) = redir else {
            self.out.push_str(&text);
            return Ok(());
        };
        let name = self.eval(ctx, target)?.str();
        match *kind {
            "|" => match self.pipes.iter_mut().find(|(n, _)| *n == name) {
                Some((_, d)) => d.push_str(&text),
                None => self.pipes.push((name, text)),
            },
            _ => {
                let path = if name == "/dev/stdout" || name == "-" {
                    self.out.push_str(&text);
                    return Ok(());
                } else if name == "/dev/stderr" {
                    self.flush(ctx);
                    ctx.stderr(text.as_bytes());
                    return Ok(());
                } else {
                    ctx.abs(&name)
                };
                let opened = self.files.iter().any(|(n, _)| *n == name);
                let m = ctx.new_meta(0o666);
                let mode = if opened || *kind == ">>" {
                    crate::fs::WriteMode::Append
                } else {
                    crate::fs::WriteMode::Truncate
                };
                if ctx
                    .fs()
                    .write_file(&path, text.as_bytes(), mode, m)
                    .is_err()
                {
                    return Err(Flow::Error(format!("can't redirect to {name}")));
                }
                if !opened {
                    self.files.push((name, true));
                }
            }
        }
        Ok(())
    }

    pub fn block(&mut self, ctx: &mut ProgramCtx<'_, '_>, stmts: &[Stmt]) -> R<()> {
        for s in stmts {
            self.stmt(ctx, s)?;
        }
        Ok(())
    }

    fn output_str(&self, v: &Val) -> String {
        match v {
            Val::Num(n) if n.fract() != 0.0 => {
                let ofmt = self.var("OFMT").str();
                if ofmt == "%.6g" {
                    num_to_str(*n)
                } else {
                    sprintf(&ofmt, std::slice::from_ref(v))
                }
            }
            o => o.str(),
        }
    }

    fn stmt(&mut self, ctx: &mut ProgramCtx<'_, '_>, s: &Stmt) -> R<()> {
        if ctx.rt.aborted.is_some() {
            return Err(Flow::Exit(2));
        }
        match s {
            Stmt::Expr(e) => {
                self.eval(ctx, e)?;
            }
            Stmt::Print(args, redir) => {
                let text = if args.is_empty() {
                    self.record.clone()
                } else {
                    let mut parts = Vec::new();
                    for a in args {
                        let v = self.eval(ctx, a)?;
                        parts.push(self.output_str(&v));
                    }
                    parts.join(&self.var("OFS").str())
                };
                let line = text + &self.var("ORS").str();
                self.emit(ctx, line, redir)?;
            }
            Stmt::Printf(args, redir) => {
                let mut vals = Vec::new();
                for a in args {
                    vals.push(self.eval(ctx, a)?);
                }
                let fmt = vals.first().map(Val::str).unwrap_or_default();
                let text = sprintf(&fmt, vals.get(1..).unwrap_or(&[]));
                self.emit(ctx, text, redir)?;
            }
            Stmt::If(cnd, a, b) => {
                if self.eval(ctx, cnd)?.truthy() {
                    self.stmt(ctx, a)?;
                } else if let Some(b) = b {
                    self.stmt(ctx, b)?;
                }
            }
            Stmt::While(cnd, body) => {
                let mut n = 0u64;
                while self.eval(ctx, cnd)?.truthy() {
                    n += 1;
                    if n > 10_000_000 {
                        return Err(Flow::Error("loop limit exceeded".into()));
                    }
                    match self.stmt(ctx, body) {
                        Err(Flow::Break) => break,
                        Err(Flow::Continue) | Ok(()) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            Stmt::Do(body, cnd) => loop {
                match self.stmt(ctx, body) {
                    Err(Flow::Break) => break,
                    Err(Flow::Continue) | Ok(()) => {}
                    Err(e) => return Err(e),
                }
                if !self.eval(ctx, cnd)?.truthy() {
                    break;
                }
            },
            Stmt::For(init, cnd, step, body) => {
                if let Some(i) = init {
                    self.eval(ctx, i)?;
                }
                let mut n = 0u64;
                loop {
                    if let Some(cn) = cnd
                        && !self.eval(ctx, cn)?.truthy()
                    {
                        break;
                    }
                    n += 1;
                    if n > 10_000_000 {
                        return Err(Flow::Error("loop limit exceeded".into()));
                    }
                    match self.stmt(ctx, body) {
                        Err(Flow::Break) => break,
                        Err(Flow::Continue) | Ok(()) => {}
                        Err(e) => return Err(e),
                    }
                    if let Some(st) = step {
                        self.eval(ctx, st)?;
                    }
                }
            }
            Stmt::ForIn(v, arr, body) => {
                let keys: Vec<String> = self
                    .arrays
                    .get(arr)
                    .map(|m| m.keys().cloned().collect())
                    .unwrap_or_default();
                for k in keys {
                    self.set_var(v, Val::StrNum(k));
                    match self.stmt(ctx, body) {
                        Err(Flow::Break) => break,
                        Err(Flow::Continue) | Ok(()) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            Stmt::Block(v) => self.block(ctx, v)?,
            Stmt::Next => return Err(Flow::Next),
            Stmt::Exit(e) => {
                let code = match e {
                    Some(e) => self.eval(ctx, e)?.num() as i32,
                    None => 0,
                };
                return Err(Flow::Exit(code));
            }
            Stmt::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(ctx, e)?,
                    None => Val::Uninit,
                };
                return Err(Flow::Return(v));
            }
            Stmt::Break => return Err(Flow::Break),
            Stmt::Continue => return Err(Flow::Continue),
            Stmt::Delete(arr, idx) => match idx {
                Some(i) => {
                    let k = self.key(ctx, i)?;
                    if let Some(m) = self.arrays.get_mut(arr) {
                        m.remove(&k);
                    }
                }
                None => {
                    self.arrays.remove(arr);
                }
            },
        }
        Ok(())
    }

    /// Runs the main items for the current record.
    pub fn record_items(&mut self, ctx: &mut ProgramCtx<'_, '_>) -> R<()> {
        let prog = self.prog;
        for (k, (pat, action)) in prog.items.iter().enumerate() {
            let hit = match pat {
                Pattern::Begin | Pattern::End => continue,
                Pattern::All => true,
                Pattern::Expr(e) => self.eval(ctx, e)?.truthy(),
                Pattern::Range(a, b) => {
                    let on = self.range_on.get(k).copied().unwrap_or(false);
                    if on {
                        if self.eval(ctx, b)?.truthy()
                            && let Some(r) = self.range_on.get_mut(k)
                        {
                            *r = false;
                        }
                        true
                    } else if self.eval(ctx, a)?.truthy() {
                        if !self.eval(ctx, b)?.truthy()
                            && let Some(r) = self.range_on.get_mut(k)
                        {
                            *r = true;
                        }
                        true
                    } else {
                        false
                    }
                }
            };
            if !hit {
                continue;
            }
            match action {
                Some(stmts) => self.block(ctx, stmts)?,
                None => {
                    let line = self.record.clone() + &self.var("ORS").str();
                    self.out.push_str(&line);
                }
            }
        }
        Ok(())
    }

    pub fn special(&mut self, ctx: &mut ProgramCtx<'_, '_>, begin: bool) -> R<()> {
        let prog = self.prog;
        for (pat, action) in &prog.items {
            let want = matches!((pat, begin), (Pattern::Begin, true) | (Pattern::End, false));
            if want && let Some(stmts) = action {
                self.block(ctx, stmts)?;
            }
        }
        Ok(())
    }

    pub fn has_main(&self) -> bool {
        self.prog
            .items
            .iter()
            .any(|(p, _)| !matches!(p, Pattern::Begin))
    }

    pub fn set_input_var(&mut self, name: &str, v: &str) {
        let unescaped = v.replace("\\n", "\n").replace("\\t", "\t");
        self.vars.insert(name.to_owned(), Val::StrNum(unescaped));
    }

    pub fn warn(&self, ctx: &mut ProgramCtx<'_, '_>, m: &str) {
        c::err(ctx, "awk", m);
    }
}

fn arith(op: &str, x: f64, y: f64) -> f64 {
    match op {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => x / y,
        "%" => x % y,
        "^" | "**" => x.powf(y),
        _ => 0.0,
    }
}
