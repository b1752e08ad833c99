//! Differential check for refactors: parses the corpus, every string of the conformance TSVs and
//! the conformance Dockerfiles, plus deterministic mutations of all of them, and prints one line
//! per input with a hash of everything the public API exposes (Debug and JSON of the tree,
//! BuildKit dump, Docker's messages, logical lines). Run it before and after a change and `cmp`
//! the outputs; `golden --show K` prints the full observation of input K.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "\\\n",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\"",
    "'",
    "<<EOF\n",
    "<<-'E'\n",
    "EOF\n",
    "E\n",
    "\tEOF\n",
    "$",
    "${a:-b}",
    "${",
    "}",
    "{",
    "[",
    "]",
    "[\"a\", \"b\"]",
    "[\"a\\u00e9\" , 1]",
    " ",
    "\t",
    "#",
    "# escape=`\n",
    "#escape=\\\n",
    "# syntax=x\n",
    "`",
    "`\n",
    "--mount=type=cache,target=/x ",
    "--from=a ",
    "--chmod=755 ",
    "--network=none ",
    "--device=/dev/x ",
    "--link ",
    "--x=\"a b\" ",
    "=",
    "é",
    "\u{a0}",
    "\u{85}",
    "\u{2028}",
    "ONBUILD ",
    "FROM ",
    "RUN ",
    "COPY ",
    "ADD ",
    "ENV ",
    "ARG ",
    "HEALTHCHECK ",
    "HEALTHCHECK --interval=1ms CMD x",
    "EXPOSE 80/tcp",
    "\u{feff}",
    "\0",
    "--",
    " AS ",
    " as B",
    "\\\"",
    "\n\n",
    "\\ \n",
    "\n \n",
    "3<<X\n",
    "<<\"A\"B",
    "LABEL a=b c",
    "MAINTAINER x",
    "SHELL [\"a\"]",
    "STOPSIGNAL 9",
    "USER u",
    "VOLUME [\"/a\"]",
    "WORKDIR /w",
    "CMD x",
    "ENTRYPOINT [\"e\"]",
    "FRM x",
    "expose 1-2/udp",
    "ENV a b",
    "ENV a=",
    "ARG =x",
];

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut s = src.to_owned();
    let ops = 1 + rng.below(6);
    for _ in 0..ops {
        let mut at = rng.below(s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(4) {
            0 | 1 => s.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            2 => {
                let mut end = (at + rng.below(40)).min(s.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                s.replace_range(at..end, "");
            }
            _ => {
                // Keep a window of lines.
                let lines: Vec<&str> = s.split_inclusive('\n').collect();
                let a = rng.below(lines.len());
                let b = (a + 1 + rng.below(12)).min(lines.len());
                s = lines[a..b].concat();
            }
        }
    }
    s
}

fn observe(text: &str) -> String {
    let p = drydock_syntax::parse(text);
    let mut out = format!("{p:#?}\n");
    out.push_str(&serde_json::to_string(&p).unwrap());
    out.push('\n');
    out.push_str(&p.dump());
    out.push_str(&format!(
        "\nrejected={} error={:?} escape={:?}\n",
        p.is_rejected(),
        p.buildkit_error(),
        p.escape()
    ));
    for d in &p.diagnostics {
        out.push_str(&p.docker_message(d));
        out.push('\n');
    }
    out.push_str(&format!("{:?}\n", p.logical_lines()));
    out.push_str(&format!("valid={:?}\n", p.validate()));
    out
}

fn collect_tsv_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_tsv_strings(x, out)),
        _ => {}
    }
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show: Option<usize> = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.parse().unwrap());
    let mutants: usize = args
        .iter()
        .position(|a| a == "--mutants")
        .and_then(|i| args.get(i + 1))
        .map_or(20, |s| s.parse().unwrap());

    let mut inputs: Vec<String> = Vec::new();
    let corpus = drydock_testkit::corpus_dir()
        .unwrap()
        .join("official-images");
    let mut files = Vec::new();
    walk(&corpus, &mut files);
    for f in &files {
        if let Ok(t) = std::fs::read_to_string(f) {
            inputs.push(t);
        }
    }
    let conf = drydock_testkit::conformance_dir().unwrap();
    let mut cfiles = Vec::new();
    walk(&conf, &mut cfiles);
    for f in &cfiles {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("Dockerfile") {
            if let Ok(t) = std::fs::read_to_string(f) {
                inputs.push(t);
            }
        } else if name.ends_with(".tsv") {
            let text = std::fs::read_to_string(f).unwrap();
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                for field in line.split('\t') {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(field) {
                        collect_tsv_strings(&v, &mut inputs);
                    }
                }
            }
        }
    }
    let base = inputs.len();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..base * mutants {
        let src = inputs[i % base].clone();
        inputs.push(mutate(&mut rng, &src));
    }
    // Pairs of inputs glued together.
    for _ in 0..base {
        let a = rng.below(base);
        let b = rng.below(inputs.len());
        inputs.push(format!("{}{}", inputs[a], inputs[b]));
    }
    if let Some(k) = show {
        println!("--- input {k} ---\n{:?}\n--- observation ---", inputs[k]);
        print!("{}", observe(&inputs[k]));
        return;
    }
    let mut all = DefaultHasher::new();
    for (k, t) in inputs.iter().enumerate() {
        let o = observe(t);
        let mut h = DefaultHasher::new();
        o.hash(&mut h);
        let h = h.finish();
        h.hash(&mut all);
        println!("{k} {h:016x}");
    }
    eprintln!("{} inputs, digest {:016x}", inputs.len(), all.finish());
}
