//! `make` (GNU Make 4.3's behaviour for simple Makefiles): variables (`=`, `:=`, `?=`, `+=`,
//! command-line `VAR=value`, the environment), explicit rules with prerequisites, `.PHONY`,
//! recipes echoed then run line by line through `/bin/sh -c` (`@`, `-` prefixes), file targets
//! remade when missing or older than a prerequisite, and make's own messages (`No rule to make
//! target`, `Nothing to be done for`, `is up to date`, `*** [Makefile:N: target] Error S`).
//! Pattern rules and functions (`$(shell …)`, `$(wildcard …)`) are not simulated (a note says so).
use std::collections::{BTreeMap, BTreeSet};

use crate::programs::common as c;
use crate::programs::{ExecError, ProgramCtx};

struct Rule {
    prereqs: Vec<String>,
    /// Recipe lines with their Makefile line numbers.
    recipe: Vec<(usize, String)>,
}

struct Makefile {
    name: String,
    vars: BTreeMap<String, String>,
    rules: BTreeMap<String, Rule>,
    order: Vec<String>,
    phony: BTreeSet<String>,
}

struct Run {
    dry: bool,
    silent: bool,
    keep_going: bool,
    /// Targets already considered: whether each was remade.
    done: BTreeMap<String, bool>,
    /// Recipe lines run (or printed under `-n`) so far.
    commands: usize,
}

fn expand(mf: &Makefile, ctx: &mut ProgramCtx<'_, '_>, s: &str, auto: &[(char, String)]) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars.get(i).copied().unwrap_or(' ');
        if ch != '$' {
            out.push(ch);
            i += 1;
            continue;
        }
        let Some(&n) = chars.get(i + 1) else {
            break;
        };
        if n == '$' {
            out.push('$');
            i += 2;
            continue;
        }
        if n == '(' || n == '{' {
            let close = if n == '(' { ')' } else { '}' };
            let mut depth = 0;
            let mut j = i + 2;
            while j < chars.len() {
                let cj = chars.get(j).copied().unwrap_or(close);
                if cj == n {
                    depth += 1;
                } else if cj == close {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                j += 1;
            }
            let inner: String = chars.get(i + 2..j).unwrap_or(&[]).iter().collect();
            let inner = expand(mf, ctx, &inner, auto);
            out.push_str(&reference(mf, ctx, &inner, auto));
            i = j + 1;
            continue;
        }
        out.push_str(&reference(mf, ctx, &n.to_string(), auto));
        i += 2;
    }
    out
}

fn reference(
    mf: &Makefile,
    ctx: &mut ProgramCtx<'_, '_>,
    name: &str,
    auto: &[(char, String)],
) -> String {
    let mut cs = name.chars();
    if let (Some(a), None) = (cs.next(), cs.next())
        && let Some((_, v)) = auto.iter().find(|(k, _)| *k == a)
    {
        return v.clone();
    }
    if name.contains(' ') {
        let f = name.split(' ').next().unwrap_or("");
        ctx.rt.notes.push(format!(
            "make: function `{f}` is not simulated (expanded to nothing)"
        ));
        return String::new();
    }
    if let Some(v) = mf.vars.get(name) {
        return expand(mf, ctx, v, auto);
    }
    ctx.get_env(name).unwrap_or("").to_owned()
}

