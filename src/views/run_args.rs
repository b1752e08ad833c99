//! The process calculator's text fields: `docker run` arguments typed as a shell would split them,
//! and argv shown back as one line a learner could type.
use drydock_session::{ShellEnv, split_command_line};

/// Splits the arguments typed after the image name (quotes and backslashes as sh does).
pub fn split(text: &str) -> Result<Vec<String>, String> {
    let env = ShellEnv {
        pwd: "/".to_owned(),
        home: "/root".to_owned(),
    };
    split_command_line(text, &env)
}

/// One word as the learner would type it (quoted only when it needs to be).
pub fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@+,%".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Words joined into one typeable line.
pub fn join(words: &[String]) -> String {
    words.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(typed: &str, words: &[&str], shown: &str) {
        let got = split(typed).unwrap();
        assert_eq!(got, words, "split {typed:?}");
        assert_eq!(join(&got), shown, "join {typed:?}");
    }

    #[test]
    fn typed_args_round_trip() {
        check("--epochs 5", &["--epochs", "5"], "--epochs 5");
        check(
            "sh -c 'echo hi'",
            &["sh", "-c", "echo hi"],
            "sh -c 'echo hi'",
        );
        check("", &[], "");
        check(
            r#"python -c "print('x')""#,
            &["python", "-c", "print('x')"],
            r"python -c 'print('\''x'\'')'",
        );
        assert!(split("echo 'open").is_err());
    }
}
