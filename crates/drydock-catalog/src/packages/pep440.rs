//! PEP 440 versions (release, pre/post/dev segments, local labels) with their ordering, and
//! version specifiers (`==`, `!=`, `<`, `<=`, `>`, `>=`, `~=`, `===`, `==X.*`).
use std::cmp::Ordering;
use std::fmt;

/// A parsed version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub epoch: u64,
    pub release: Vec<u64>,
    /// `a`, `b` or `rc` and its number.
    pub pre: Option<(String, u64)>,
    pub post: Option<u64>,
    pub dev: Option<u64>,
    pub local: Option<String>,
    /// The text as written.
    pub text: String,
}

fn num(s: &str) -> Option<u64> {
    if s.is_empty() {
        return Some(0);
    }
    s.parse().ok()
}

impl Version {
    /// Parses a version (`1.2.3`, `2.0.0rc1`, `1.4.1.post1`, `2.1.0+cpu`, `v1.0`).
    pub fn parse(s: &str) -> Option<Version> {
        let text = s.trim();
        let mut t = text.to_ascii_lowercase();
        if let Some(r) = t.strip_prefix('v') {
            t = r.to_owned();
        }
        let (t, local) = match t.split_once('+') {
            Some((a, l)) => (a.to_owned(), Some(l.to_owned())),
            None => (t, None),
        };
        let (epoch, t) = match t.split_once('!') {
            Some((e, r)) => (e.parse().ok()?, r.to_owned()),
            None => (0, t),
        };
        let bytes: Vec<char> = t.chars().collect();
        let mut i = 0;
        let mut release = Vec::new();
        loop {
            let start = i;
            while bytes.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
            if start == i {
                return None;
            }
            release.push(
                bytes
                    .get(start..i)?
                    .iter()
                    .collect::<String>()
                    .parse()
                    .ok()?,
            );
            if bytes.get(i) == Some(&'.') && bytes.get(i + 1).is_some_and(char::is_ascii_digit) {
                i += 1;
                continue;
            }
            break;
        }
        let rest: String = bytes.get(i..)?.iter().collect();
        let mut rest = rest.trim_start_matches(['.', '-', '_']).to_owned();
        let mut pre = None;
        let mut post = None;
        let mut dev = None;
        for (names, canon) in [
            (&["alpha", "a"][..], "a"),
            (&["beta", "b"][..], "b"),
            (&["rc", "c", "preview", "pre"][..], "rc"),
        ] {
            if pre.is_some() {
                break;
            }
            for n in names {
                if let Some(r) = rest.strip_prefix(n) {
                    let r = r.trim_start_matches(['.', '-', '_']);
                    let d: String = r.chars().take_while(char::is_ascii_digit).collect();
                    pre = Some((canon.to_owned(), num(&d)?));
                    rest = r
                        .get(d.len()..)?
                        .trim_start_matches(['.', '-', '_'])
                        .to_owned();
                    break;
                }
            }
        }
        for n in ["post", "rev", "r"] {
            if let Some(r) = rest.strip_prefix(n) {
                let r = r.trim_start_matches(['.', '-', '_']);
                let d: String = r.chars().take_while(char::is_ascii_digit).collect();
                post = Some(num(&d)?);
                rest = r
                    .get(d.len()..)?
                    .trim_start_matches(['.', '-', '_'])
                    .to_owned();
                break;
            }
        }
        if let Some(r) = rest.strip_prefix("dev") {
            let d: String = r.chars().take_while(char::is_ascii_digit).collect();
            dev = Some(num(&d)?);
            rest = r.get(d.len()..)?.to_owned();
        }
        if !rest.is_empty() {
            return None;
        }
        Some(Version {
            epoch,
            release,
            pre,
            post,
            dev,
            local,
            text: text.to_owned(),
        })
    }

    /// Whether this is a pre-release or development release.
    pub fn is_pre(&self) -> bool {
        self.pre.is_some() || self.dev.is_some()
    }

