//! `python` / `python3` (CPython 3 of the image): `--version`, `-c` with simple statements
//! (imports checked against the environment, `print` of literals, `module.__version__`, integer
//! arithmetic and torch's accelerator queries (`python_value.rs`), a
//! name no import bound raising `NameError`),
//! `-m pip|venv|ensurepip|…`, running a script (its top-level imports are checked with
//! Python's `ModuleNotFoundError` traceback, literal `print` lines are printed), console scripts
//! (dispatched to the simulated program of the script's name), and Python's file errors.
use crate::programs::ProgramCtx;
use crate::programs::common as c;
use crate::programs::pkg::pyenv::{self, PyEnv};
use crate::programs::tools::python_value;

/// Top-level modules of the standard library.
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
    "distutils",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fnmatch",
    "fractions",
    "functools",
    "gc",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
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
    "linecache",
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
    "pdb",
    "pickle",
    "pkgutil",
    "platform",
    "pprint",
    "profile",
    "pstats",
    "queue",
    "random",
    "re",
    "secrets",
    "select",
    "selectors",
    "shlex",
    "shutil",
    "signal",
    "site",
    "socket",
    "socketserver",
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
    "tokenize",
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
    "wave",
    "weakref",
    "wsgiref",
    "xml",
    "zipfile",
    "zlib",
    "zoneinfo",
    "cProfile",
    "compileall",
    "py_compile",
    "runpy",
    "code",
    "codeop",
    "crypt",
    "curses",
    "dbm",
    "filecmp",
    "fileinput",
    "ftplib",
    "imaplib",
    "mailbox",
    "netrc",
    "nntplib",
    "optparse",
    "poplib",
    "pty",
    "pwd",
    "grp",
    "readline",
    "resource",
    "rlcompleter",
    "sched",
    "shelve",
    "smtplib",
    "sndhdr",
    "stringprep",
    "symtable",
    "tabnanny",
    "telnetlib",
    "termios",
    "trace",
    "tracemalloc",
    "tty",
    "turtle",
    "uu",
    "webbrowser",
    "xdrlib",
    "xmlrpc",
    "zipapp",
    "zipimport",
    "_thread",
    "posixpath",
    "ntpath",
    "genericpath",
];

/// Where `import` looks: the script's directory (or cwd), PYTHONPATH, site dirs and `.pth`s.
fn search_path(ctx: &ProgramCtx<'_, '_>, env: &PyEnv, first: &str) -> Vec<String> {
    let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
    let mut dirs = vec![first.to_owned()];
    if let Some(pp) = ctx.get_env("PYTHONPATH") {
        dirs.extend(pp.split(':').filter(|d| !d.is_empty()).map(|d| ctx.abs(d)));
    }
    let site = env.search_dirs(&home);
    for d in &site {
        for n in ctx.rt.fs.read_dir(d).unwrap_or_default() {
            if n.ends_with(".pth") {
                let t = c::read_text(ctx, &c::join(d, &n)).unwrap_or_default();
                dirs.extend(t.lines().filter(|l| l.starts_with('/')).map(str::to_owned));
            }
        }
    }
    dirs.extend(site);
    dirs
}

/// The first component of a dotted module that cannot be imported, as Python names it.
fn missing_module(ctx: &ProgramCtx<'_, '_>, dirs: &[String], module: &str) -> Option<String> {
    let top = module.split('.').next().unwrap_or(module);
    if STDLIB.contains(&top) {
        return None;
    }
    let parts: Vec<&str> = module.split('.').collect();
    for k in 1..=parts.len() {
        let m = parts.get(..k).unwrap_or(&[]).join(".");
        if !pyenv::importable(ctx, dirs, &m) {
            return Some(m);
        }
        // a plain module file has no submodules to check
        let rel = m.replace('.', "/");
        if dirs
            .iter()
            .any(|d| c::exists(ctx, &format!("{d}/{rel}.py")))
        {
            return None;
        }
    }
    None
}

