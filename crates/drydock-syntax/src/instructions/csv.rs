//! `csvvalue.Fields`: one CSV record (comma, double quotes), with `encoding/csv`'s errors.

/// The fields of `line`, or the error text (`parse error on line 1, column N: …`, `EOF`).
pub fn fields(line: &str) -> Result<Vec<String>, String> {
    let mut line = line;
    if let Some(l) = line.strip_suffix('\n') {
        line = l.strip_suffix('\r').unwrap_or(l);
    }
    if line.is_empty() {
        return Err("EOF".to_owned());
    }
    let err = |pos: usize, what: &str| format!("parse error on line 1, column {}: {what}", pos + 1);
    let bare = "bare \" in non-quoted-field";
    let quote = "extraneous or missing \" in quoted-field";
    let mut out: Vec<String> = Vec::new();
    let mut pos = 0;
    let mut rest = line;
    'field: loop {
        if !rest.starts_with('"') {
            let i = rest.find(',');
            let field = i.map_or(rest, |i| rest.get(..i).unwrap_or(""));
            if let Some(j) = field.find('"') {
                return Err(err(pos + j, bare));
            }
            out.push(field.to_owned());
            match i {
                Some(i) => {
                    rest = rest.get(i + 1..).unwrap_or("");
                    pos += i + 1;
                    continue;
                }
                None => break,
            }
        }
        rest = rest.get(1..).unwrap_or("");
        pos += 1;
        let mut half_open = false;
        loop {
            let Some(i) = rest.find('"') else {
                return Err(err(pos, quote));
            };
            let piece = rest.get(..i).unwrap_or("");
            if half_open {
                if let Some(last) = out.last_mut() {
                    last.push_str(piece);
                }
            } else {
                out.push(piece.to_owned());
            }
            rest = rest.get(i + 1..).unwrap_or("");
            pos += i + 1;
            match rest.chars().next() {
                Some('"') => {
                    if let Some(last) = out.last_mut() {
                        last.push('"');
                    }
                    rest = rest.get(1..).unwrap_or("");
                    pos += 1;
                    half_open = true;
                }
                Some(',') => {
                    rest = rest.get(1..).unwrap_or("");
                    pos += 1;
                    continue 'field;
                }
                None => break 'field,
                Some(_) => return Err(err(pos - 1, quote)),
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_like_go() {
        assert_eq!(fields("a,b=c").unwrap(), ["a", "b=c"]);
        assert_eq!(fields("\"a,b\",\"c\"\"d\"").unwrap(), ["a,b", "c\"d"]);
        assert_eq!(fields("a,").unwrap(), ["a", ""]);
        assert_eq!(fields("").unwrap_err(), "EOF");
        assert_eq!(
            fields("a\"b").unwrap_err(),
            "parse error on line 1, column 2: bare \" in non-quoted-field"
        );
        assert_eq!(
            fields("\"ab").unwrap_err(),
            "parse error on line 1, column 2: extraneous or missing \" in quoted-field"
        );
        assert_eq!(
            fields("\"a\"b").unwrap_err(),
            "parse error on line 1, column 3: extraneous or missing \" in quoted-field"
        );
    }
}
