//! `read [-r] [-p PROMPT] NAME…`: one line from stdin, backslash handling, IFS splitting into
//! variables (the last one takes the rest); status 1 at end of input.
use crate::exec::Exec;
use crate::lexer::is_name;
use crate::process::Runtime;
use crate::state::Shell;

pub(crate) fn run(sh: &mut Shell, rt: &mut Runtime<'_>, argv: &[String]) -> Exec {
    let mut raw = false;
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "-r" => raw = true,
            "-p" => i += 1,
            "--" => {
                i += 1;
                break;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                if s.chars().skip(1).all(|c| c == 'r') {
                    raw = true;
                } else {
                    sh.errmsg(rt, &format!("Illegal option {s}"));
                    return Ok(2);
                }
            }
            _ => break,
        }
        i += 1;
    }
    let names: Vec<String> = argv.get(i..).unwrap_or(&[]).to_vec();
    if names.is_empty() {
        sh.errmsg(rt, "arg count");
        return Ok(2);
    }
    for n in &names {
        if !is_name(n) {
            sh.errmsg(rt, &format!("{n}: bad variable name"));
            return Ok(2);
        }
    }
    // (char, escaped)
    let mut line: Vec<(char, bool)> = Vec::new();
    let mut bytes = Vec::new();
    let mut eof = true;
    let mut escaped_next = false;
    while let Some(b) = sh.fds.read_byte(0) {
        if b == b'\n' {
            if escaped_next {
                escaped_next = false;
                continue;
            }
            eof = false;
            break;
        }
        if !raw && b == b'\\' && !escaped_next {
            escaped_next = true;
            continue;
        }
        bytes.push((b, escaped_next));
        escaped_next = false;
    }
    // Decode as UTF-8 while keeping escape marks per byte run.
    let mut run: Vec<u8> = Vec::new();
    let mut run_esc = false;
    for (b, e) in bytes {
        if e != run_esc && !run.is_empty() {
            line.extend(String::from_utf8_lossy(&run).chars().map(|c| (c, run_esc)));
            run.clear();
        }
        run_esc = e;
        run.push(b);
    }
    line.extend(String::from_utf8_lossy(&run).chars().map(|c| (c, run_esc)));
    let ifs = sh.ifs();
    let is_ifs = |c: &(char, bool)| !c.1 && ifs.contains(c.0);
    let is_ws = |c: &(char, bool)| is_ifs(c) && matches!(c.0, ' ' | '\t' | '\n');
    let mut pos = 0;
    let n = names.len();
    for (k, name) in names.iter().enumerate() {
        while line.get(pos).is_some_and(is_ws) {
            pos += 1;
        }
        let value: String = if k + 1 == n {
            let mut end = line.len();
            while end > pos && line.get(end - 1).is_some_and(is_ws) {
                end -= 1;
            }
            line.get(pos..end)
                .unwrap_or(&[])
                .iter()
                .map(|c| c.0)
                .collect()
        } else {
            let start = pos;
            while line.get(pos).is_some_and(|c| !is_ifs(c)) {
                pos += 1;
            }
            let v: String = line
                .get(start..pos)
                .unwrap_or(&[])
                .iter()
                .map(|c| c.0)
                .collect();
            // consume the delimiter: whitespace, at most one non-whitespace IFS char, whitespace
            while line.get(pos).is_some_and(is_ws) {
                pos += 1;
            }
            if line.get(pos).is_some_and(|c| is_ifs(c) && !is_ws(c)) {
                pos += 1;
            }
            v
        };
        if let Err(m) = sh.set_var(name, value) {
            sh.errmsg(rt, &m);
            return Ok(2);
        }
    }
    Ok(i32::from(eof))
}
