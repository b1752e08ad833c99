//! `set`: list variables, set options (`-euxfnvaC`, `-o NAME`, `+…`) and positional parameters.
use super::quote::single_quote;
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::{Dialect, Shell};

fn by_letter(sh: &mut Shell, c: char, on: bool) -> bool {
    let o = &mut sh.opts;
    match c {
        'e' => o.errexit = on,
        'u' => o.nounset = on,
        'x' => o.xtrace = on,
        'f' => o.noglob = on,
        'n' => o.noexec = on,
        'v' => o.verbose = on,
        'a' => o.allexport = on,
        'C' => o.noclobber = on,
        _ => return false,
    }
    true
}

fn by_name(sh: &mut Shell, rt: &Runtime<'_>, name: &str, on: bool) -> bool {
    let letter = match name {
        "errexit" => 'e',
        "nounset" => 'u',
        "xtrace" => 'x',
        "noglob" => 'f',
        "noexec" => 'n',
        "verbose" => 'v',
        "allexport" => 'a',
        "noclobber" => 'C',
        "pipefail" if sh.dialect == Dialect::Bash || rt.config.dash_pipefail => {
            sh.opts.pipefail = on;
            return true;
        }
        _ => return false,
    };
    by_letter(sh, letter, on)
}

/// Applies option arguments; `Err(message)` for an illegal option. Returns the index of the first
/// positional argument and whether `--`/positionals were given.
pub(crate) fn apply_options(
    sh: &mut Shell,
    rt: &Runtime<'_>,
    args: &[String],
) -> Result<(usize, bool), String> {
    let mut i = 0;
    while let Some(a) = args.get(i) {
        if a == "--" {
            return Ok((i + 1, true));
        }
        if a == "-" {
            return Ok((i + 1, true));
        }
        let on = a.starts_with('-');
        if !(on || a.starts_with('+')) || a.len() < 2 {
            return Ok((i, true));
        }
        let flags = a.get(1..).unwrap_or("");
        for c in flags.chars() {
            if c == 'o' {
                i += 1;
                match args.get(i) {
                    Some(name) => {
                        if !by_name(sh, rt, name, on) {
                            let sign = if on { '-' } else { '+' };
                            return Err(format!("Illegal option {sign}o {name}"));
                        }
                    }
                    None => return Ok((i, false)),
                }
            } else if !by_letter(sh, c, on) {
                let sign = if on { '-' } else { '+' };
                return Err(format!("Illegal option {sign}{c}"));
            }
        }
        i += 1;
    }
    Ok((i, false))
}

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let args = argv.get(1..).unwrap_or(&[]);
    if args.is_empty() {
        let mut out = String::new();
        for (k, v) in &sh.vars {
            if let Some(val) = &v.value {
                out.push_str(&format!("{k}={}\n", single_quote(val)));
            }
        }
        sh.out(rt, &out);
        return Ok(0);
    }
    match apply_options(sh, rt, args) {
        Ok((i, set_positional)) => {
            if set_positional {
                sh.positional = args.get(i..).unwrap_or(&[]).to_vec();
            }
            Ok(0)
        }
        Err(m) => Err(sh.fatal(rt, &m)),
    }
}
