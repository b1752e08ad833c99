//! The instruction outline the UI shows, derived from the parser's tree (no Docker rule lives here).
use std::rc::Rc;

/// One instruction as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub keyword: String,
    /// Colour family: base, fs, run, config, meta or error.
    pub family: &'static str,
    pub args: String,
    pub start_line: u32,
    pub end_line: u32,
    pub error: Option<String>,
}

/// All instructions of a Dockerfile plus counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    pub rows: Vec<Row>,
    pub stages: usize,
    pub errors: usize,
}

impl Outline {
    pub fn of(text: &Rc<str>) -> Outline {
        // Provisional: joins continuation lines until the parser crate provides the tree.
        let mut rows = Vec::new();
        let mut lines = text.lines().enumerate().peekable();
        while let Some((i, line)) = lines.next() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let mut joined = t.trim_end_matches('\\').to_owned();
            let mut end = i;
            let mut cont = t.ends_with('\\');
            while cont {
                let Some((j, next)) = lines.next() else { break };
                end = j;
                cont = next.trim_end().ends_with('\\');
                joined.push_str(next.trim_end().trim_end_matches('\\'));
            }
            let (kw, args) = joined
                .split_once(char::is_whitespace)
                .unwrap_or((&joined, ""));
            let keyword = kw.to_uppercase();
            rows.push(Row {
                family: family(&keyword),
                keyword,
                args: args.trim().to_owned(),
                start_line: i as u32 + 1,
                end_line: end as u32 + 1,
                error: None,
            });
        }
        let stages = rows.iter().filter(|r| r.keyword == "FROM").count();
        Outline {
            rows,
            stages,
            errors: 0,
        }
    }
}

fn family(keyword: &str) -> &'static str {
    match keyword {
        "FROM" => "base",
        "COPY" | "ADD" | "WORKDIR" => "fs",
        "RUN" => "run",
        "CMD" | "ENTRYPOINT" | "ENV" | "ARG" | "EXPOSE" | "VOLUME" | "USER" | "SHELL"
        | "HEALTHCHECK" | "STOPSIGNAL" => "config",
        _ => "meta",
    }
}
