//! A script's command line as Typer reads it (`typer.run(train)`, `typer.Typer()` apps and their
//! `@app.command()` functions): parameters from the function's signature (`lr: float = 1e-3` is
//! `--lr FLOAT`, a parameter without a default is an argument, `bool` is `--x/--no-x`,
//! `typer.Option(…)`/`typer.Argument(…)`/`Annotated[…]` defaults and help), values converted as
//! Click converts them, `--help` screens and Click's usage errors in Typer's boxes (exit 2).
use super::python_syntax::{is_keyword, keyword, literal_text, py_float, py_repr, split_args};

/// What a parameter holds, as Click names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Text,
    Path,
    Bool,
}

impl Kind {
    fn from_annotation(a: &str) -> Option<Kind> {
        let a = a.trim();
        // `Optional[int]`, `int | None`, `Union[int, None]`: the type that is not None.
        let inner = a
            .strip_prefix("Optional[")
            .or_else(|| a.strip_prefix("typing.Optional["))
            .and_then(|x| x.strip_suffix(']'))
            .or_else(|| {
                a.strip_prefix("Union[")
                    .or_else(|| a.strip_prefix("typing.Union["))
                    .and_then(|x| x.strip_suffix(']'))
                    .and_then(|x| x.split(',').map(str::trim).find(|t| *t != "None"))
            })
            .or_else(|| a.split('|').map(str::trim).find(|t| *t != "None"))
            .unwrap_or(a);
        let base = inner.trim().rsplit('.').next().unwrap_or(inner).trim();
        Some(match base {
            "int" => Kind::Int,
            "float" => Kind::Float,
            "str" => Kind::Text,
            "bool" => Kind::Bool,
            "Path" | "PurePath" => Kind::Path,
            _ => return None,
        })
    }

    fn from_literal(d: &str) -> Kind {
        let d = d.trim();
        if d == "True" || d == "False" {
            Kind::Bool
        } else if d.replace('_', "").parse::<i64>().is_ok() {
            Kind::Int
        } else if d.parse::<f64>().is_ok() {
            Kind::Float
        } else {
            Kind::Text
        }
    }

    fn metavar(self) -> &'static str {
        match self {
            Kind::Int => "INTEGER",
            Kind::Float => "FLOAT",
            Kind::Text => "TEXT",
            Kind::Path => "PATH",
            Kind::Bool => "",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Int => "integer",
            Kind::Float => "float",
            _ => "value",
        }
    }
}

/// One parameter of a command.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The Python name (`batch_size`).
    pub name: String,
    pub kind: Kind,
    /// The default as Python source, when there is one.
    pub default: Option<String>,
    pub help: Option<String>,
    /// An argument (positional) rather than an option.
    pub argument: bool,
}

impl Param {
    /// The parameter of a `def` signature entry: its name, annotation and default source.
    pub fn from_signature(name: &str, annotation: Option<&str>, default: Option<&str>) -> Param {
        let mut help = None;
        let mut argument = default.is_none();
        let mut default = default.map(|d| d.trim().to_owned());
        let mut kind = None;
        // `Annotated[float, typer.Option(help="…")]`: the type and the marker's help.
        let mut marker: Option<String> = None;
        if let Some(a) = annotation.map(str::trim) {
            if let Some(inner) = a
                .strip_prefix("Annotated[")
                .or_else(|| a.strip_prefix("typing.Annotated["))
                .and_then(|x| x.strip_suffix(']'))
            {
                let parts = split_args(inner);
                kind = parts.first().and_then(|t| Kind::from_annotation(t));
                marker = parts.get(1).cloned();
            } else {
                kind = Kind::from_annotation(a);
            }
        }
        // `= typer.Option(1e-3, help="…")` / `= typer.Argument(…)` (its first argument is the
        // default), or the marker inside `Annotated[…]`.
        let in_default = default.as_deref().and_then(marker_call);
        let given_default = in_default.is_some();
        if let Some((which, args)) = in_default.or_else(|| marker.as_deref().and_then(marker_call))
        {
            argument = which == "Argument";
            let parts = split_args(args);
            help = keyword(&parts, "help").and_then(literal_text);
            if given_default {
                default = keyword(&parts, "default")
                    .or_else(|| parts.first().map(String::as_str).filter(|a| !is_keyword(a)))
                    .filter(|d| *d != "...")
                    .map(str::to_owned);
            }
        }
        let kind = kind
            .or_else(|| default.as_deref().map(Kind::from_literal))
            .unwrap_or(Kind::Text);
        Param {
            name: name.trim().to_owned(),
            kind,
            default,
            help,
            argument,
        }
    }

