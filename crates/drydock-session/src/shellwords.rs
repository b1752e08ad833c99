//! What your shell would do to a typed command line before docker sees it: split it into words
//! (quotes and backslashes as POSIX sh), and expand `$(pwd)`, `` `pwd` ``, `$PWD`, `${PWD}`,
//! `$HOME`, `~` and `~/…`, and — when the caller can run them — `$(docker …)` and
//! `` `docker …` `` command substitutions (`docker rm $(docker ps -aq)`: unquoted, the output is
//! split into words; quoted, it is one word; trailing newlines go either way). The docker CLI
//! never sees these forms — a terminal front-end must expand them before handing argv to the
//! session, exactly as bash would in front of the real docker. Anything else that needs a real
//! shell (pipes, `;`, other substitutions) is an error.

/// The values the expansions need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellEnv {
    /// The working directory (the host project folder).
    pub pwd: String,
    pub home: String,
}

/// Runs the words of a `$(docker …)` substitution and gives its standard output.
pub type Substitute<'a> = dyn FnMut(&[String]) -> Result<String, String> + 'a;

/// Splits and expands a command line (no command substitution).
pub fn split(line: &str, env: &ShellEnv) -> Result<Vec<String>, String> {
    split_with(line, env, None)
}

/// Splits and expands a command line; `$(docker …)` substitutions run through `sub`.
pub fn split_with(
    line: &str,
    env: &ShellEnv,
    sub: Option<&mut Substitute<'_>>,
) -> Result<Vec<String>, String> {
    split_nested(line, env, sub, 0)
}

/// How deep substitutions may nest (`$(docker inspect $(docker ps -lq))` is 2).
const MAX_NESTING: usize = 8;

