//! `--format` as the docker CLI renders it: `table` (default headers, tab-aligned), `table
//! TEMPLATE`, `json`, or a Go template over a row's fields. The template language is the subset
//! learners use: `{{.Field}}`, `{{json .}}`, `{{json .Field}}`, `{{upper …}}`, `{{lower …}}`,
//! `{{title …}}`, `{{println}}`, text and `\t`/`\n` escapes as the shell passes them.
use drydock_engine::output::tabwriter;

use serde_json::Value;

/// One row: fields in Docker's order with their table header and value.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub fields: Vec<Field>,
}

/// One field of a row.
#[derive(Debug, Clone)]
pub struct Field {
    /// Template name (`ID`, `Names`).
    pub name: &'static str,
    /// Table header (`CONTAINER ID`, `NAMES`).
    pub header: &'static str,
    pub value: String,
}

impl Row {
    pub fn push(&mut self, name: &'static str, header: &'static str, value: impl Into<String>) {
        self.fields.push(Field {
            name,
            header,
            value: value.into(),
        });
    }

    fn get(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// `{{json .}}`: every field, keys sorted (Go marshals the formatter's map).
    pub fn json(&self) -> String {
        let mut m: Vec<(&str, &str)> = self
            .fields
            .iter()
            .map(|f| (f.name, f.value.as_str()))
            .collect();
        drydock_text::sort::sort_by(&mut m, |a, b| a.0.cmp(b.0));
        let obj: serde_json::Map<String, Value> = m
            .into_iter()
            .map(|(k, v)| (k.to_owned(), Value::from(v)))
            .collect();
        go_json(&Value::Object(obj))
    }
}

/// JSON as Go's `encoding/json` writes it (HTML-safe escapes of `<`, `>`, `&`).
pub fn go_json(v: &Value) -> String {
    let s = v.to_string();
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A parsed template piece.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    /// A pipeline: function names applied to an argument (`.`, `.Field`).
    Action {
        funcs: Vec<String>,
        arg: String,
    },
}

/// A template error as Go's `text/template` reports it (docker prints
/// `template parsing error: …`).
fn parse(tpl: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut rest = tpl;
    while let Some(i) = rest.find("{{") {
        if i > 0 {
            out.push(Piece::Text(rest[..i].to_owned()));
        }
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            return Err("template: :1: unclosed action".to_owned());
        };
        let inner = after[..j]
            .trim()
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        let words: Vec<&str> = inner.split_whitespace().collect();
        let Some((last, funcs)) = words.split_last() else {
            return Err("template: :1: missing value for command".to_owned());
        };
        if last.starts_with('.') {
            out.push(Piece::Action {
                funcs: funcs.iter().map(|s| (*s).to_owned()).collect(),
                arg: (*last).to_owned(),
            });
        } else if *last == "println" && funcs.is_empty() {
            out.push(Piece::Text("\n".to_owned()));
        } else {
            return Err(format!("template: :1: function \"{last}\" not defined"));
        }
        rest = &after[j + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_owned()));
    }
    Ok(out)
}