fn parse(ctx: &mut ProgramCtx<'_, '_>, name: &str, text: &str) -> Makefile {
    let mut mf = Makefile {
        name: name.to_owned(),
        vars: BTreeMap::new(),
        rules: BTreeMap::new(),
        order: Vec::new(),
        phony: BTreeSet::new(),
    };
    let mut current: Vec<String> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let lineno = i + 1;
        let mut line = lines.get(i).copied().unwrap_or("").to_owned();
        i += 1;
        while line.ends_with('\\') && i < lines.len() {
            line.push('\n');
            line.push_str(lines.get(i).copied().unwrap_or(""));
            i += 1;
        }
        if let Some(recipe) = line.strip_prefix('\t')
            && !current.is_empty()
        {
            for t in &current {
                if let Some(r) = mf.rules.get_mut(t) {
                    r.recipe.push((lineno, recipe.to_owned()));
                }
            }
            continue;
        }
        let logical = line.replace("\\\n", " ");
        let code = match logical.find('#') {
            Some(p) => logical.get(..p).unwrap_or(""),
            None => &logical,
        };
        if code.trim().is_empty() {
            continue;
        }
        if let Some((lhs, op, rhs)) = assignment(code) {
            current.clear();
            let value = match op {
                ":=" | "::=" => expand(&mf, ctx, rhs.trim(), &[]),
                _ => rhs.trim().to_owned(),
            };
            match op {
                "?=" => {
                    if !mf.vars.contains_key(lhs) && ctx.get_env(lhs).is_none() {
                        mf.vars.insert(lhs.to_owned(), value);
                    }
                }
                "+=" => {
                    let old = mf.vars.get(lhs).cloned().unwrap_or_default();
                    let joined = if old.is_empty() {
                        value
                    } else {
                        format!("{old} {value}")
                    };
                    mf.vars.insert(lhs.to_owned(), joined);
                }
                _ => {
                    mf.vars.insert(lhs.to_owned(), value);
                }
            }
            continue;
        }
        if let Some((targets, rest)) = code.split_once(':') {
            let (deps, inline) = match rest.split_once(';') {
                Some((d, r)) => (d, Some(r.trim().to_owned())),
                None => (rest, None),
            };
            let targets: Vec<String> = expand(&mf, ctx, targets, &[])
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            let deps: Vec<String> = expand(&mf, ctx, deps, &[])
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            if targets.iter().any(|t| t == ".PHONY") {
                mf.phony.extend(deps);
                current.clear();
                continue;
            }
            if targets.iter().any(|t| t.contains('%')) {
                ctx.rt.notes.push(format!(
                    "make: pattern rule `{}` is not simulated",
                    code.trim()
                ));
                current.clear();
                continue;
            }
            for t in &targets {
                let rule = mf.rules.entry(t.clone()).or_insert_with(|| Rule {
                    prereqs: Vec::new(),
                    recipe: Vec::new(),
                });
                rule.prereqs.extend(deps.iter().cloned());
                if let Some(r) = &inline {
                    rule.recipe.push((lineno, r.clone()));
                }
                if !mf.order.contains(t) {
                    mf.order.push(t.clone());
                }
            }
            current = targets;
            continue;
        }
        current.clear();
        ctx.rt.notes.push(format!(
            "make: line {lineno} `{}` is not simulated",
            code.trim()
        ));
    }
    mf
}

/// `NAME op value` for the assignment operators, when `line` is one.
fn assignment(line: &str) -> Option<(&str, &'static str, &str)> {
    let eq = line.find('=')?;
    if let Some(colon) = line.find(':')
        && colon < eq
        && !line
            .get(colon..)
            .is_some_and(|s| s.starts_with(":=") || s.starts_with("::="))
    {
        return None;
    }
    let before = line.get(..eq)?;
    let rhs = line.get(eq + 1..)?;
    let (name, op) = if let Some(n) = before.strip_suffix("::") {
        (n, "::=")
    } else if let Some(n) = before.strip_suffix(':') {
        (n, ":=")
    } else if let Some(n) = before.strip_suffix('?') {
        (n, "?=")
    } else if let Some(n) = before.strip_suffix('+') {
        (n, "+=")
    } else {
        (before, "=")
    };
    let name = name.trim();
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    Some((name, op, rhs))
}

fn mtime(ctx: &ProgramCtx<'_, '_>, target: &str) -> Option<i64> {
    c::stat(ctx, &ctx.abs(target)).ok().map(|s| s.mtime)
}

