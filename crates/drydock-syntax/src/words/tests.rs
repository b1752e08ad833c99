//! Unit tests of word expansion, all through one `check` helper: a call, an environment and the
//! expected rendering (the value, the word list, or the full error message).

use super::*;

/// What to run.
#[derive(Clone, Copy)]
enum Call<'a> {
    /// `process_word` with the default lexer; renders the value.
    Word(&'a str),
    /// `process_word`; renders `value | matched | unmatched`.
    Matches(&'a str),
    /// `process_words`; renders the word list with `{:?}`.
    Words(&'a str),
    /// `expand_heredoc`; renders the value.
    Heredoc(&'a str),
    /// `process_word` with a configured lexer.
    With(Lexer, &'a str),
    /// `process_words` with a configured lexer.
    WordsWith(Lexer, &'a str),
}

fn check(call: Call<'_>, env: &[(&str, &str)], expected: &str) {
    let render_word = |r: Result<Expansion<'_>, ExpandError>| match r {
        Ok(e) => e.value.into_owned(),
        Err(e) => e.to_string(),
    };
    let render_words = |r: Result<Vec<String>, ExpandError>| match r {
        Ok(w) => format!("{w:?}"),
        Err(e) => e.to_string(),
    };
    let (input, got) = match call {
        Call::Word(w) => (w, render_word(process_word(w, env))),
        Call::Matches(w) => (
            w,
            match process_word(w, env) {
                Ok(e) => format!(
                    "{} | {} | {}",
                    e.value,
                    e.matched.join(","),
                    e.unmatched.join(",")
                ),
                Err(e) => e.to_string(),
            },
        ),
        Call::Words(w) => (w, render_words(process_words(w, env))),
        Call::Heredoc(w) => (w, render_word(expand_heredoc(w, env))),
        Call::With(lex, w) => (w, render_word(lex.process_word(w, env))),
        Call::WordsWith(lex, w) => (w, render_words(lex.process_words(w, env))),
    };
    assert_eq!(got, expected, "input {input:?}");
}

const ENV: &[(&str, &str)] = &[("A", "x"), ("E", ""), ("PWD", "/home"), ("V", "x  y")];

#[test]
fn reference_table_examples() {
    use Call::Word;
    check(Word("a${U}b"), ENV, "ab");
    check(Word("$1x"), ENV, "x");
    check(Word("$@@@"), ENV, "@@");
    check(Word("$$"), ENV, "");
    check(Word("$."), ENV, "$.");
    check(Word("a$"), ENV, "a$");
    check(Word("${E:-d}"), ENV, "d");
    check(Word("${E-d}"), ENV, "");
    check(Word("${E+w}"), ENV, "w");
    check(Word("${E:+w}"), ENV, "");
    check(Word("${U-d}${U+w}${A+w}${A:+w}"), ENV, "dww");
    check(
        Word(r#"${X:?"missing"}"#),
        ENV,
        r#"failed to process "${X:?\"missing\"}": X: missing"#,
    );
    check(Word("'$A'"), ENV, "$A");
    check(Word(r#""a\tb""#), ENV, r"a\tb");
    check(Word(r#""a\$A""#), ENV, "a$A");
    check(Word(r"a\ b"), ENV, "a b");
    check(Word(r"abc\tdef"), ENV, "abctdef");
    check(Word("<<EOF  x"), ENV, "<<EOF  x");
}

#[test]
fn error_messages_are_buildkits() {
    use Call::Word;
    let fail = |w: &str, reason: &str| {
        check(
            Word(w),
            ENV,
            &format!("failed to process {}: {reason}", go_quote(w)),
        )
    };
    fail(
        "he'llo",
        "unexpected end of statement while looking for matching single-quote",
    );
    fail(
        "\"hello",
        "unexpected end of statement while looking for matching double-quote",
    );
    fail(
        "\"abc\\",
        "unexpected end of statement while looking for matching double-quote",
    );
    fail("${", "syntax error: missing '}'");
    fail("a${PWD:-x", "syntax error: missing '}'");
    fail("${a:", "syntax error: missing '}'");
    fail("${}", "syntax error: bad substitution");
    fail("${:-x}", "syntax error: bad substitution");
    fail("${{a}", "syntax error: bad substitution");
    fail("${PWD:=000}", "unsupported modifier (:=) in substitution");
    fail("${PWD=000}", "unsupported modifier (=) in substitution");
    fail("${A:#x}", "unsupported modifier (:#) in substitution");
    fail("${A:%%x}", "unsupported modifier (:%) in substitution");
    fail("he${.}", "unsupported modifier (.) in substitution");
    // A modifier read past the end is Go's string(rune(-1)).
    fail("${aaa", "unsupported modifier (\u{FFFD}) in substitution");
    // `${a:}` consumed the `}` as the modifier and reads on to the next one.
    fail("${a:}b}", "unsupported modifier (:}) in substitution");
    fail("${a:}", "syntax error: missing '}'");
    fail("${A/x", "syntax error: missing '/' in ${}");
    fail("${A//}", "syntax error: missing '/' in ${}");
    fail("${A/x/y", "syntax error: missing '}'");
    fail("${U?}", "U: is not allowed to be unset");
    fail("${E:?}", "E: is not allowed to be empty");
    fail("${U:?gone $A}", "U: gone x");
    fail(
        r"${A#\x}",
        r"invalid pattern (\x) in substitution: invalid escape '\x'",
    );
    fail(
        r"${U%x\y}",
        r"invalid pattern (\yx) in substitution: invalid escape '\y'",
    );
    fail(
        r"${A/a\b/c}",
        r"invalid pattern (a\b) in substitution: invalid escape '\b'",
    );
    check(
        Word("${A#$BS}"),
        &[("A", "a"), ("BS", "\\")],
        "failed to process \"${A#$BS}\": invalid pattern (\\) in substitution: invalid escape '\\\u{FFFD}'",
    );
    // An inner error at the very end of the word becomes the outer missing brace.
    fail("${A:-${U:?msg}}", "U: msg");
    fail("${A:-${U:?msg}", "syntax error: missing '}'");
    fail("${A:-'x}", "syntax error: missing '}'");
    check(
        Word("\u{1}\t${"),
        ENV,
        r#"failed to process "\x01\t${": syntax error: missing '}'"#,
    );
}

#[test]
fn envvartest_style_quoting_and_escapes() {
    use Call::Word;
    check(
        Word(r"he\\'llo"),
        ENV,
        r#"failed to process "he\\\\'llo": unexpected end of statement while looking for matching single-quote"#,
    );
    check(Word(r"hello\"), ENV, "hello");
    check(Word(r"hello\\"), ENV, r"hello\");
    check(Word(r"'hello\'"), ENV, r"hello\");
    check(Word(r#""''""#), ENV, "''");
    check(Word(r"he\\$PWD"), ENV, r"he\/home");
    check(Word(r#""he\\$PWD""#), ENV, r"he\/home");
    check(Word(r"\${}aaa"), ENV, "${}aaa");
    check(Word(r"he${XXX:-\${PWD}z}xx"), ENV, "he${PWDz}xx");
    check(Word("${aaa}}"), ENV, "}");
    check(Word("${aaa:-bbb {foo}"), ENV, "bbb {foo");
    check(Word("$001aaa${999:-b}${@:+x}$!"), ENV, "aaab");
}

#[test]
fn names_use_gos_unicode_classes() {
    use Call::Word;
    let env = &[("한국어", "K"), ("स", "s"), ("_1", "u")];
    check(Word("$한국어!"), env, "K!");
    // U+0947 is a mark (not a Go letter) even though Rust calls it alphabetic.
    check(Word("$से"), env, "s\u{0947}");
    // Arabic-Indic digits form a positional parameter.
    check(Word("$\u{0661}\u{0662}x"), env, "x");
    check(Word("$_1-"), env, "u-");
    check(Word("$Ⓐ"), env, "$Ⓐ");
}

#[test]
fn byte_order_mark_is_dropped_only_at_the_start() {
    use Call::Word;
    check(Word("\u{FEFF}$A\u{FEFF}"), ENV, "x\u{FEFF}");
    check(Word("\u{FEFF}abc"), ENV, "abc");
    check(Word("a\u{FEFF}"), ENV, "a\u{FEFF}");
}

#[test]
fn patterns_trim_and_replace() {
    use Call::Word;
    let env = &[
        ("FOO", "xxyy"),
        ("META", r"()[]{}^$.*?|\x"),
        ("P", "/a/foo/b/c.txt"),
        ("NL", "ab\ncd"),
        ("BAR", ""),
    ];
    check(Word(r"${META#()[]{\}^$.\*\?|\\}"), env, "x");
    check(Word("${FOO#*x*y}"), env, "y");
    check(Word("${FOO##*x}"), env, "yy");
    check(Word("${FOO##}${FOO%}"), env, "xxyyxxyy");
    check(Word("${FOO%y*}|${FOO%%y*}|${FOO%%x*}"), env, "xxy|xx|");
    check(Word("${FOO#$BAR}"), env, "xxyy");
    // The replacement keeps its escapes (BuildKit reads it with raw escapes).
    check(
        Word(r"${P/\/?\//\/} - ${P//\/?\//\/}"),
        env,
        r"\/foo/b/c.txt - \/foo\/c.txt",
    );
    check(
        Word("${P/$N/$R} - ${P//$N/$R}"),
        &[("P", "/a/foo/b/c.txt"), ("N", "/?/"), ("R", "/")],
        "/foo/b/c.txt - /foo/c.txt",
    );
    // `//` hands its replacement to Go's template expansion (`$0` is the match); `$0` written
    // plainly is expanded by the lexer first (to nothing), so it must be quoted or escaped.
    check(Word("${FOO//?/['$0']}"), env, "[x][x][y][y]");
    check(Word(r"${FOO//?/\$0}|${FOO//?/$0}"), env, r"\x\x\y\y|");
    check(Word("${FOO/?/['$0']}"), env, "[$0]xyy");
    check(Word("${FOO///}${U///}${FOO/$BAR/ww}"), env, "xxyywwxxyy");
    // Wildcards never cross a newline.
    check(Word("${NL#*c}|${NL##a*}|${NL%c*}"), env, "ab\ncd|\ncd|ab\n");
    // `##` decided on the expanded operand's first byte.
    check(Word("${FOO#$H}"), &[("FOO", "xxyy"), ("H", "#x")], "xyy");
}

#[test]
fn matched_and_unmatched_names() {
    use Call::Matches;
    let env = &[("FOO", "xxx"), ("BAR", "")];
    check(Matches("x"), env, "x |  | ");
    check(
        Matches("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc} $BAZ"),
        env,
        "xxx bbb ccc  | BAR,FOO | BAZ",
    );
    check(
        Matches("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}"),
        env,
        "xxx  ccc | BAR,FOO | BAZ",
    );
    check(
        Matches("${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}"),
        env,
        "aaa bbb  | BAR,FOO | BAZ",
    );
    check(Matches("'$FOO' \"$BAR\" \\$X"), env, "$FOO  $X | BAR | ");
    check(Matches("${U///}"), env, " |  | U");
}

#[test]
fn word_splitting() {
    use Call::Words;
    check(Words("hello there  "), ENV, r#"["hello", "there"]"#);
    check(Words("a$V\"$V\"b"), ENV, r#"["ax", "yx  yb"]"#);
    check(Words("\"\" a ''"), ENV, r#"["a"]"#);
    check(Words(r"a\ b"), ENV, r#"["a b"]"#);
    check(Words("a\u{3000}b\u{A0}c"), ENV, r#"["a", "b", "c"]"#);
    check(
        Words("\"a"),
        ENV,
        "failed to process \"\\\"a\": unexpected end of statement while looking for matching double-quote",
    );
    // BuildKit shares one partial-word buffer between nesting levels and clears it when an
    // operand starts: text before `${X:-…}` in the same word is lost.
    check(Words("8${X:-0}"), ENV, r#"["0"]"#);
    check(Words("a b${X:-c} d"), ENV, r#"["a", "c", "d"]"#);
    check(Words("${X:-c}d"), ENV, r#"["cd"]"#);
}

#[test]
fn lexer_options() {
    use Call::{With, WordsWith};
    let tick = Lexer::new('`');
    check(With(tick, "a`$b`"), ENV, "a$b");
    check(With(tick, r#"a\b"c`"d""#), ENV, r#"a\bc"d"#);
    check(With(tick, "\"`x\""), ENV, "`x");
    let raw = Lexer::default().raw_quotes(true);
    check(With(raw, r#"'a'"b$A""#), ENV, r#"'a'"bx""#);
    let esc = Lexer::default().raw_escapes(true);
    check(With(esc, r"a\ b\$A"), ENV, r"a\ b\$A");
    // Inside double quotes a kept escape before an ordinary char is written twice, as in Go.
    check(With(esc, r#""\a\$""#), ENV, r"\\a\$");
    let skip = Lexer::default().skip_unset_env(true);
    check(
        With(skip, "$X ${Y} ${Z:-d$A} ${W/a/b} ${V2//a/b} $A"),
        ENV,
        "$X ${Y} ${Z:-dx} ${W/a/b} ${V2/a/b} x",
    );
    let plain = Lexer::default().skip_process_quotes(true);
    check(With(plain, r#"'$A' "$A""#), ENV, r#"'x' "x""#);
    // The heredoc detector's lexer: quotes and escapes kept, nothing unset expanded.
    let detector = Lexer::default()
        .raw_quotes(true)
        .raw_escapes(true)
        .skip_unset_env(true);
    check(
        WordsWith(detector, r#"cat <<"EOF" <<-'X' \<<Y $Z"#),
        &[],
        r#"["cat", "<<\"EOF\"", "<<-'X'", "\\<<Y", "$Z"]"#,
    );
}

#[test]
fn heredoc_bodies() {
    use Call::Heredoc;
    check(
        Heredoc("echo \"$A\" '$A' \\$A \\\\ \\q\\\nnext\n"),
        ENV,
        "echo \"x\" 'x' $A \\ q\nnext\n",
    );
    check(Heredoc("${U:-'d'}"), ENV, "'d'");
    check(Heredoc("plain text\n"), ENV, "plain text\n");
}

#[test]
fn fast_path_borrows() {
    let e = process_word("no/specials here", ENV).unwrap();
    assert!(matches!(e.value, std::borrow::Cow::Borrowed(_)));
    let e = Lexer::new('`').process_word(r"back\slash", ENV).unwrap();
    assert!(matches!(e.value, std::borrow::Cow::Borrowed(_)));
    assert_eq!(process_words(" a  b ", ENV).unwrap(), ["a", "b"]);
}

#[test]
fn nesting_is_bounded() {
    use Call::Word;
    let deep = |n: usize| "${U:-".repeat(n) + "z" + &"}".repeat(n);
    check(Word(&deep(MAX_NESTING)), ENV, "z");
    let too_deep = deep(MAX_NESTING + 1);
    let msg = format!(
        "failed to process {}: syntax error: expansions nested more than {MAX_NESTING} levels deep",
        go_quote(&too_deep)
    );
    check(Word(&too_deep), ENV, &msg);
}
