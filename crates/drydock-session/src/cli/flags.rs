//! spf13/pflag's argument parsing as the docker CLI configures it: `--name=value`, `--name value`,
//! bool flags (`--rm`, `--rm=false`), shorthand groups (`-it`, `-p8080:80`, `-p=80`), `--`
//! terminator, flags after positional arguments unless interspersing is off (`run`, `create`,
//! `exec` stop at the image/container), value checks for bool and integer types, and pflag's
//! error texts.
use super::help::FlagSpec;

/// Flags and arguments of one command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// `(long name, value)` in command-line order; bools are `true`/`false`.
    pub values: Vec<(String, String)>,
    pub args: Vec<String>,
    /// `--help` was given (and is true).
    pub help: bool,
    /// `-h` was used as the (deprecated) help shorthand.
    pub deprecated_h: bool,
}

/// How a command's flags behave besides its own flag set.
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// Flags may follow positional arguments.
    pub interspersed: bool,
    /// `-h` is cobra's (deprecated) help shorthand; `run`/`create` use `-h` for `--hostname`.
    pub h_is_help: bool,
}

/// Go's `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Go's `strconv.ParseInt(s, 0, 64)` error text, if `s` is not an integer.
pub fn int_error(s: &str, unsigned: bool) -> Option<String> {
    let func = if unsigned { "ParseUint" } else { "ParseInt" };
    let body = if unsigned {
        s
    } else {
        s.strip_prefix(['+', '-']).unwrap_or(s)
    };
    let (digits, radix) = if let Some(h) = body.strip_prefix("0x").or(body.strip_prefix("0X")) {
        (h, 16)
    } else if let Some(b) = body.strip_prefix("0b").or(body.strip_prefix("0B")) {
        (b, 2)
    } else if let Some(o) = body.strip_prefix("0o").or(body.strip_prefix("0O")) {
        (o, 8)
    } else if body.len() > 1 && body.starts_with('0') {
        (&body[1..], 8)
    } else {
        (body, 10)
    };
    let digits = digits.replace('_', "");
    let ok = !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
    if !ok {
        return Some(format!(
            "strconv.{func}: parsing {}: invalid syntax",
            go_quote(s)
        ));
    }
    let too_big = if unsigned {
        u64::from_str_radix(&digits, radix).is_err()
    } else {
        i64::from_str_radix(&digits, radix).is_err()
    };
    too_big.then(|| {
        format!(
            "strconv.{func}: parsing {}: value out of range",
            go_quote(s)
        )
    })
}

/// Go's `%q` of a string (printable ASCII kept, others escaped).
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `%q` of a rune.
fn go_quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".to_owned(),
        '\\' => "'\\\\'".to_owned(),
        '\n' => "'\\n'".to_owned(),
        '\t' => "'\\t'".to_owned(),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

struct State<'a> {
    specs: &'a [FlagSpec],
    mode: Mode,
    out: Parsed,
}

impl State<'_> {
    fn long(&self, name: &str) -> Option<&FlagSpec> {
        self.specs.iter().find(|f| f.long == name)
    }

    fn short(&self, c: char) -> Option<&FlagSpec> {
        self.specs.iter().find(|f| f.short == Some(c))
    }

    fn set(&mut self, spec: &FlagSpec, value: &str) -> Result<(), String> {
        let bad = |e: String| {
            format!(
                "invalid argument {} for {} flag: {e}",
                go_quote(value),
                go_quote(&spec.display())
            )
        };
        let stored = match spec.ty.as_str() {
            "" => match parse_bool(value) {
                Some(b) => b.to_string(),
                None => {
                    return Err(bad(format!(
                        "strconv.ParseBool: parsing {}: invalid syntax",
                        go_quote(value)
                    )));
                }
            },
            "int" | "int64" => match int_error(value, false) {
                Some(e) => return Err(bad(e)),
                None => value.to_owned(),
            },
            "uint" | "uint16" | "uint64" => match int_error(value, true) {
                Some(e) => return Err(bad(e)),
                None => value.to_owned(),
            },
            _ => value.to_owned(),
        };
        self.out.values.push((spec.long.clone(), stored));
        Ok(())
    }

    fn help(&mut self, value: &str) -> Result<(), String> {
        match parse_bool(value) {
            Some(b) => {
                self.out.help = b;
                Ok(())
            }
            None => Err(format!(
                "invalid argument {} for \"--help\" flag: strconv.ParseBool: parsing {}: invalid syntax",
                go_quote(value),
                go_quote(value)
            )),
        }
    }

    fn long_arg(
        &mut self,
        s: &str,
        rest: &mut std::collections::VecDeque<String>,
    ) -> Result<(), String> {
        let name = s.get(2..).unwrap_or("");
        if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
            return Err(format!("bad flag syntax: {s}"));
        }
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (name, None),
        };
        let Some(spec) = self.long(name).cloned() else {
            if name == "help" {
                return self.help(inline.as_deref().unwrap_or("true"));
            }
            return Err(format!("unknown flag: --{name}"));
        };
        let value = match inline {
            Some(v) => v,
            None if spec.is_bool() => "true".to_owned(),
            None => match rest.pop_front() {
                Some(v) => v,
                None => return Err(format!("flag needs an argument: {s}")),
            },
        };
        self.set(&spec, &value)
    }

    fn short_arg(
        &mut self,
        s: &str,
        rest: &mut std::collections::VecDeque<String>,
    ) -> Result<(), String> {
        let mut shorthands: &str = s.get(1..).unwrap_or("");
        while let Some(c) = shorthands.chars().next() {
            let after = &shorthands[c.len_utf8()..];
            let spec = match self.short(c).cloned() {
                Some(spec) => spec,
                None if c == 'h' && self.mode.h_is_help => {
                    self.out.deprecated_h = true;
                    self.out.help = true;
                    shorthands = after;
                    continue;
                }
                None => {
                    return Err(format!(
                        "unknown shorthand flag: {} in -{shorthands}",
                        go_quote_char(c)
                    ));
                }
            };
            let value;
            if after.len() > 1 && after.starts_with('=') {
                value = after[1..].to_owned();
                shorthands = "";
            } else if spec.is_bool() {
                value = "true".to_owned();
                shorthands = after;
            } else if !after.is_empty() {
                value = after.to_owned();
                shorthands = "";
            } else if let Some(v) = rest.pop_front() {
                value = v;
                shorthands = "";
            } else {
                return Err(format!(
                    "flag needs an argument: {} in -{shorthands}",
                    go_quote_char(c)
                ));
            }
            self.set(&spec, &value)?;
        }
        Ok(())
    }
}