    fn opt(&self) -> String {
        format!("--{}", self.name.replace('_', "-"))
    }

    fn neg(&self) -> String {
        format!("--no-{}", self.name.replace('_', "-"))
    }

    fn arg_name(&self) -> String {
        self.name.to_uppercase()
    }

    fn required(&self) -> bool {
        self.default.is_none() || self.default.as_deref() == Some("...")
    }
}

/// A command: one function and its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    /// The name on the command line (`train-model` for `train_model`).
    pub name: String,
    /// The Python function.
    pub func: String,
    /// The first line of the function's docstring.
    pub doc: Option<String>,
    pub params: Vec<Param>,
}

/// What running the command line comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Call `func` with these keyword arguments (`name=<Python literal>`).
    Call { func: String, args: Vec<String> },
    /// The process ends here (a help screen or a usage error).
    Exit {
        stdout: String,
        stderr: String,
        code: i32,
    },
}

/// `typer.run(f)` (one command, no completion options) or a `typer.Typer()` app (`app()`): the
/// outcome of `args` (the words after the script) for program name `prog`.
pub fn typer(prog: &str, commands: &[Command], app: bool, args: &[String]) -> Outcome {
    match commands {
        [] => Outcome::Exit {
            stdout: String::new(),
            stderr: String::new(),
            code: 0,
        },
        [one] => command(prog, one, app, args),
        many => group(prog, many, args),
    }
}

/// An app with several commands: the first word names the command.
fn group(prog: &str, commands: &[Command], args: &[String]) -> Outcome {
    let usage = format!("Usage: {prog} [OPTIONS] COMMAND [ARGS]...");
    let mut i = 0;
    while let Some(a) = args.get(i) {
        if a == "--help" {
            return help(&usage, None, &[], true, Some(commands));
        }
        if a == "--install-completion" || a == "--show-completion" {
            i += 1;
            continue;
        }
        if a.starts_with('-') && a != "-" {
            return error(&usage, prog, &no_such_option(a, &["--help"]));
        }
        break;
    }
    let Some(word) = args.get(i) else {
        return error(&usage, prog, "Missing command.");
    };
    let Some(cmd) = commands.iter().find(|c| c.name == *word) else {
        return error(&usage, prog, &format!("No such command '{word}'."));
    };
    command(
        &format!("{prog} {}", cmd.name),
        cmd,
        false,
        args.get(i + 1..).unwrap_or(&[]),
    )
}

