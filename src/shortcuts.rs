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
        keys: "Alt+L",
        action: "shortcut.lecture",
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
        keys: "Tab",
        action: "shortcut.term_complete",
    },
    Shortcut {
        keys: "↑ / ↓",
        action: "shortcut.term_history",
    },
    Shortcut {
        keys: "Ctrl+C / Ctrl+L",
        action: "shortcut.term_keys",
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

/// The keys of lecture mode, as its legend lists them (`action` is a translation key).
pub const LECTURE_KEYS: &[Shortcut] = &[
    Shortcut {
        keys: "PageDown / → / Space",
        action: "lecture.key_next",
    },
    Shortcut {
        keys: "PageUp / ←",
        action: "lecture.key_prev",
    },
    Shortcut {
        keys: "Home / End",
        action: "lecture.key_ends",
    },
    Shortcut {
        keys: "K",
        action: "lecture.key_legend",
    },
    Shortcut {
        keys: "Alt+L",
        action: "lecture.key_leave",
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
    /// Time travel to the first step.
    FirstStep,
    /// Time travel to the end of the build.
    LastStep,
    ToggleLecture,
    /// Hide or show lecture mode's key legend.
    ToggleLegend,
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
            "KeyL" => Some(Command::ToggleLecture),
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

/// Maps a key to a lecture-mode command (presentation clickers send PageUp / PageDown). Nothing
/// fires while typing (`in_text`), and Space or the arrows keep their own meaning on a focused
/// control (`on_control`: a button, link, select, tab or list).
pub fn lecture_command(
    key: &str,
    alt: bool,
    ctrl: bool,
    in_text: bool,
    on_control: bool,
) -> Option<Command> {
    if alt || ctrl || in_text {
        return None;
    }
    match key {
        "PageDown" => Some(Command::Step(1)),
        "PageUp" => Some(Command::Step(-1)),
        "ArrowRight" | " " if !on_control => Some(Command::Step(1)),
        "ArrowLeft" if !on_control => Some(Command::Step(-1)),
        "Home" if !on_control => Some(Command::FirstStep),
        "End" if !on_control => Some(Command::LastStep),
        "k" | "K" => Some(Command::ToggleLegend),
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
        assert_eq!(
            command("¬", "KeyL", true, false, true),
            Some(Command::ToggleLecture)
        );
    }

    #[test]
    fn lecture_keys() {
        let k = |key, in_text, on_control| lecture_command(key, false, false, in_text, on_control);
        assert_eq!(k("PageDown", false, false), Some(Command::Step(1)));
        assert_eq!(
            k("PageUp", false, true),
            Some(Command::Step(-1)),
            "clickers work anywhere"
        );
        assert_eq!(k(" ", false, false), Some(Command::Step(1)));
        assert_eq!(k(" ", false, true), None, "Space presses a focused button");
        assert_eq!(k("ArrowRight", false, false), Some(Command::Step(1)));
        assert_eq!(k("ArrowLeft", false, false), Some(Command::Step(-1)));
        assert_eq!(k("Home", false, false), Some(Command::FirstStep));
        assert_eq!(k("End", false, false), Some(Command::LastStep));
        assert_eq!(k("k", false, true), Some(Command::ToggleLegend));
        for key in ["PageDown", " ", "ArrowLeft", "k", "End"] {
            assert_eq!(
                k(key, true, false),
                None,
                "{key:?} is typing in the editor or terminal"
            );
        }
        assert_eq!(lecture_command("PageDown", false, true, false, false), None);
        assert_eq!(k("x", false, false), None);
    }
}
