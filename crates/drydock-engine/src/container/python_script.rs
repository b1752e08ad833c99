//! `python [-u] script.py [args]` as a container runs it: the script must exist (`python: can't
//! open file '/src/x.py': [Errno 2] No such file or directory`, exit 2); its imports are checked
//! against the standard library, the script's folder and the packages installed in the image
//! (`ModuleNotFoundError: No module named 'wandb'` with Python's traceback, exit 1); then a small
//! statement walker runs the script: `print` of literals and f-strings (values only known at run
//! time are shown as `<expression>`), functions and their calls (`train()`, `typer.run(train)`),
//! `for … in range(N)` loops, `if __name__ == "__main__":`, simple conditions on files, and the
//! file writes of the usual libraries with their real errors when the folder is missing
//! (`torch.save` → `RuntimeError: Parent directory models does not exist.`, `open`/`np.save`/
//! `plt.savefig` → `FileNotFoundError`, `DataFrame.to_csv` → `OSError`), `os.makedirs`,
//! `sys.exit`, `raise`. The words after the script are `sys.argv`, and `typer.run(f)` or a
//! `typer.Typer()` app binds them to the function's parameters (`python_cli.rs`: `--lr 0.01`,
//! `--help`, Click's usage errors), as `argparse`'s `parse_args()` does to `args.lr`
//! (`python_argparse.rs`). Functions see the module's top-level names (and a namespace passed
//! to them keeps its attributes). Servers started from a script (`uvicorn.run(app)`,
//! `app.run()`) hand over to `servers.rs`. Anything else is assumed to succeed; notes say what
//! was simulated.
use std::collections::BTreeMap;

use drydock_shell::fs::{Kind, WriteMode};
use drydock_shell::{ExitStatus, ProgramCtx};

use super::programs::{ContainerPrograms, printed};
use super::python_argparse;
use super::python_cli::{self, Outcome};
use super::python_syntax::{py_float, py_repr, split_args};

/// Top-level modules of Python's standard library.
const STDLIB: &[&str] = &[
    "__future__",
    "abc",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bisect",
    "builtins",
    "bz2",
    "calendar",
    "cmath",
    "codecs",
    "collections",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "csv",
    "ctypes",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "dis",
    "email",
    "enum",
    "errno",
    "fnmatch",
    "fractions",
    "functools",
    "gc",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "locale",
    "logging",
    "lzma",
    "math",
    "mimetypes",
    "multiprocessing",
    "numbers",
    "operator",
    "os",
    "pathlib",
    "pickle",
    "pkgutil",
    "platform",
    "pprint",
    "queue",
    "random",
    "re",
    "secrets",
    "select",
    "shlex",
    "shutil",
    "signal",
    "site",
    "socket",
    "sqlite3",
    "ssl",
    "stat",
    "statistics",
    "string",
    "struct",
    "subprocess",
    "sys",
    "sysconfig",
    "tarfile",
    "tempfile",
    "textwrap",
    "threading",
    "time",
    "timeit",
    "tomllib",
    "traceback",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "venv",
    "warnings",
    "weakref",
    "xml",
    "zipfile",
    "zlib",
    "zoneinfo",
    "runpy",
    "code",
    "pdb",
    "wsgiref",
    "uu",
    "shelve",
    "trace",
];

/// One statement of the script, with its nested block.
#[derive(Debug, Clone)]
struct Stmt {
    line: u32,
    text: String,
    body: Vec<Stmt>,
}

/// Splits source into logical lines `(line number, indentation, text)`: comments dropped,
/// brackets and backslashes joined, blank lines skipped.
fn logical_lines(src: &str) -> Vec<(u32, usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0u32;
    let mut indent = 0usize;
    let mut depth = 0i32;
    let mut quote: Option<(char, bool)> = None;
    for (i, raw) in src.lines().enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if cur.is_empty() && quote.is_none() {
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            start = n;
            indent = raw.len() - raw.trim_start().len();
        }
        let mut chars = raw.chars().peekable();
        let mut line = String::new();
        while let Some(c) = chars.next() {
            match quote {
                Some((q, triple)) => {
                    line.push(c);
                    if c == '\\' {
                        if let Some(nc) = chars.next() {
                            line.push(nc);
                        }
                    } else if c == q {
                        if triple {
                            let rest: String = chars.clone().take(2).collect();
                            if rest == format!("{q}{q}") {
                                line.push(q);
                                line.push(q);
                                chars.next();
                                chars.next();
                                quote = None;
                            }
                        } else {
                            quote = None;
                        }
                    }
                }
                None => match c {
                    '#' => break,
                    '"' | '\'' => {
                        let rest: String = chars.clone().take(2).collect();
                        let triple = rest == format!("{c}{c}");
                        line.push(c);
                        if triple {
                            line.push(c);
                            line.push(c);
                            chars.next();
                            chars.next();
                        }
                        quote = Some((c, triple));
                    }
                    '(' | '[' | '{' => {
                        depth += 1;
                        line.push(c);
                    }
                    ')' | ']' | '}' => {
                        depth -= 1;
                        line.push(c);
                    }
                    _ => line.push(c),
                },
            }
        }
        let trimmed = line.trim_end();
        let continued = trimmed.ends_with('\\') && quote.is_none();
        let piece = trimmed.trim_end_matches('\\');
        if !cur.is_empty() {
            cur.push(' ');
            cur.push_str(piece.trim_start());
        } else {
            cur.push_str(piece.trim_start());
        }
        if depth <= 0 && quote.is_none() && !continued {
            out.push((start, indent, std::mem::take(&mut cur)));
            depth = 0;
        }
    }
    if !cur.is_empty() {
        out.push((start, indent, cur));
    }
    out
}

/// Builds the block tree from logical lines.
fn blocks(lines: &[(u32, usize, String)]) -> Vec<Stmt> {
    fn build(lines: &[(u32, usize, String)], i: &mut usize, indent: usize) -> Vec<Stmt> {
        let mut out = Vec::new();
        while let Some((n, ind, text)) = lines.get(*i) {
            if *ind < indent {
                break;
            }
            *i += 1;
            let mut st = Stmt {
                line: *n,
                text: text.clone(),
                body: Vec::new(),
            };
            if let Some((head, tail)) = split_colon(text) {
                if tail.trim().is_empty() {
                    if let Some((_, child, _)) = lines.get(*i)
                        && *child > *ind
                    {
                        st.body = build(lines, i, *child);
                    }
                } else {
                    st.text = format!("{head}:");
                    st.body.push(Stmt {
                        line: *n,
                        text: tail.trim().to_owned(),
                        body: Vec::new(),
                    });
                }
            }
            out.push(st);
        }
        out
    }
    let mut i = 0;
    build(lines, &mut i, 0)
}

const BLOCK_WORDS: &[&str] = &[
    "def ",
    "class ",
    "if ",
    "elif ",
    "else",
    "for ",
    "while ",
    "with ",
    "try",
    "except",
    "finally",
    "async def ",
    "async with ",
    "async for ",
];

/// For a compound statement header, `(header, rest after the colon)`.
fn split_colon(text: &str) -> Option<(&str, &str)> {
    if !BLOCK_WORDS.iter().any(|w| text.starts_with(w)) {
        return None;
    }
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ':' if depth == 0 && !text[..i].ends_with("lambda") => {
                    return Some((&text[..i], &text[i + 1..]));
                }
                _ => {}
            },
        }
    }
    None
}

/// A value the walker knows.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    /// Known only at run time: the expression's text.
    Unknown(String),
}

impl Value {
    fn show(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            Value::Float(f) => py_float(*f),
            Value::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
            Value::None => "None".to_owned(),
            Value::Unknown(e) => format!("<{e}>"),
        }
    }

    fn truth(&self) -> Option<bool> {
        match self {
            Value::Str(s) => Some(!s.is_empty()),
            Value::Int(n) => Some(*n != 0),
            Value::Float(f) => Some(*f != 0.0),
            Value::Bool(b) => Some(*b),
            Value::None => Some(false),
            Value::Unknown(_) => None,
        }
    }
}

