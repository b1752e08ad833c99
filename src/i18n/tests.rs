//! Unit tests of the translation tables (complete, same placeholders, no gaps), of the lookup
//! and substitution, of the start-language choice, and a scan of the source for unknown keys.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

fn keys(table: &[(&'static str, &'static str)]) -> BTreeMap<&'static str, &'static str> {
    table.iter().copied().collect()
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            out.insert(&rest[..close]);
            rest = &rest[close + 1..];
        }
    }
    out
}

#[test]
fn no_table_repeats_a_key() {
    for lang in Lang::ALL {
        let t = lang.table();
        assert_eq!(keys(t).len(), t.len(), "{lang:?} lists a key twice");
    }
}

#[test]
fn danish_has_exactly_the_english_keys() {
    let en: BTreeSet<_> = keys(en::TABLE).into_keys().collect();
    let da: BTreeSet<_> = keys(da::TABLE).into_keys().collect();
    let missing: Vec<_> = en.difference(&da).collect();
    let extra: Vec<_> = da.difference(&en).collect();
    assert!(missing.is_empty(), "keys missing in da.rs: {missing:#?}");
    assert!(
        extra.is_empty(),
        "keys in da.rs that en.rs lacks: {extra:#?}"
    );
}

#[test]
fn no_text_is_empty_and_keys_are_dotted() {
    for lang in Lang::ALL {
        for (k, v) in lang.table() {
            assert!(!v.trim().is_empty(), "{lang:?} {k} is empty");
            assert!(
                k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c)),
                "key {k:?} is not lowercase dotted"
            );
        }
    }
}

#[test]
fn placeholders_are_the_same_in_every_language() {
    let en = keys(en::TABLE);
    for (k, v) in da::TABLE {
        if let Some(e) = en.get(k) {
            assert_eq!(
                placeholders(v),
                placeholders(e),
                "placeholders of {k} differ"
            );
        }
    }
}

#[test]
fn lookup_falls_back_to_english_then_to_the_key() {
    assert_eq!(lookup(Lang::Da, "header.share"), "Del");
    assert_eq!(lookup(Lang::En, "header.share"), "Share");
    assert_eq!(lookup(Lang::Da, "no.such.key"), "no.such.key");
    set_lang(Lang::Da);
    assert_eq!(t("header.saved"), "Gemt");
    assert_eq!(
        tf("header.theme_title", &[("theme", "Mørkt")]),
        "Tema: Mørkt"
    );
    set_lang(Lang::En);
    assert_eq!(current(), Lang::En);
    assert_eq!(t("header.saved"), "Saved");
}

#[test]
fn fill_replaces_named_placeholders_only() {
    assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
    assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    assert_eq!(fill("{unknown} {", &[("a", "x")]), "{unknown} {");
    assert_eq!(fill("æ{a}ø", &[("a", "å")]), "æåø");
}

#[test]
fn the_address_wins_then_the_saved_choice_then_the_browser() {
    assert_eq!(choose("?lang=da", Some("en"), Some("en-US")), Lang::Da);
    assert_eq!(choose("?x=1&lang=en", Some("da"), Some("da")), Lang::En);
    assert_eq!(choose("?lang=fr", Some("da"), None), Lang::Da);
    assert_eq!(choose("", None, Some("da-DK")), Lang::Da);
    assert_eq!(choose("", None, Some("en-US")), Lang::En);
    assert_eq!(choose("", None, Some("de")), Lang::En);
    assert_eq!(choose("", None, None), Lang::En);
}

#[test]
fn switching_rewrites_a_lang_parameter_only_when_there_is_one() {
    assert_eq!(
        with_url_lang("?lang=da&instance=a", Lang::En),
        "?lang=en&instance=a"
    );
    assert_eq!(with_url_lang("?instance=a", Lang::Da), "?instance=a");
    assert_eq!(with_url_lang("", Lang::Da), "");
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The string literals passed to `t(`, `tf(` and `tn(` (both keys) in `text` (calls preceded
/// by an identifier character, such as `get(`, are other functions).
fn used_keys(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for call in ["t(\"", "tf(\"", "tn(\""] {
        let mut from = 0;
        while let Some(i) = text[from..].find(call) {
            let at = from + i;
            from = at + call.len();
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(end) = text[from..].find('"') {
                out.push(&text[from..from + end]);
                // For `tn` the second key (the plural) follows.
                let rest = text[from + end + 1..].trim_start_matches([',', ' ', '\n']);
                if call == "tn(\""
                    && let Some(second) = rest.strip_prefix('"')
                    && let Some(e) = second.find('"')
                {
                    out.push(&second[..e]);
                }
            }
        }
    }
    out
}

#[test]
fn every_key_the_source_uses_is_in_the_english_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10, "found no source under {}", src.display());
    let en = keys(en::TABLE);
    let mut unknown = Vec::new();
    let mut used = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        for k in used_keys(&text) {
            used += 1;
            if !en.contains_key(k) {
                unknown.push(format!("{}: {k}", f.display()));
            }
        }
    }
    assert!(used > 0, "no t(…) calls found");
    assert!(unknown.is_empty(), "keys missing in en.rs: {unknown:#?}");
}

#[test]
fn the_scan_finds_calls_and_skips_other_functions() {
    let text =
        "let a = t(\"x.y\"); i18n::tf(\"z\", &[]); get(\"no\"); st(\"no\"); tn(\"a\", \"b\", 1)";
    assert_eq!(used_keys(text), vec!["x.y", "z", "a", "b"]);
}
