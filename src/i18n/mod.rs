//! Translation: every user-visible string of the UI is looked up by key in one table per language
//! (`en`, `da`); the language in use is a thread-local the app root sets from `AppState::lang`.
//! Docker's own output (terminal, build log, diagnostics from the core) stays English.
pub mod da;
pub mod en;

use std::cell::Cell;

/// A language the UI is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Da,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Da];

    /// The BCP 47 code (for `<html lang>`, `?lang=` and storage).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
        }
    }

    /// The language for a code such as `da`, `da-DK` or `en-US` (`None` when not translated).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").trim();
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The language's own name, shown in the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Da => "Dansk",
        }
    }

    /// Its table: key → text.
    pub fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => en::TABLE,
            Lang::Da => da::TABLE,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language `t` and `tf` translate into (the app root does this on every render).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language `t` and `tf` translate into.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text of `key` in `lang`: a key missing there falls back to English, one missing in English
/// to the key itself (a unit test keeps both from happening).
pub fn lookup(lang: Lang, key: &'static str) -> &'static str {
    let find = |table: &'static [(&'static str, &'static str)]| {
        table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    };
    find(lang.table())
        .or_else(|| find(en::TABLE))
        .unwrap_or(key)
}

/// The text of `key` in the current language.
pub fn t(key: &'static str) -> &'static str {
    lookup(current(), key)
}

/// The text of `key` in the current language with each `{name}` replaced by its value in `args`.
pub fn tf(key: &'static str, args: &[(&str, &str)]) -> String {
    fill(t(key), args)
}

/// `one` or `many` by `n` (English and Danish plurals both split at one), with `{n}` filled in.
pub fn tn(one: &'static str, many: &'static str, n: usize) -> String {
    tf(if n == 1 { one } else { many }, &[("n", &n.to_string())])
}

/// Replaces each `{name}` in `text` with its value in `args` (unknown names stay as they are).
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The language to start in: `?lang=` in the address wins, then the saved choice, then the
/// browser's language, else English.
pub fn choose(search: &str, saved: Option<&str>, browser: Option<&str>) -> Lang {
    url_lang(search)
        .or_else(|| saved.and_then(Lang::from_code))
        .or_else(|| browser.and_then(Lang::from_code))
        .unwrap_or_default()
}

/// The language named by the `lang` query parameter of `search` (`?lang=da&x=1`).
pub fn url_lang(search: &str) -> Option<Lang> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="))
        .and_then(Lang::from_code)
}

/// `search` with its `lang` parameter set to `lang` (added only when `search` had one already).
pub fn with_url_lang(search: &str, lang: Lang) -> String {
    let parts: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            if kv.starts_with("lang=") {
                format!("lang={}", lang.code())
            } else {
                kv.to_owned()
            }
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests;