/// One row through the template; `context` is the docker CLI's Go type for the row, as its
/// template errors name it (`ContainerContext`, `imageContext`, …).
fn eval(p: &[Piece], row: &Row, context: &str) -> Result<String, String> {
    let mut s = String::new();
    for piece in p {
        match piece {
            Piece::Text(t) => s.push_str(t),
            Piece::Action { funcs, arg } => {
                let mut v = if arg == "." {
                    row.json()
                } else {
                    let name = arg.trim_start_matches('.');
                    match row.get(name) {
                        Some(f) => f.value.clone(),
                        None => {
                            return Err(format!(
                                "template: :1:{}: executing \"\" at <{arg}>: can't evaluate field {name} in type *formatter.{}",
                                2, context
                            ));
                        }
                    }
                };
                for f in funcs.iter().rev() {
                    v = match f.as_str() {
                        "json" if arg == "." => v,
                        "json" => go_json(&Value::from(v)),
                        "upper" => v.to_uppercase(),
                        "lower" => v.to_lowercase(),
                        "title" => title(&v),
                        other => {
                            return Err(format!("template: :1: function \"{other}\" not defined"));
                        }
                    };
                }
                s.push_str(&v);
            }
        }
    }
    Ok(s)
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Renders rows with `--format` (`None`: the command's default table columns, given as a
/// template); `context` names the docker CLI's Go type of a row in template errors.
pub fn render(
    format: Option<&str>,
    default_table: &str,
    context: &str,
    rows: &[Row],
) -> Result<String, String> {
    let fmt = format.unwrap_or("table");
    let (table, tpl) = if fmt == "table" {
        (true, default_table.to_owned())
    } else if let Some(t) = fmt.strip_prefix("table ") {
        (true, t.to_owned())
    } else if fmt == "json" {
        (false, "{{json .}}".to_owned())
    } else {
        (false, fmt.to_owned())
    };
    let tpl = tpl.replace("\\t", "\t").replace("\\n", "\n");
    let pieces = parse(&tpl).map_err(|e| format!("template parsing error: {e}"))?;
    let mut lines: Vec<String> = Vec::new();
    if table {
        let header_row = Row {
            fields: rows.first().map_or_else(Vec::new, |r| r.fields.clone()),
        };
        let mut h = String::new();
        for piece in &pieces {
            match piece {
                Piece::Text(t) => h.push_str(t),
                Piece::Action { arg, .. } => {
                    let name = arg.trim_start_matches('.');
                    let header = header_row
                        .fields
                        .iter()
                        .find(|f| f.name == name)
                        .map(|f| f.header)
                        .or_else(|| default_header(name));
                    h.push_str(header.unwrap_or(name));
                }
            }
        }
        lines.push(h);
    }
    for r in rows {
        lines.push(eval(&pieces, r, context)?);
    }
    if table {
        let rows: Vec<Vec<String>> = lines
            .iter()
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect();
        return Ok(tabwriter::render(&rows));
    }
    let mut s = String::new();
    for l in lines {
        s.push_str(&l);
        s.push('\n');
    }
    Ok(s)
}

/// Headers of fields when there are no rows to take them from.
fn default_header(name: &str) -> Option<&'static str> {
    Some(match name {
        "ID" => "CONTAINER ID",
        "Image" => "IMAGE",
        "Command" => "COMMAND",
        "CreatedAt" => "CREATED AT",
        "RunningFor" => "CREATED",
        "Ports" => "PORTS",
        "State" => "STATE",
        "Status" => "STATUS",
        "Size" => "SIZE",
        "Names" => "NAMES",
        "Labels" => "LABELS",
        "Mounts" => "MOUNTS",
        "Networks" => "NETWORKS",
        "Repository" => "REPOSITORY",
        "Tag" => "TAG",
        "Digest" => "DIGEST",
        "CreatedSince" => "CREATED",
        "Driver" => "DRIVER",
        "Name" => "VOLUME NAME",
        _ => return None,
    })
}

/// Go's `%v`/template printing of a JSON value: strings bare, arrays `[a b]`, objects
/// `map[k:v]`, null `<nil>`.
pub fn go_value(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{}]", a.iter().map(go_value).collect::<Vec<_>>().join(" ")),
        Value::Object(o) => format!(
            "map[{}]",
            o.iter()
                .map(|(k, v)| format!("{k}:{}", go_value(v)))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}

/// `docker inspect -f TEMPLATE` over one object: `{{.A.B}}`, `{{json .A}}`, `{{upper …}}`.
pub fn render_value(tpl: &str, obj: &Value) -> Result<String, String> {
    let tpl = tpl.replace("\\t", "\t").replace("\\n", "\n");
    let pieces = parse(&tpl).map_err(|e| format!("template parsing error: {e}"))?;
    let mut s = String::new();
    for p in &pieces {
        match p {
            Piece::Text(t) => s.push_str(t),
            Piece::Action { funcs, arg } => {
                let mut cur = obj;
                let null = Value::Null;
                let mut missing = false;
                for part in arg.split('.').filter(|x| !x.is_empty()) {
                    cur = match cur {
                        Value::Object(o) => match o.get(part) {
                            Some(v) => v,
                            None => {
                                // Go templates over a map: a missing key is the zero value.
                                missing = true;
                                &null
                            }
                        },
                        _ => &null,
                    };
                }
                let mut out = if missing {
                    "<no value>".to_owned()
                } else {
                    go_value(cur)
                };
                for f in funcs.iter().rev() {
                    out = match f.as_str() {
                        "json" => go_json(cur),
                        "upper" => out.to_uppercase(),
                        "lower" => out.to_lowercase(),
                        "title" => title(&out),
                        other => {
                            return Err(format!("template: :1: function \"{other}\" not defined"));
                        }
                    };
                }
                s.push_str(&out);
            }
        }
    }
    Ok(s)
}

/// go-units `HumanSize` (4 significant digits: `1.235GB`, `0B`).
pub fn human_size4(bytes: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!(
        "{}{}",
        drydock_engine::output::units::go_g(v, 4),
        UNITS.get(i).copied().unwrap_or("B")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> Row {
        let mut r = Row::default();
        r.push("ID", "CONTAINER ID", "abc");
        r.push("Names", "NAMES", "experiment1");
        r
    }

    #[test]
    fn templates() {
        assert_eq!(
            render(Some("{{.Names}}"), "", "ContainerContext", &[row()]).unwrap(),
            "experiment1\n"
        );
        assert_eq!(
            render(Some("{{json .}}"), "", "ContainerContext", &[row()]).unwrap(),
            "{\"ID\":\"abc\",\"Names\":\"experiment1\"}\n"
        );
        assert_eq!(
            render(
                Some("table {{.ID}}\\t{{.Names}}"),
                "",
                "ContainerContext",
                &[row()]
            )
            .unwrap(),
            "CONTAINER ID   NAMES\nabc            experiment1\n"
        );
        assert!(render(Some("{{.Nope}}"), "", "ContainerContext", &[row()]).is_err());
        assert_eq!(
            render(Some("{{upper .Names}}"), "", "ContainerContext", &[row()]).unwrap(),
            "EXPERIMENT1\n"
        );
    }
}
