//! `find [PATH…] [EXPRESSION]`: `-name/-iname/-path/-type/-maxdepth/-mindepth/-empty/-size/
//! -newer/-perm/-user/-mtime/-prune/-delete/-print/-print0/-exec … {} ;|+/-execdir`, `!`, `-o`,
//! `-a`, parentheses; entries in name order (the simulated directory order).
use crate::fs::{Kind, Stat};
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, users};

#[derive(Debug, Clone)]
enum E {
    True,
    Name(String, bool),
    Path(String),
    Type(char),
    Empty,
    Size(i64, char, u64),
    Perm(u32, char),
    User(String),
    Newer(String),
    Print(bool),
    Delete,
    Prune,
    Exec(Vec<String>, bool),
    Quit,
    Not(Box<E>),
    And(Box<E>, Box<E>),
    Or(Box<E>, Box<E>),
}

struct Parser<'a> {
    toks: &'a [String],
    i: usize,
    maxdepth: Option<usize>,
    mindepth: usize,
    has_action: bool,
    depth_first: bool,
}

type R<T> = Result<T, String>;

impl Parser<'_> {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.i).map(String::as_str)
    }

    fn arg(&mut self, pred: &str) -> R<String> {
        let v = self
            .toks
            .get(self.i)
            .cloned()
            .ok_or_else(|| format!("missing argument to `{pred}'"))?;
        self.i += 1;
        Ok(v)
    }

    fn or(&mut self) -> R<E> {
        let mut l = self.and()?;
        while matches!(self.peek(), Some("-o" | "-or")) {
            self.i += 1;
            let r = self.and()?;
            l = E::Or(Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn and(&mut self) -> R<E> {
        let mut l = self.not()?;
        loop {
            match self.peek() {
                Some("-a" | "-and") => {
                    self.i += 1;
                    let r = self.not()?;
                    l = E::And(Box::new(l), Box::new(r));
                }
                Some(t) if t != "-o" && t != "-or" && t != ")" => {
                    let r = self.not()?;
                    l = E::And(Box::new(l), Box::new(r));
                }
                _ => return Ok(l),
            }
        }
    }

    fn not(&mut self) -> R<E> {
        if matches!(self.peek(), Some("!" | "-not")) {
            self.i += 1;
            return Ok(E::Not(Box::new(self.not()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> R<E> {
        let t = self.arg("")?;
        Ok(match t.as_str() {
            "(" => {
                let e = self.or()?;
                if self.peek() != Some(")") {
                    return Err("invalid expression; I was expecting to find a ')' somewhere but did not see one.".into());
                }
                self.i += 1;
                e
            }
            "-name" | "-iname" => E::Name(self.arg(&t)?, t == "-iname"),
            "-path" | "-wholename" | "-ipath" => E::Path(self.arg(&t)?),
            "-type" | "-xtype" => {
                let v = self.arg(&t)?;
                let ch = v.chars().next().unwrap_or('?');
                if !"fdlbcps".contains(ch) || v.len() != 1 {
                    return Err(format!("Unknown argument to -type: {v}"));
                }
                E::Type(ch)
            }
            "-maxdepth" | "-mindepth" => {
                let v = self.arg(&t)?;
                let n: usize = v.parse().map_err(|_| {
                    format!("Expected a positive decimal integer argument to {t}, but got `{v}'")
                })?;
                if t == "-maxdepth" {
                    self.maxdepth = Some(n);
                } else {
                    self.mindepth = n;
                }
                E::True
            }
            "-depth" | "-d" => {
                self.depth_first = true;
                E::True
            }
            "-xdev" | "-mount" | "-follow" | "-noleaf" | "-ignore_readdir_race" => E::True,
            "-empty" => E::Empty,
            "-size" => {
                let v = self.arg(&t)?;
                let (sign, rest) = match v.chars().next() {
                    Some(s @ ('+' | '-')) => (s, v.get(1..).unwrap_or("")),
                    _ => ('=', v.as_str()),
                };
                let (num, unit) = match rest.chars().last() {
                    Some(u) if u.is_ascii_alphabetic() => {
                        (rest.get(..rest.len() - 1).unwrap_or(""), u)
                    }
                    _ => (rest, 'b'),
                };
                let mult = match unit {
                    'c' => 1,
                    'w' => 2,
                    'k' => 1024,
                    'M' => 1 << 20,
                    'G' => 1 << 30,
                    _ => 512,
                };
                let n: i64 = num
                    .parse()
                    .map_err(|_| format!("invalid -size type `{v}'"))?;
                E::Size(n, sign, mult)
            }
            "-perm" => {
                let v = self.arg(&t)?;
                let (kind, m) = match v.chars().next() {
                    Some(k @ ('-' | '/')) => (k, v.get(1..).unwrap_or("")),
                    _ => ('=', v.as_str()),
                };
                let bits = super::chmod::apply_mode(m, 0, false, 0)
                    .ok_or_else(|| format!("invalid mode `{v}'"))?;
                E::Perm(bits, kind)
            }
            "-user" | "-group" | "-uid" | "-gid" => E::User(format!("{t}={}", self.arg(&t)?)),
            "-nouser" | "-nogroup" | "-readable" | "-writable" | "-executable" => E::True,
            "-mtime" | "-mmin" | "-atime" | "-ctime" | "-amin" | "-cmin" => {
                self.arg(&t)?;
                E::True
            }
            "-newer" => E::Newer(self.arg(&t)?),
            "-true" => E::True,
            "-false" => E::Not(Box::new(E::True)),
            "-print" => {
                self.has_action = true;
                E::Print(false)
            }
            "-print0" => {
                self.has_action = true;
                E::Print(true)
            }
            "-ls" | "-fprint" => {
                self.has_action = true;
                E::Print(false)
            }
            "-delete" => {
                self.has_action = true;
                self.depth_first = true;
                E::Delete
            }
            "-prune" => E::Prune,
            "-quit" => E::Quit,
            "-exec" | "-execdir" | "-ok" | "-okdir" => {
                self.has_action = true;
                let mut cmd = Vec::new();
                loop {
                    let Some(a) = self.toks.get(self.i).cloned() else {
                        return Err(format!("missing argument to `{t}'"));
                    };
                    self.i += 1;
                    if a == ";" {
                        return Ok(E::Exec(cmd, false));
                    }
                    if a == "+" && cmd.last().is_some_and(|l| l == "{}") {
                        cmd.pop();
                        return Ok(E::Exec(cmd, true));
                    }
                    cmd.push(a);
                }
            }
            s if s.starts_with('-') => return Err(format!("unknown predicate `{s}'")),
            s => return Err(format!("paths must precede expression: `{s}'")),
        })
    }
}

struct Run<'c, 'r, 'a> {
    ctx: &'c mut ProgramCtx<'r, 'a>,
    out: String,
    batch: Vec<(Vec<String>, Vec<String>)>,
    status: i32,
    quit: bool,
}

impl Run<'_, '_, '_> {
    fn eval(&mut self, e: &E, shown: &str, abs: &str, st: &Stat, prune: &mut bool) -> bool {
        match e {
            E::True => true,
            E::Name(pat, ci) => {
                let name = c::base(shown);
                if *ci {
                    drydock_vfs::fnmatch(&pat.to_lowercase(), &name.to_lowercase(), false)
                } else {
                    drydock_vfs::fnmatch(pat, name, false)
                }
            }
            E::Path(pat) => drydock_vfs::fnmatch(pat, shown, false),
            E::Type(t) => matches!(
                (t, st.kind),
                ('f', Kind::File) | ('d', Kind::Dir) | ('l', Kind::Symlink)
            ),
            E::Empty => match st.kind {
                Kind::File => st.size == 0,
                Kind::Dir => self.ctx.rt.fs.read_dir(abs).is_ok_and(|v| v.is_empty()),
                Kind::Symlink => false,
            },
            E::Size(n, sign, mult) => {
                let units = st.size.div_ceil(*mult) as i64;
                match sign {
                    '+' => units > *n,
                    '-' => units < *n,
                    _ => units == *n,
                }
            }
            E::Perm(bits, kind) => match kind {
                '-' => st.mode & bits == *bits,
                '/' => *bits == 0 || st.mode & bits != 0,
                _ => st.mode & 0o7777 == *bits,
            },
            E::User(spec) => {
                let (k, v) = spec.split_once('=').unwrap_or(("", ""));
                match k {
                    "-user" => users::uid_of(self.ctx, v).is_some_and(|(u, _)| u == st.uid),
                    "-group" => users::gid_of(self.ctx, v) == Some(st.gid),
                    "-uid" => v.parse() == Ok(st.uid),
                    _ => v.parse() == Ok(st.gid),
                }
            }
            E::Newer(f) => {
                let r = self.ctx.abs(f);
                self.ctx.rt.fs.stat(&r).is_ok_and(|o| st.mtime > o.mtime)
            }
            E::Print(zero) => {
                self.out.push_str(shown);
                self.out.push(if *zero { '\0' } else { '\n' });
                true
            }
            E::Delete => {
                if let Err(e) = self.ctx.fs().remove(abs) {
                    self.flush();
                    c::err(
                        self.ctx,
                        "find",
                        &format!(
                            "cannot delete {}: {}",
                            c::lquote(self.ctx, shown),
                            e.message()
                        ),
                    );
                    self.status = 1;
                }
                true
            }
            E::Prune => {
                *prune = true;
                true
            }
            E::Quit => {
                self.quit = true;
                true
            }
            E::Exec(cmd, plus) => {
                if *plus {
                    match self.batch.iter_mut().find(|(c0, _)| c0 == cmd) {
                        Some((_, files)) => files.push(shown.to_owned()),
                        None => self.batch.push((cmd.clone(), vec![shown.to_owned()])),
                    }
                    return true;
                }
                let argv: Vec<String> = cmd.iter().map(|a| a.replace("{}", shown)).collect();
                self.exec(&argv) == 0
            }
            E::Not(x) => !self.eval(x, shown, abs, st, prune),
            E::And(a, b) => {
                self.eval(a, shown, abs, st, prune) && self.eval(b, shown, abs, st, prune)
            }
            E::Or(a, b) => {
                self.eval(a, shown, abs, st, prune) || self.eval(b, shown, abs, st, prune)
            }
        }
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            let o = std::mem::take(&mut self.out);
            self.ctx.stdout(o.as_bytes());
        }
    }

    fn exec(&mut self, argv: &[String]) -> i32 {
        self.flush();
        match self.ctx.exec(argv, b"") {
            Ok(s) => s,
            Err(e) => {
                let name = argv.first().cloned().unwrap_or_default();
                let m = match e {
                    crate::programs::ExecError::NotFound => {
                        format!("‘{name}’: No such file or directory")
                    }
                    crate::programs::ExecError::PermissionDenied => {
                        format!("‘{name}’: Permission denied")
                    }
                    crate::programs::ExecError::NotSimulated(w) => format!("‘{name}’: {w}"),
                };
                c::err(self.ctx, "find", &m);
                self.status = 1;
                1
            }
        }
    }
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let p = c::prog(argv);
    let rest = argv.get(1..).unwrap_or(&[]);
    let mut k = 0;
    let mut opt_follow = false;
    while let Some(a) = rest.get(k) {
        match a.as_str() {
            "-H" | "-P" => k += 1,
            "-L" => {
                opt_follow = true;
                k += 1;
            }
            _ => break,
        }
    }
    let _ = opt_follow;
    let rest = rest.get(k..).unwrap_or(&[]);
    let n_paths = rest
        .iter()
        .position(|a| (a.starts_with('-') && a.len() > 1) || a == "(" || a == "!")
        .unwrap_or(rest.len());
    let paths: Vec<String> = match rest.get(..n_paths) {
        Some(v) if !v.is_empty() => v.to_vec(),
        _ => vec![".".into()],
    };
    let toks = rest.get(n_paths..).unwrap_or(&[]);
    let mut parser = Parser {
        toks,
        i: 0,
        maxdepth: None,
        mindepth: 0,
        has_action: false,
        depth_first: false,
    };
    let expr = if toks.is_empty() {
        E::True
    } else {
        match parser.or() {
            Ok(e) if parser.i >= toks.len() => e,
            Ok(_) => {
                c::err(ctx, &p, "invalid expression; you have too many ')'");
                return 1;
            }
            Err(m) => {
                c::err(ctx, &p, &m);
                return 1;
            }
        }
    };
    let expr = if parser.has_action {
        expr
    } else {
        E::And(Box::new(expr), Box::new(E::Print(false)))
    };
    let (maxdepth, mindepth, depth_first) = (parser.maxdepth, parser.mindepth, parser.depth_first);
    let mut run = Run {
        ctx,
        out: String::new(),
        batch: Vec::new(),
        status: 0,
        quit: false,
    };
    for path in &paths {
        let abs = run.ctx.abs(path);
        if let Err(e) = run.ctx.rt.fs.lstat(&abs) {
            run.flush();
            let q = c::lquote(run.ctx, path);
            c::err(run.ctx, &p, &format!("{q}: {}", e.message()));
            run.status = 1;
            continue;
        }
        // explicit stack: (abs, shown, depth, post-visit)
        let mut stack = vec![(abs.clone(), path.clone(), 0usize, false)];
        while let Some((a, shown, depth, post)) = stack.pop() {
            if run.quit {
                break;
            }
            let Ok(st) = run.ctx.rt.fs.lstat(&a) else {
                continue;
            };
            let is_dir = st.kind == Kind::Dir;
            if post || !depth_first || !is_dir {
                if depth >= mindepth {
                    let mut prune = false;
                    run.eval(&expr, &shown, &a, &st, &mut prune);
                    if prune && !post {
                        continue;
                    }
                }
                if post {
                    continue;
                }
            }
            if is_dir && maxdepth.is_none_or(|m| depth < m) {
                if depth_first {
                    stack.push((a.clone(), shown.clone(), depth, true));
                }
                let names = run.ctx.rt.fs.read_dir(&a).unwrap_or_default();
                for n in names.iter().rev() {
                    stack.push((c::join(&a, n), c::join(&shown, n), depth + 1, false));
                }
            } else if is_dir && depth_first && depth >= mindepth {
                let mut prune = false;
                run.eval(&expr, &shown, &a, &st, &mut prune);
            }
        }
    }
    run.flush();
    let batch = std::mem::take(&mut run.batch);
    for (cmd, files) in batch {
        let mut argv: Vec<String> = cmd;
        argv.extend(files);
        if run.exec(&argv) != 0 {
            run.status = 1;
        }
    }
    run.flush();
    run.status
}