/// One command: its options and arguments.
fn command(prog: &str, cmd: &Command, completion: bool, args: &[String]) -> Outcome {
    let mut usage = format!("Usage: {prog} [OPTIONS]");
    for p in cmd.params.iter().filter(|p| p.argument) {
        usage.push(' ');
        if p.required() {
            usage.push_str(&p.arg_name());
        } else {
            usage.push_str(&format!("[{}]", p.arg_name()));
        }
    }
    let options: Vec<&Param> = cmd.params.iter().filter(|p| !p.argument).collect();
    let mut given: Vec<Option<String>> = vec![None; cmd.params.len()];
    let mut positional: Vec<&str> = Vec::new();
    let mut wants_help = false;
    let mut only_args = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        if only_args || !a.starts_with('-') || a == "-" {
            positional.push(a);
            continue;
        }
        if a == "--" {
            only_args = true;
            continue;
        }
        if a == "--help" {
            wants_help = true;
            continue;
        }
        if completion && (a == "--install-completion" || a == "--show-completion") {
            continue;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) => (f, Some(v)),
            None => (a.as_str(), None),
        };
        let found = cmd.params.iter().enumerate().find(|(_, p)| {
            !p.argument && (p.opt() == flag || (p.kind == Kind::Bool && p.neg() == flag))
        });
        let Some((k, p)) = found else {
            let mut names: Vec<String> = Vec::new();
            for p in &options {
                names.push(p.opt());
                if p.kind == Kind::Bool {
                    names.push(p.neg());
                }
            }
            names.push("--help".to_owned());
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            return error(&usage, prog, &no_such_option(flag, &refs));
        };
        let value = if p.kind == Kind::Bool {
            if inline.is_some() {
                return error(
                    &usage,
                    prog,
                    &format!("Option '{flag}' does not take a value."),
                );
            }
            Some(if flag == p.opt() { "True" } else { "False" }.to_owned())
        } else if let Some(v) = inline {
            Some(v.to_owned())
        } else if let Some(v) = args.get(i) {
            i += 1;
            Some(v.clone())
        } else {
            return error(
                &usage,
                prog,
                &format!("Option '{flag}' requires an argument."),
            );
        };
        if let Some(slot) = given.get_mut(k) {
            *slot = value;
        }
    }
    if wants_help {
        return help(&usage, cmd.doc.as_deref(), &cmd.params, completion, None);
    }
    let mut words = positional.into_iter();
    for (k, p) in cmd.params.iter().enumerate() {
        if p.argument
            && let Some(w) = words.next()
            && let Some(slot) = given.get_mut(k)
        {
            *slot = Some(w.to_owned());
        }
    }
    let extra: Vec<&str> = words.collect();
    if !extra.is_empty() {
        let s = if extra.len() == 1 { "" } else { "s" };
        return error(
            &usage,
            prog,
            &format!("Got unexpected extra argument{s} ({})", extra.join(" ")),
        );
    }
    let mut call = Vec::new();
    for (p, g) in cmd.params.iter().zip(&given) {
        let literal = match g {
            Some(v) if p.kind == Kind::Bool && !p.argument => v.clone(),
            Some(v) => match convert(p.kind, v) {
                Some(l) => l,
                None => {
                    let what = if p.argument {
                        format!("'{}'", p.arg_name())
                    } else {
                        format!("'{}'", p.opt())
                    };
                    return error(
                        &usage,
                        prog,
                        &format!(
                            "Invalid value for {what}: '{v}' is not a valid {}.",
                            p.kind.noun()
                        ),
                    );
                }
            },
            None => match &p.default {
                Some(d) => d.clone(),
                None if p.argument => {
                    return error(
                        &usage,
                        prog,
                        &format!("Missing argument '{}'.", p.arg_name()),
                    );
                }
                None => {
                    return error(&usage, prog, &format!("Missing option '{}'.", p.opt()));
                }
            },
        };
        call.push(format!("{}={literal}", p.name));
    }
    Outcome::Call {
        func: cmd.func.clone(),
        args: call,
    }
}

/// A command-line word as a Python literal of `kind`, as Click converts it (`None` when it is
/// not one).
fn convert(kind: Kind, v: &str) -> Option<String> {
    let t = v.trim();
    match kind {
        Kind::Int => {
            let n: i64 = t.replace('_', "").parse().ok()?;
            Some(n.to_string())
        }
        Kind::Float => {
            let f: f64 = t.replace('_', "").parse().ok()?;
            if !f.is_finite() {
                return None;
            }
            Some(format!("{f:?}"))
        }
        Kind::Bool => match t.to_ascii_lowercase().as_str() {
            "1" | "true" | "t" | "yes" | "y" | "on" => Some("True".to_owned()),
            "0" | "false" | "f" | "no" | "n" | "off" => Some("False".to_owned()),
            _ => None,
        },
        Kind::Text | Kind::Path => Some(py_repr(v)),
    }
}

