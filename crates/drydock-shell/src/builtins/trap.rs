//! `trap [ACTION SIGNAL…]`: traps are recorded; only the EXIT trap runs (at exit), since no
//! signals are delivered in the simulation.
use super::quote::single_quote;
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

const SIGNALS: [(&str, u32); 22] = [
    ("EXIT", 0),
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("ILL", 4),
    ("TRAP", 5),
    ("ABRT", 6),
    ("BUS", 7),
    ("FPE", 8),
    ("KILL", 9),
    ("USR1", 10),
    ("SEGV", 11),
    ("USR2", 12),
    ("PIPE", 13),
    ("ALRM", 14),
    ("TERM", 15),
    ("CHLD", 17),
    ("CONT", 18),
    ("STOP", 19),
    ("TSTP", 20),
    ("TTIN", 21),
    ("TTOU", 22),
];

fn signal(s: &str) -> Option<(&'static str, u32)> {
    if let Ok(n) = s.parse::<u32>() {
        return SIGNALS.iter().find(|(_, k)| *k == n).copied();
    }
    let up = s.to_ascii_uppercase();
    let name = up.strip_prefix("SIG").unwrap_or(&up);
    SIGNALS.iter().find(|(k, _)| *k == name).copied()
}

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let args = argv.get(1..).unwrap_or(&[]);
    let args = if args.first().map(String::as_str) == Some("--") {
        args.get(1..).unwrap_or(&[])
    } else {
        args
    };
    if args.is_empty() {
        let mut list: Vec<(u32, String, String)> = sh
            .traps
            .iter()
            .filter_map(|(k, v)| signal(k).map(|(n, num)| (num, n.to_owned(), v.clone())))
            .collect();
        drydock_text::sort::sort(&mut list);
        let mut out = String::new();
        for (_, name, action) in list {
            out.push_str(&format!("trap -- {} {name}\n", single_quote(&action)));
        }
        sh.out(rt, &out);
        return Ok(0);
    }
    let (action, sigs) =
        if args.len() == 1 || args.first().is_some_and(|a| a.parse::<u32>().is_ok()) {
            (None, args)
        } else {
            let a = args.first().cloned().unwrap_or_default();
            (
                if a == "-" { None } else { Some(a) },
                args.get(1..).unwrap_or(&[]),
            )
        };
    let mut status = 0;
    for s in sigs {
        match signal(s) {
            Some((name, num)) => match &action {
                Some(a) => {
                    if num != 0 {
                        rt.notes.push(format!(
                            "line {}: trap on {name} recorded (signals are not simulated)",
                            sh.line
                        ));
                    }
                    sh.traps.insert(name.to_owned(), a.clone());
                }
                None => {
                    sh.traps.remove(name);
                }
            },
            None => {
                sh.err(rt, &format!("trap: {s}: bad trap\n"));
                status = 1;
            }
        }
    }
    Ok(status)
}
