//! Keyboard shortcuts: one table that both the key handler and the help overlay read.

/// A shortcut as the help overlay lists it.
pub struct Shortcut {
    pub keys: &'static str,
    /// The translation key of what it does (the help overlay shows `i18n::t(action)`).
    pub action: &'static str,
}

/// Every global shortcut.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: "?",
        action: "shortcut.help",
    },
    Shortcut {
        keys: "Alt+1 … Alt+5",
        action: "shortcut.views",
    },
    Shortcut {
        keys: "Alt+T",
        action: "shortcut.theme",
    },
    Shortcut {
        keys: "[ / ]",
        action: "shortcut.step",
    },
    Shortcut {
        keys: "Ctrl+F",
        action: "shortcut.find",
    },
    Shortcut {
        keys: "Ctrl+Space",
        action: "shortcut.complete",
    },
    Shortcut {
        keys: "Ctrl+Z / Ctrl+Shift+Z",
        action: "shortcut.undo",
    },
    Shortcut {
        keys: "Esc",
        action: "shortcut.close",
    },
];

/// What a key press asks for, if it is a global shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    ToggleHelp,
    CloseOverlay,
    View(usize),
    NextTheme,
    /// Time travel one build step back (-1) or forward (+1).
    Step(i32),
}

/// Maps a key event to a command. `key` is `KeyboardEvent.key`, `code` the physical key
/// (`KeyboardEvent.code`, used for Alt combinations, whose `key` differs across layouts);
/// `in_text` says the focus is in a text field, where plain keys are typing.
pub fn command(key: &str, code: &str, alt: bool, ctrl: bool, in_text: bool) -> Option<Command> {
    if ctrl {
        return None;
    }
    if alt {
        return match code {
            "KeyT" => Some(Command::NextTheme),
            _ => code
                .strip_prefix("Digit")
                .and_then(|d| d.parse::<usize>().ok())
                .filter(|n| (1..=5).contains(n))
                .map(|n| Command::View(n - 1)),
        };
    }
    match key {
        "Escape" => Some(Command::CloseOverlay),
        "?" if !in_text => Some(Command::ToggleHelp),
        "[" if !in_text => Some(Command::Step(-1)),
        "]" if !in_text => Some(Command::Step(1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_names_a_translated_action() {
        for s in SHORTCUTS {
            assert_ne!(
                crate::i18n::lookup(crate::i18n::Lang::En, s.action),
                s.action
            );
        }
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(
            command("?", "Slash", false, false, false),
            Some(Command::ToggleHelp)
        );
        assert_eq!(
            command("?", "Slash", false, false, true),
            None,
            "typing ? in the editor is text"
        );
        assert_eq!(
            command("3", "Digit3", true, false, true),
            Some(Command::View(2))
        );
        assert_eq!(command("6", "Digit6", true, false, false), None);
        assert_eq!(
            command("†", "KeyT", true, false, false),
            Some(Command::NextTheme)
        );
        assert_eq!(
            command("[", "BracketLeft", false, false, false),
            Some(Command::Step(-1))
        );
        assert_eq!(
            command("]", "BracketRight", false, false, false),
            Some(Command::Step(1))
        );
        assert_eq!(command("]", "BracketRight", false, false, true), None);
        assert_eq!(
            command("Escape", "Escape", false, false, true),
            Some(Command::CloseOverlay)
        );
    }
}
