//! A script's command line as `argparse` reads it: the parser built by `ArgumentParser(…)` and
//! its `add_argument(…)` calls (options with values, `store_true`/`store_false`, positionals,
//! `type=int|float`, `default`, `required`, `choices`, `dest`, `metavar`, `help`), then
//! `parse_args()` — the values, or the `-h` screen (stdout, exit 0) or argparse's
//! `usage: … error: …` (stderr, exit 2), laid out as Python's `HelpFormatter` does at 80 columns.
use super::python_cli::wrap;
use super::python_syntax::{is_keyword, keyword, literal_text as text, py_float, py_repr};

/// What `type=` converts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Str,
    Int,
    Float,
}

/// What an argument does with its words.
#[derive(Debug, Clone, PartialEq)]
enum Action {
    Store,
    /// `store_true` / `store_false`: the value when given.
    Flag(bool),
}

/// One `add_argument(…)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    /// Option strings (`-l`, `--lr`); empty for a positional.
    options: Vec<String>,
    dest: String,
    metavar: Option<String>,
    ty: Type,
    action: Action,
    /// The default as Python source.
    default: Option<String>,
    required: bool,
    choices: Vec<String>,
    help: Option<String>,
}

/// An `ArgumentParser` and its arguments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parser {
    description: Option<String>,
    prog: Option<String>,
    arguments: Vec<Argument>,
}

/// What `parse_args()` comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// Each destination and its value as a Python literal.
    Bound(Vec<(String, String)>),
    /// The process ends here.
    Exit {
        stdout: String,
        stderr: String,
        code: i32,
    },
}

impl Parser {
    /// `ArgumentParser(description=…, prog=…)`, from its split argument list.
    pub fn new(args: &[String]) -> Parser {
        Parser {
            description: keyword(args, "description").and_then(text).or_else(|| {
                args.get(1)
                    .filter(|a| !a.contains('='))
                    .and_then(|a| text(a))
            }),
            prog: keyword(args, "prog").and_then(text).or_else(|| {
                args.first()
                    .filter(|a| !a.contains('='))
                    .and_then(|a| text(a))
            }),
            arguments: vec![Argument {
                options: vec!["-h".into(), "--help".into()],
                dest: "help".into(),
                metavar: None,
                ty: Type::Str,
                action: Action::Flag(true),
                default: None,
                required: false,
                choices: Vec::new(),
                help: Some("show this help message and exit".into()),
            }],
        }
    }