/// [`split_with`] inside `depth` substitutions.
fn split_nested(
    line: &str,
    env: &ShellEnv,
    mut sub: Option<&mut Substitute<'_>>,
    depth: usize,
) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    let at_word_start = |cur: &String, in_word: bool| !in_word && cur.is_empty();
    while let Some(&c) = chars.get(i) {
        match c {
            ' ' | '\t' | '\n' => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
                i += 1;
            }
            '\'' => {
                in_word = true;
                i += 1;
                loop {
                    match chars.get(i) {
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(&ch) => {
                            cur.push(ch);
                            i += 1;
                        }
                        None => {
                            return Err("unexpected EOF while looking for matching `''".to_owned());
                        }
                    }
                }
            }
            '"' => {
                in_word = true;
                i += 1;
                loop {
                    match chars.get(i) {
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some('\\') => match chars.get(i + 1) {
                            Some(&n @ ('$' | '`' | '"' | '\\')) => {
                                cur.push(n);
                                i += 2;
                            }
                            Some('\n') => i += 2,
                            _ => {
                                cur.push('\\');
                                i += 1;
                            }
                        },
                        Some('$' | '`') => {
                            let (text, used) =
                                expand_at(&chars, i, env, sub.as_deref_mut(), depth)?;
                            cur.push_str(&text);
                            i += used;
                        }
                        Some(&ch) => {
                            cur.push(ch);
                            i += 1;
                        }
                        None => {
                            return Err("unexpected EOF while looking for matching `\"'".to_owned());
                        }
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.get(i + 1) {
                    Some('\n') => {}
                    Some(&n) => cur.push(n),
                    None => {}
                }
                i += 2;
            }
            '~' if at_word_start(&cur, in_word)
                && matches!(chars.get(i + 1), None | Some('/' | ' ' | '\t' | ':')) =>
            {
                in_word = true;
                cur.push_str(&env.home);
                i += 1;
            }
            '$' | '`' if is_substitution(&chars, i) => {
                // Unquoted: the output is split into words.
                let (text, used) = expand_at(&chars, i, env, sub.as_deref_mut(), depth)?;
                for (k, piece) in text.split_whitespace().enumerate() {
                    if k > 0 {
                        words.push(std::mem::take(&mut cur));
                    }
                    cur.push_str(piece);
                    in_word = true;
                }
                i += used;
            }
            '$' | '`' => {
                in_word = true;
                let (text, used) = expand_at(&chars, i, env, sub.as_deref_mut(), depth)?;
                cur.push_str(&text);
                i += used;
            }
            '|' | ';' | '&' | '<' | '>' | '(' | ')' => {
                return Err(format!(
                    "this terminal runs one docker command at a time (no `{c}`)"
                ));
            }
            _ => {
                in_word = true;
                cur.push(c);
                i += 1;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

/// Whether `chars[i]` starts a command substitution other than the `pwd` ones.
fn is_substitution(chars: &[char], i: usize) -> bool {
    let rest: String = chars.get(i..).unwrap_or(&[]).iter().take(10).collect();
    (rest.starts_with("$(") || rest.starts_with('`'))
        && !rest.starts_with("$(pwd)")
        && !rest.starts_with("$(pwd -P)")
        && !rest.starts_with("`pwd`")
}

/// The command inside the substitution at `chars[i]` and the length of the whole form:
/// `$(…)` up to its matching parenthesis (quotes and nested parentheses skipped), `` `…` `` up
/// to the next backquote.
fn substitution_body(chars: &[char], i: usize) -> Option<(String, usize)> {
    if chars.get(i) == Some(&'`') {
        let end = chars.get(i + 1..)?.iter().position(|c| *c == '`')? + i + 1;
        return Some((chars.get(i + 1..end)?.iter().collect(), end + 1 - i));
    }
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for (k, &c) in chars.iter().enumerate().skip(i + 2) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' => depth += 1,
                ')' if depth == 0 => {
                    return Some((chars.get(i + 2..k)?.iter().collect(), k + 1 - i));
                }
                ')' => depth -= 1,
                _ => {}
            },
        }
    }
    None
}

/// Expands the substitution starting at `chars[i]` (`$…` or `` `…` ``): text and length used.
fn expand_at(
    chars: &[char],
    i: usize,
    env: &ShellEnv,
    sub: Option<&mut Substitute<'_>>,
    depth: usize,
) -> Result<(String, usize), String> {
    let rest: String = chars.get(i..).unwrap_or(&[]).iter().collect();
    let table: [(&str, &str); 7] = [
        ("$(pwd)", &env.pwd),
        ("`pwd`", &env.pwd),
        ("${PWD}", &env.pwd),
        ("${HOME}", &env.home),
        ("$PWD", &env.pwd),
        ("$HOME", &env.home),
        ("$(pwd -P)", &env.pwd),
    ];
    for (pat, val) in table {
        if let Some(after) = rest.strip_prefix(pat) {
            let next = after.chars().next();
            let name_cont = pat.starts_with("$P") || pat.starts_with("$H");
            if name_cont && next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            return Ok((val.to_owned(), pat.chars().count()));
        }
    }
    if rest.len() == 1 || rest.starts_with("$ ") {
        return Ok(("$".to_owned(), 1));
    }
    if let Some(sub) = sub
        && is_substitution(chars, i)
    {
        let Some((body, used)) = substitution_body(chars, i) else {
            return Err("unexpected EOF while looking for matching `)'".to_owned());
        };
        if depth >= MAX_NESTING {
            return Err("command substitutions nest too deeply here".to_owned());
        }
        let words = split_nested(&body, env, Some(&mut *sub), depth + 1)?;
        if words.first().map(String::as_str) != Some("docker") {
            return Err(format!(
                "only docker commands can be substituted here, not `{}`",
                body.trim()
            ));
        }
        let out = sub(&words)?;
        return Ok((out.trim_end_matches('\n').to_owned(), used));
    }
    let shown: String = rest.chars().take(12).collect();
    Err(format!(
        "only $(pwd), $PWD, $HOME and ~ are expanded here, not `{shown}`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> ShellEnv {
        ShellEnv {
            pwd: "/home/learner/project".into(),
            home: "/home/learner".into(),
        }
    }

    #[test]
    fn shell_does_this() {
        assert_eq!(
            split("docker run -v $(pwd)/models:/models/ trainer", &env()).unwrap(),
            vec![
                "docker",
                "run",
                "-v",
                "/home/learner/project/models:/models/",
                "trainer"
            ]
        );
        assert_eq!(
            split("docker run \"$PWD/a b\":/x 'it''s' ~/x a\\ b", &env()).unwrap(),
            vec![
                "docker",
                "run",
                "/home/learner/project/a b:/x",
                "its",
                "/home/learner/x",
                "a b"
            ]
        );
        assert_eq!(split("  ", &env()).unwrap(), Vec::<String>::new());
        assert_eq!(split("echo ''", &env()).unwrap(), vec!["echo", ""]);
        assert!(split("docker ps | grep x", &env()).is_err());
        assert!(split("docker run \"x", &env()).is_err());
        assert!(split("docker run $FOO", &env()).is_err());
        let mut runs = 0;
        let mut sub = |w: &[String]| -> Result<String, String> {
            runs += 1;
            Ok(format!("{}\n", w.len()))
        };
        assert_eq!(
            split_with(
                "docker rm $(docker ps -aq) \"$(docker ps)\"",
                &env(),
                Some(&mut sub)
            ),
            Ok(vec!["docker".into(), "rm".into(), "3".into(), "2".into()])
        );
        let deep = format!("docker ps{}", "$(docker ps ".repeat(20) + &")".repeat(20));
        assert!(split_with(&deep, &env(), Some(&mut sub)).is_err());
        assert_eq!(runs, 2);
    }
}
