//! `getopts OPTSTRING NAME [ARG…]`: option parsing with OPTIND/OPTARG, grouped flags, silent
//! mode (`:`), and dash's messages.
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let (Some(optstring), Some(name)) = (argv.get(1).cloned(), argv.get(2).cloned()) else {
        sh.errmsg(rt, "usage: getopts optstring var [arg]");
        return Ok(2);
    };
    let args: Vec<String> = if argv.len() > 3 {
        argv.get(3..).unwrap_or(&[]).to_vec()
    } else {
        sh.positional.clone()
    };
    let mut optind = sh
        .get("OPTIND")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1);
    if optind == 1 && sh.getopts_pos > 0 && args.get(optind - 1).is_none() {
        sh.getopts_pos = 0;
    }
    let silent = optstring.starts_with(':');
    let finish = |sh: &mut Shell, optind: usize| -> Exec {
        sh.getopts_pos = 0;
        let _ = sh.set_var(&name, "?".into());
        let _ = sh.set_var("OPTIND", optind.to_string());
        Ok(1)
    };
    if sh.getopts_pos == 0 {
        let Some(arg) = args.get(optind - 1) else {
            return finish(sh, optind);
        };
        if !arg.starts_with('-') || arg == "-" {
            return finish(sh, optind);
        }
        if arg == "--" {
            return finish(sh, optind + 1);
        }
        sh.getopts_pos = 1;
    }
    let arg: Vec<char> = args
        .get(optind - 1)
        .map(|a| a.chars().collect())
        .unwrap_or_default();
    let c = arg.get(sh.getopts_pos).copied().unwrap_or('?');
    sh.getopts_pos += 1;
    if sh.getopts_pos >= arg.len() {
        optind += 1;
        sh.getopts_pos = 0;
    }
    let spec = optstring.chars().collect::<Vec<char>>();
    let at = spec.iter().position(|&s| s == c && c != ':');
    let result = match at {
        None => {
            if silent {
                let _ = sh.set_var("OPTARG", c.to_string());
            } else {
                sh.err(rt, &format!("Illegal option -{c}\n"));
                let _ = sh.unset_var("OPTARG");
            }
            "?".to_owned()
        }
        Some(i) if spec.get(i + 1) == Some(&':') => {
            if sh.getopts_pos != 0 {
                let rest: String = arg.get(sh.getopts_pos..).unwrap_or(&[]).iter().collect();
                let _ = sh.set_var("OPTARG", rest);
                optind += 1;
                sh.getopts_pos = 0;
                c.to_string()
            } else if let Some(v) = args.get(optind - 1) {
                let _ = sh.set_var("OPTARG", v.clone());
                optind += 1;
                c.to_string()
            } else if silent {
                let _ = sh.set_var("OPTARG", c.to_string());
                ":".to_owned()
            } else {
                sh.err(rt, &format!("No arg for -{c} option\n"));
                let _ = sh.unset_var("OPTARG");
                "?".to_owned()
            }
        }
        Some(_) => {
            let _ = sh.set_var("OPTARG", String::new());
            c.to_string()
        }
    };
    let _ = sh.set_var(&name, result);
    let _ = sh.set_var("OPTIND", optind.to_string());
    Ok(0)
}