/// The modules a statement imports (`import a, b as c`, `from x.y import z`).
fn imports_of(stmt: &str) -> Vec<String> {
    let s = stmt.trim();
    if let Some(rest) = s.strip_prefix("import ") {
        return rest
            .split(',')
            .map(|p| p.split_whitespace().next().unwrap_or("").to_owned())
            .filter(|m| !m.is_empty())
            .collect();
    }
    if let Some(rest) = s.strip_prefix("from ") {
        let m = rest.split_whitespace().next().unwrap_or("");
        if !m.is_empty() && !m.starts_with('.') {
            return vec![m.to_owned()];
        }
    }
    Vec::new()
}

/// What evaluating a `print(...)` argument list gave.
enum Printed {
    Line(String),
    /// A name no statement bound (Python's `NameError`).
    Unbound(String),
    /// Something the simulation does not evaluate.
    Unknown,
}

/// Evaluates a `print(...)` argument list of literals and `module.__version__`; `bound` holds
/// the names the code's imports bound so far.
fn eval_print(
    ctx: &ProgramCtx<'_, '_>,
    env: &PyEnv,
    dirs: &[String],
    aliases: &[(String, String)],
    bound: &[String],
    args: &str,
) -> Printed {
    // The module a bound name stands for (`np` → `numpy` after `import numpy as np`).
    let module_of = |n: &str| -> String {
        aliases
            .iter()
            .find(|(al, _)| al == n)
            .map_or(n, |(_, real)| real.as_str())
            .to_owned()
    };
    let mut parts = Vec::new();
    for a in split_args(args) {
        let a = a.trim();
        if a.is_empty() {
            continue;
        }
        let unbound = |name: &str| {
            let top = name.split('.').next().unwrap_or(name);
            (!bound.iter().any(|b| b == top)).then(|| top.to_owned())
        };
        if let Some(s) = string_literal(a) {
            parts.push(s);
        } else if a.parse::<f64>().is_ok() {
            parts.push(a.to_owned());
        } else if let Some(v) = python_value::constant(a) {
            parts.push(v);
        } else if python_value::looks_like_torch_query(a) {
            if let Some(name) = unbound(a) {
                return Printed::Unbound(name);
            }
            match python_value::torch_query(a, |n| Some(module_of(n))) {
                Some(v) => parts.push(v.to_owned()),
                None => return Printed::Unknown,
            }
        } else if let Some(m) = a.strip_suffix(".__version__") {
            if let Some(name) = unbound(m) {
                return Printed::Unbound(name);
            }
            match version_of(ctx, env, dirs, &module_of(m)) {
                Some(v) => parts.push(v),
                None => return Printed::Unknown,
            }
        } else if matches!(a, "sys.version" | "sys.executable") {
            if let Some(name) = unbound(a) {
                return Printed::Unbound(name);
            }
            parts.push(if a == "sys.version" {
                format!(
                    "{} (main, Oct 21 2025, 00:00:00) [{}]",
                    env.full,
                    compiler(
                        ctx.rt
                            .fs
                            .read_file("/etc/debian_version")
                            .ok()
                            .map(|b| String::from_utf8_lossy(&b).into_owned())
                            .as_deref(),
                        ctx.rt.fs.stat("/etc/alpine-release").is_ok()
                    )
                )
            } else {
                env.python.clone()
            });
        } else {
            return Printed::Unknown;
        }
    }
    Printed::Line(parts.join(" "))
}

