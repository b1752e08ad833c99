//! Whether a container's shell hands PID 1 over to the program it runs: `sh -c 'uvicorn …'`
//! (a single simple command, which dash, ash and bash `exec`), `sh -c 'cd /app && exec uvicorn …'`,
//! nested `sh -c "sh -c '…'"`; after `cd /app && uvicorn …` the shell stays PID 1 and the program
//! is its child (SIGTERM from `docker stop` reaches only the shell, which ignores it).

const SHELLS: &[&str] = &["sh", "dash", "ash", "bash", "busybox"];

/// Shell words of `script` if it is a list of simple commands joined by `&&` or `;` (quotes
/// removed), `None` when it uses anything else (pipes, subshells, substitutions, `||`, `&`).
fn segments(script: &str) -> Option<Vec<Vec<String>>> {
    let mut segs: Vec<Vec<String>> = vec![Vec::new()];
    let mut word: Option<String> = None;
    let mut chars = script.chars().peekable();
    let push = |segs: &mut Vec<Vec<String>>, word: &mut Option<String>| {
        if let Some(w) = word.take()
            && let Some(last) = segs.last_mut()
        {
            last.push(w);
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(x) => w.push(x),
                        None => return None,
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(x @ ('"' | '\\' | '$' | '`')) => w.push(x),
                            Some(x) => {
                                w.push('\\');
                                w.push(x);
                            }
                            None => return None,
                        },
                        Some('`') => return None,
                        Some('$') if chars.peek() == Some(&'(') => return None,
                        Some(x) => w.push(x),
                        None => return None,
                    }
                }
            }
            '\\' => {
                if let Some(x) = chars.next() {
                    word.get_or_insert_with(String::new).push(x);
                }
            }
            ' ' | '\t' => push(&mut segs, &mut word),
            ';' => {
                push(&mut segs, &mut word);
                segs.push(Vec::new());
            }
            '&' if chars.peek() == Some(&'&') => {
                chars.next();
                push(&mut segs, &mut word);
                segs.push(Vec::new());
            }
            '$' if chars.peek() == Some(&'(') => return None,
            '|' | '&' | '(' | ')' | '`' | '\n' | '<' | '>' | '{' | '}' => return None,
            x => word.get_or_insert_with(String::new).push(x),
        }
    }
    push(&mut segs, &mut word);
    segs.retain(|s| !s.is_empty());
    Some(segs)
}

/// For a command that starts with a shell: whether the program it finally runs replaces the
/// shell(s) before it, so it is PID 1. `None` when `argv` does not start with a shell.
pub fn shell_execs_program(argv: &[String]) -> Option<bool> {
    let chain = shell_chain(argv);
    chain.through_shell.then_some(chain.execs)
}

/// What a command's chain of `sh -c` shells comes down to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellChain {
    /// Whether `argv` starts with a shell.
    pub through_shell: bool,
    /// Whether the final program replaces the shell(s), becoming PID 1 (`true` when there is no
    /// shell at all).
    pub execs: bool,
    /// The argv that ends up as PID 1: the final program when the shells exec it, otherwise the
    /// shell that stays.
    pub pid1: Vec<String>,
    /// When a shell stays PID 1: the last simple command of its script (the program that runs as
    /// its child), if the script is a plain `&&`/`;` list.
    pub child: Option<Vec<String>>,
}

/// Follows `sh -c` shells down to the program PID 1 ends up running (the analysis behind
/// [`shell_execs_program`]).
pub fn shell_chain(argv: &[String]) -> ShellChain {
    let mut argv: Vec<String> = argv.to_vec();
    let mut through_shell = false;
    let stays = |argv: Vec<String>, child: Option<Vec<String>>| ShellChain {
        through_shell: true,
        execs: false,
        pid1: argv,
        child,
    };
    for _ in 0..8 {
        let name = argv
            .first()
            .map(|a| a.rsplit('/').next().unwrap_or(a).to_owned())
            .unwrap_or_default();
        if !SHELLS.contains(&name.as_str()) {
            return ShellChain {
                through_shell,
                execs: true,
                pid1: argv,
                child: None,
            };
        }
        let Some(script) = argv
            .get(2)
            .filter(|_| argv.get(1).is_some_and(|a| a == "-c"))
        else {
            return stays(argv, None);
        };
        let Some(segs) = segments(script) else {
            return stays(argv, None);
        };
        let next = match segs.as_slice() {
            [only] if only.first().is_some_and(|w| w != "exec") => only.clone(),
            [.., last] if last.first().is_some_and(|w| w == "exec") => {
                last.get(1..).unwrap_or(&[]).to_vec()
            }
            [.., last] => {
                let child = Some(last.clone()).filter(|l| !l.is_empty());
                return stays(argv, child);
            }
            [] => return stays(argv, None),
        };
        if next.is_empty() || next.first().is_some_and(|w| w.contains('=')) {
            return stays(argv, None);
        }
        through_shell = true;
        argv = next;
    }
    stays(argv, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(argv: &[&str]) -> Option<bool> {
        shell_execs_program(&argv.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn exec_rules() {
        assert_eq!(
            check(&["sh", "-c", "uvicorn app:app --host 0.0.0.0"]),
            Some(true)
        );
        assert_eq!(
            check(&["/bin/sh", "-c", "cd /app && exec uvicorn app:app"]),
            Some(true)
        );
        assert_eq!(
            check(&["sh", "-c", "cd /app && uvicorn app:app"]),
            Some(false)
        );
        assert_eq!(
            check(&["/bin/sh", "-c", "sh -c \"cd /app && uvicorn a:b\""]),
            Some(false)
        );
        assert_eq!(
            check(&["/bin/sh", "-c", "sh -c 'uvicorn app:app'"]),
            Some(true)
        );
        assert_eq!(check(&["uvicorn", "app:app"]), None);
        assert_eq!(
            check(&["sh", "-c", "uvicorn app:app | tee log"]),
            Some(false)
        );
    }
}
