//! `sed [-n] [-E|-r] [-i[SUFFIX]] [-e SCRIPT]… [-f FILE] [SCRIPT] [FILE…]`: addresses (line,
//! `$`, `/re/`, ranges, `first~step`, `addr,+N`, `!`), blocks, and the commands `s y d D p P n N
//! a i c q Q = h H g G x b t T : l r w z`, with GNU's error messages.
use crate::programs::ProgramCtx;
use crate::programs::common::{self as c, regex};
use regex_lite::Regex;

#[derive(Debug, Clone)]
enum Addr {
    Line(usize),
    Last,
    Re(Option<Regex>),
    Step(usize, usize),
    Plus(usize),
}

#[derive(Debug, Clone)]
struct Cmd {
    a1: Option<Addr>,
    a2: Option<Addr>,
    neg: bool,
    op: char,
    text: String,
    re: Option<Regex>,
    repl: String,
    global: bool,
    nth: usize,
    print: bool,
    /// `y` sets, `{`'s matching `}` index, branch target.
    from: Vec<char>,
    to: Vec<char>,
    jump: usize,
}

struct Prog {
    cmds: Vec<Cmd>,
}

fn err_at(expr: usize, ch: usize, m: &str) -> String {
    format!("-e expression #{expr}, char {ch}: {m}")
}

/// Reads a delimited part (`s/RE/`), handling `\delim` and `\n`.
fn delimited(chars: &[char], i: &mut usize, delim: char, keep_escapes: bool) -> Option<String> {
    let mut s = String::new();
    while let Some(&ch) = chars.get(*i) {
        *i += 1;
        if ch == delim {
            return Some(s);
        }
        if ch == '\\' {
            let n = chars.get(*i).copied()?;
            *i += 1;
            if n == delim {
                s.push(n);
            } else if n == 'n' && !keep_escapes {
                s.push('\n');
            } else {
                s.push('\\');
                s.push(n);
            }
            continue;
        }
        if ch == '\n' && !keep_escapes {
            return None;
        }
        s.push(ch);
    }
    None
}

fn compile_re(pat: &str, ext: bool, icase: bool) -> Result<Option<Regex>, String> {
    if pat.is_empty() {
        return Ok(None);
    }
    regex::compile(pat, ext, icase).map(Some)
}