    fn release_cmp(a: &[u64], b: &[u64]) -> Ordering {
        let n = a.len().max(b.len());
        for i in 0..n {
            let o = a
                .get(i)
                .copied()
                .unwrap_or(0)
                .cmp(&b.get(i).copied().unwrap_or(0));
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }

    /// This version without its local label (`2.1.0+cpu` → `2.1.0`).
    pub fn public(&self) -> Version {
        Version {
            local: None,
            text: self.text.split('+').next().unwrap_or("").to_owned(),
            ..self.clone()
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for Version {
    fn cmp(&self, o: &Self) -> Ordering {
        // dev-only releases sort before pre-releases; a missing pre sorts after any pre
        let pre_key = |v: &Version| -> (u8, String, u64) {
            match (&v.pre, v.post, v.dev) {
                (None, None, Some(_)) => (0, String::new(), 0),
                (Some((l, n)), _, _) => (1, l.clone(), *n),
                _ => (2, String::new(), 0),
            }
        };
        self.epoch
            .cmp(&o.epoch)
            .then_with(|| Self::release_cmp(&self.release, &o.release))
            .then_with(|| pre_key(self).cmp(&pre_key(o)))
            .then_with(|| {
                self.post
                    .map_or(-1, |p| p as i64)
                    .cmp(&o.post.map_or(-1, |p| p as i64))
            })
            .then_with(|| {
                self.dev
                    .map_or(i64::MAX, |d| d as i64)
                    .cmp(&o.dev.map_or(i64::MAX, |d| d as i64))
            })
            .then_with(|| self.local.cmp(&o.local))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// One specifier clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Specifier {
    pub op: String,
    pub version: String,
}

impl Specifier {
    /// Whether `v` satisfies this clause.
    pub fn contains(&self, v: &Version) -> bool {
        let op = self.op.as_str();
        if op == "===" {
            return v.text == self.version;
        }
        if let Some(prefix) = self.version.strip_suffix(".*") {
            let Some(p) = Version::parse(prefix) else {
                return false;
            };
            let n = p.release.len();
            let head: Vec<u64> = v
                .release
                .iter()
                .copied()
                .chain(std::iter::repeat(0))
                .take(n)
                .collect();
            let eq = head == p.release && v.epoch == p.epoch;
            return if op == "!=" { !eq } else { eq };
        }
        let Some(s) = Version::parse(&self.version) else {
            return false;
        };
        let pv = if s.local.is_none() {
            v.public()
        } else {
            v.clone()
        };
        match op {
            "==" => pv == s || pv.cmp(&s) == Ordering::Equal,
            "!=" => pv.cmp(&s) != Ordering::Equal,
            "<=" => pv <= s,
            ">=" => pv >= s,
            "<" => {
                pv < s
                    && !(v.is_pre()
                        && !s.is_pre()
                        && Version::release_cmp(&v.release, &s.release) == Ordering::Equal)
            }
            ">" => {
                pv > s
                    && !(v.post.is_some()
                        && s.post.is_none()
                        && Version::release_cmp(&v.release, &s.release) == Ordering::Equal)
            }
            "~=" => {
                if s.release.len() < 2 {
                    return false;
                }
                let n = s.release.len() - 1;
                let head: Vec<u64> = v
                    .release
                    .iter()
                    .copied()
                    .chain(std::iter::repeat(0))
                    .take(n)
                    .collect();
                pv >= s && head.as_slice() == s.release.get(..n).unwrap_or(&[])
            }
            _ => false,
        }
    }
}

impl fmt::Display for Specifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.op, self.version)
    }
}

/// A comma-separated set of specifiers (all must hold).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpecifierSet(pub Vec<Specifier>);

impl SpecifierSet {
    /// Parses `>=1.0,<2` (spaces allowed); `Err` with the bad clause.
    pub fn parse(s: &str) -> Result<SpecifierSet, String> {
        let mut v = Vec::new();
        for clause in s.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let op_len = clause
                .char_indices()
                .take_while(|(_, c)| "=!<>~".contains(*c))
                .count();
            let op = clause.get(..op_len).unwrap_or("");
            if !["==", "!=", "<=", ">=", "<", ">", "~=", "==="].contains(&op) {
                return Err(clause.to_owned());
            }
            let ver = clause.get(op_len..).unwrap_or("").trim();
            let base = ver.strip_suffix(".*").unwrap_or(ver);
            if Version::parse(base).is_none() || (ver.ends_with(".*") && op != "==" && op != "!=") {
                return Err(clause.to_owned());
            }
            v.push(Specifier {
                op: op.to_owned(),
                version: ver.to_owned(),
            });
        }
        Ok(SpecifierSet(v))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `v` satisfies every clause. Pre-releases match only when a clause names one.
    pub fn contains(&self, v: &Version) -> bool {
        if v.is_pre()
            && !self.0.iter().any(|s| {
                Version::parse(s.version.trim_end_matches(".*")).is_some_and(|x| x.is_pre())
            })
        {
            return false;
        }
        self.0.iter().all(|s| s.contains(v))
    }

    /// Adds the clauses of `other`.
    pub fn extend(&mut self, other: &SpecifierSet) {
        for s in &other.0 {
            if !self.0.contains(s) {
                self.0.push(s.clone());
            }
        }
    }
}

impl fmt::Display for SpecifierSet {
    /// packaging's form: clauses sorted, comma-separated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        drydock_text::sort::sort(&mut parts);
        f.write_str(&parts.join(","))
    }
}

/// Expands a compact version list: `1.21.0-6` is 1.21.0 … 1.21.6 (the last number is a range),
/// other words are versions as they are.
pub fn expand_versions(compact: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in compact.split_whitespace() {
        if let Some((head, hi)) = w.rsplit_once('-')
            && let Some((base, lo)) = head.rsplit_once('.')
            && let (Ok(lo), Ok(hi)) = (lo.parse::<u64>(), hi.parse::<u64>())
            && hi >= lo
            && hi - lo < 200
        {
            for p in lo..=hi {
                out.push(format!("{base}.{p}"));
            }
            continue;
        }
        out.push(w.to_owned());
    }
    out
}