/// Click's `No such option` message, with its `Did you mean` from `difflib.get_close_matches`.
fn no_such_option(flag: &str, known: &[&str]) -> String {
    let mut close: Vec<(f64, &str)> = known
        .iter()
        .map(|k| (ratio(flag, k), *k))
        .filter(|(r, _)| *r >= 0.6)
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    close.truncate(3);
    let mut names: Vec<&str> = close.into_iter().map(|(_, k)| k).collect();
    match names.len() {
        0 => format!("No such option: {flag}"),
        1 => format!(
            "No such option: {flag} Did you mean {}?",
            names.first().copied().unwrap_or_default()
        ),
        _ => {
            names.sort_unstable();
            format!(
                "No such option: {flag} (Possible options: {})",
                names.join(", ")
            )
        }
    }
}

/// `difflib.SequenceMatcher(None, a, b).ratio()`: twice the matched characters (longest
/// common blocks, recursively on both sides) over the total length.
fn ratio(a: &str, b: &str) -> f64 {
    fn matched(a: &[char], b: &[char]) -> usize {
        let (mut best, mut at_a, mut at_b) = (0, 0, 0);
        for i in 0..a.len() {
            for j in 0..b.len() {
                let mut k = 0;
                while a.get(i + k).is_some_and(|x| Some(x) == b.get(j + k)) {
                    k += 1;
                }
                if k > best {
                    (best, at_a, at_b) = (k, i, j);
                }
            }
        }
        if best == 0 {
            return 0;
        }
        best + matched(a.get(..at_a).unwrap_or(&[]), b.get(..at_b).unwrap_or(&[]))
            + matched(
                a.get(at_a + best..).unwrap_or(&[]),
                b.get(at_b + best..).unwrap_or(&[]),
            )
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let m = matched(&a, &b);
    // Lengths of command-line words fit f64 exactly.
    (2 * m) as f64 / total as f64
}

/// Click's usage error as Typer prints it (with Rich): usage, the help hint and a boxed message
/// on stderr, exit 2.
fn error(usage: &str, prog: &str, message: &str) -> Outcome {
    let mut err = format!("{usage}\nTry '{prog} --help' for help.\n");
    err.push_str(&panel("Error", &[message.to_owned()]));
    Outcome::Exit {
        stdout: String::new(),
        stderr: err,
        code: 2,
    }
}

/// Width of Rich's console when output is not a terminal.
const WIDTH: usize = 80;

/// A Rich panel `╭─ Title ─…╮` of rows, each wrapped to the panel's inner width.
fn panel(title: &str, rows: &[String]) -> String {
    let rows: Vec<Vec<String>> = rows.iter().map(|r| vec![r.clone()]).collect();
    table(title, &rows)
}

/// Words of `text` in lines of at most `width` chars; lines after the first start with `indent`
/// spaces (counted in the width).
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let room = if lines.is_empty() {
            width
        } else {
            width.saturating_sub(indent)
        };
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > room {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    lines.push(cur);
    for l in lines.iter_mut().skip(1) {
        l.insert_str(0, &" ".repeat(indent));
    }
    lines
}

/// A table of rows (cells) inside a panel: columns as wide as their widest cell, two spaces
/// apart; the last column wraps under itself.
fn table(title: &str, rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r.iter().take(cols.saturating_sub(1))) {
            *w = (*w).max(c.chars().count());
        }
    }
    let inner = WIDTH - 4;
    let mut lines = Vec::new();
    for r in rows {
        let mut line = String::new();
        let mut at = 0;
        for (k, c) in r.iter().enumerate() {
            if k + 1 == cols {
                let wrapped = wrap(c, inner.saturating_sub(at), 0);
                for (n, w) in wrapped.iter().enumerate() {
                    if n == 0 {
                        line.push_str(w);
                    } else {
                        lines.push(std::mem::take(&mut line).trim_end().to_owned());
                        line = format!("{}{w}", " ".repeat(at));
                    }
                }
            } else {
                let w = widths.get(k).copied().unwrap_or(0);
                line.push_str(c);
                line.push_str(&" ".repeat(w.saturating_sub(c.chars().count()) + 2));
                at += w + 2;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    let mut out = String::new();
    let head = format!("─ {title} ");
    out.push('╭');
    out.push_str(&head);
    out.push_str(&"─".repeat((WIDTH - 2).saturating_sub(head.chars().count())));
    out.push_str("╮\n");
    for l in lines {
        let pad = inner.saturating_sub(l.chars().count());
        out.push_str("│ ");
        out.push_str(&l);
        out.push_str(&" ".repeat(pad));
        out.push_str(" │\n");
    }
    out.push('╰');
    out.push_str(&"─".repeat(WIDTH - 2));
    out.push_str("╯\n");
    out
}

/// How a default shows in help (`[default: 0.001]`): Python's `str` of a literal.
fn shown_default(p: &Param) -> String {
    let Some(d) = p.default.as_deref() else {
        return "None".to_owned();
    };
    if let Some(s) = literal_text(d) {
        return s;
    }
    if p.kind == Kind::Float
        && let Ok(f) = d.replace('_', "").parse::<f64>()
    {
        return py_float(f);
    }
    if p.kind == Kind::Bool {
        let on = d == "True";
        return if on {
            p.opt().trim_start_matches('-').to_owned()
        } else {
            p.neg().trim_start_matches('-').to_owned()
        };
    }
    d.to_owned()
}

/// The `--help` screen: usage, the docstring, then the Arguments, Options and Commands panels.
fn help(
    usage: &str,
    doc: Option<&str>,
    params: &[Param],
    completion: bool,
    commands: Option<&[Command]>,
) -> Outcome {
    let mut out = format!("\n {usage}\n\n");
    if let Some(d) = doc.filter(|d| !d.is_empty()) {
        out.push_str(&format!(" {d}\n\n"));
    }
    // Each panel gets a `*` column when one of its parameters is required.
    let star_in = |argument: bool| {
        params
            .iter()
            .any(|p| p.argument == argument && p.required())
    };
    let mark = |p: &Param| -> Vec<String> {
        let star = star_in(p.argument);
        if star {
            vec![if p.required() { "*" } else { "" }.to_owned()]
        } else {
            Vec::new()
        }
    };
    let args: Vec<Vec<String>> = params
        .iter()
        .filter(|p| p.argument)
        .map(|p| {
            let mut row = mark(p);
            row.push(p.name.clone());
            row.push(p.kind.metavar().to_owned());
            let mut text = p.help.clone().unwrap_or_default();
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&format!("[default: {}]", shown_default(p)));
            if p.required() {
                text.push_str(" [required]");
            }
            row.push(text);
            row
        })
        .collect();
    if !args.is_empty() {
        out.push_str(&table("Arguments", &args));
    }
    let mut opts: Vec<Vec<String>> = params
        .iter()
        .filter(|p| !p.argument)
        .map(|p| {
            let mut row = mark(p);
            row.push(p.opt());
            row.push(if p.kind == Kind::Bool {
                p.neg()
            } else {
                p.kind.metavar().to_owned()
            });
            let mut text = p.help.clone().unwrap_or_default();
            if !text.is_empty() {
                text.push(' ');
            }
            if p.required() {
                text.push_str("[default: None] [required]");
            } else {
                text.push_str(&format!("[default: {}]", shown_default(p)));
            }
            row.push(text);
            row
        })
        .collect();
    let plain = |name: &str, text: &str| -> Vec<String> {
        let mut row = if star_in(false) {
            vec![String::new()]
        } else {
            Vec::new()
        };
        row.extend([name.to_owned(), String::new(), text.to_owned()]);
        row
    };
    if completion {
        opts.push(plain(
            "--install-completion",
            "Install completion for the current shell.",
        ));
        opts.push(plain(
            "--show-completion",
            "Show completion for the current shell, to copy it or customize the installation.",
        ));
    }
    opts.push(plain("--help", "Show this message and exit."));
    out.push_str(&table("Options", &opts));
    if let Some(cmds) = commands {
        let rows: Vec<Vec<String>> = cmds
            .iter()
            .map(|c| vec![c.name.clone(), c.doc.clone().unwrap_or_default()])
            .collect();
        out.push_str(&table("Commands", &rows));
    }
    out.push('\n');
    Outcome::Exit {
        stdout: out,
        stderr: String::new(),
        code: 0,
    }
}

/// `typer.Option(…)` / `typer.Argument(…)` (also without the `typer.` prefix): which, and the
/// argument text.
fn marker_call(s: &str) -> Option<(&'static str, &str)> {
    let s = s.trim();
    for (prefix, which) in [
        ("typer.Option(", "Option"),
        ("Option(", "Option"),
        ("typer.Argument(", "Argument"),
        ("Argument(", "Argument"),
    ] {
        if let Some(rest) = s.strip_prefix(prefix).and_then(|r| r.strip_suffix(')')) {
            return Some((which, rest));
        }
    }
    None
}

/// The command name Typer gives a function (`train_model` → `train-model`), or the name given
/// to `@app.command("name")` / `@app.command(name="name")`.
pub fn command_name(func: &str, decorator_args: &str) -> String {
    let parts = split_args(decorator_args);
    keyword(&parts, "name")
        .or_else(|| parts.first().map(String::as_str).filter(|a| !is_keyword(a)))
        .and_then(literal_text)
        .unwrap_or_else(|| func.to_lowercase().replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn train() -> Command {
        Command {
            name: "train".into(),
            func: "train".into(),
            doc: Some("Train a model on MNIST.".into()),
            params: vec![
                Param::from_signature("lr", Some("float"), Some("1e-3")),
                Param::from_signature("batch_size", Some("int"), Some("32")),
                Param::from_signature("fast", None, Some("False")),
            ],
        }
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn binds_options() {
        let c = train();
        assert_eq!(
            typer(
                "train.py",
                std::slice::from_ref(&c),
                false,
                &words("--lr 0.01 --fast")
            ),
            Outcome::Call {
                func: "train".into(),
                args: vec!["lr=0.01".into(), "batch_size=32".into(), "fast=True".into()],
            }
        );
        assert_eq!(
            typer("train.py", &[c], false, &words("--batch-size=64 --lr 1e-4")),
            Outcome::Call {
                func: "train".into(),
                args: vec![
                    "lr=0.0001".into(),
                    "batch_size=64".into(),
                    "fast=False".into()
                ],
            }
        );
    }

    #[test]
    fn usage_errors() {
        let Outcome::Exit { stderr, code, .. } =
            typer("train.py", &[train()], false, &words("--lrr 3"))
        else {
            panic!("expected an exit");
        };
        assert_eq!(code, 2);
        assert!(stderr.contains("No such option: --lrr Did you mean --lr?"));
        let Outcome::Exit { stderr, .. } = typer("train.py", &[train()], false, &words("--lr abc"))
        else {
            panic!("expected an exit");
        };
        assert!(stderr.contains("Invalid value for '--lr': 'abc' is not a valid float."));
        assert!(stderr.starts_with("Usage: train.py [OPTIONS]\nTry 'train.py --help' for help.\n"));
    }

    #[test]
    fn signature_forms() {
        let p = Param::from_signature(
            "epochs",
            Some("Annotated[int, typer.Option(help=\"Epochs to train\")]"),
            Some("10"),
        );
        assert_eq!(
            (p.kind, p.help.as_deref(), p.argument),
            (Kind::Int, Some("Epochs to train"), false)
        );
        let p = Param::from_signature("lr", None, Some("typer.Option(1e-3, help='Learning rate')"));
        assert_eq!((p.kind, p.default.as_deref()), (Kind::Float, Some("1e-3")));
        let p = Param::from_signature("data", Some("str"), None);
        assert!(p.argument && p.required());
        assert_eq!(command_name("train_model", ""), "train-model");
        for a in ["Optional[int]", "int | None", "typing.Union[int, None]"] {
            assert_eq!(
                Param::from_signature("n", Some(a), Some("None")).kind,
                Kind::Int,
                "{a}"
            );
        }
        assert_eq!(command_name("f", "\"fit\""), "fit");
    }
}