/// One traceback entry: line, function, statement text, caret span.
type Frame = (u32, String, String, Option<(usize, usize)>);

/// A Python exception on its way up.
#[derive(Debug, Clone)]
struct Raised {
    kind: String,
    message: String,
    /// Innermost last.
    frames: Vec<Frame>,
}

/// How a statement list ended.
enum Flow {
    Normal,
    Return,
    Exit(i32),
    Raise(Raised),
    /// A server took over (never returns).
    Serving,
}

struct Func {
    /// The parameters: names and default sources, as a call and a command line
    /// (`typer.run(f)`) read them.
    cli: Vec<python_cli::Param>,
    /// The first line of the docstring.
    doc: Option<String>,
    body: Vec<Stmt>,
}

struct Walker<'p, 'c, 'r, 'a> {
    progs: &'p ContainerPrograms<'p>,
    ctx: &'c mut ProgramCtx<'r, 'a>,
    script: String,
    funcs: BTreeMap<String, Func>,
    /// Imported names → module.
    modules: BTreeMap<String, String>,
    buffered: bool,
    stdout_buf: Vec<u8>,
    depth: u32,
    steps: u32,
    notes: Vec<String>,
    /// The program name Click shows (`train.py`, `python -m pkg.train`).
    prog: String,
    /// `sys.argv[1:]`.
    args: Vec<String>,
    /// `sys.argv[0]`.
    argv0: String,
    /// Typer apps (`app = typer.Typer()`) and their `@app.command()` functions.
    typer_apps: BTreeMap<String, Vec<python_cli::Command>>,
    /// Decorators seen since the last `def`.
    decorators: Vec<String>,
    /// `argparse` parsers by variable.
    arg_parsers: BTreeMap<String, python_argparse::Parser>,
    /// The module's own names (assigned at the top level): what a function reads when it has
    /// no local of that name.
    globals: BTreeMap<String, Value>,
}

