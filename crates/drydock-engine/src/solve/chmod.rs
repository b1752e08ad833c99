//! `--chmod` values: octal, or symbolic (`u+x,g-w`, `a=rX`) as `dchapes-mode` parses them.

/// One symbolic clause: who bits, then actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    who: u32,
    actions: Vec<(char, String)>,
}

/// Parses a symbolic mode; `None` when it is not one.
pub fn parse_symbolic(s: &str) -> Option<Vec<Clause>> {
    if s.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for part in s.split(',') {
        let mut chars = part.chars().peekable();
        let mut who = 0;
        while let Some(&c) = chars.peek() {
            match c {
                'u' => who |= 0o4700,
                'g' => who |= 0o2070,
                'o' => who |= 0o1007,
                'a' => who |= 0o7777,
                _ => break,
            }
            chars.next();
        }
        if who == 0 {
            who = 0o7777;
        }
        let mut actions = Vec::new();
        while let Some(op) = chars.next() {
            if !matches!(op, '+' | '-' | '=') {
                return None;
            }
            let mut perms = String::new();
            while let Some(&c) = chars.peek() {
                if matches!(c, '+' | '-' | '=') {
                    break;
                }
                if !matches!(c, 'r' | 'w' | 'x' | 'X' | 's' | 't' | 'u' | 'g' | 'o') {
                    return None;
                }
                perms.push(c);
                chars.next();
            }
            actions.push((op, perms));
        }
        if actions.is_empty() {
            return None;
        }
        out.push(Clause { who, actions });
    }
    Some(out)
}

/// Applies clauses to `mode`.
pub fn apply(clauses: &[Clause], mut mode: u32, is_dir: bool) -> u32 {
    for c in clauses {
        for (op, perms) in &c.actions {
            let mut bits = 0;
            for p in perms.chars() {
                bits |= match p {
                    'r' => 0o444,
                    'w' => 0o222,
                    'x' => 0o111,
                    'X' if is_dir || mode & 0o111 != 0 => 0o111,
                    's' => 0o6000,
                    't' => 0o1000,
                    'u' => ((mode >> 6) & 7) * 0o111,
                    'g' => ((mode >> 3) & 7) * 0o111,
                    'o' => (mode & 7) * 0o111,
                    _ => 0,
                };
            }
            let b = bits & c.who;
            mode = match op {
                '+' => mode | b,
                '-' => mode & !b,
                _ => (mode & !(c.who & 0o777)) | b,
            };
        }
    }
    mode & 0o7777
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbolic() {
        let c = parse_symbolic("u+x,g-w").unwrap_or_default();
        assert_eq!(apply(&c, 0o664, false), 0o744);
        assert_eq!(
            apply(&parse_symbolic("a=rX").unwrap_or_default(), 0o700, true),
            0o555
        );
        assert!(parse_symbolic("64a").is_none());
    }
}