fn parse(script: &str, ext: bool, expr_no: usize) -> Result<Prog, String> {
    let chars: Vec<char> = script.chars().collect();
    let mut i = 0;
    let mut cmds: Vec<Cmd> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let skip_ws = |i: &mut usize| {
        while chars.get(*i).is_some_and(|c| *c == ' ' || *c == '\t') {
            *i += 1;
        }
    };
    let addr = |i: &mut usize| -> Result<Option<Addr>, String> {
        match chars.get(*i) {
            Some(d) if d.is_ascii_digit() => {
                let mut n = 0usize;
                while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
                    n = n.saturating_mul(10).saturating_add(d as usize);
                    *i += 1;
                }
                if chars.get(*i) == Some(&'~') {
                    *i += 1;
                    let mut s = 0usize;
                    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
                        s = s * 10 + d as usize;
                        *i += 1;
                    }
                    return Ok(Some(Addr::Step(n, s)));
                }
                Ok(Some(Addr::Line(n)))
            }
            Some('$') => {
                *i += 1;
                Ok(Some(Addr::Last))
            }
            Some('+') => {
                *i += 1;
                let mut n = 0usize;
                while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
                    n = n * 10 + d as usize;
                    *i += 1;
                }
                Ok(Some(Addr::Plus(n)))
            }
            Some(&d) if d == '/' || d == '\\' => {
                let delim = if d == '\\' {
                    *i += 1;
                    chars.get(*i).copied().unwrap_or('/')
                } else {
                    '/'
                };
                *i += 1;
                let pat = delimited(&chars, i, delim, true)
                    .ok_or_else(|| err_at(expr_no, *i, "unterminated address regex"))?;
                let mut icase = false;
                while matches!(chars.get(*i), Some('I' | 'M')) {
                    icase |= chars.get(*i) == Some(&'I');
                    *i += 1;
                }
                let re = compile_re(&pat, ext, icase).map_err(|m| err_at(expr_no, *i, &m))?;
                Ok(Some(Addr::Re(re)))
            }
            _ => Ok(None),
        }
    };
    loop {
        while chars.get(i).is_some_and(|c| c.is_whitespace() || *c == ';') {
            i += 1;
        }
        let Some(_) = chars.get(i) else { break };
        if chars.get(i) == Some(&'#') {
            while chars.get(i).is_some_and(|c| *c != '\n') {
                i += 1;
            }
            continue;
        }
        let a1 = addr(&mut i)?;
        let mut a2 = None;
        if a1.is_some() && chars.get(i) == Some(&',') {
            i += 1;
            skip_ws(&mut i);
            a2 = addr(&mut i)?;
            if a2.is_none() {
                return Err(err_at(expr_no, i, "unexpected `,'"));
            }
        }
        skip_ws(&mut i);
        let mut neg = false;
        while chars.get(i) == Some(&'!') {
            neg = true;
            i += 1;
            skip_ws(&mut i);
        }
        let Some(&op) = chars.get(i) else {
            return Err(err_at(expr_no, i, "missing command"));
        };
        i += 1;
        let mut cmd = Cmd {
            a1,
            a2,
            neg,
            op,
            text: String::new(),
            re: None,
            repl: String::new(),
            global: false,
            nth: 1,
            print: false,
            from: Vec::new(),
            to: Vec::new(),
            jump: usize::MAX,
        };
        match op {
            '{' => open.push(cmds.len()),
            '}' => {
                let Some(o) = open.pop() else {
                    return Err(err_at(expr_no, i, "unexpected `}'"));
                };
                let after = cmds.len() + 1;
                if let Some(oc) = cmds.get_mut(o) {
                    oc.jump = after;
                }
            }
            's' => {
                let delim = chars
                    .get(i)
                    .copied()
                    .ok_or_else(|| err_at(expr_no, i, "unterminated `s' command"))?;
                i += 1;
                let pat = delimited(&chars, &mut i, delim, true)
                    .ok_or_else(|| err_at(expr_no, i, "unterminated `s' command"))?;
                let repl = delimited(&chars, &mut i, delim, true)
                    .ok_or_else(|| err_at(expr_no, i, "unterminated `s' command"))?;
                let mut icase = false;
                while let Some(&f) = chars.get(i) {
                    match f {
                        'g' => cmd.global = true,
                        'p' => cmd.print = true,
                        'i' | 'I' => icase = true,
                        'm' | 'M' | 'e' => {}
                        d if d.is_ascii_digit() => {
                            let mut n = 0usize;
                            while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                                n = n * 10 + d as usize;
                                i += 1;
                            }
                            cmd.nth = n.max(1);
                            continue;
                        }
                        'w' => {
                            i += 1;
                            let rest: String = chars
                                .get(i..)
                                .unwrap_or(&[])
                                .iter()
                                .take_while(|c| **c != '\n')
                                .collect();
                            i += rest.chars().count();
                            cmd.text = rest.trim().to_owned();
                            break;
                        }
                        ';' | '\n' | '}' | ' ' | '\t' => break,
                        _ => return Err(err_at(expr_no, i + 1, "unknown option to `s'")),
                    }
                    i += 1;
                }
                cmd.re = compile_re(&pat, ext, icase).map_err(|m| err_at(expr_no, i, &m))?;
                if pat.is_empty() {
                    cmd.text = "\u{0}last".into();
                }
                cmd.repl = repl;
            }
            'y' => {
                let delim = chars.get(i).copied().unwrap_or('/');
                i += 1;
                let a = delimited(&chars, &mut i, delim, false)
                    .ok_or_else(|| err_at(expr_no, i, "unterminated `y' command"))?;
                let b = delimited(&chars, &mut i, delim, false)
                    .ok_or_else(|| err_at(expr_no, i, "unterminated `y' command"))?;
                cmd.from = a.replace("\\\\", "\\").chars().collect();
                cmd.to = b.replace("\\\\", "\\").chars().collect();
                if cmd.from.len() != cmd.to.len() {
                    return Err(err_at(
                        expr_no,
                        i,
                        "strings for `y' command are different lengths",
                    ));
                }
            }
            'a' | 'i' | 'c' => {
                // `a\` newline text, or GNU one-liner `a text`
                skip_ws(&mut i);
                if chars.get(i) == Some(&'\\') {
                    i += 1;
                    if chars.get(i) == Some(&'\n') {
                        i += 1;
                    }
                }
                let mut t = String::new();
                while let Some(&ch) = chars.get(i) {
                    i += 1;
                    if ch == '\\' {
                        match chars.get(i) {
                            Some('\n') => {
                                t.push('\n');
                                i += 1;
                            }
                            Some(&n) => {
                                t.push(match n {
                                    't' => '\t',
                                    'n' => '\n',
                                    o => o,
                                });
                                i += 1;
                            }
                            None => {}
                        }
                        continue;
                    }
                    if ch == '\n' {
                        break;
                    }
                    t.push(ch);
                }
                cmd.text = t;
            }
            'q' | 'Q' | 'l' | 'L' => {
                skip_ws(&mut i);
                let n: String = chars
                    .get(i..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                i += n.len();
                cmd.nth = n.parse().unwrap_or(0);
            }
            'b' | 't' | 'T' | ':' | 'r' | 'R' | 'w' | 'W' => {
                skip_ws(&mut i);
                let t: String = chars
                    .get(i..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|c| **c != '\n' && **c != ';' && (op != ':' || **c != ' '))
                    .collect();
                i += t.chars().count();
                let t = t.trim().to_owned();
                if op == ':' && t.is_empty() {
                    return Err(err_at(expr_no, i, "\":\" lacks a label"));
                }
                cmd.text = t;
            }
            'd' | 'D' | 'p' | 'P' | 'n' | 'N' | '=' | 'h' | 'H' | 'g' | 'G' | 'x' | 'z' | 'F' => {}
            other => return Err(err_at(expr_no, i, &format!("unknown command: `{other}'"))),
        }
        cmds.push(cmd);
    }
    if !open.is_empty() {
        return Err(err_at(expr_no, 0, "unmatched `{'"));
    }
    // resolve branch labels
    let labels: Vec<(String, usize)> = cmds
        .iter()
        .enumerate()
        .filter(|(_, c)| c.op == ':')
        .map(|(i, c)| (c.text.clone(), i))
        .collect();
    for cmd in &mut cmds {
        if matches!(cmd.op, 'b' | 't' | 'T') {
            cmd.jump = if cmd.text.is_empty() {
                usize::MAX
            } else {
                match labels.iter().find(|(l, _)| *l == cmd.text) {
                    Some((_, i)) => *i,
                    None => {
                        return Err(format!(
                            "-e expression #{expr_no}, char 0: can't find label for jump to `{}'",
                            cmd.text
                        ));
                    }
                }
            };
        }
    }
    Ok(Prog { cmds })
}

