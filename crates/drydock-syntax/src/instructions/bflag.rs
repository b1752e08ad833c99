//! BuildKit's `BFlags`: `--name[=value]` flags of an instruction, with its error texts.
use super::suggest;
use crate::go;

/// The kinds of flag BuildKit knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    /// `--f`, `--f=true`, `--f=false` (case-insensitive).
    Bool,
    /// `--f=value` (may be empty).
    String,
    /// `--f=value`, repeatable.
    Strings,
}

/// A flag an instruction accepts, with its default (`"true"`/`"false"` for booleans).
#[derive(Debug, Clone, Copy)]
pub struct FlagDef<'n> {
    pub name: &'n str,
    pub kind: FlagKind,
    pub default: &'n str,
}

impl<'n> FlagDef<'n> {
    pub const fn new(name: &'n str, kind: FlagKind, default: &'n str) -> Self {
        Self {
            name,
            kind,
            default,
        }
    }
}

/// The outcome for one defined flag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlagValue {
    /// Whether the flag appeared.
    pub used: bool,
    /// The value (`"true"`/`"false"` for booleans; the default when unused).
    pub value: String,
    /// Index of the argument that set `value` (for String and Bool flags).
    pub arg: Option<usize>,
    /// Every value of a Strings flag, with the index of its argument.
    pub values: Vec<(usize, String)>,
}

/// A flag error: BuildKit's message and the index of the offending argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagError {
    pub code: &'static str,
    pub message: String,
    pub arg: usize,
}

/// `BFlags.Parse`: one [`FlagValue`] per definition, in definition order.
pub fn parse<S: AsRef<str>>(defs: &[FlagDef<'_>], args: &[S]) -> Result<Vec<FlagValue>, FlagError> {
    let mut out: Vec<FlagValue> = defs
        .iter()
        .map(|d| FlagValue {
            value: if d.kind == FlagKind::Strings {
                String::new()
            } else {
                d.default.to_owned()
            },
            ..FlagValue::default()
        })
        .collect();
    let mut used = vec![false; defs.len()];
    parse_with(
        defs,
        args.iter().map(AsRef::as_ref),
        &mut used,
        |d, i, value| {
            let (Some(def), Some(slot)) = (defs.get(d), out.get_mut(d)) else {
                return;
            };
            slot.used = true;
            match def.kind {
                FlagKind::Bool | FlagKind::String => {
                    value.clone_into(&mut slot.value);
                    slot.arg = Some(i);
                }
                FlagKind::Strings => slot.values.push((i, value.to_owned())),
            }
        },
    )?;
    Ok(out)
}

/// The name part of a flag argument: `from` for `--from=x`.
pub(crate) fn flag_name(arg: &str) -> &str {
    let flag_name = arg.split_once('=').map_or(arg, |(n, _)| n);
    flag_name.get(2..).unwrap_or("")
}

/// The parsing loop of `BFlags.Parse` without allocating: `used[d]` records the definitions
/// seen, and `set(def, arg, value)` receives every accepted value (`"true"`/`"false"` for
/// booleans). Stops at `--`.
pub(crate) fn parse_with<'s>(
    defs: &[FlagDef<'_>],
    args: impl Iterator<Item = &'s str>,
    used: &mut [bool],
    mut set: impl FnMut(usize, usize, &str),
) -> Result<(), FlagError> {
    for (i, a) in args.enumerate() {
        let fail = |code, message| {
            Err(FlagError {
                code,
                message,
                arg: i,
            })
        };
        if a == "--" {
            return Ok(());
        }
        if !a.starts_with("--") {
            return fail(
                crate::codes::UNKNOWN_FLAG,
                format!("arg should start with -- : {a}"),
            );
        }
        let (flag_name, value, has_value) = match a.split_once('=') {
            Some((n, v)) => (n, v, true),
            None => (a, "", false),
        };
        let name = flag_name.get(2..).unwrap_or("");
        let Some(idx) = defs.iter().position(|d| d.name == name) else {
            let mut names = [""; 8];
            let message = if defs.len() <= names.len() {
                for (slot, d) in names.iter_mut().zip(defs) {
                    *slot = d.name;
                }
                suggest::wrap(
                    format!("unknown flag: {flag_name}"),
                    name,
                    names.get(..defs.len()).unwrap_or(&[]),
                    true,
                )
            } else {
                let names: Vec<&str> = defs.iter().map(|d| d.name).collect();
                suggest::wrap(format!("unknown flag: {flag_name}"), name, &names, true)
            };
            return fail(crate::codes::UNKNOWN_FLAG, message);
        };
        let (Some(def), Some(seen)) = (defs.get(idx), used.get_mut(idx)) else {
            continue;
        };
        if *seen && def.kind != FlagKind::Strings {
            return fail(
                crate::codes::DUPLICATE_FLAG,
                format!("duplicate flag specified: {flag_name}"),
            );
        }
        *seen = true;
        match def.kind {
            FlagKind::Bool => {
                if has_value && value.is_empty() {
                    return fail(
                        crate::codes::MISSING_FLAG_VALUE,
                        format!("missing a value on flag: {flag_name}"),
                    );
                }
                let truth = if value.is_empty() || value.eq_ignore_ascii_case("true") {
                    true
                } else if value.eq_ignore_ascii_case("false") {
                    false
                } else {
                    match &*go::to_lower(value) {
                        "true" => true,
                        "false" => false,
                        _ => {
                            return fail(
                                crate::codes::INVALID_FLAG_VALUE,
                                format!(
                                    "expecting boolean value for flag {flag_name}, not: {value}"
                                ),
                            );
                        }
                    }
                };
                set(idx, i, if truth { "true" } else { "false" });
            }
            FlagKind::String | FlagKind::Strings => {
                if !has_value {
                    return fail(
                        crate::codes::MISSING_FLAG_VALUE,
                        format!("missing a value on flag: {flag_name}"),
                    );
                }
                set(idx, i, value);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFS: [FlagDef<'static>; 2] = [
        FlagDef::new("str1", FlagKind::String, "HI"),
        FlagDef::new("bool1", FlagKind::Bool, "false"),
    ];

    fn check(args: &[&str], expect: Result<(&str, &str), &str>) {
        match (parse(&DEFS, args), expect) {
            (Ok(v), Ok((s, b))) => {
                assert_eq!(
                    (v[0].value.as_str(), v[1].value.as_str()),
                    (s, b),
                    "{args:?}"
                );
            }
            (Err(e), Err(m)) => assert_eq!(e.message, m, "{args:?}"),
            (got, _) => panic!("{args:?}: {got:?}"),
        }
    }

    #[test]
    fn flags_like_buildkit() {
        check(&[], Ok(("HI", "false")));
        check(&["--str1="], Ok(("", "false")));
        check(&["--bool1", "--str1=BYE"], Ok(("BYE", "true")));
        check(&["--bool1=FALSE"], Ok(("HI", "false")));
        check(&["--str1"], Err("missing a value on flag: --str1"));
        check(&["--bool1="], Err("missing a value on flag: --bool1"));
        check(
            &["--bool1=x"],
            Err("expecting boolean value for flag --bool1, not: x"),
        );
        check(
            &["--bool2"],
            Err("unknown flag: --bool2 (did you mean bool1?)"),
        );
        check(
            &["--str1=a", "--str1=b"],
            Err("duplicate flag specified: --str1"),
        );
        check(&["--", "--nope"], Ok(("HI", "false")));
    }
}
