//! getopt-style option parsing shared by the programs: clustered short flags (`-la`), short
//! options with values (`-t DIR`, `-tDIR`), long options (`--force`, `--target=DIR`) mapped onto
//! a short letter or a private code, `--`, and GNU operand permutation (optional).

/// Why parsing failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BadOpt {
    Short(char),
    Long(String),
    Missing(char),
    /// A message in the program's own words.
    Extra(String),
}

/// Parsed options: the letters seen in order (with their values) and the operands.
#[derive(Debug, Clone, Default)]
pub(crate) struct Args {
    pub opts: Vec<(char, Option<String>)>,
    pub ops: Vec<String>,
}

impl Args {
    pub fn has(&self, c: char) -> bool {
        self.opts.iter().any(|(o, _)| *o == c)
    }

    /// The last value given for `c`.
    pub fn val(&self, c: char) -> Option<&str> {
        self.opts
            .iter()
            .rev()
            .find(|(o, _)| *o == c)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Every value given for `c`, in order.
    pub fn vals(&self, c: char) -> Vec<&str> {
        self.opts
            .iter()
            .filter(|(o, _)| *o == c)
            .filter_map(|(_, v)| v.as_deref())
            .collect()
    }
}

/// Parses `argv[1..]`. `short` lists the letters, each followed by `:` when it takes a value.
/// `long` maps long names (ending in `=` when they take a value) to a letter. With `permute`,
/// operands and options may mix (GNU); without, the first operand ends the options (POSIX).
pub(crate) fn parse(
    argv: &[String],
    short: &str,
    long: &[(&str, char)],
    permute: bool,
) -> Result<Args, BadOpt> {
    let mut a = Args::default();
    let mut i = 1;
    while let Some(arg) = argv.get(i) {
        i += 1;
        if arg == "--" {
            a.ops.extend(argv.iter().skip(i).cloned());
            break;
        }
        if let Some(l) = arg.strip_prefix("--") {
            let (name, val) = match l.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (l, None),
            };
            // exact match first, then an unambiguous prefix (as getopt_long)
            let exact = long.iter().find(|(n, _)| n.trim_end_matches('=') == name);
            let found = exact.or_else(|| {
                let mut m = long
                    .iter()
                    .filter(|(n, _)| n.trim_end_matches('=').starts_with(name));
                let first = m.next();
                if m.next().is_some() { None } else { first }
            });
            let Some((spec, c)) = found else {
                return Err(BadOpt::Long(arg.clone()));
            };
            if spec.ends_with('=') {
                let v = match val {
                    Some(v) => v,
                    None => match argv.get(i) {
                        Some(v) => {
                            i += 1;
                            v.clone()
                        }
                        None => {
                            return Err(BadOpt::Extra(format!(
                                "option '--{}' requires an argument",
                                spec.trim_end_matches('=')
                            )));
                        }
                    },
                };
                a.opts.push((*c, Some(v)));
            } else if val.is_some() {
                return Err(BadOpt::Extra(format!(
                    "option '--{spec}' doesn't allow an argument"
                )));
            } else {
                a.opts.push((*c, None));
            }
            continue;
        }
        if arg.len() > 1 && arg.starts_with('-') {
            let chars: Vec<char> = arg.chars().skip(1).collect();
            let mut k = 0;
            while let Some(&c) = chars.get(k) {
                k += 1;
                let Some(pos) = short.find(c) else {
                    return Err(BadOpt::Short(c));
                };
                let takes = short
                    .get(pos + c.len_utf8()..)
                    .is_some_and(|r| r.starts_with(':'));
                if takes {
                    let rest: String = chars.get(k..).unwrap_or(&[]).iter().collect();
                    let v = if !rest.is_empty() {
                        rest
                    } else if let Some(v) = argv.get(i) {
                        i += 1;
                        v.clone()
                    } else {
                        return Err(BadOpt::Missing(c));
                    };
                    a.opts.push((c, Some(v)));
                    break;
                }
                a.opts.push((c, None));
            }
            continue;
        }
        a.ops.push(arg.clone());
        if !permute {
            a.ops.extend(argv.iter().skip(i).cloned());
            break;
        }
    }
    Ok(a)
}