fn expand_repl(repl: &str, caps: &regex_lite::Captures<'_>) -> String {
    let mut out = String::new();
    let mut case: Option<char> = None;
    let mut one: Option<char> = None;
    let push = |out: &mut String, s: &str, case: Option<char>, one: &mut Option<char>| {
        for ch in s.chars() {
            let ch = match one.take() {
                Some('u') => ch.to_ascii_uppercase(),
                Some('l') => ch.to_ascii_lowercase(),
                _ => match case {
                    Some('U') => ch.to_ascii_uppercase(),
                    Some('L') => ch.to_ascii_lowercase(),
                    _ => ch,
                },
            };
            out.push(ch);
        }
    };
    let mut it = repl.chars();
    while let Some(ch) = it.next() {
        match ch {
            '&' => push(
                &mut out,
                caps.get(0).map_or("", |m| m.as_str()),
                case,
                &mut one,
            ),
            '\\' => match it.next() {
                Some(d @ '0'..='9') => {
                    let k = d.to_digit(10).unwrap_or(0) as usize;
                    push(
                        &mut out,
                        caps.get(k).map_or("", |m| m.as_str()),
                        case,
                        &mut one,
                    );
                }
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(m @ ('U' | 'L')) => case = Some(m),
                Some('E') => case = None,
                Some(m @ ('u' | 'l')) => one = Some(m),
                Some(o) => push(&mut out, &o.to_string(), case, &mut one),
                None => out.push('\\'),
            },
            o => push(&mut out, &o.to_string(), case, &mut one),
        }
    }
    out
}

struct State {
    range_active: Vec<bool>,
    range_end: Vec<usize>,
    last_re: Option<Regex>,
}