    /// One `add_argument(…)`, from its split argument list.
    pub fn add(&mut self, args: &[String]) {
        let names: Vec<String> = args
            .iter()
            .filter(|a| !is_keyword(a))
            .filter_map(|a| text(a))
            .collect();
        let options: Vec<String> = names
            .iter()
            .filter(|n| n.starts_with('-'))
            .cloned()
            .collect();
        let dest = keyword(args, "dest").and_then(text).unwrap_or_else(|| {
            if options.is_empty() {
                names.first().cloned().unwrap_or_default()
            } else {
                options
                    .iter()
                    .find(|o| o.starts_with("--"))
                    .or_else(|| options.first())
                    .map(|o| o.trim_start_matches('-').replace('-', "_"))
                    .unwrap_or_default()
            }
        });
        let action = match keyword(args, "action").and_then(text).as_deref() {
            Some("store_true") => Action::Flag(true),
            Some("store_false") => Action::Flag(false),
            _ => Action::Store,
        };
        let ty = match keyword(args, "type") {
            Some("int") => Type::Int,
            Some("float") => Type::Float,
            _ => Type::Str,
        };
        let mut default = keyword(args, "default").map(str::to_owned);
        if let Action::Flag(v) = action
            && default.is_none()
        {
            default = Some(if v { "False" } else { "True" }.to_owned());
        }
        let choices = keyword(args, "choices")
            .and_then(|c| {
                c.strip_prefix('[')
                    .and_then(|c| c.strip_suffix(']'))
                    .or_else(|| c.strip_prefix('(').and_then(|c| c.strip_suffix(')')))
            })
            .map(|c| {
                c.split(',')
                    .map(|x| x.trim().to_owned())
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        self.arguments.push(Argument {
            required: if options.is_empty() {
                true
            } else {
                keyword(args, "required") == Some("True")
            },
            options,
            dest,
            metavar: keyword(args, "metavar").and_then(text),
            ty,
            action,
            default,
            choices,
            help: keyword(args, "help").and_then(text),
        });
    }

    /// `parse_args()` over the words after the script, for program name `prog`.
    pub fn parse(&self, prog: &str, words: &[String]) -> Parsed {
        let prog = self.prog.clone().unwrap_or_else(|| prog.to_owned());
        let mut values: Vec<Option<String>> = vec![None; self.arguments.len()];
        let mut positional: Vec<&str> = Vec::new();
        let mut unknown: Vec<&str> = Vec::new();
        let mut only_positional = false;
        let mut i = 0;
        while let Some(w) = words.get(i) {
            i += 1;
            if only_positional || !w.starts_with('-') || w == "-" || is_number(w) {
                positional.push(w);
                continue;
            }
            if w == "--" {
                only_positional = true;
                continue;
            }
            let (flag, inline) = match w.split_once('=').filter(|_| w.starts_with("--")) {
                Some((f, v)) => (f, Some(v)),
                None => (w.as_str(), None),
            };
            let found = match self.find(flag) {
                Ok(found) => found,
                Err(Some(message)) => return self.error(&prog, &message),
                Err(None) => {
                    unknown.push(w);
                    continue;
                }
            };
            let Some(arg) = self.arguments.get(found) else {
                continue;
            };
            let value = match arg.action {
                Action::Flag(_) if arg.dest == "help" => return self.help(&prog),
                Action::Flag(v) => {
                    if inline.is_some() {
                        return self.error(
                            &prog,
                            &format!(
                                "argument {}: ignored explicit argument '{}'",
                                arg.shown(),
                                inline.unwrap_or_default()
                            ),
                        );
                    }
                    if v { "True" } else { "False" }.to_owned()
                }
                Action::Store => match inline {
                    Some(v) => v.to_owned(),
                    None => match words.get(i).filter(|n| !n.starts_with('-') || is_number(n)) {
                        Some(v) => {
                            i += 1;
                            v.clone()
                        }
                        None => {
                            return self.error(
                                &prog,
                                &format!("argument {}: expected one argument", arg.shown()),
                            );
                        }
                    },
                },
            };
            if let Some(slot) = values.get_mut(found) {
                *slot = Some(value);
            }
        }
        let mut words_left = positional.into_iter();
        for (k, a) in self.arguments.iter().enumerate() {
            if a.options.is_empty()
                && let Some(w) = words_left.next()
                && let Some(slot) = values.get_mut(k)
            {
                *slot = Some(w.to_owned());
            }
        }
        let missing: Vec<String> = self
            .arguments
            .iter()
            .zip(&values)
            .filter(|(a, v)| a.required && v.is_none())
            .map(|(a, _)| a.shown())
            .collect();
        // Conversion errors come first, in the order the words were taken.
        let mut bound = Vec::new();
        for (a, v) in self.arguments.iter().zip(&values) {
            if a.dest == "help" {
                continue;
            }
            let literal = match v {
                Some(v) if matches!(a.action, Action::Flag(_)) => v.clone(),
                Some(v) => {
                    let converted = match a.ty {
                        Type::Int => v
                            .trim()
                            .replace('_', "")
                            .parse::<i64>()
                            .ok()
                            .map(|n| n.to_string()),
                        Type::Float => v
                            .trim()
                            .replace('_', "")
                            .parse::<f64>()
                            .ok()
                            .map(|f| format!("{f:?}")),
                        Type::Str => Some(py_repr(v)),
                    };
                    let Some(c) = converted else {
                        let ty = if a.ty == Type::Int { "int" } else { "float" };
                        return self.error(
                            &prog,
                            &format!("argument {}: invalid {ty} value: '{v}'", a.shown()),
                        );
                    };
                    if !a.choices.is_empty()
                        && !a
                            .choices
                            .iter()
                            .any(|c2| *c2 == c || text(c2).as_deref() == Some(v))
                    {
                        return self.error(
                            &prog,
                            &format!(
                                "argument {}: invalid choice: '{v}' (choose from {})",
                                a.shown(),
                                a.choices
                                    .iter()
                                    .map(|c| text(c).map_or_else(|| c.clone(), |t| py_repr(&t)))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        );
                    }
                    c
                }
                None => a.default.clone().unwrap_or_else(|| "None".to_owned()),
            };
            bound.push((a.dest.clone(), literal));
        }
        let rest: Vec<&str> = words_left.collect();
        if !missing.is_empty() {
            return self.error(
                &prog,
                &format!(
                    "the following arguments are required: {}",
                    missing.join(", ")
                ),
            );
        }
        unknown.extend(rest);
        if !unknown.is_empty() {
            return self.error(
                &prog,
                &format!("unrecognized arguments: {}", unknown.join(" ")),
            );
        }
        Parsed::Bound(bound)
    }

    /// The argument an option word names: exact, or the one long option it abbreviates;
    /// `Err(Some(message))` for an ambiguous abbreviation, `Err(None)` for none.
    fn find(&self, flag: &str) -> Result<usize, Option<String>> {
        if let Some(k) = self
            .arguments
            .iter()
            .position(|a| a.options.iter().any(|o| o == flag))
        {
            return Ok(k);
        }
        if !flag.starts_with("--") {
            return Err(None);
        }
        let hits: Vec<(usize, &String)> = self
            .arguments
            .iter()
            .enumerate()
            .flat_map(|(k, a)| a.options.iter().map(move |o| (k, o)))
            .filter(|(_, o)| o.starts_with("--") && o.starts_with(flag))
            .collect();
        match hits.as_slice() {
            [(k, _)] => Ok(*k),
            [] => Err(None),
            many => Err(Some(format!(
                "ambiguous option: {flag} could match {}",
                many.iter()
                    .map(|(_, o)| o.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    fn usage(&self, prog: &str) -> String {
        let prefix = "usage: ";
        let mut opt_parts = vec![];
        let mut pos_parts = vec![];
        for a in &self.arguments {
            if a.options.is_empty() {
                pos_parts.push(a.metavar_text());
            } else {
                let first = a.options.first().cloned().unwrap_or_default();
                let part = match a.action {
                    Action::Flag(_) => first,
                    Action::Store => format!("{first} {}", a.metavar_text()),
                };
                opt_parts.push(if a.required {
                    part
                } else {
                    format!("[{part}]")
                });
            }
        }
        let mut all = vec![prog.to_owned()];
        all.extend(opt_parts.iter().cloned());
        all.extend(pos_parts.iter().cloned());
        let one = format!("{prefix}{}", all.join(" "));
        if one.chars().count() <= WIDTH {
            return one;
        }
        // Too long: options, then positionals on their own lines, under the first part.
        let indent = prefix.len() + prog.chars().count() + 1;
        let mut lines = fill(&opt_parts, indent, &format!("{prefix}{prog} "));
        if !pos_parts.is_empty() {
            lines.extend(fill(&pos_parts, indent, &" ".repeat(indent)));
        }
        lines.join("\n")
    }

    fn error(&self, prog: &str, message: &str) -> Parsed {
        Parsed::Exit {
            stdout: String::new(),
            stderr: format!("{}\n{prog}: error: {message}\n", self.usage(prog)),
            code: 2,
        }
    }

    fn help(&self, prog: &str) -> Parsed {
        let mut out = format!("{}\n", self.usage(prog));
        if let Some(d) = &self.description {
            out.push('\n');
            for l in wrap(d, WIDTH, 0) {
                out.push_str(&l);
                out.push('\n');
            }
        }
        let invocations: Vec<String> = self.arguments.iter().map(Argument::invocation).collect();
        let longest = invocations
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            + 2;
        let help_position = (longest + 2).min(24);
        let action_width = help_position.saturating_sub(4);
        let help_width = WIDTH.saturating_sub(help_position).max(11);
        let section = |title: &str, positional: bool, out: &mut String| {
            let rows: Vec<(&Argument, &String)> = self
                .arguments
                .iter()
                .zip(&invocations)
                .filter(|(a, _)| a.options.is_empty() == positional)
                .collect();
            if rows.is_empty() {
                return;
            }
            out.push_str(&format!("\n{title}:\n"));
            for (a, inv) in rows {
                let help = a
                    .help
                    .as_deref()
                    .map(|h| h.replace("%(default)s", &a.default_text()));
                let Some(help) = help.filter(|h| !h.trim().is_empty()) else {
                    out.push_str(&format!("  {inv}\n"));
                    continue;
                };
                let lines = wrap(&help, help_width, 0);
                if inv.chars().count() <= action_width {
                    out.push_str(&format!("  {inv:<action_width$}  "));
                } else {
                    out.push_str(&format!("  {inv}\n{}", " ".repeat(help_position)));
                }
                for (n, l) in lines.iter().enumerate() {
                    if n > 0 {
                        out.push_str(&" ".repeat(help_position));
                    }
                    out.push_str(l);
                    out.push('\n');
                }
            }
        };
        section("positional arguments", true, &mut out);
        section("options", false, &mut out);
        Parsed::Exit {
            stdout: out,
            stderr: String::new(),
            code: 0,
        }
    }
}

impl Argument {
    /// How errors name it (`--lr`, `-l/--lr`, `data`).
    fn shown(&self) -> String {
        if self.options.is_empty() {
            self.metavar_text()
        } else {
            self.options.join("/")
        }
    }

    /// Python's `str` of the default (`%(default)s` in help).
    fn default_text(&self) -> String {
        let Some(d) = self.default.as_deref() else {
            return "None".to_owned();
        };
        if let Some(t) = text(d) {
            return t;
        }
        if d.replace('_', "").parse::<i64>().is_err()
            && let Ok(f) = d.replace('_', "").parse::<f64>()
        {
            return py_float(f);
        }
        d.to_owned()
    }

    fn metavar_text(&self) -> String {
        if let Some(m) = &self.metavar {
            return m.clone();
        }
        if !self.choices.is_empty() {
            let shown: Vec<String> = self
                .choices
                .iter()
                .map(|c| text(c).unwrap_or_else(|| c.clone()))
                .collect();
            return format!("{{{}}}", shown.join(","));
        }
        if self.options.is_empty() {
            self.dest.clone()
        } else {
            self.dest.to_uppercase()
        }
    }

    /// The help screen's left column (`-l LR, --lr LR`, `--verbose`, `data`).
    fn invocation(&self) -> String {
        if self.options.is_empty() {
            return self.metavar_text();
        }
        match self.action {
            Action::Flag(_) => self.options.join(", "),
            Action::Store => {
                let m = self.metavar_text();
                self.options
                    .iter()
                    .map(|o| format!("{o} {m}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
    }
}

/// Python's `HelpFormatter` width: the terminal's 80 columns less 2.
const WIDTH: usize = 78;

/// A negative number is a value, not an option (argparse's default when no option looks like
/// one).
fn is_number(w: &str) -> bool {
    w.starts_with('-') && w.get(1..).is_some_and(|r| r.parse::<f64>().is_ok())
}

/// Usage parts in lines of at most [`WIDTH`] chars, the first starting with `first`, the others
/// indented by `indent`.
fn fill(parts: &[String], indent: usize, first: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = first.to_owned();
    let mut fresh = true;
    for p in parts {
        if !fresh && cur.chars().count() + 1 + p.chars().count() > WIDTH {
            lines.push(std::mem::take(&mut cur));
            cur = " ".repeat(indent);
            fresh = true;
        }
        if !fresh {
            cur.push(' ');
        }
        cur.push_str(p);
        fresh = false;
    }
    lines.push(cur);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        s.split(", ").map(str::to_owned).collect()
    }

    fn parser() -> Parser {
        let mut p = Parser::new(&split("description=\"Train a model.\""));
        p.add(&split(
            "\"--lr\", type=float, default=1e-3, help=\"learning rate\"",
        ));
        p.add(&split("\"-e\", \"--epochs\", type=int, default=2"));
        p.add(&split("\"--verbose\", action=\"store_true\""));
        p.add(&split("\"data\""));
        p
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn binds_values() {
        assert_eq!(
            parser().parse("train.py", &words("data/ --lr 0.5 -e 3 --verb")),
            Parsed::Bound(vec![
                ("lr".into(), "0.5".into()),
                ("epochs".into(), "3".into()),
                ("verbose".into(), "True".into()),
                ("data".into(), "'data/'".into()),
            ])
        );
    }

    #[test]
    fn errors_and_help() {
        let usage = "usage: train.py [-h] [--lr LR] [-e EPOCHS] [--verbose] data\n";
        assert_eq!(
            parser().parse("train.py", &words("--lr")),
            Parsed::Exit {
                stdout: String::new(),
                stderr: format!("{usage}train.py: error: argument --lr: expected one argument\n"),
                code: 2
            }
        );
        let Parsed::Exit { stderr, .. } = parser().parse("train.py", &words("x --lr abc")) else {
            panic!("expected an exit");
        };
        assert!(stderr.ends_with("argument --lr: invalid float value: 'abc'\n"));
        let Parsed::Exit { stderr, .. } = parser().parse("train.py", &words("")) else {
            panic!("expected an exit");
        };
        assert!(stderr.ends_with("error: the following arguments are required: data\n"));
        let Parsed::Exit { stdout, code, .. } = parser().parse("train.py", &words("-h")) else {
            panic!("expected an exit");
        };
        assert_eq!(code, 0);
        assert_eq!(
            stdout,
            format!(
                "{usage}\nTrain a model.\n\npositional arguments:\n  data\n\noptions:\n  -h, --help            show this help message and exit\n  --lr LR               learning rate\n  -e EPOCHS, --epochs EPOCHS\n  --verbose\n"
            )
        );
    }
}
