//! `CmdArgs`: the arguments of a RUN/CMD/ENTRYPOINT/HEALTHCHECK command line, kept inline when
//! there is exactly one (every shell form), so those nodes allocate no second argument list.
use crate::ast::Arg;
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// The arguments of a command line; reads as a slice (`iter`, `len`, `first`, indexing …).
#[derive(Clone, Default)]
pub struct CmdArgs<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    One(Arg<'a>),
    Many(Vec<Arg<'a>>),
}

impl Default for Repr<'_> {
    fn default() -> Self {
        Repr::Many(Vec::new())
    }
}

impl<'a> CmdArgs<'a> {
    /// The arguments, copied from `args` (one argument is held inline).
    pub fn from_slice(args: &[Arg<'a>]) -> Self {
        match args {
            [one] => CmdArgs(Repr::One(one.clone())),
            _ => CmdArgs(Repr::Many(args.to_vec())),
        }
    }

    /// The arguments as a slice.
    pub fn as_slice(&self) -> &[Arg<'a>] {
        match &self.0 {
            Repr::One(a) => std::slice::from_ref(a),
            Repr::Many(v) => v,
        }
    }

    /// The arguments as a list.
    pub fn into_vec(self) -> Vec<Arg<'a>> {
        match self.0 {
            Repr::One(a) => vec![a],
            Repr::Many(v) => v,
        }
    }
}

impl<'a> From<Vec<Arg<'a>>> for CmdArgs<'a> {
    fn from(v: Vec<Arg<'a>>) -> Self {
        CmdArgs(Repr::Many(v))
    }
}

impl<'a> Deref for CmdArgs<'a> {
    type Target = [Arg<'a>];
    fn deref(&self) -> &[Arg<'a>] {
        self.as_slice()
    }
}

/// Printed as the list it stands for (the same text as a `Vec`).
impl fmt::Debug for CmdArgs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

/// Serialized as the list it stands for (the same data as a `Vec`).
impl Serialize for CmdArgs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;
    use drydock_text::TextRange;

    fn arg(s: &'static str) -> Arg<'static> {
        Arg {
            value: Text::Borrowed(s),
            span: TextRange::new(0, 1),
        }
    }

    #[test]
    fn reads_and_prints_like_a_list() {
        for list in [vec![], vec![arg("a")], vec![arg("a"), arg("b")]] {
            let c = CmdArgs::from_slice(&list);
            assert_eq!(format!("{c:?}"), format!("{list:?}"));
            assert_eq!(c.len(), list.len());
            assert_eq!(c.clone().into_vec().len(), list.len());
        }
        assert_eq!(
            CmdArgs::from_slice(&[arg("x")])
                .first()
                .map(|a| a.value.as_str()),
            Some("x")
        );
    }
}