/// The names an import statement binds, each with the module an `import m as name` alias
/// stands for: `import a.b` binds `a`, `import a as b` binds `b` (for `a`), `from x import y,
/// z as w` binds `y` and `w`.
fn bindings(stmt: &str) -> Vec<(String, Option<String>)> {
    let s = stmt.trim();
    let names = |list: &str, plain_import: bool| -> Vec<(String, Option<String>)> {
        list.trim_matches(|c| c == '(' || c == ')' || c == ' ')
            .split(',')
            .filter_map(|p| {
                let w: Vec<&str> = p.split_whitespace().collect();
                match w.as_slice() {
                    [m, "as", alias] => {
                        Some(((*alias).to_owned(), plain_import.then(|| (*m).to_owned())))
                    }
                    [m] if plain_import => m.split('.').next().map(|n| (n.to_owned(), None)),
                    [m] => Some(((*m).to_owned(), None)),
                    _ => None,
                }
            })
            .collect()
    };
    if let Some(rest) = s.strip_prefix("import ") {
        return names(rest, true);
    }
    if let Some(rest) = s.strip_prefix("from ")
        && let Some((_, list)) = rest.split_once(" import ")
    {
        return names(list, false);
    }
    Vec::new()
}

/// Whether Python's prompt prints the value of the bare expression `code` (the simulation can
/// compute it), and whether that value is a string (the prompt shows its repr, quoted).
pub fn prompt_value(code: &str) -> Option<bool> {
    let stringy = code.ends_with(".__version__")
        || matches!(code, "sys.version" | "sys.executable")
        || ((code.starts_with('"') || code.starts_with('\'')) && code.len() > 1);
    if stringy {
        return Some(true);
    }
    (code.parse::<f64>().is_ok()
        || python_value::constant(code).is_some()
        || python_value::looks_like_torch_query(code))
    .then_some(false)
}

/// The compiler CPython's banner and `sys.version` name (`[GCC 14.2.0]`), from the image's
/// distribution release files: the official images build Python with the distribution's GCC.
pub fn compiler(debian_version: Option<&str>, alpine: bool) -> &'static str {
    let major = debian_version
        .and_then(|v| v.trim().split(['.', '/']).next().map(str::to_owned))
        .unwrap_or_default();
    match major.as_str() {
        "13" | "trixie" => "GCC 14.2.0",
        "11" | "bullseye" => "GCC 10.2.1 20210110",
        _ if alpine => "GCC 14.2.0",
        _ => "GCC 12.2.0",
    }
}

/// The names a statement binds by importing (none for any other statement): what stays
/// defined for the statements after it.
pub fn bound_names(stmt: &str) -> Vec<String> {
    bindings(stmt).into_iter().map(|(name, _)| name).collect()
}

/// Python's `NameError` line for `name` (3.12 and later suggest importing a standard module).
fn name_error(env: &PyEnv, name: &str) -> String {
    let mut parts = env.short.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let version = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    if version >= (3, 12) && STDLIB.contains(&name) {
        format!("NameError: name '{name}' is not defined. Did you forget to import '{name}'?")
    } else {
        format!("NameError: name '{name}' is not defined")
    }
}

fn version_of(
    ctx: &ProgramCtx<'_, '_>,
    env: &PyEnv,
    dirs: &[String],
    module: &str,
) -> Option<String> {
    let top = module.split('.').next().unwrap_or(module);
    let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
    let mut all = env.search_dirs(&home);
    all.extend(dirs.iter().cloned());
    let dists = pyenv::installed(ctx, &all);
    drydock_catalog::packages::pip_index()
        .providers_of(top)
        .iter()
        .find_map(|p| pyenv::find(&dists, &p.name).map(|d| d.version.clone()))
}

fn string_literal(a: &str) -> Option<String> {
    let a = a.trim();
    let a = a.strip_prefix('f').unwrap_or(a);
    for q in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(body) = a.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return Some(body.replace("\\n", "\n").replace("\\t", "\t"));
        }
    }
    None
}

