//! `umask [-S] [MODE]`: print (`0022`, `u=rwx,g=rx,o=rx`) or set the file creation mask.
use crate::exec::Exec;
use crate::process::Runtime;
use crate::state::Shell;

fn symbolic(mask: u32) -> String {
    let perm = !mask & 0o777;
    let part = |shift: u32| {
        let b = (perm >> shift) & 7;
        let mut s = String::new();
        if b & 4 != 0 {
            s.push('r');
        }
        if b & 2 != 0 {
            s.push('w');
        }
        if b & 1 != 0 {
            s.push('x');
        }
        s
    };
    format!("u={},g={},o={}", part(6), part(3), part(0))
}

fn parse_symbolic(mask: u32, spec: &str) -> Option<u32> {
    let mut perm = !mask & 0o777;
    for clause in spec.split(',') {
        let op_at = clause.find(['=', '+', '-'])?;
        let who = clause.get(..op_at)?;
        let op = clause.get(op_at..op_at + 1)?;
        let perms = clause.get(op_at + 1..)?;
        let mut who_mask = 0;
        for c in who.chars() {
            who_mask |= match c {
                'u' => 0o700,
                'g' => 0o070,
                'o' => 0o007,
                'a' => 0o777,
                _ => return None,
            };
        }
        if who.is_empty() {
            who_mask = 0o777;
        }
        let mut bits = 0;
        for c in perms.chars() {
            bits |= match c {
                'r' => 0o444,
                'w' => 0o222,
                'x' => 0o111,
                _ => return None,
            };
        }
        bits &= who_mask;
        match op {
            "=" => perm = (perm & !who_mask) | bits,
            "+" => perm |= bits,
            _ => perm &= !bits,
        }
    }
    Some(!perm & 0o777)
}

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut args = argv.get(1..).unwrap_or(&[]);
    let mut sym = false;
    if args.first().map(String::as_str) == Some("-S") {
        sym = true;
        args = args.get(1..).unwrap_or(&[]);
    }
    match args.first() {
        None => {
            let s = if sym {
                format!("{}\n", symbolic(sh.umask))
            } else {
                format!("{:04o}\n", sh.umask)
            };
            sh.out(rt, &s);
            Ok(0)
        }
        Some(m) => {
            let v = if m.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
                u32::from_str_radix(m, 8).ok()
            } else {
                parse_symbolic(sh.umask, m)
            };
            match v {
                Some(v) => {
                    sh.umask = v & 0o777;
                    Ok(0)
                }
                None => {
                    sh.errmsg(rt, &format!("Illegal mode: {m}"));
                    Ok(1)
                }
            }
        }
    }
}