fn matches_addr(a: &Addr, line_no: usize, last: bool, ps: &str, st: &mut State) -> bool {
    match a {
        Addr::Line(n) => line_no == *n,
        Addr::Last => last,
        Addr::Re(Some(r)) => {
            st.last_re = Some(r.clone());
            r.is_match(ps)
        }
        Addr::Re(None) => st.last_re.as_ref().is_some_and(|r| r.is_match(ps)),
        Addr::Step(f, s) => {
            if *s == 0 {
                line_no == *f
            } else {
                line_no >= *f && (line_no - f).is_multiple_of(*s)
            }
        }
        Addr::Plus(_) => false,
    }
}

fn selected(cmd: &Cmd, idx: usize, line_no: usize, last: bool, ps: &str, st: &mut State) -> bool {
    let hit = match (&cmd.a1, &cmd.a2) {
        (None, _) => true,
        (Some(a), None) => matches_addr(a, line_no, last, ps, st),
        (Some(a), Some(b)) => {
            let active = st.range_active.get(idx).copied().unwrap_or(false);
            if active {
                let end = match b {
                    Addr::Line(n) => line_no >= *n,
                    Addr::Plus(_) => line_no >= st.range_end.get(idx).copied().unwrap_or(0),
                    other => matches_addr(other, line_no, last, ps, st),
                };
                if end && let Some(x) = st.range_active.get_mut(idx) {
                    *x = false;
                }
                true
            } else if matches_addr(a, line_no, last, ps, st) {
                let ends_now = match b {
                    Addr::Line(n) => *n <= line_no,
                    Addr::Plus(0) => true,
                    _ => false,
                };
                if let Addr::Plus(n) = b
                    && let Some(x) = st.range_end.get_mut(idx)
                {
                    *x = line_no + n;
                }
                if !ends_now && let Some(x) = st.range_active.get_mut(idx) {
                    *x = true;
                }
                true
            } else {
                false
            }
        }
    };
    hit != cmd.neg
}