/// Brings `target` up to date; `Err(())` stops make (the message is printed). `Ok(true)` when
/// something was run for it.
fn make(
    mf: &Makefile,
    run: &mut Run,
    ctx: &mut ProgramCtx<'_, '_>,
    target: &str,
    parent: Option<&str>,
) -> Result<bool, ()> {
    if let Some(&remade) = run.done.get(target) {
        return Ok(remade);
    }
    run.done.insert(target.to_owned(), false);
    let Some(rule) = mf.rules.get(target) else {
        if mtime(ctx, target).is_some() {
            return Ok(false);
        }
        let msg = match parent {
            Some(pa) => {
                format!("make: *** No rule to make target '{target}', needed by '{pa}'.  Stop.\n")
            }
            None => format!("make: *** No rule to make target '{target}'.  Stop.\n"),
        };
        c::eout(ctx, &msg);
        return Err(());
    };
    let mut newer = false;
    let own = mtime(ctx, target);
    for d in &rule.prereqs {
        let remade = make(mf, run, ctx, d, Some(target))?;
        let dm = mtime(ctx, d);
        newer |= remade || mf.phony.contains(d) || matches!((own, dm), (Some(o), Some(m)) if m > o);
    }
    let needed = mf.phony.contains(target) || own.is_none() || newer;
    if rule.recipe.is_empty() {
        run.done.insert(target.to_owned(), newer);
        return Ok(newer);
    }
    if !needed {
        return Ok(false);
    }
    let auto = [
        ('@', target.to_owned()),
        ('<', rule.prereqs.first().cloned().unwrap_or_default()),
        ('^', dedup(&rule.prereqs).join(" ")),
    ];
    for (lineno, raw) in &rule.recipe {
        let line = expand(mf, ctx, raw, &auto);
        let mut body = line.as_str();
        let mut quiet = run.silent;
        let mut ignore = false;
        loop {
            if let Some(r) = body.strip_prefix('@') {
                quiet = true;
                body = r;
            } else if let Some(r) = body.strip_prefix('-') {
                ignore = true;
                body = r;
            } else if let Some(r) = body.strip_prefix('+') {
                body = r;
            } else if let Some(r) = body.strip_prefix([' ', '\t']) {
                body = r;
            } else {
                break;
            }
        }
        if body.is_empty() {
            continue;
        }
        if !quiet || run.dry {
            c::out(ctx, body);
        }
        run.commands += 1;
        if run.dry {
            continue;
        }
        // a recipe line compiles something: a little virtual time
        c::busy::work(ctx, 700);
        let argv = vec!["/bin/sh".to_owned(), "-c".to_owned(), body.to_owned()];
        let status = match ctx.exec(&argv, b"") {
            Ok(s) => s,
            Err(ExecError::NotFound) => {
                c::eout(ctx, "make: /bin/sh: No such file or directory\n");
                127
            }
            Err(_) => 126,
        };
        if status != 0 {
            let at = format!("{}:{lineno}: {target}", mf.name);
            if ignore {
                c::eout(ctx, &format!("make: [{at}] Error {status} (ignored)\n"));
                continue;
            }
            c::eout(ctx, &format!("make: *** [{at}] Error {status}\n"));
            return Err(());
        }
    }
    run.done.insert(target.to_owned(), true);
    Ok(true)
}

