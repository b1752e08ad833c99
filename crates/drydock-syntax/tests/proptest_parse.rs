//! Property tests: random bytes and random edits of valid Dockerfiles never panic, and every
//! span stays inside the input on char boundaries (`Parse::validate`).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use proptest::prelude::*;

const SEEDS: [&str; 4] = [
    "# syntax=docker/dockerfile:1\nFROM python:3.12-slim AS base\nENV A=1 B=\"two words\" \\\n    C=3\nRUN apt-get update \\\n    && apt-get install -y curl\nCOPY --chown=app:app --from=base src/ /app/src/\nCMD [\"python\", \"-m\", \"app\"]\n",
    "#escape=`\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH `\n\\go\nONBUILD RUN [\"echo\", \"test\"]\nHEALTHCHECK --interval=5s CMD true\n",
    "FROM alpine\nRUN <<EOF\necho hello\nEOF\nCOPY <<-A <<'B' /dest/\n\ta\n\tA\nb\nB\nRUN --mount=type=cache,target=/c 3<<X cat\nX\n",
    "ARG V=1\nFROM --platform=$P img:$V AS b\nEXPOSE 80/tcp 443\nVOLUME [\"/a\", \"/b\"]\nSHELL [\"/bin/bash\", \"-c\"]\nUSER app:app\nWORKDIR /app\nSTOPSIGNAL SIGTERM\nMAINTAINER me\n",
];

const TOKENS: [&str; 24] = [
    "\\\n", "`\n", "<<EOF\n", "EOF\n", "<<-", "\"", "'", "[", "]", "--", "--x=", "#", "\r\n",
    "\n\n", " ", "=", "${", "é", "\u{a0}", "\u{85}", "\u{feff}", "RUN ", "ONBUILD ", "\t",
];

fn check(text: &str) -> Result<(), TestCaseError> {
    let p = drydock_syntax::parse(text);
    prop_assert!(p.validate().is_ok(), "{:?}: {:?}", text, p.validate());
    let _ = p.dump();
    let _ = p.buildkit_error();
    Ok(())
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, usize),
    Delete(usize, usize),
    Replace(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(p, t)| Edit::Insert(p, t)),
        (any::<usize>(), 0..8usize).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<usize>(), 0..4usize, 0..TOKENS.len()).prop_map(|(p, n, t)| Edit::Replace(p, n, t)),
    ]
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match *e {
            Edit::Insert(p, t) => {
                let at = floor(&s, p % (s.len() + 1));
                s.insert_str(at, TOKENS[t]);
            }
            Edit::Delete(p, n) => {
                let a = floor(&s, p % (s.len() + 1));
                let b = floor(&s, a + n);
                s.replace_range(a..b.max(a), "");
            }
            Edit::Replace(p, n, t) => {
                let a = floor(&s, p % (s.len() + 1));
                let b = floor(&s, a + n);
                s.replace_range(a..b.max(a), TOKENS[t]);
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn random_token_soup_never_panics(toks in proptest::collection::vec(0..TOKENS.len(), 0..60)) {
        let s: String = toks.iter().map(|&t| TOKENS[t]).collect();
        check(&s)?;
    }

    #[test]
    fn edits_of_valid_files_never_panic(seed in 0..SEEDS.len(), edits in proptest::collection::vec(edit(), 1..12)) {
        check(&apply(SEEDS[seed].to_owned(), &edits))?;
    }
}

#[test]
fn seeds_are_valid() {
    for s in SEEDS {
        let p = drydock_syntax::parse(s);
        assert!(!p.is_rejected(), "{s:?}: {:?}", p.diagnostics);
    }
}
