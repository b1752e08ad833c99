//! Field splitting with IFS (dash's `ifsbreakup`): whitespace runs, non-whitespace delimiters,
//! empty fields, and `"$@"` boundaries.
use super::Piece;

/// A field: characters with whether each may take part in globbing (unquoted).
pub(crate) type Field = Vec<(char, bool)>;

fn is_ifs_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

pub(crate) fn split(pieces: &[Piece], ifs: &str) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut cur: Field = Vec::new();
    let mut has = false;
    for p in pieces {
        match p {
            Piece::Break { keep } => {
                if has || !cur.is_empty() || *keep {
                    fields.push(std::mem::take(&mut cur));
                }
                has = false;
            }
            Piece::Text { s, quoted, split } => {
                if !*split || ifs.is_empty() {
                    cur.extend(s.chars().map(|c| (c, !*quoted)));
                    if *quoted || !s.is_empty() {
                        has = true;
                    }
                    continue;
                }
                // Absorbing state after a delimiter: Some(was_whitespace).
                let mut absorbing: Option<bool> = None;
                for c in s.chars() {
                    let in_ifs = ifs.contains(c);
                    if let Some(ws) = absorbing {
                        if !in_ifs {
                            absorbing = None;
                        } else if !is_ifs_ws(c) {
                            if ws {
                                absorbing = Some(false);
                                continue;
                            }
                            absorbing = None;
                        } else {
                            continue;
                        }
                    }
                    if in_ifs {
                        let ws = is_ifs_ws(c);
                        if ws && cur.is_empty() && !has {
                            continue;
                        }
                        fields.push(std::mem::take(&mut cur));
                        has = false;
                        absorbing = Some(ws);
                    } else {
                        cur.push((c, true));
                        has = true;
                    }
                }
            }
        }
    }
    if has || !cur.is_empty() {
        fields.push(cur);
    }
    fields
}