fn dedup(v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for x in v {
        if !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

pub(crate) fn run(ctx: &mut ProgramCtx<'_, '_>, argv: &[String], _: &[u8]) -> i32 {
    let mut file: Option<String> = None;
    let mut dir: Option<String> = None;
    let mut goals = Vec::new();
    let mut overrides = Vec::new();
    let mut run = Run {
        dry: false,
        silent: false,
        keep_going: false,
        done: BTreeMap::new(),
        commands: 0,
    };
    let mut args = argv.iter().skip(1).peekable();
    while let Some(a) = args.next() {
        match a.as_str() {
            "-f" | "--file" | "--makefile" => file = args.next().cloned(),
            "-C" | "--directory" => dir = args.next().cloned(),
            "-n" | "--dry-run" | "--just-print" | "--recon" => run.dry = true,
            "-s" | "--silent" | "--quiet" => run.silent = true,
            "-k" | "--keep-going" => run.keep_going = true,
            "-j" | "-l" => {
                // a job count may follow
                if args.peek().is_some_and(|n| n.parse::<u32>().is_ok()) {
                    args.next();
                }
            }
            "-v" | "--version" => {
                let v = drydock_catalog::packages::texts()
                    .versions
                    .get("make")
                    .cloned()
                    .unwrap_or_else(|| "GNU Make 4.3".to_owned());
                c::out(ctx, &v);
                return 0;
            }
            s if s.starts_with("-j") || s.starts_with("--jobs") => {}
            s if s.starts_with("-C") => dir = Some(s.get(2..).unwrap_or("").to_owned()),
            s if s.starts_with("-f") => file = Some(s.get(2..).unwrap_or("").to_owned()),
            s if s.starts_with('-') && s.len() > 1 => {
                c::eout(
                    ctx,
                    &format!("make: invalid option -- '{}'\n", s.trim_start_matches('-')),
                );
                return 2;
            }
            s if s.contains('=') => overrides.push(s.to_owned()),
            s => goals.push(s.to_owned()),
        }
    }
    let entered = dir.as_ref().map(|d| ctx.abs(d));
    if let Some(d) = &entered {
        if !c::is_dir(ctx, d) {
            c::eout(
                ctx,
                &format!(
                    "make: *** {}: No such file or directory.  Stop.\n",
                    dir.clone().unwrap_or_default()
                ),
            );
            return 2;
        }
        ctx.cwd = d.clone();
        c::out(ctx, &format!("make: Entering directory '{d}'"));
    }
    let status = run_in(ctx, file, goals, overrides, &mut run);
    if let Some(d) = &entered {
        c::out(ctx, &format!("make: Leaving directory '{d}'"));
    }
    status
}

fn run_in(
    ctx: &mut ProgramCtx<'_, '_>,
    file: Option<String>,
    goals: Vec<String>,
    overrides: Vec<String>,
    run: &mut Run,
) -> i32 {
    let name = match file {
        Some(f) => Some(f),
        None => ["GNUmakefile", "makefile", "Makefile"]
            .into_iter()
            .find(|n| c::exists(ctx, &ctx.abs(n)))
            .map(str::to_owned),
    };
    let text = match &name {
        Some(n) => match c::read_text(ctx, &ctx.abs(n)) {
            Ok(t) => t,
            Err(_) => {
                c::eout(ctx, &format!("make: {n}: No such file or directory\n"));
                c::eout(
                    ctx,
                    &format!("make: *** No rule to make target '{n}'.  Stop.\n"),
                );
                return 2;
            }
        },
        None => String::new(),
    };
    let mut mf = parse(ctx, name.as_deref().unwrap_or(""), &text);
    for o in overrides {
        if let Some((k, v)) = o.split_once('=') {
            mf.vars.insert(k.to_owned(), v.to_owned());
        }
    }
    let goals = if goals.is_empty() {
        match mf.order.iter().find(|t| !t.starts_with('.')) {
            Some(t) => vec![t.clone()],
            None => {
                let msg = if name.is_none() {
                    "make: *** No targets specified and no makefile found.  Stop.\n"
                } else {
                    "make: *** No targets.  Stop.\n"
                };
                c::eout(ctx, msg);
                return 2;
            }
        }
    } else {
        goals
    };
    let mut status = 0;
    for g in &goals {
        let before = run.commands;
        match make(&mf, run, ctx, g, None) {
            Ok(_) if run.commands > before => {}
            Ok(_) => {
                let has_recipe = mf.rules.get(g).is_some_and(|r| !r.recipe.is_empty());
                if has_recipe && !mf.phony.contains(g) {
                    c::out(ctx, &format!("make: '{g}' is up to date."));
                } else {
                    c::out(ctx, &format!("make: Nothing to be done for '{g}'."));
                }
            }
            Err(()) => {
                status = 2;
                if !run.keep_going {
                    break;
                }
            }
        }
    }
    status
}
