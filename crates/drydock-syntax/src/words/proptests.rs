//! Property tests: expansion is total (never panics, always ends) on arbitrary text, including
//! multi-byte UTF-8 and dense `$ { } : # % / \ ' "` soup, and agrees with itself across modes.

use proptest::prelude::*;

use super::*;

/// Text biased towards the characters the lexer cares about.
fn soup() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "$", "{", "}", ":", "-", "+", "?", "#", "%", "/", "\\", "`", "'", "\"", " ", "\t", "\n",
        "*", "A", "B", "x", "é", "한", "👽", "\u{FEFF}", "0", "@", "\u{0947}", "$A", "${A",
        "${B:-", "${A#", "${A%%", "${A//", "\\}", "\\/", "\\*", "$0",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

const ENV: &[(&str, &str)] = &[("A", "a*b/c d\n\\e"), ("B", ""), ("한", "k")];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn total_on_soup(word in soup()) {
        for lex in [
            Lexer::default(),
            Lexer::new('`'),
            Lexer::default().raw_quotes(true).raw_escapes(true),
            Lexer::default().skip_unset_env(true),
            Lexer::default().skip_process_quotes(true),
        ] {
            let one = lex.process_word(&word, ENV);
            let many = lex.process_words(&word, ENV);
            // Both modes fail or succeed together, with the same message.
            prop_assert_eq!(one.as_ref().err(), many.as_ref().err());
            if let Ok(e) = one {
                prop_assert!(e.matched.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(e.unmatched.iter().all(|n| !e.matched.contains(n)));
            }
        }
        let _ = expand_heredoc(&word, ENV);
    }

    #[test]
    fn total_on_any_string(word in any::<String>()) {
        let _ = process_word(&word, ENV);
        let _ = process_words(&word, ENV);
    }

    #[test]
    fn plain_words_come_back_unchanged(word in "[^$'\"\\\\\u{FEFF}]*") {
        let e = process_word(&word, ENV).unwrap();
        prop_assert_eq!(e.value.as_ref(), word.as_str());
        let split: Vec<&str> = word.split_whitespace().collect();
        prop_assert_eq!(process_words(&word, ENV).unwrap(), split);
    }

    #[test]
    fn patterns_never_fail_unexpectedly(pattern in soup(), value in soup()) {
        let _ = shell_pattern_to_regex(&pattern, true, true);
        let r = reverse_pattern(&pattern);
        prop_assert_eq!(r.chars().count(), pattern.chars().count());
        prop_assert_eq!(reverse_string(&reverse_string(&value)), value.clone());
        let env = [("V", value.as_str()), ("P", pattern.as_str())];
        for word in ["${V#$P}", "${V##$P}", "${V%$P}", "${V%%$P}", "${V/$P/-}", "${V//$P/[$0]}"] {
            let _ = process_word(word, &env);
        }
    }
}