/// Reads a file of the container.
fn read(ctx: &ProgramCtx<'_, '_>, path: &str) -> Option<String> {
    ctx.rt
        .fs
        .read_file(path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn is_dir(ctx: &ProgramCtx<'_, '_>, path: &str) -> bool {
    ctx.rt.fs.stat(path).is_ok_and(|s| s.kind == Kind::Dir)
}

fn exists(ctx: &ProgramCtx<'_, '_>, path: &str) -> bool {
    ctx.rt.fs.stat(path).is_ok()
}

/// The site-packages folders of the image's Python: the prefixes of every `python` on `PATH`
/// (`/usr/local`, `/opt/conda`, a venv), the usual system ones, the active virtual environment
/// and the user site.
fn site_dirs(ctx: &ProgramCtx<'_, '_>) -> Vec<String> {
    let mut prefixes: Vec<String> = Vec::new();
    if let Some(v) = ctx.get_env("VIRTUAL_ENV") {
        prefixes.push(v.trim_end_matches('/').to_owned());
    }
    for d in ctx.get_env("PATH").unwrap_or("").split(':') {
        let d = d.trim_end_matches('/');
        if d.is_empty()
            || !(exists(ctx, &format!("{d}/python3")) || exists(ctx, &format!("{d}/python")))
        {
            continue;
        }
        if let Some((prefix, _)) = d.rsplit_once('/') {
            prefixes.push(prefix.to_owned());
        }
    }
    prefixes.extend(["/usr/local".to_owned(), "/usr".to_owned()]);
    if let Some(h) = ctx.get_env("HOME") {
        prefixes.push(format!("{}/.local", h.trim_end_matches('/')));
    }
    let mut out: Vec<String> = Vec::new();
    for prefix in prefixes {
        let base = format!("{prefix}/lib");
        for d in ctx.rt.fs.read_dir(&base).unwrap_or_default() {
            if d.starts_with("python3") {
                for sub in ["site-packages", "dist-packages"] {
                    let p = format!("{base}/{d}/{sub}");
                    if is_dir(ctx, &p) && !out.contains(&p) {
                        out.push(p);
                    }
                }
            }
        }
    }
    let debian = "/usr/lib/python3/dist-packages".to_owned();
    if is_dir(ctx, &debian) && !out.contains(&debian) {
        out.push(debian);
    }
    out
}

/// Whether `module` (dotted) can be imported from `dirs`.
fn importable(ctx: &ProgramCtx<'_, '_>, dirs: &[String], module: &str) -> bool {
    let rel = module.replace('.', "/");
    let top = module.split('.').next().unwrap_or(module);
    for d in dirs {
        if exists(ctx, &format!("{d}/{rel}.py"))
            || is_dir(ctx, &format!("{d}/{rel}"))
            || ctx
                .rt
                .fs
                .read_dir(d)
                .unwrap_or_default()
                .iter()
                .any(|f| f.starts_with(&format!("{rel}.")) && f.ends_with(".so"))
        {
            return true;
        }
        // A distribution that declares the module (`top_level.txt`) or an editable install.
        for f in ctx.rt.fs.read_dir(d).unwrap_or_default() {
            if (f.ends_with(".dist-info") || f.ends_with(".egg-info"))
                && module == top
                && read(ctx, &format!("{d}/{f}/top_level.txt"))
                    .is_some_and(|t| t.lines().any(|l| l.trim() == top))
            {
                return true;
            }
            if f.ends_with(".pth")
                && let Some(t) = read(ctx, &format!("{d}/{f}"))
            {
                for l in t.lines().filter(|l| l.starts_with('/')) {
                    if exists(ctx, &format!("{l}/{rel}.py")) || is_dir(ctx, &format!("{l}/{rel}")) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

fn strip_quotes(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s
        .strip_prefix(['r', 'b', 'R', 'B'])
        .filter(|r| r.starts_with(['"', '\'']))
        .unwrap_or(s);
    for q in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(inner) = s.strip_prefix(q).and_then(|x| x.strip_suffix(q))
            && !inner.contains(q)
        {
            return Some(unescape(inner));
        }
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The byte offset of the `=` of an assignment or a signature entry's default (outside
/// brackets and quotes, not part of `==`, `<=`, `>=`, `!=`).
fn top_level_eq(p: &str) -> Option<usize> {
    let b = p.as_bytes();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'=' if depth == 0
                    && b.get(i + 1) != Some(&b'=')
                    && !matches!(
                        i.checked_sub(1).and_then(|j| b.get(j)),
                        Some(b'=' | b'<' | b'>' | b'!')
                    ) =>
                {
                    return Some(i);
                }
                _ => {}
            },
        }
    }
    None
}

/// The first line of a docstring statement (`"""Train a model."""`), if it is one.
fn docstring(text: &str) -> Option<String> {
    let body = strip_quotes(text)?;
    let first = body.trim().lines().next().unwrap_or("").trim();
    (!first.is_empty()).then(|| first.to_owned())
}

/// `name(args)` at the top of an expression: `(callee, args text)`.
fn call_of(expr: &str) -> Option<(&str, &str)> {
    let e = expr.trim();
    let open = e.find('(')?;
    if !e.ends_with(')') {
        return None;
    }
    let callee = e[..open].trim();
    if callee.is_empty()
        || !callee
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    {
        return None;
    }
    Some((callee, &e[open + 1..e.len() - 1]))
}

impl Walker<'_, '_, '_, '_> {
    fn out(&mut self, text: &str) {
        if self.buffered {
            self.stdout_buf.extend_from_slice(text.as_bytes());
        } else {
            self.ctx.stdout(text.as_bytes());
        }
    }

    fn abs(&self, p: &str) -> String {
        self.ctx.abs(p)
    }

    fn eval(&mut self, expr: &str, vars: &BTreeMap<String, Value>) -> Value {
        let e = expr.trim();
        if let Some(s) = strip_quotes(e) {
            return Value::Str(s);
        }
        if let Some(f) = e
            .strip_prefix("f\"")
            .and_then(|x| x.strip_suffix('"'))
            .or_else(|| e.strip_prefix("f'").and_then(|x| x.strip_suffix('\'')))
        {
            return Value::Str(self.fstring(&unescape(f), vars));
        }
        if let Ok(n) = e.replace('_', "").parse::<i64>() {
            return Value::Int(n);
        }
        if let Ok(f) = e.parse::<f64>() {
            return Value::Float(f);
        }
        match e {
            "True" => return Value::Bool(true),
            "False" => return Value::Bool(false),
            "None" => return Value::None,
            "__name__" => return Value::Str("__main__".to_owned()),
            "sys.argv" => {
                let all: Vec<String> = std::iter::once(&self.argv0)
                    .chain(&self.args)
                    .map(|a| py_repr(a))
                    .collect();
                return Value::Str(format!("[{}]", all.join(", ")));
            }
            "len(sys.argv)" => {
                return Value::Int(i64::try_from(self.args.len() + 1).unwrap_or(i64::MAX));
            }
            _ => {}
        }
        if let Some(k) = e
            .strip_prefix("sys.argv[")
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|k| k.trim().parse::<usize>().ok())
        {
            let word = if k == 0 {
                Some(&self.argv0)
            } else {
                self.args.get(k - 1)
            };
            if let Some(w) = word {
                return Value::Str(w.clone());
            }
        }
        if let Some(v) = vars.get(e) {
            return v.clone();
        }
        // `torch.cuda.is_available()` (no GPU here) and integer arithmetic.
        let known =
            drydock_shell::programs::python_torch_query(e, |n| self.modules.get(n).cloned())
                .map(str::to_owned)
                .or_else(|| drydock_shell::programs::python_constant(e));
        if let Some(k) = known {
            return match k.as_str() {
                "True" => Value::Bool(true),
                "False" => Value::Bool(false),
                n => n.parse().map_or(Value::Unknown(e.to_owned()), Value::Int),
            };
        }
        if let Some(inner) = e.strip_prefix("not ") {
            return match self.eval(inner, vars).truth() {
                Some(b) => Value::Bool(!b),
                None => Value::Unknown(e.to_owned()),
            };
        }
        for op in [" == ", " != "] {
            if let Some((a, b)) = e.split_once(op) {
                let (a, b) = (self.eval(a, vars), self.eval(b, vars));
                if matches!(a, Value::Unknown(_)) || matches!(b, Value::Unknown(_)) {
                    return Value::Unknown(e.to_owned());
                }
                return Value::Bool((a == b) == (op == " == "));
            }
        }
        if let Some((callee, args)) = call_of(e) {
            let a = split_args(args);
            let path = |w: &mut Self, i: usize| {
                a.get(i).and_then(|x| match w.eval(x, vars) {
                    Value::Str(s) => Some(s),
                    _ => None,
                })
            };
            match callee {
                "os.path.exists" | "os.path.isfile" | "os.path.isdir" => {
                    if let Some(p) = path(self, 0) {
                        let abs = self.abs(&p);
                        let r = match callee {
                            "os.path.isdir" => is_dir(self.ctx, &abs),
                            "os.path.isfile" => exists(self.ctx, &abs) && !is_dir(self.ctx, &abs),
                            _ => exists(self.ctx, &abs),
                        };
                        return Value::Bool(r);
                    }
                }
                "len" => {
                    if let Value::Str(s) = self.eval(args, vars) {
                        return Value::Int(i64::try_from(s.chars().count()).unwrap_or(0));
                    }
                }
                "str" => {
                    let v = self.eval(args, vars);
                    if !matches!(v, Value::Unknown(_)) {
                        return Value::Str(v.show());
                    }
                }
                "int" => {
                    if let Value::Int(n) = self.eval(args, vars) {
                        return Value::Int(n);
                    }
                }
                _ => {}
            }
            if let Some(rest) = e.strip_prefix("Path(")
                && let Some((inner, method)) = rest.split_once(").")
                && (method == "exists()" || method == "is_dir()")
                && let Value::Str(p) = self.eval(inner, vars)
            {
                let abs = self.abs(&p);
                return Value::Bool(if method == "exists()" {
                    exists(self.ctx, &abs)
                } else {
                    is_dir(self.ctx, &abs)
                });
            }
        }
        Value::Unknown(e.to_owned())
    }

    fn fstring(&mut self, body: &str, vars: &BTreeMap<String, Value>) -> String {
        let mut out = String::new();
        let mut rest = body;
        while let Some(i) = rest.find(['{', '}']) {
            out.push_str(&rest[..i]);
            let c = rest[i..].chars().next().unwrap_or('{');
            let after = &rest[i + 1..];
            if after.starts_with(c) {
                out.push(c);
                rest = &after[1..];
                continue;
            }
            if c == '}' {
                out.push('}');
                rest = after;
                continue;
            }
            let Some(j) = after.find('}') else {
                out.push_str(&rest[i..]);
                return out;
            };
            let field = &after[..j];
            let (expr, spec) = match field.rsplit_once(':') {
                Some((e, s)) if !s.contains(['(', ')', '[', ']']) => (e, Some(s)),
                _ => (field, None),
            };
            let self_doc = expr.ends_with('=') && !expr.ends_with("==");
            let expr = if self_doc {
                &expr[..expr.len() - 1]
            } else {
                expr
            };
            let v = self.eval(expr, vars);
            if self_doc {
                // `{lr=}` prints `lr=0.001` (the repr, unless a format spec is given).
                out.push_str(expr);
                out.push('=');
                match (&v, spec) {
                    (Value::Str(s), None) => out.push_str(&py_repr(s)),
                    _ => out.push_str(&format_spec(&v, spec)),
                }
            } else {
                out.push_str(&format_spec(&v, spec));
            }
            rest = &after[j + 1..];
        }
        out.push_str(rest);
        out
    }

    fn raise(
        &self,
        kind: &str,
        message: String,
        st: &Stmt,
        func: &str,
        span: Option<(usize, usize)>,
    ) -> Flow {
        Flow::Raise(Raised {
            kind: kind.to_owned(),
            message,
            frames: vec![(st.line, func.to_owned(), st.text.trim().to_owned(), span)],
        })
    }

    /// The span of `needle` inside the statement text, for Python 3.11's carets (none when it
    /// is the whole statement).
    fn span(text: &str, needle: &str) -> Option<(usize, usize)> {
        let t = text.trim();
        let at = t.find(needle)?;
        if at == 0 && needle.len() >= t.trim_end_matches(':').len() {
            return None;
        }
        Some((at, needle.chars().count()))
    }

    /// Runs a library call that writes or reads files; `Some(flow)` when it raised.
    fn io_call(
        &mut self,
        callee: &str,
        args: &[String],
        st: &Stmt,
        func: &str,
        vars: &BTreeMap<String, Value>,
        call_text: &str,
    ) -> Option<Flow> {
        let method = callee.rsplit('.').next().unwrap_or(callee);
        let first_str = |w: &mut Self, i: usize| -> Option<String> {
            args.get(i).and_then(|a| {
                match w.eval(
                    a.split_once('=').map_or(a.as_str(), |(k, v)| {
                        if k.trim().chars().all(|c| c.is_alphanumeric() || c == '_') {
                            v
                        } else {
                            a
                        }
                    }),
                    vars,
                ) {
                    Value::Str(s) => Some(s),
                    _ => None,
                }
            })
        };
        let parent_missing = |w: &Self, p: &str| -> bool {
            let abs = w.abs(p);
            let parent = abs
                .rsplit_once('/')
                .map_or("/", |(d, _)| if d.is_empty() { "/" } else { d });
            !is_dir(w.ctx, parent)
        };
        let span = Self::span(&st.text, call_text);
        let write = |w: &mut Self, p: &str, content: &[u8], size: Option<u64>| {
            let abs = w.abs(p);
            let meta = w.ctx.new_meta(0o644);
            match size {
                Some(n) => {
                    let _ = w.ctx.rt.fs.write_synthetic(&abs, n, 7, p, meta);
                }
                None => {
                    let _ = w
                        .ctx
                        .rt
                        .fs
                        .write_file(&abs, content, WriteMode::Truncate, meta);
                }
            }
        };
        match (
            self.modules
                .get(callee.split('.').next().unwrap_or(""))
                .map(String::as_str),
            method,
        ) {
            (Some("torch"), "save") => {
                let p = first_str(self, 1)?;
                if parent_missing(self, &p) {
                    let dir = p
                        .rsplit_once('/')
                        .map_or(".", |(d, _)| if d.is_empty() { "/" } else { d });
                    return Some(self.raise(
                        "RuntimeError",
                        format!("Parent directory {dir} does not exist."),
                        st,
                        func,
                        span,
                    ));
                }
                write(self, &p, b"", Some(1_200_000));
                self.notes
                    .push(format!("torch.save wrote {p} (simulated weights)"));
                None
            }
            (Some("torch"), "load")
            | (Some("numpy"), "load")
            | (Some("pandas"), "read_csv")
            | (Some("pandas"), "read_parquet") => {
                let p = first_str(self, 0)?;
                let abs = self.abs(&p);
                if !exists(self.ctx, &abs) {
                    return Some(self.raise(
                        "FileNotFoundError",
                        format!("[Errno 2] No such file or directory: {}", py_repr(&p)),
                        st,
                        func,
                        span,
                    ));
                }
                None
            }
            (Some("numpy"), "save") => {
                let mut p = first_str(self, 0)?;
                if !p.ends_with(".npy") {
                    p.push_str(".npy");
                }
                if parent_missing(self, &p) {
                    return Some(self.raise(
                        "FileNotFoundError",
                        format!("[Errno 2] No such file or directory: {}", py_repr(&p)),
                        st,
                        func,
                        span,
                    ));
                }
                write(self, &p, b"", Some(4096));
                None
            }
            (Some("matplotlib.pyplot" | "matplotlib"), "savefig") => {
                let p = first_str(self, 0)?;
                if parent_missing(self, &p) {
                    return Some(self.raise(
                        "FileNotFoundError",
                        format!("[Errno 2] No such file or directory: {}", py_repr(&p)),
                        st,
                        func,
                        span,
                    ));
                }
                write(self, &p, b"", Some(48_000));
                None
            }
            (Some("os"), "makedirs" | "mkdir") => {
                let p = first_str(self, 0)?;
                let abs = self.abs(&p);
                let exist_ok = args.iter().any(|a| a.replace(' ', "") == "exist_ok=True");
                if exists(self.ctx, &abs) {
                    if !exist_ok {
                        return Some(self.raise(
                            "FileExistsError",
                            format!("[Errno 17] File exists: {}", py_repr(&p)),
                            st,
                            func,
                            span,
                        ));
                    }
                    return None;
                }
                if method == "mkdir" && parent_missing(self, &p) {
                    return Some(self.raise(
                        "FileNotFoundError",
                        format!("[Errno 2] No such file or directory: {}", py_repr(&p)),
                        st,
                        func,
                        span,
                    ));
                }
                let mut cur = String::new();
                for part in abs.split('/').filter(|x| !x.is_empty()) {
                    cur.push('/');
                    cur.push_str(part);
                    if !exists(self.ctx, &cur) {
                        let meta = self.ctx.new_meta(0o777);
                        let _ = self.ctx.rt.fs.mkdir(&cur, meta);
                    }
                }
                None
            }
            (_, "to_csv" | "to_parquet" | "to_json") if !callee.starts_with("pd.") => {
                let p = first_str(self, 0)?;
                if parent_missing(self, &p) {
                    let dir = p.rsplit_once('/').map_or(".", |(d, _)| d);
                    return Some(self.raise(
                        "OSError",
                        format!(
                            "Cannot save file into a non-existent directory: {}",
                            py_repr(dir)
                        ),
                        st,
                        func,
                        span,
                    ));
                }
                write(self, &p, b"", Some(2048));
                None
            }
            (_, "savefig") => {
                let p = first_str(self, 0)?;
                if parent_missing(self, &p) {
                    return Some(self.raise(
                        "FileNotFoundError",
                        format!("[Errno 2] No such file or directory: {}", py_repr(&p)),
                        st,
                        func,
                        span,
                    ));
                }
                write(self, &p, b"", Some(48_000));
                None
            }
            _ if callee == "open" => {
                let p = first_str(self, 0)?;
                let mode = args
                    .get(1)
                    .and_then(|m| strip_quotes(m))
                    .unwrap_or_else(|| "r".to_owned());
                let abs = self.abs(&p);
                if mode.contains(['w', 'a', 'x']) {
                    if parent_missing(self, &p) {
                        return Some(self.raise(
                            "FileNotFoundError",
                            format!("[Errno 2] No such file or directory: {}", py_repr(&p)),
                            st,
                            func,
                            span,
                        ));
                    }
                    if !mode.contains('a') || !exists(self.ctx, &abs) {
                        write(self, &p, b"", None);
                    }
                } else if !exists(self.ctx, &abs) {
                    return Some(self.raise(
                        "FileNotFoundError",
                        format!("[Errno 2] No such file or directory: {}", py_repr(&p)),
                        st,
                        func,
                        span,
                    ));
                } else if is_dir(self.ctx, &abs) {
                    return Some(self.raise(
                        "IsADirectoryError",
                        format!("[Errno 21] Is a directory: {}", py_repr(&p)),
                        st,
                        func,
                        span,
                    ));
                }
                None
            }
            _ => None,
        }
    }

    fn call_function(
        &mut self,
        name: &str,
        args: &[String],
        vars: &BTreeMap<String, Value>,
        st: &Stmt,
        func: &str,
    ) -> Flow {
        let Some(f) = self.funcs.get(name) else {
            return Flow::Normal;
        };
        if self.depth > 20 {
            return Flow::Normal;
        }
        let params = f.cli.clone();
        let body = f.body.clone();
        // Globals first: the parameters (and later assignments) shadow them. Defaults are
        // evaluated in the module's scope (`epochs: int = EPOCHS`).
        let globals = self.globals.clone();
        let mut local = globals.clone();
        for (
            i,
            python_cli::Param {
                name: p, default, ..
            },
        ) in params.iter().enumerate()
        {
            let given = args.iter().find_map(|a| {
                a.split_once('=')
                    .filter(|(k, _)| k.trim() == p)
                    .map(|(_, v)| v.to_owned())
            });
            let positional = args.get(i).filter(|a| !a.contains('=')).cloned();
            let v = match given.or(positional) {
                Some(expr) => {
                    // A namespace passed along (`main(args)` after `args = parser.parse_args()`)
                    // keeps its attributes under the parameter's name.
                    let prefix = format!("{}.", expr.trim());
                    let attrs: Vec<(String, Value)> = vars
                        .iter()
                        .filter_map(|(k, v)| {
                            k.strip_prefix(&prefix)
                                .map(|rest| (format!("{p}.{rest}"), v.clone()))
                        })
                        .collect();
                    local.extend(attrs);
                    self.eval(&expr, vars)
                }
                None => match default {
                    Some(d) => self.eval(d, &globals),
                    None => Value::Unknown(p.clone()),
                },
            };
            local.insert(p.clone(), v);
        }
        self.depth += 1;
        let r = self.run(&body, &mut local, name);
        self.depth -= 1;
        match r {
            Flow::Raise(mut e) => {
                e.frames.insert(
                    0,
                    (
                        st.line,
                        func.to_owned(),
                        st.text.trim().to_owned(),
                        Self::span(&st.text, &format!("{name}(")),
                    ),
                );
                // The caret covers the call; whole-line calls have none.
                if let Some(f0) = e.frames.first_mut() {
                    f0.3 = None;
                }
                Flow::Raise(e)
            }
            Flow::Return => Flow::Normal,
            other => other,
        }
    }

    /// A statement that is an expression or an assignment.
    fn simple(&mut self, st: &Stmt, vars: &mut BTreeMap<String, Value>, func: &str) -> Flow {
        let t = st.text.trim();
        self.steps += 1;
        if t == "pass"
            || t == "continue"
            || t == "break"
            || t.starts_with("global ")
            || t.starts_with("assert ")
        {
            return Flow::Normal;
        }
        if t == "return" || t.starts_with("return ") {
            return Flow::Return;
        }
        if let Some(rest) = t.strip_prefix("raise ") {
            let (kind, msg) = match call_of(rest) {
                Some((k, a)) => (k.to_owned(), self.eval(a, vars).show()),
                None => (rest.trim().to_owned(), String::new()),
            };
            return self.raise(&kind, msg, st, func, None);
        }
        if t.starts_with("import ") || t.starts_with("from ") {
            return Flow::Normal;
        }
        // Assignment (not comparison, not keyword argument inside a call).
        let (target, expr) = match assignment(t) {
            Some((a, e)) => (Some(a), e),
            None => (None, t),
        };
        let call = call_of(expr);
        // What an assignment from a library's constructor sets up: a Typer app, an argparse
        // parser, or the namespace `parse_args()` returns.
        if let (Some(target), Some((callee, args))) = (target, call) {
            match callee {
                "typer.Typer" | "Typer" => {
                    self.typer_apps.entry(target.to_owned()).or_default();
                }
                "argparse.ArgumentParser" | "ArgumentParser" => {
                    let parser = python_argparse::Parser::new(&split_args(args));
                    self.arg_parsers.insert(target.to_owned(), parser);
                    return Flow::Normal;
                }
                _ => {
                    if let Some(parser) = callee
                        .strip_suffix(".parse_args")
                        .and_then(|p| self.arg_parsers.get(p))
                    {
                        return match parser.parse(&self.prog, &self.args) {
                            python_argparse::Parsed::Bound(values) => {
                                for (dest, literal) in values {
                                    // Defaults may name the module's constants
                                    // (`default=EPOCHS`).
                                    let v = self.eval(&literal, vars);
                                    let name = format!("{target}.{dest}");
                                    if func == "<module>" {
                                        self.globals.insert(name.clone(), v.clone());
                                    }
                                    vars.insert(name, v);
                                }
                                Flow::Normal
                            }
                            python_argparse::Parsed::Exit {
                                stdout,
                                stderr,
                                code,
                            } => self.exit_with(&stdout, &stderr, code),
                        };
                    }
                }
            }
        }
        let mut flow = Flow::Normal;
        if let Some((callee, args)) = call {
            flow = self.call(callee, &split_args(args), vars, st, func, expr);
        }
        if let Some(target) = target {
            let v = self.eval(expr, vars);
            if target.chars().all(|c| c.is_alphanumeric() || c == '_') {
                if func == "<module>" {
                    self.globals.insert(target.to_owned(), v.clone());
                }
                vars.insert(target.to_owned(), v);
            }
        }
        flow
    }

    fn call(
        &mut self,
        callee: &str,
        a: &[String],
        vars: &mut BTreeMap<String, Value>,
        st: &Stmt,
        func: &str,
        expr: &str,
    ) -> Flow {
        match callee {
            "print" => {
                let mut sep = " ".to_owned();
                let mut end = "\n".to_owned();
                let mut to_err = false;
                let mut parts = Vec::new();
                for arg in a {
                    if let Some(v) = arg.strip_prefix("sep=") {
                        sep = strip_quotes(v).unwrap_or_default();
                    } else if let Some(v) = arg.strip_prefix("end=") {
                        end = strip_quotes(v).unwrap_or_default();
                    } else if arg.replace(' ', "") == "file=sys.stderr" {
                        to_err = true;
                    } else if arg.starts_with("flush=") {
                    } else {
                        parts.push(self.eval(arg, vars).show());
                    }
                }
                let text = format!("{}{end}", parts.join(&sep));
                if to_err {
                    self.ctx.stderr(text.as_bytes());
                } else {
                    self.out(&text);
                }
                Flow::Normal
            }
            "sys.exit" | "exit" | "quit" => {
                let code = match a.first().map(|x| self.eval(x, vars)) {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(n)) => i32::try_from(n).unwrap_or(1),
                    Some(Value::Str(s)) => {
                        self.ctx.stderr(format!("{s}\n").as_bytes());
                        1
                    }
                    Some(_) => 1,
                };
                Flow::Exit(code)
            }
            "typer.run" => {
                let target = a.first().map(|x| x.trim().to_owned()).unwrap_or_default();
                let Some(f) = self.funcs.get(&target) else {
                    return Flow::Normal;
                };
                let cmd = python_cli::Command {
                    name: target.clone(),
                    func: target.clone(),
                    doc: f.doc.clone(),
                    params: self.resolved(&f.cli),
                };
                let outcome = python_cli::typer(&self.prog, &[cmd], false, &self.args);
                self.command_line(outcome, vars, st, func)
            }
            adding
                if adding
                    .strip_suffix(".add_argument")
                    .is_some_and(|p| self.arg_parsers.contains_key(p)) =>
            {
                let parser = adding.strip_suffix(".add_argument").unwrap_or_default();
                if let Some(p) = self.arg_parsers.get_mut(parser) {
                    p.add(a);
                }
                Flow::Normal
            }
            app if self.typer_apps.contains_key(app) => {
                let mut cmds = self.typer_apps.get(app).cloned().unwrap_or_default();
                for c in &mut cmds {
                    c.params = self.resolved(&c.params);
                }
                if cmds.is_empty() {
                    return Flow::Normal;
                }
                let outcome = python_cli::typer(&self.prog, &cmds, true, &self.args);
                self.command_line(outcome, vars, st, func)
            }
            "fire.Fire" | "hydra.main" | "app" => {
                let target = a.first().map(|x| x.trim().to_owned()).unwrap_or_default();
                if self.funcs.contains_key(&target) {
                    return self.call_function(&target, &[], vars, st, func);
                }
                if callee == "app" {
                    return self.call_function("main", &[], vars, st, func);
                }
                Flow::Normal
            }
            "uvicorn.run" | "app.run" | "demo.launch" => {
                let port = a
                    .iter()
                    .find_map(|x| x.replace(' ', "").strip_prefix("port=").map(str::to_owned))
                    .and_then(|p| match self.eval(&p, vars) {
                        Value::Int(n) => u16::try_from(n).ok(),
                        _ => None,
                    });
                let host = a
                    .iter()
                    .find_map(|x| x.replace(' ', "").strip_prefix("host=").map(str::to_owned))
                    .and_then(|h| strip_quotes(&h));
                let server = match callee {
                    "uvicorn.run" => "uvicorn",
                    "app.run" => "flask-app",
                    _ => "gradio",
                };
                super::servers::serve(
                    self.progs,
                    self.ctx,
                    server,
                    host.as_deref(),
                    port,
                    self.buffered,
                );
                Flow::Serving
            }
            name if self.funcs.contains_key(name) => self.call_function(name, a, vars, st, func),
            _ => match self.io_call(callee, a, st, func, vars, expr) {
                Some(f) => f,
                None => Flow::Normal,
            },
        }
    }

    /// Parameters whose default names a module constant (`epochs: int = EPOCHS`) with that
    /// constant's value as the default, as the help screen shows it.
    fn resolved(&self, params: &[python_cli::Param]) -> Vec<python_cli::Param> {
        params
            .iter()
            .map(|p| {
                let mut p = p.clone();
                if let Some(v) = p
                    .default
                    .as_deref()
                    .and_then(|d| self.globals.get(d.trim()))
                {
                    let literal = match v {
                        Value::Str(s) => Some(py_repr(s)),
                        Value::Unknown(_) => None,
                        other => Some(other.show()),
                    };
                    if let Some(l) = literal {
                        p.default = Some(l);
                    }
                    // Without an annotation the type came from the default's text (a name):
                    // the value decides it, as Typer's inference from the default does.
                    if p.kind == python_cli::Kind::Text {
                        p.kind = match v {
                            Value::Int(_) => python_cli::Kind::Int,
                            Value::Float(_) => python_cli::Kind::Float,
                            Value::Bool(_) => python_cli::Kind::Bool,
                            _ => python_cli::Kind::Text,
                        };
                    }
                }
                p
            })
            .collect()
    }

    /// Acts on what a command-line library made of the script's arguments: the function called
    /// with them, or the help screen or usage error printed and the process ended.
    fn command_line(
        &mut self,
        outcome: Outcome,
        vars: &BTreeMap<String, Value>,
        st: &Stmt,
        func: &str,
    ) -> Flow {
        match outcome {
            Outcome::Call { func: f, args } => self.call_function(&f, &args, vars, st, func),
            Outcome::Exit {
                stdout,
                stderr,
                code,
            } => self.exit_with(&stdout, &stderr, code),
        }
    }

    /// Ends the script after a help screen or a usage error: its text, then `sys.exit(code)`.
    fn exit_with(&mut self, stdout: &str, stderr: &str, code: i32) -> Flow {
        self.out(stdout);
        self.ctx.stderr(stderr.as_bytes());
        Flow::Exit(code)
    }

    fn run(&mut self, stmts: &[Stmt], vars: &mut BTreeMap<String, Value>, func: &str) -> Flow {
        let mut i = 0;
        while let Some(st) = stmts.get(i) {
            i += 1;
            if self.steps > 20_000 {
                return Flow::Normal;
            }
            let t = st.text.trim();
            let flow = if let Some(rest) = t
                .strip_prefix("def ")
                .or_else(|| t.strip_prefix("async def "))
            {
                let name = rest.split('(').next().unwrap_or("").trim().to_owned();
                let mut cli = Vec::new();
                for p in rest
                    .split_once('(')
                    .and_then(|(_, p)| p.rsplit_once(')'))
                    .map(|(p, _)| split_args(p))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|p| !p.is_empty() && p != "self" && !p.starts_with('*'))
                {
                    let (n, d) = match top_level_eq(&p) {
                        Some(at) => (&p[..at], Some(p[at + 1..].trim())),
                        None => (p.as_str(), None),
                    };
                    let (n, annotation) = match n.split_once(':') {
                        Some((n, a)) => (n.trim(), Some(a.trim())),
                        None => (n.trim(), None),
                    };
                    cli.push(python_cli::Param::from_signature(n, annotation, d));
                }
                let doc = st.body.first().and_then(|d| docstring(&d.text));
                let decorators = std::mem::take(&mut self.decorators);
                for d in &decorators {
                    let Some((callee, args)) = call_of(d.trim_start_matches('@')) else {
                        continue;
                    };
                    if let Some(app) = callee.strip_suffix(".command")
                        && let Some(cmds) = self.typer_apps.get_mut(app)
                    {
                        cmds.push(python_cli::Command {
                            name: python_cli::command_name(&name, args),
                            func: name.clone(),
                            doc: doc.clone(),
                            params: cli.clone(),
                        });
                    }
                }
                self.funcs.insert(
                    name,
                    Func {
                        cli,
                        doc,
                        body: st.body.clone(),
                    },
                );
                Flow::Normal
            } else if t.starts_with('@') {
                self.decorators.push(t.to_owned());
                Flow::Normal
            } else if t.starts_with("class ") {
                Flow::Normal
            } else if let Some(cond) = t.strip_prefix("if ").and_then(|c| c.strip_suffix(':')) {
                // Collect the elif/else chain that follows.
                let mut chain: Vec<(Option<String>, &Stmt)> = vec![(Some(cond.to_owned()), st)];
                while let Some(next) = stmts.get(i) {
                    let nt = next.text.trim();
                    if let Some(c) = nt.strip_prefix("elif ").and_then(|c| c.strip_suffix(':')) {
                        chain.push((Some(c.to_owned()), next));
                        i += 1;
                    } else if nt == "else:" {
                        chain.push((None, next));
                        i += 1;
                        break;
                    } else {
                        break;
                    }
                }
                let mut flow = Flow::Normal;
                for (c, s) in chain {
                    let take = match &c {
                        None => Some(true),
                        Some(c) => self.eval(c, vars).truth(),
                    };
                    match take {
                        Some(true) => {
                            flow = self.run(&s.body, vars, func);
                            break;
                        }
                        Some(false) => {}
                        None => {
                            self.notes.push(format!(
                                "line {}: the condition `{}` is only known at run time; its block was skipped",
                                s.line,
                                c.unwrap_or_default()
                            ));
                            break;
                        }
                    }
                }
                flow
            } else if let Some(head) = t.strip_prefix("for ").and_then(|h| h.strip_suffix(':')) {
                let (var, iter) = head.split_once(" in ").unwrap_or((head, ""));
                let var = var.trim().to_owned();
                let n = match call_of(iter) {
                    Some(("range", args)) => {
                        let a = split_args(args);
                        let v: Vec<Value> = a.iter().map(|x| self.eval(x, vars)).collect();
                        match v.as_slice() {
                            [Value::Int(n)] => Some((0, *n)),
                            [Value::Int(a), Value::Int(b)] => Some((*a, *b)),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                let mut flow = Flow::Normal;
                match n {
                    Some((from, to)) => {
                        for k in from..to.min(from + 500) {
                            vars.insert(var.clone(), Value::Int(k));
                            let bytes = printed(self.ctx) + self.stdout_buf.len();
                            self.progs.effects.borrow_mut().pass(bytes, 700);
                            flow = self.run(&st.body, vars, func);
                            if !matches!(flow, Flow::Normal) {
                                break;
                            }
                        }
                    }
                    None => {
                        self.notes.push(format!(
                            "line {}: `for {head}` runs over data known only at run time; one iteration was simulated",
                            st.line
                        ));
                        for v in var.split(',') {
                            vars.insert(v.trim().to_owned(), Value::Unknown(v.trim().to_owned()));
                        }
                        let bytes = printed(self.ctx) + self.stdout_buf.len();
                        self.progs.effects.borrow_mut().pass(bytes, 700);
                        flow = self.run(&st.body, vars, func);
                    }
                }
                flow
            } else if t.starts_with("while ") {
                self.notes
                    .push(format!("line {}: `while` loops are not simulated", st.line));
                Flow::Normal
            } else if let Some(head) = t.strip_prefix("with ").and_then(|h| h.strip_suffix(':')) {
                let (expr, alias) = match head.rsplit_once(" as ") {
                    Some((e, a)) => (e.trim(), Some(a.trim())),
                    None => (head.trim(), None),
                };
                let mut flow = Flow::Normal;
                if let Some((callee, args)) = call_of(expr) {
                    let a = split_args(args);
                    flow = self.call(callee, &a, vars, st, func, expr);
                    if matches!(flow, Flow::Normal)
                        && callee == "open"
                        && let (Some(alias), Some(Value::Str(p))) =
                            (alias, a.first().map(|x| self.eval(x, vars)))
                    {
                        // `f.write("…")` inside the block appends to the file.
                        let abs = self.abs(&p);
                        for s in &st.body {
                            let w = s.text.trim();
                            if let Some(arg) = w
                                .strip_prefix(&format!("{alias}.write("))
                                .and_then(|x| x.strip_suffix(')'))
                                && let Value::Str(text) = self.eval(arg, vars)
                            {
                                let meta = self.ctx.new_meta(0o644);
                                let _ = self.ctx.rt.fs.write_file(
                                    &abs,
                                    text.as_bytes(),
                                    WriteMode::Append,
                                    meta,
                                );
                            }
                        }
                    }
                }
                if matches!(flow, Flow::Normal) {
                    flow = self.run(&st.body, vars, func);
                }
                flow
            } else if t == "try:" {
                let mut handlers: Vec<&Stmt> = Vec::new();
                let mut finally: Option<&Stmt> = None;
                while let Some(next) = stmts.get(i) {
                    let nt = next.text.trim();
                    if nt.starts_with("except") || nt == "else:" {
                        handlers.push(next);
                        i += 1;
                    } else if nt == "finally:" {
                        finally = Some(next);
                        i += 1;
                        break;
                    } else {
                        break;
                    }
                }
                let mut flow = self.run(&st.body, vars, func);
                if let Flow::Raise(e) = &flow {
                    let kind = e.kind.clone();
                    for h in &handlers {
                        let ht = h.text.trim();
                        let matches = ht == "except:"
                            || ht.starts_with("except Exception")
                            || ht.starts_with("except BaseException")
                            || ht.contains(&kind)
                            || (kind.ends_with("Error")
                                && ht.contains("OSError")
                                && kind != "RuntimeError");
                        if ht.starts_with("except") && matches {
                            flow = self.run(&h.body, vars, func);
                            break;
                        }
                    }
                }
                if let Some(f) = finally {
                    let _ = self.run(&f.body, vars, func);
                }
                flow
            } else if t.starts_with("elif ")
                || t == "else:"
                || t.starts_with("except")
                || t == "finally:"
            {
                Flow::Normal
            } else {
                self.simple(st, vars, func)
            };
            if !matches!(flow, Flow::Normal) {
                return flow;
            }
        }
        Flow::Normal
    }
}

/// `target = expr` (not `==`, not augmented with a keyword argument).
fn assignment(t: &str) -> Option<(&str, &str)> {
    let i = top_level_eq(t)?;
    let target = t
        .get(..i)?
        .trim()
        .trim_end_matches(['+', '-', '*', '/', ':']);
    let target = target.split(':').next().unwrap_or(target).trim();
    Some((target, t.get(i + 1..)?.trim()))
}

/// Python's format spec for the common cases (`.4f`, `d`, `>5`, `.2%`).
fn format_spec(v: &Value, spec: Option<&str>) -> String {
    let Some(spec) = spec else { return v.show() };
    let num = match v {
        Value::Int(n) => Some(*n as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    if let Some(prec) = spec.strip_prefix('.').and_then(|p| p.strip_suffix('f'))
        && let (Some(n), Ok(p)) = (num, prec.parse::<usize>())
    {
        return format!("{n:.p$}");
    }
    if let Some(prec) = spec.strip_prefix('.').and_then(|p| p.strip_suffix('%'))
        && let (Some(n), Ok(p)) = (num, prec.parse::<usize>())
    {
        return format!("{:.p$}%", n * 100.0);
    }
    v.show()
}

/// The modules a statement imports.
fn imports_of(stmt: &str) -> Vec<(String, Vec<(String, String)>)> {
    let s = stmt.trim();
    if let Some(rest) = s.strip_prefix("import ") {
        return rest
            .split(',')
            .map(|m| {
                let m = m.trim();
                let (name, alias) = match m.split_once(" as ") {
                    Some((n, a)) => (n.trim(), a.trim()),
                    None => (m, m.split('.').next().unwrap_or(m)),
                };
                (name.to_owned(), vec![(alias.to_owned(), name.to_owned())])
            })
            .collect();
    }
    if let Some(rest) = s.strip_prefix("from ")
        && let Some((module, names)) = rest.split_once(" import ")
    {
        let module = module.trim();
        if module.starts_with('.') {
            return Vec::new();
        }
        let names = names.trim().trim_start_matches('(').trim_end_matches(')');
        let binds = names
            .split(',')
            .filter(|n| !n.trim().is_empty())
            .map(|n| {
                let n = n.trim();
                let (name, alias) = n
                    .split_once(" as ")
                    .map_or((n, n), |(a, b)| (a.trim(), b.trim()));
                (alias.to_owned(), format!("{module}.{name}"))
            })
            .collect();
        return vec![(module.to_owned(), binds)];
    }
    Vec::new()
}

/// Runs a Python script the way CPython would for the statements Drydock models.
pub fn run(
    progs: &ContainerPrograms<'_>,
    ctx: &mut ProgramCtx<'_, '_>,
    argv: &[String],
    stdin: &[u8],
) -> ExitStatus {
    let prog = argv.first().cloned().unwrap_or_else(|| "python".to_owned());
    let mut unbuffered = ctx
        .get_env("PYTHONUNBUFFERED")
        .is_some_and(|v| !v.is_empty());
    let mut i = 1;
    let mut module: Option<String> = None;
    let mut code: Option<String> = None;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-u" => unbuffered = true,
            "-m" => {
                module = argv.get(i + 1).cloned();
                i += 1;
                break;
            }
            "-c" => {
                code = argv.get(i + 1).cloned();
                break;
            }
            s if s.starts_with('-') && s != "-" => {}
            _ => break,
        }
        i += 1;
    }
    // Not a script: what drydock-shell's python simulates (versions, -c, -m pip, …).
    let own = argv.get(..i.min(argv.len())).unwrap_or(&[]);
    let version = own.iter().any(|a| a == "--version" || a == "-V");
    if code.is_some() || argv.get(i).is_none() || version {
        if progs.inner.contains("python") {
            return progs.inner.run("python", ctx, argv, stdin);
        }
        if version {
            ctx.stdout(b"Python 3.11.14\n");
            return 0;
        }
        if code.is_none() && argv.get(i).is_none() {
            return 0; // the REPL reads stdin; without a terminal it ends at once
        }
        progs
            .effects
            .borrow_mut()
            .notes
            .push("python -c is not simulated".to_owned());
        return 0;
    }
    if let Some(m) = module {
        return run_module(progs, ctx, &prog, &m, argv.get(i + 1..).unwrap_or(&[]));
    }
    let script = argv.get(i).cloned().unwrap_or_default();
    let mut abs = ctx.abs(&script);
    if !script.contains('/') && ctx.rt.fs.stat(&abs).is_err() {
        // Run as the interpreter of a `#!` script found on PATH: the kernel hands over the
        // script's path, not the name it was called by.
        let path_var = ctx
            .get_env("PATH")
            .unwrap_or("/usr/local/bin:/usr/bin:/bin")
            .to_owned();
        if let Some(found) = path_var
            .split(':')
            .map(|d| format!("{}/{script}", d.trim_end_matches('/')))
            .find(|p| {
                read(ctx, p).is_some_and(|t| {
                    t.starts_with("#!") && t.lines().next().is_some_and(|l| l.contains("python"))
                })
            })
        {
            abs = found;
        }
    }
    let Some(src) = read(ctx, &abs).filter(|_| !is_dir(ctx, &abs)) else {
        let why = if is_dir(ctx, &abs) {
            format!(
                "{prog}: can't find '__main__' module in {}\n",
                py_repr(&abs)
            )
        } else {
            format!(
                "{prog}: can't open file {}: [Errno 2] No such file or directory\n",
                py_repr(&abs)
            )
        };
        ctx.stderr(why.as_bytes());
        return 2;
    };
    // Console scripts written by pip dispatch to the program of their name.
    if let Some(target) = console_script(&src) {
        return super::servers::run(progs, &target, ctx, argv.get(i..).unwrap_or(&[]));
    }
    let tty = ctx.get_env("TERM").is_some();
    let argv_script = argv.get(i..).unwrap_or(&[]);
    // Click shows the script's file name.
    let name = script.rsplit('/').next().unwrap_or(&script).to_owned();
    run_source(
        progs,
        ctx,
        &abs,
        &src,
        !unbuffered && !tty,
        argv_script,
        name,
    )
}

/// `python -m MODULE`: servers run as modules, or a module file of the project.
fn run_module(
    progs: &ContainerPrograms<'_>,
    ctx: &mut ProgramCtx<'_, '_>,
    prog: &str,
    module: &str,
    rest: &[String],
) -> ExitStatus {
    match module {
        "uvicorn" | "streamlit" | "flask" | "gunicorn" | "fastapi" => {
            let mut argv = vec![module.to_owned()];
            argv.extend(rest.iter().cloned());
            return super::servers::run(progs, module, ctx, &argv);
        }
        "http.server" => {
            let port = rest.first().and_then(|p| p.parse().ok()).unwrap_or(8000);
            super::servers::serve(progs, ctx, "http.server", None, Some(port), false);
            return 0;
        }
        _ => {}
    }
    if progs.inner.contains("python") && matches!(module, "pip" | "venv" | "ensurepip") {
        let mut argv = vec![prog.to_owned(), "-m".to_owned(), module.to_owned()];
        argv.extend(rest.iter().cloned());
        return progs.inner.run("python", ctx, &argv, b"");
    }
    let cwd = ctx.cwd.clone();
    let mut dirs = vec![cwd];
    dirs.extend(site_dirs(ctx));
    let rel = module.replace('.', "/");
    for d in &dirs {
        for cand in [format!("{d}/{rel}.py"), format!("{d}/{rel}/__main__.py")] {
            if let Some(src) = read(ctx, &cand) {
                let mut argv = vec![cand.clone()];
                argv.extend(rest.iter().cloned());
                return run_source(
                    progs,
                    ctx,
                    &cand,
                    &src,
                    true,
                    &argv,
                    format!("python -m {module}"),
                );
            }
        }
    }
    ctx.stderr(format!("/usr/local/bin/python: No module named {module}\n").as_bytes());
    1
}

/// The program a pip console script runs (`from uvicorn.main import main` … `sys.exit(main())`).
fn console_script(src: &str) -> Option<String> {
    if !src.starts_with("#!") || !src.contains("sys.exit(") {
        return None;
    }
    let line = src
        .lines()
        .find(|l| l.starts_with("from ") && l.contains(" import main"))?;
    let module = line.strip_prefix("from ")?.split(" import ").next()?.trim();
    let top = module.split('.').next()?;
    matches!(
        top,
        "uvicorn" | "streamlit" | "flask" | "gunicorn" | "fastapi"
    )
    .then(|| top.to_owned())
}

/// Runs script source (already read from `path`).
/// `args` is `sys.argv` (the script as given, then its arguments); `prog` the program name
/// command-line libraries show.
fn run_source(
    progs: &ContainerPrograms<'_>,
    ctx: &mut ProgramCtx<'_, '_>,
    path: &str,
    src: &str,
    buffered: bool,
    args: &[String],
    prog: String,
) -> ExitStatus {
    let stmts = blocks(&logical_lines(src));
    let script_dir = path
        .rsplit_once('/')
        .map_or("/", |(d, _)| if d.is_empty() { "/" } else { d })
        .to_owned();
    let mut w = Walker {
        progs,
        ctx,
        script: path.to_owned(),
        funcs: BTreeMap::new(),
        modules: BTreeMap::new(),
        buffered,
        stdout_buf: Vec::new(),
        depth: 0,
        steps: 0,
        notes: Vec::new(),
        prog,
        args: args.get(1..).unwrap_or(&[]).to_vec(),
        argv0: args.first().cloned().unwrap_or_default(),
        typer_apps: BTreeMap::new(),
        decorators: Vec::new(),
        arg_parsers: BTreeMap::new(),
        globals: BTreeMap::new(),
    };
    // Imports anywhere at the top level (including inside `try:`) are checked first-come.
    let mut dirs = vec![script_dir];
    if let Some(pp) = w.ctx.get_env("PYTHONPATH").map(str::to_owned) {
        dirs.extend(
            pp.split(':')
                .filter(|d| !d.is_empty())
                .map(|d| w.ctx.abs(d)),
        );
    }
    // The script's own folder and PYTHONPATH hold user code (checked module by module);
    // site-packages hold installed distributions, whose submodules all come with the package.
    let user_dirs = dirs.len();
    let sites = site_dirs(w.ctx);
    dirs.extend(sites.iter().cloned());
    let mut result = Flow::Normal;
    let mut vars = BTreeMap::new();
    let mut pending: Vec<Stmt> = Vec::new();
    for st in &stmts {
        let imports = imports_of(&st.text);
        if imports.is_empty() {
            pending.push(st.clone());
            continue;
        }
        // Statements before the import run first (prints before a failing import show).
        if !pending.is_empty() {
            let r = w.run(&pending, &mut vars, "<module>");
            pending.clear();
            if !matches!(r, Flow::Normal) {
                result = r;
                break;
            }
        }
        let mut failed = None;
        for (module, binds) in &imports {
            let top = module.split('.').next().unwrap_or(module);
            let parts: Vec<&str> = module.split('.').collect();
            let user_top = importable(w.ctx, dirs.get(..user_dirs).unwrap_or(&[]), top);
            let missing = if STDLIB.contains(&top) || (!user_top && importable(w.ctx, &sites, top))
            {
                None
            } else {
                (1..=parts.len())
                    .map(|k| parts.get(..k).unwrap_or(&[]).join("."))
                    .find(|m| !importable(w.ctx, &dirs, m))
            };
            if let Some(m) = missing {
                failed = Some(m);
                break;
            }
            for (alias, full) in binds {
                let canonical = match full.as_str() {
                    "matplotlib.pyplot" => "matplotlib.pyplot".to_owned(),
                    f => {
                        let t = f.split('.').next().unwrap_or(f);
                        if imports.len() == 1
                            && f.starts_with(module.as_str())
                            && module.contains('.')
                            && f == module
                        {
                            f.to_owned()
                        } else {
                            t.to_owned()
                        }
                    }
                };
                w.modules.insert(alias.clone(), canonical);
            }
        }
        if let Some(m) = failed {
            result = Flow::Raise(Raised {
                kind: "ModuleNotFoundError".to_owned(),
                message: format!("No module named {}", py_repr(&m)),
                frames: vec![(
                    st.line,
                    "<module>".to_owned(),
                    st.text.trim().to_owned(),
                    None,
                )],
            });
            break;
        }
    }
    if matches!(result, Flow::Normal) && !pending.is_empty() {
        result = w.run(&pending, &mut vars, "<module>");
    }
    let code = match result {
        Flow::Normal | Flow::Return => 0,
        Flow::Exit(n) => n,
        Flow::Serving => 0,
        Flow::Raise(e) => {
            let mut tb = String::from("Traceback (most recent call last):\n");
            for (line, func, text, span) in &e.frames {
                tb.push_str(&format!(
                    "  File \"{}\", line {line}, in {func}\n    {text}\n",
                    w.script
                ));
                if let Some((at, len)) = span {
                    tb.push_str(&format!("    {}{}\n", " ".repeat(*at), "^".repeat(*len)));
                }
            }
            if e.message.is_empty() {
                tb.push_str(&format!("{}\n", e.kind));
            } else {
                tb.push_str(&format!("{}: {}\n", e.kind, e.message));
            }
            w.ctx.stderr(tb.as_bytes());
            1
        }
    };
    if !w.stdout_buf.is_empty() {
        // Block-buffered stdout (no -u, no terminal) is flushed at exit, after the traceback.
        let buf = std::mem::take(&mut w.stdout_buf);
        w.ctx.stdout(&buf);
    }
    let notes = std::mem::take(&mut w.notes);
    progs.effects.borrow_mut().notes.extend(notes);
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_and_blocks() {
        let src = "import os\n\ndef train(lr=1e-3, epochs=2):\n    print(f\"lr={lr}\")\n    for e in range(epochs):\n        print(f\"Epoch {e}\")\n\nif __name__ == \"__main__\":\n    train()\n";
        let b = blocks(&logical_lines(src));
        assert_eq!(b.len(), 3);
        assert_eq!(b.get(1).map(|s| s.body.len()), Some(2));
        assert_eq!(assignment("x = 1"), Some(("x", "1")));
        assert_eq!(assignment("f(a=1)"), None);
        assert_eq!(assignment("a == b"), None);
        assert_eq!(
            split_args("a, f(b, c), 'x,y'"),
            vec!["a", "f(b, c)", "'x,y'"]
        );
        assert_eq!(py_float(0.001), "0.001");
        assert_eq!(py_float(2.0), "2.0");
        assert_eq!(py_repr("models/x"), "'models/x'");
        assert_eq!(format_spec(&Value::Float(0.12345), Some(".3f")), "0.123");
        assert_eq!(
            imports_of("from a.b import c as d")
                .first()
                .map(|x| x.0.clone()),
            Some("a.b".into())
        );
    }
}
