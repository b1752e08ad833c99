//! Which instructions' arguments BuildKit's builder expands, and how (BuildKit's
//! `SupportsSingleWordExpansion` implementations plus the special cases in `dockerfile2llb`).

/// How the builder expands an instruction's arguments before acting on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstructionExpansion {
    /// Never expanded by the builder (CMD, ENTRYPOINT, HEALTHCHECK, SHELL, MAINTAINER, ONBUILD
    /// — whose trigger is stored raw and expanded later in the child — and unknown words).
    None,
    /// Each argument is one word ([`process_word`](super::process_word)): ENV and LABEL keys and
    /// values, USER, WORKDIR, VOLUME entries, STOPSIGNAL; ADD/COPY sources, destination,
    /// `--chown`, `--chmod` (and ADD `--checksum`) — but not `--from` (must be literal) nor
    /// `--exclude`; unquoted ADD/COPY heredoc bodies use [`expand_heredoc`](super::expand_heredoc).
    Words,
    /// Each argument is expanded then split into several ([`process_words`](super::process_words)):
    /// EXPOSE (`$PORTS` may give several ports).
    Split,
    /// ARG: only default values (names never), one word each, sequentially; a default that a
    /// build-arg overrides is not evaluated at all.
    ArgDefaults,
    /// FROM: the image and `--platform`, against the global ARGs only.
    GlobalArgs,
    /// RUN: only the `--mount` option values; the command itself is left to the shell.
    MountOptions,
}

/// The expansion BuildKit applies to `keyword` (case-insensitive).
pub fn expansion_of(keyword: &str) -> InstructionExpansion {
    const TABLE: &[(&str, InstructionExpansion)] = &[
        ("add", InstructionExpansion::Words),
        ("arg", InstructionExpansion::ArgDefaults),
        ("copy", InstructionExpansion::Words),
        ("env", InstructionExpansion::Words),
        ("expose", InstructionExpansion::Split),
        ("from", InstructionExpansion::GlobalArgs),
        ("label", InstructionExpansion::Words),
        ("run", InstructionExpansion::MountOptions),
        ("stopsignal", InstructionExpansion::Words),
        ("user", InstructionExpansion::Words),
        ("volume", InstructionExpansion::Words),
        ("workdir", InstructionExpansion::Words),
    ];
    TABLE
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(keyword))
        .map_or(InstructionExpansion::None, |&(_, e)| e)
}

/// Whether BuildKit expands any argument of `keyword` (case-insensitive) before acting on it.
pub fn expands(keyword: &str) -> bool {
    expansion_of(keyword) != InstructionExpansion::None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_buildkit() {
        for kw in [
            "ADD",
            "arg",
            "Copy",
            "ENV",
            "EXPOSE",
            "FROM",
            "LABEL",
            "RUN",
            "STOPSIGNAL",
        ] {
            assert!(expands(kw), "{kw}");
        }
        for kw in ["USER", "VOLUME", "WORKDIR"] {
            assert_eq!(expansion_of(kw), InstructionExpansion::Words, "{kw}");
        }
        for kw in [
            "CMD",
            "ENTRYPOINT",
            "HEALTHCHECK",
            "SHELL",
            "MAINTAINER",
            "ONBUILD",
            "FNORD",
            "",
        ] {
            assert!(!expands(kw), "{kw}");
        }
        assert_eq!(expansion_of("expose"), InstructionExpansion::Split);
        assert_eq!(expansion_of("run"), InstructionExpansion::MountOptions);
    }
}
