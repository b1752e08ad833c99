//! Learner-written notes on common shell commands, their flags and the shell's operators
//! (`data/commands.txt`, a small line format described at its top), for the editor's explain
//! mode. Parsed once on first use; adding a command is a data change.
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/commands.txt");

/// One documented flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagNote {
    /// Every spelling (`-r`, `--requirement`).
    pub names: Vec<String>,
    /// Whether the next word is the flag's value (`-r FILE`).
    pub takes_value: bool,
    pub text: String,
}

/// One command (with its subcommand) or shell operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandNote {
    /// Every spelling, as words (`["pip", "install"]`, `["python", "-m", "pip", "install"]`).
    pub names: Vec<Vec<String>>,
    pub text: String,
    /// Which package index the other words name (`pip`, `apt`, `apk`, `npm`, `conda`).
    pub packages: Option<String>,
    pub flags: Vec<FlagNote>,
}

impl CommandNote {
    /// The first spelling, joined (`pip install`).
    pub fn title(&self) -> String {
        self.names.first().map(|n| n.join(" ")).unwrap_or_default()
    }

    /// The flag spelled `name` (without a `=value`).
    pub fn flag(&self, name: &str) -> Option<&FlagNote> {
        self.flags
            .iter()
            .find(|f| f.names.iter().any(|n| n == name))
    }
}

/// Parses the format of `data/commands.txt`.
pub fn parse(text: &str) -> Vec<CommandNote> {
    let mut out: Vec<CommandNote> = Vec::new();
    for line in text.lines() {
        let l = line.trim_end();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(head) = l.strip_prefix("== ") {
            out.push(CommandNote {
                names: head
                    .split(" | ")
                    .map(|n| n.split_whitespace().map(str::to_owned).collect())
                    .filter(|n: &Vec<String>| !n.is_empty())
                    .collect(),
                text: String::new(),
                packages: None,
                flags: Vec::new(),
            });
            continue;
        }
        let Some(cur) = out.last_mut() else { continue };
        if let Some(p) = l.strip_prefix("packages: ") {
            cur.packages = Some(p.trim().to_owned());
        } else if l.starts_with('-')
            && let Some((spec, text)) = l.split_once(" | ")
        {
            let (names, value) = match spec.split_once(" =") {
                Some((n, _)) => (n, true),
                None => (spec, false),
            };
            cur.flags.push(FlagNote {
                names: names.split(", ").map(|n| n.trim().to_owned()).collect(),
                takes_value: value,
                text: text.trim().to_owned(),
            });
        } else if cur.text.is_empty() {
            cur.text = l.trim().to_owned();
        } else {
            cur.text.push(' ');
            cur.text.push_str(l.trim());
        }
    }
    out
}

/// The built-in notes.
pub fn commands() -> &'static [CommandNote] {
    static C: OnceLock<Vec<CommandNote>> = OnceLock::new();
    C.get_or_init(|| parse(DATA))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_parses_with_every_entry_documented() {
        let all = commands();
        assert!(all.len() > 40);
        for c in all {
            assert!(!c.names.is_empty() && !c.text.is_empty(), "{c:?}");
        }
        let pip = all.iter().find(|c| c.title() == "pip install").unwrap();
        assert_eq!(pip.packages.as_deref(), Some("pip"));
        assert!(pip.flag("-r").unwrap().takes_value);
        assert!(!pip.flag("--no-cache-dir").unwrap().takes_value);
        assert!(all.iter().any(|c| c.title() == "&&"));
    }
}