/// Runs the program over `lines`; returns output and the exit code (`None` = continue).
fn execute(
    ctx: &mut ProgramCtx<'_, '_>,
    prog: &Prog,
    lines: &[String],
    quiet: bool,
    out: &mut String,
) -> Option<i32> {
    let mut st = State {
        range_active: vec![false; prog.cmds.len()],
        range_end: vec![0; prog.cmds.len()],
        last_re: None,
    };
    let mut hold = String::new();
    let mut idx = 0usize;
    while idx < lines.len() {
        let mut ps = lines.get(idx).cloned().unwrap_or_default();
        idx += 1;
        let mut append_q: Vec<String> = Vec::new();
        let mut pc = 0usize;
        let mut subst = false;
        let mut autoprint = !quiet;
        let mut restart = false;
        let mut exit: Option<i32> = None;
        while let Some(cmd) = prog.cmds.get(pc) {
            pc += 1;
            let last = idx == lines.len();
            if cmd.op == '}' || cmd.op == ':' {
                continue;
            }
            if !selected(cmd, pc - 1, idx, last, &ps, &mut st) {
                if cmd.op == '{' {
                    pc = cmd.jump;
                }
                continue;
            }
            match cmd.op {
                '{' => {}
                's' => {
                    let re = if cmd.text == "\u{0}last" {
                        st.last_re.clone()
                    } else {
                        cmd.re.clone()
                    };
                    let Some(re) = re else { continue };
                    st.last_re = Some(re.clone());
                    let mut res = String::new();
                    let mut last_end = 0;
                    let mut n = 0;
                    let mut did = false;
                    for caps in re.captures_iter(&ps) {
                        let Some(m) = caps.get(0) else { continue };
                        n += 1;
                        if n < cmd.nth || (did && !cmd.global) {
                            continue;
                        }
                        res.push_str(ps.get(last_end..m.start()).unwrap_or(""));
                        res.push_str(&expand_repl(&cmd.repl, &caps));
                        last_end = m.end();
                        did = true;
                    }
                    if did {
                        res.push_str(ps.get(last_end..).unwrap_or(""));
                        ps = res;
                        subst = true;
                        if cmd.print {
                            out.push_str(&ps);
                            out.push('\n');
                        }
                        if !cmd.text.is_empty() && cmd.text != "\u{0}last" {
                            let p = ctx.abs(&cmd.text);
                            let _ = c::append(ctx, &p, &format!("{ps}\n"));
                        }
                    }
                }
                'y' => {
                    ps = ps
                        .chars()
                        .map(|ch| match cmd.from.iter().position(|f| *f == ch) {
                            Some(k) => cmd.to.get(k).copied().unwrap_or(ch),
                            None => ch,
                        })
                        .collect();
                }
                'd' => {
                    autoprint = false;
                    break;
                }
                'D' => match ps.find('\n') {
                    Some(k) => {
                        ps = ps.get(k + 1..).unwrap_or("").to_owned();
                        restart = true;
                        break;
                    }
                    None => {
                        autoprint = false;
                        break;
                    }
                },
                'p' => {
                    out.push_str(&ps);
                    out.push('\n');
                }
                'P' => {
                    out.push_str(ps.split('\n').next().unwrap_or(""));
                    out.push('\n');
                }
                'n' => {
                    if !quiet {
                        out.push_str(&ps);
                        out.push('\n');
                    }
                    match lines.get(idx) {
                        Some(l) => {
                            ps = l.clone();
                            idx += 1;
                        }
                        None => {
                            autoprint = false;
                            break;
                        }
                    }
                }
                'N' => match lines.get(idx) {
                    Some(l) => {
                        ps.push('\n');
                        ps.push_str(l);
                        idx += 1;
                    }
                    None => break,
                },
                'a' => append_q.push(cmd.text.clone()),
                'i' => {
                    out.push_str(&cmd.text);
                    out.push('\n');
                }
                'c' => {
                    if cmd.a2.is_none() || !st.range_active.get(pc - 1).copied().unwrap_or(false) {
                        out.push_str(&cmd.text);
                        out.push('\n');
                    }
                    autoprint = false;
                    break;
                }
                'r' => {
                    let p = ctx.abs(&cmd.text);
                    if let Ok(t) = c::read_text(ctx, &p) {
                        append_q.push(t.trim_end_matches('\n').to_owned());
                    }
                }
                'w' => {
                    let p = ctx.abs(&cmd.text);
                    let _ = c::append(ctx, &p, &format!("{ps}\n"));
                }
                '=' => out.push_str(&format!("{idx}\n")),
                'l' => {
                    let mut s = String::new();
                    for ch in ps.chars() {
                        match ch {
                            '\\' => s.push_str("\\\\"),
                            '\t' => s.push_str("\\t"),
                            '\n' => s.push_str("\\n"),
                            c if c.is_ascii_control() => s.push_str(&format!("\\{:03o}", c as u32)),
                            c => s.push(c),
                        }
                    }
                    out.push_str(&s);
                    out.push_str("$\n");
                }
                'h' => hold = ps.clone(),
                'H' => {
                    hold.push('\n');
                    hold.push_str(&ps);
                }
                'g' => ps = hold.clone(),
                'G' => {
                    ps.push('\n');
                    ps.push_str(&hold);
                }
                'x' => std::mem::swap(&mut ps, &mut hold),
                'z' => ps.clear(),
                'F' => out.push_str("-\n"),
                'b' => pc = cmd.jump,
                't' if subst => {
                    subst = false;
                    pc = cmd.jump;
                }
                't' => {}
                'T' => {
                    if !subst {
                        pc = cmd.jump;
                    } else {
                        subst = false;
                    }
                }
                'q' => {
                    exit = Some(i32::try_from(cmd.nth).unwrap_or(0));
                    break;
                }
                'Q' => {
                    return Some(i32::try_from(cmd.nth).unwrap_or(0));
                }
                _ => {}
            }
        }
        if autoprint && !restart {
            out.push_str(&ps);
            out.push('\n');
        }
        for a in append_q {
            out.push_str(&a);
            out.push('\n');
        }
        if restart {
            // D: restart the cycle without reading a new line
            idx -= 1;
            continue;
        }
        if exit.is_some() {
            return exit;
        }
    }
    None
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], stdin: &[u8]) -> i32 {
    let p = c::prog(argv);
    let mut quiet = false;
    let mut ext = false;
    let mut in_place: Option<String> = None;
    let mut scripts: Vec<String> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    let mut i = 1;
    while let Some(a) = argv.get(i) {
        i += 1;
        match a.as_str() {
            "-n" | "--quiet" | "--silent" => quiet = true,
            "-E" | "-r" | "--regexp-extended" => ext = true,
            "-e" | "--expression" => {
                scripts.push(argv.get(i).cloned().unwrap_or_default());
                i += 1;
            }
            "-f" | "--file" => {
                let f = argv.get(i).cloned().unwrap_or_default();
                i += 1;
                let abs = ctx.abs(&f);
                match c::read_text(ctx, &abs) {
                    Ok(t) => scripts.push(t),
                    Err(e) => {
                        c::err(ctx, &p, &format!("couldn't open file {f}: {}", e.message()));
                        return 1;
                    }
                }
            }
            "-s" | "-u" | "-z" | "--posix" | "--debug" | "--sandbox" | "--separate" => {}
            "--" => {
                files.extend(argv.iter().skip(i).cloned());
                break;
            }
            s if s.starts_with("--in-place") => {
                in_place = Some(s.strip_prefix("--in-place=").unwrap_or("").to_owned());
            }
            s if s.starts_with("--expression=") => {
                scripts.push(s.get(13..).unwrap_or("").to_owned())
            }
            s if s.starts_with("-i") => in_place = Some(s.get(2..).unwrap_or("").to_owned()),
            s if s.starts_with('-')
                && s.len() > 1
                && s.chars().skip(1).all(|ch| "nErsu".contains(ch)) =>
            {
                quiet |= s.contains('n');
                ext |= s.contains('E') || s.contains('r');
            }
            s if s.starts_with("-e") => scripts.push(s.get(2..).unwrap_or("").to_owned()),
            s if s.starts_with('-') && s.len() > 1 => {
                let ch = s.chars().nth(1).unwrap_or('-');
                if s.starts_with("--") {
                    return c::usage_error(ctx, &p, &c::opts::BadOpt::Long(s.to_owned()), 1);
                }
                return c::usage_error(ctx, &p, &c::opts::BadOpt::Short(ch), 1);
            }
            s => files.push(s.to_owned()),
        }
    }
    if scripts.is_empty() {
        if files.is_empty() {
            c::eout(
                ctx,
                "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n",
            );
            return 1;
        }
        scripts.push(files.remove(0));
    }
    let mut cmds = Vec::new();
    for (k, s) in scripts.iter().enumerate() {
        match parse(s, ext, k + 1) {
            Ok(pr) => {
                let base = cmds.len();
                cmds.extend(pr.cmds.into_iter().map(|mut cm| {
                    if cm.jump != usize::MAX {
                        cm.jump += base;
                    }
                    cm
                }));
            }
            Err(m) => {
                c::err(ctx, &p, &m);
                return 1;
            }
        }
    }
    let prog = Prog { cmds };
    if let Some(suffix) = in_place {
        if files.is_empty() {
            c::err(ctx, &p, "no input files");
            return 1;
        }
        let mut status = 0;
        for f in &files {
            let abs = ctx.abs(f);
            let data = match c::read_text(ctx, &abs) {
                Ok(d) => d,
                Err(e) => {
                    c::err(ctx, &p, &format!("can't read {f}: {}", e.message()));
                    status = 2;
                    continue;
                }
            };
            let lines: Vec<String> = data.lines().map(str::to_owned).collect();
            let mut out = String::new();
            let code = execute(ctx, &prog, &lines, quiet, &mut out);
            if !data.ends_with('\n') && out.ends_with('\n') && !data.is_empty() {
                out.pop();
            }
            if !suffix.is_empty() {
                let backup = if suffix.contains('*') {
                    suffix.replace('*', c::base(f))
                } else {
                    format!("{f}{suffix}")
                };
                let babs = ctx.abs(&backup);
                let m = ctx.new_meta(0o644);
                let _ = ctx.fs().copy_file(&abs, &babs, m);
            }
            let m = ctx.new_meta(0o644);
            let _ = ctx
                .fs()
                .write_file(&abs, out.as_bytes(), crate::fs::WriteMode::Truncate, m);
            if let Some(code) = code {
                return code;
            }
        }
        return status;
    }
    let mut input = String::new();
    let mut status = 0;
    let ops = if files.is_empty() {
        vec!["-".to_owned()]
    } else {
        files
    };
    for f in &ops {
        match c::read_operand(ctx, f, stdin) {
            Ok(d) => input.push_str(&String::from_utf8_lossy(&d)),
            Err(e) => {
                c::err(ctx, &p, &format!("can't read {f}: {}", e.message()));
                status = 2;
            }
        }
    }
    let lines: Vec<String> = input.lines().map(str::to_owned).collect();
    let mut out = String::new();
    let code = execute(ctx, &prog, &lines, quiet, &mut out);
    if !input.ends_with('\n') && !input.is_empty() && out.ends_with('\n') {
        out.pop();
    }
    ctx.stdout(out.as_bytes());
    code.unwrap_or(status)
}