/// Splits a Python argument list at its top-level commas (outside brackets and quotes), each
/// part trimmed; a trailing comma adds no empty part.
pub fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut q: Option<char> = None;
    let mut depth = 0;
    for ch in s.chars() {
        match q {
            Some(qc) => {
                cur.push(ch);
                if ch == qc {
                    q = None;
                }
            }
            None => match ch {
                '"' | '\'' => {
                    q = Some(ch);
                    cur.push(ch);
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    cur.push(ch);
                }
                ')' | ']' | '}' => {
                    depth -= 1;
                    cur.push(ch);
                }
                ',' if depth == 0 => out.push(std::mem::take(&mut cur).trim().to_owned()),
                _ => cur.push(ch),
            },
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

fn traceback(
    ctx: &mut ProgramCtx<'_, '_>,
    file: &str,
    line: usize,
    text: &str,
    module: &str,
) -> i32 {
    raise(
        ctx,
        file,
        line,
        text,
        None,
        &format!("ModuleNotFoundError: No module named '{module}'"),
    )
}

/// Prints a one-frame traceback ending in `error`; a file's frame shows its source line, with
/// carets under `mark` (the failing name, as Python 3.11 and later point at it).
fn raise(
    ctx: &mut ProgramCtx<'_, '_>,
    file: &str,
    line: usize,
    text: &str,
    mark: Option<&str>,
    error: &str,
) -> i32 {
    let mut loc = format!("  File \"{file}\", line {line}, in <module>\n");
    if !file.starts_with('<') {
        let source = text.trim();
        loc.push_str(&format!("    {source}\n"));
        if let Some(col) = mark.and_then(|m| name_column(source, m)) {
            let width = mark.map_or(0, |m| m.chars().count());
            loc.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
        }
    }
    c::eout(
        ctx,
        &format!("Traceback (most recent call last):\n{loc}{error}\n"),
    );
    1
}

/// The column (in chars) where `name` first stands as a whole identifier in `source`.
pub fn name_column(source: &str, name: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(i) = source
        .get(from..)
        .and_then(|r| r.find(name))
        .map(|i| i + from)
    {
        let before = source.get(..i).and_then(|b| b.chars().next_back());
        let after = source.get(i + name.len()..).and_then(|a| a.chars().next());
        if !before.is_some_and(|c| is_ident(c) || c == '.') && !after.is_some_and(is_ident) {
            return Some(source.get(..i).map_or(0, |b| b.chars().count()));
        }
        from = i + name.len();
    }
    None
}

/// Runs statements (script or `-c`): imports are checked in order, literal prints printed.
fn run_code(
    ctx: &mut ProgramCtx<'_, '_>,
    env: &PyEnv,
    file: &str,
    code: &str,
    first_dir: &str,
) -> i32 {
    let dirs = search_path(ctx, env, first_dir);
    let mut aliases: Vec<(String, String)> = Vec::new();
    let mut bound: Vec<String> = Vec::new();
    let mut out = String::new();
    let mut simulated_all = true;
    for (i, raw) in code.lines().enumerate() {
        // top-level statements only (indented code runs conditionally)
        if raw.starts_with(' ') || raw.starts_with('\t') {
            if !raw.trim().is_empty() {
                simulated_all = false;
            }
            continue;
        }
        for stmt in raw.split(';') {
            let s = stmt.trim();
            if s.is_empty() || s.starts_with('#') {
                continue;
            }
            let imports = imports_of(s);
            if !imports.is_empty() {
                for m in &imports {
                    if let Some(missing) = missing_module(ctx, &dirs, m) {
                        ctx.stdout(out.as_bytes());
                        return traceback(ctx, file, i + 1, raw, &missing);
                    }
                }
                for (name, module) in bindings(s) {
                    if let Some(m) = module {
                        aliases.push((name.clone(), m));
                    }
                    bound.push(name);
                }
                continue;
            }
            if let Some(args) = s.strip_prefix("print(").and_then(|r| r.strip_suffix(')')) {
                match eval_print(ctx, env, &dirs, &aliases, &bound, args) {
                    Printed::Line(line) => {
                        out.push_str(&line);
                        out.push('\n');
                    }
                    Printed::Unbound(name) => {
                        ctx.stdout(out.as_bytes());
                        let error = name_error(env, &name);
                        return raise(ctx, file, i + 1, raw, Some(&name), &error);
                    }
                    Printed::Unknown => simulated_all = false,
                }
                continue;
            }
            if s.starts_with("if __name__")
                || s.starts_with("def ")
                || s.starts_with("class ")
                || s.starts_with('@')
            {
                continue;
            }
            if s.starts_with("sys.exit(") {
                ctx.stdout(out.as_bytes());
                if !bound.iter().any(|b| b == "sys") {
                    let error = name_error(env, "sys");
                    return raise(ctx, file, i + 1, raw, Some("sys"), &error);
                }
                let code = s.trim_start_matches("sys.exit(").trim_end_matches(')');
                return code.parse().unwrap_or(if code.is_empty() { 0 } else { 1 });
            }
            simulated_all = false;
        }
    }
    ctx.stdout(out.as_bytes());
    if !simulated_all {
        ctx.rt.notes.push(format!(
            "{file}: only imports and literal prints were simulated"
        ));
    }
    0
}

/// Creates a virtual environment at `dir` for interpreter `env`.
fn venv(ctx: &mut ProgramCtx<'_, '_>, env: &PyEnv, args: &[String]) -> i32 {
    let with_pip = !args.iter().any(|a| a == "--without-pip");
    let system_site = args.iter().any(|a| a == "--system-site-packages");
    let Some(dir) = args.iter().find(|a| !a.starts_with('-')) else {
        c::eout(
            ctx,
            "usage: venv [-h] [--system-site-packages] [--symlinks | --copies] [--clear]\n            [--upgrade] [--without-pip] [--prompt PROMPT] [--upgrade-deps]\n            ENV_DIR [ENV_DIR ...]\nvenv: error: the following arguments are required: ENV_DIR\n",
        );
        return 2;
    };
    let dir = ctx.abs(dir);
    if env.system
        && with_pip
        && !c::exists(
            ctx,
            &format!("/usr/lib/python{}/ensurepip/__init__.py", env.short),
        )
    {
        c::out(
            ctx,
            &format!(
                "The virtual environment was not created successfully because ensurepip is not\navailable.  On Debian/Ubuntu systems, you need to install the python3-venv\npackage using the following command.\n\n    apt install python{}-venv\n\nYou may need to use sudo with that command.  After installing the python3-venv\npackage, recreate your virtual environment.\n\nFailing command: {dir}/bin/python{}\n",
                env.short, env.short
            ),
        );
        return 1;
    }
    let m = ctx.new_meta(0o755);
    if c::mkdir_p_with(ctx, &format!("{dir}/bin"), m).is_err() {
        c::eout(
            ctx,
            &format!("Error: [Errno 13] Permission denied: '{dir}'\n"),
        );
        return 1;
    }
    let site = format!("{dir}/lib/python{}/site-packages", env.short);
    let _ = c::mkdir_p_with(ctx, &site, m);
    let _ = c::mkdir_p_with(ctx, &format!("{dir}/include/python{}", env.short), m);
    let _ = ctx.fs().symlink("lib", &format!("{dir}/lib64"), m);
    let home_bin = c::parent(&env.python).to_owned();
    let cfg = format!(
        "home = {home_bin}\ninclude-system-site-packages = {system_site}\nversion = {}\nexecutable = {}\ncommand = {} -m venv {dir}\n",
        env.full, env.python, env.python
    );
    let _ = c::write(ctx, &format!("{dir}/pyvenv.cfg"), cfg.as_bytes(), 0o644);
    let _ = ctx
        .fs()
        .symlink(&env.python, &format!("{dir}/bin/python{}", env.short), m);
    let _ = ctx.fs().symlink(
        &format!("python{}", env.short),
        &format!("{dir}/bin/python3"),
        m,
    );
    let _ = ctx.fs().symlink("python3", &format!("{dir}/bin/python"), m);
    let activate = format!(
        "# This file must be used with \"source bin/activate\" *from bash*\n# you cannot run it directly\n\ndeactivate () {{\n    if [ -n \"${{_OLD_VIRTUAL_PATH:-}}\" ] ; then\n        PATH=\"${{_OLD_VIRTUAL_PATH:-}}\"\n        export PATH\n        unset _OLD_VIRTUAL_PATH\n    fi\n    unset VIRTUAL_ENV\n    unset VIRTUAL_ENV_PROMPT\n}}\n\nVIRTUAL_ENV=\"{dir}\"\nexport VIRTUAL_ENV\n\n_OLD_VIRTUAL_PATH=\"$PATH\"\nPATH=\"$VIRTUAL_ENV/bin:$PATH\"\nexport PATH\n\nVIRTUAL_ENV_PROMPT=\"({}) \"\nexport VIRTUAL_ENV_PROMPT\n",
        c::base(&dir)
    );
    let _ = c::write(
        ctx,
        &format!("{dir}/bin/activate"),
        activate.as_bytes(),
        0o644,
    );
    if with_pip {
        let pip_version = "25.2";
        let marker = format!(
            "{}pip\npython={}\nversion={pip_version}\n",
            crate::programs::PROGRAM_MARKER,
            env.short
        );
        for n in [
            "pip".to_owned(),
            "pip3".to_owned(),
            format!("pip{}", env.short),
        ] {
            let _ = c::write(ctx, &format!("{dir}/bin/{n}"), marker.as_bytes(), 0o755);
        }
        let info = format!("{site}/pip-{pip_version}.dist-info");
        let _ = c::mkdir_p_with(ctx, &info, m);
        let _ = c::write(
            ctx,
            &format!("{info}/METADATA"),
            format!("Metadata-Version: 2.1\nName: pip\nVersion: {pip_version}\n").as_bytes(),
            0o644,
        );
        let _ = c::mkdir_p_with(ctx, &format!("{site}/pip"), m);
        let meta = ctx.new_meta(0o644);
        let _ = ctx.fs().write_synthetic(
            &format!("{site}/pip/_drydock_payload.py"),
            8_600_000,
            c::seed_of(&site),
            &format!("pip {pip_version}"),
            meta,
        );
    }
    if ctx.user.uid != 0 {
        let (u, g) = (ctx.user.uid, ctx.user.gid);
        for p in c::walk(ctx, &dir) {
            let _ = ctx.fs().chown(&p, u, g);
        }
    }
    0
}

/// The `python` program.
pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let invoked = argv.first().cloned().unwrap_or_else(|| "python".into());
    let Some(env) = pyenv::from_exe(ctx) else {
        c::eout(
            ctx,
            &format!("{invoked}: could not determine the Python version\n"),
        );
        return 1;
    };
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-V" | "--version" => {
                c::out(ctx, &format!("Python {}", env.full));
                return 0;
            }
            "-u" | "-B" | "-O" | "-OO" | "-s" | "-S" | "-E" | "-I" | "-q" | "-b" | "-bb" | "-d"
            | "-v" => i += 1,
            "-W" | "-X" => i += 2,
            "-c" => {
                let code = argv.get(i + 1).cloned().unwrap_or_default();
                if argv.get(i + 1).is_none() {
                    c::eout(
                        ctx,
                        "Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
                    );
                    return 2;
                }
                let cwd = ctx.cwd.clone();
                return run_code(ctx, &env, "<string>", &code, &cwd);
            }
            "-m" => {
                let module = argv.get(i + 1).cloned().unwrap_or_default();
                let rest: Vec<String> = argv.get(i + 2..).unwrap_or(&[]).to_vec();
                return run_module(ctx, &env, &invoked, &module, &rest);
            }
            "-h" | "--help" => {
                c::out(
                    ctx,
                    "usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...",
                );
                return 0;
            }
            "-" => {
                let code = String::from_utf8_lossy(stdin).into_owned();
                ctx.consumed_stdin = true;
                let cwd = ctx.cwd.clone();
                return run_code(ctx, &env, "<stdin>", &code, &cwd);
            }
            s if s.starts_with('-') => {
                c::eout(
                    ctx,
                    &format!(
                        "Unknown option: {s}\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"
                    ),
                );
                return 2;
            }
            _ => break,
        }
    }
    let Some(script) = argv.get(i).cloned() else {
        if stdin.is_empty() {
            return 0;
        }
        let code = String::from_utf8_lossy(stdin).into_owned();
        ctx.consumed_stdin = true;
        let cwd = ctx.cwd.clone();
        return run_code(ctx, &env, "<stdin>", &code, &cwd);
    };
    let path = ctx.abs(&script);
    let text = match ctx.rt.fs.stat(&path) {
        Ok(st) if st.kind == crate::fs::Kind::Dir => {
            if c::exists(ctx, &c::join(&path, "__main__.py")) {
                c::read_text(ctx, &c::join(&path, "__main__.py")).unwrap_or_default()
            } else {
                c::eout(
                    ctx,
                    &format!("{invoked}: can't find '__main__' module in '{script}'\n"),
                );
                return 1;
            }
        }
        Ok(_) => c::read_text(ctx, &path).unwrap_or_default(),
        Err(_) => {
            c::eout(
                ctx,
                &format!(
                    "{invoked}: can't open file '{path}': [Errno 2] No such file or directory\n"
                ),
            );
            return 2;
        }
    };
    // a console script: dispatch to the program of that name
    if text.contains("sys.exit(main())") && text.contains("import main") {
        let name = c::base(&script).to_owned();
        let mut args = vec![name.clone()];
        args.extend(argv.get(i + 1..).unwrap_or(&[]).iter().cloned());
        let dirs = search_path(ctx, &env, c::parent(&path));
        if let Some(module) = text
            .lines()
            .find_map(|l| l.strip_prefix("from "))
            .and_then(|l| l.split_whitespace().next())
            && let Some(missing) = missing_module(ctx, &dirs, module)
        {
            let line = text
                .lines()
                .position(|l| l.starts_with("from "))
                .map_or(5, |p| p + 1);
            let raw = text.lines().nth(line - 1).unwrap_or("").to_owned();
            return traceback(ctx, &path, line, &raw, &missing);
        }
        let programs = ctx.rt.programs;
        if programs.contains(&name) {
            return programs.run(&name, ctx, &args, stdin);
        }
        return super::generic::run(ctx, &args, stdin);
    }
    let dir = c::parent(&path).to_owned();
    run_code(ctx, &env, &path, &text, &dir)
}