/// Parses `argv` (the words after the command path) against `specs`.
pub fn parse(specs: &[FlagSpec], argv: &[String], mode: Mode) -> Result<Parsed, String> {
    let mut st = State {
        specs,
        mode,
        out: Parsed::default(),
    };
    let mut rest: std::collections::VecDeque<String> = argv.iter().cloned().collect();
    while let Some(s) = rest.pop_front() {
        if s.len() < 2 || !s.starts_with('-') {
            st.out.args.push(s);
            if !mode.interspersed {
                st.out.args.extend(rest.drain(..));
            }
            continue;
        }
        if s == "--" {
            st.out.args.extend(rest.drain(..));
            break;
        }
        if s.starts_with("--") {
            st.long_arg(&s, &mut rest)?;
        } else {
            st.short_arg(&s, &mut rest)?;
        }
    }
    Ok(st.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs() -> Vec<FlagSpec> {
        let f = |l: &str, s: Option<char>, t: &str| FlagSpec {
            long: l.into(),
            short: s,
            ty: t.into(),
        };
        vec![
            f("interactive", Some('i'), ""),
            f("tty", Some('t'), ""),
            f("publish", Some('p'), "list"),
            f("name", None, "string"),
            f("rm", None, ""),
            f("last", Some('n'), "int"),
        ]
    }

    fn check(args: &[&str], interspersed: bool, expect: Result<&str, &str>) {
        let argv: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        let mode = Mode {
            interspersed,
            h_is_help: true,
        };
        let got = parse(&specs(), &argv, mode).map(|p| {
            let mut s: Vec<String> = p.values.iter().map(|(k, v)| format!("{k}={v}")).collect();
            s.push(format!("args={}", p.args.join(",")));
            if p.help {
                s.push("help".into());
            }
            s.join(" ")
        });
        assert_eq!(
            got.as_deref(),
            expect.map_err(|e| e.to_owned()).as_deref(),
            "{args:?}"
        );
    }

    #[test]
    fn pflag_behaviour() {
        check(
            &["-it", "img"],
            false,
            Ok("interactive=true tty=true args=img"),
        );
        check(
            &["--name=x", "img", "--rm"],
            false,
            Ok("name=x args=img,--rm"),
        );
        check(
            &["--name", "x", "img", "--rm"],
            true,
            Ok("name=x rm=true args=img"),
        );
        check(
            &["-p8080:80", "-p=1:2", "-p", "3:4"],
            true,
            Ok("publish=8080:80 publish=1:2 publish=3:4 args="),
        );
        check(
            &["-ip", "80:80"],
            true,
            Ok("interactive=true publish=80:80 args="),
        );
        check(&["--", "-it"], true, Ok("args=-it"));
        check(&["-", "x"], true, Ok("args=-,x"));
        check(&["--rm=false"], true, Ok("rm=false args="));
        check(&["--help"], true, Ok("args= help"));
        check(&["-itz"], true, Err("unknown shorthand flag: 'z' in -z"));
        check(&["--foo"], true, Err("unknown flag: --foo"));
        check(&["--name"], true, Err("flag needs an argument: --name"));
        check(&["-p"], true, Err("flag needs an argument: 'p' in -p"));
        check(
            &["-n", "abc"],
            true,
            Err(
                "invalid argument \"abc\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax",
            ),
        );
        check(
            &["--rm=maybe"],
            true,
            Err(
                "invalid argument \"maybe\" for \"--rm\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax",
            ),
        );
        check(&["---x"], true, Err("bad flag syntax: ---x"));
        check(&["-n", "0x1f"], true, Ok("last=0x1f args="));
    }
}
