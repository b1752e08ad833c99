//! A small, forgiving reader of shell command lines for the learner rules: splits a RUN/CMD
//! string into simple commands (on `&&`, `||`, `;`, `|`, `&`, newlines, parentheses) and words
//! (quotes removed, `$(…)` kept inside its word), and finds the program each command runs.
//! Approximate by design: it never fails and never expands anything.

/// One simple command: leading `NAME=value` assignments, then words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimpleCommand {
    pub assignments: Vec<(String, String)>,
    pub words: Vec<String>,
}

impl SimpleCommand {
    /// The program and its arguments, looking through `sudo`, `env`, `exec`, `time`, `nohup`,
    /// `command`, and `python -m X` / `python3 -m X` (→ `X`). The program is a base name.
    pub fn program(&self) -> Option<(&str, &[String])> {
        let mut w: &[String] = &self.words;
        loop {
            let (first, rest) = w.split_first()?;
            let name = first.rsplit('/').next().unwrap_or(first);
            match name {
                "sudo" | "exec" | "time" | "nohup" | "command" => {
                    w = skip_options(rest);
                }
                "env" => {
                    let mut r = skip_options(rest);
                    while r.first().is_some_and(|x| is_assignment(x)) {
                        r = r.get(1..).unwrap_or(&[]);
                    }
                    w = r;
                }
                _ if is_python(name) => {
                    if let Some(pos) = rest.iter().position(|x| x == "-m") {
                        let module = rest.get(pos + 1)?;
                        return Some((module.as_str(), rest.get(pos + 2..).unwrap_or(&[])));
                    }
                    return Some((name, rest));
                }
                _ => return Some((name, rest)),
            }
        }
    }

    /// An assignment on the command line, or `None`.
    pub fn assignment(&self, name: &str) -> Option<&str> {
        self.assignments
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn skip_options(w: &[String]) -> &[String] {
    let n = w.iter().take_while(|x| x.starts_with('-')).count();
    w.get(n..).unwrap_or(&[])
}

/// `python`, `python3`, `python3.12`.
pub fn is_python(name: &str) -> bool {
    name.strip_prefix("python")
        .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// `NAME=value` with a valid shell name.
pub fn is_assignment(w: &str) -> bool {
    match w.split_once('=') {
        Some((k, _)) => {
            !k.is_empty()
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !k.starts_with(|c: char| c.is_ascii_digit())
        }
        None => false,
    }
}

/// Splits a shell command line into simple commands.
pub fn commands(script: &str) -> Vec<SimpleCommand> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = script.chars().peekable();
    let finish = |words: &mut Vec<String>, out: &mut Vec<SimpleCommand>| {
        if words.is_empty() {
            return;
        }
        let mut cmd = SimpleCommand::default();
        let mut it = std::mem::take(words).into_iter().peekable();
        while let Some(w) = it.next_if(|w| is_assignment(w)) {
            if let Some((k, v)) = w.split_once('=') {
                cmd.assignments.push((k.to_owned(), v.to_owned()));
            }
        }
        cmd.words = it.collect();
        out.push(cmd);
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(n) => {
                    word.push(n);
                    in_word = true;
                }
                None => {}
            },
            '\'' => {
                in_word = true;
                for n in chars.by_ref() {
                    if n == '\'' {
                        break;
                    }
                    word.push(n);
                }
            }
            '"' => {
                in_word = true;
                while let Some(n) = chars.next() {
                    match n {
                        '"' => break,
                        '\\' => {
                            if let Some(&m) = chars.peek()
                                && matches!(m, '"' | '\\' | '$' | '`' | '\n')
                            {
                                chars.next();
                                if m != '\n' {
                                    word.push(m);
                                }
                                continue;
                            }
                            word.push('\\');
                        }
                        _ => word.push(n),
                    }
                }
            }
            '$' if chars.peek() == Some(&'(') => {
                in_word = true;
                word.push('$');
                let mut depth = 0usize;
                for n in chars.by_ref() {
                    word.push(n);
                    match n {
                        '(' => depth += 1,
                        ')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            '#' if !in_word => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
                finish(&mut words, &mut out);
            }
            ' ' | '\t' | '\r' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\n' | ';' | '&' | '|' | '(' | ')' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
                finish(&mut words, &mut out);
            }
            _ => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    finish(&mut words, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_commands_and_finds_programs() {
        let cmds = commands(
            "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \\\n  curl; rm -rf /var/lib/apt/lists/* # done",
        );
        assert_eq!(cmds.len(), 3);
        assert_eq!(
            cmds[1].assignment("DEBIAN_FRONTEND"),
            Some("noninteractive")
        );
        assert_eq!(cmds[1].program().unwrap().0, "apt-get");
        assert_eq!(cmds[1].words.last().unwrap(), "curl");
        let c = commands("python3 -m pip install --no-cache-dir -r 'req s.txt'");
        let (p, args) = c[0].program().unwrap();
        assert_eq!(p, "pip");
        assert_eq!(args.last().unwrap(), "req s.txt");
        assert_eq!(
            commands("sudo -E env A=1 uv sync")[0].program().unwrap().0,
            "uv"
        );
        assert_eq!(commands("echo \"$(date)\" | tee x").len(), 2);
        assert!(commands("").is_empty());
    }
}