fn run_module(
    ctx: &mut ProgramCtx<'_, '_>,
    env: &PyEnv,
    invoked: &str,
    module: &str,
    rest: &[String],
) -> i32 {
    match module {
        "pip" => {
            let home = ctx.get_env("HOME").unwrap_or("/root").to_owned();
            let dists = pyenv::installed(ctx, &env.search_dirs(&home));
            if pyenv::find(&dists, "pip").is_none()
                && !c::exists(ctx, &format!("{}/pip", env.site()))
                && !c::exists(ctx, "/usr/lib/python3/dist-packages/pip")
            {
                c::eout(ctx, &format!("{}: No module named pip\n", env.python));
                return 1;
            }
            let who = format!("{} -m pip", c::base(invoked));
            crate::programs::pkg::pip::run_in(ctx, env, &who, rest)
        }
        "venv" => venv(ctx, env, rest),
        "ensurepip" | "compileall" | "py_compile" => 0,
        "" => {
            c::eout(
                ctx,
                "Argument expected for the -m option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
            );
            2
        }
        m => {
            let cwd = ctx.cwd.clone();
            let dirs = search_path(ctx, env, &cwd);
            if missing_module(ctx, &dirs, m).is_some() {
                c::eout(ctx, &format!("{}: No module named {m}\n", env.python));
                return 1;
            }
            let top = m.split('.').next().unwrap_or(m).to_owned();
            let programs = ctx.rt.programs;
            let mut args = vec![top.clone()];
            args.extend(rest.iter().cloned());
            if programs.contains(&top) && top != "python" {
                return programs.run(&top, ctx, &args, b"");
            }
            super::generic::run(ctx, &args, b"")
        }
    }
}
