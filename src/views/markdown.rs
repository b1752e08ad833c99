//! A small, safe Markdown renderer for lesson texts: paragraphs, `#` headings, **bold**, *em*,
//! `code`, fenced code blocks, bullet and numbered lists and links. It builds Yew nodes (text is
//! always a text node, never HTML), and only `http(s)` links become anchors (`rel=noopener`);
//! anything else (`javascript:`, relative, `data:`) stays plain text.
use yew::prelude::*;

/// A block of a Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    /// A fenced code block (its text, lines joined by `\n`).
    Code(String),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// Text inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Strong(Vec<Inline>),
    Em(Vec<Inline>),
    /// A link; `href` is `None` when the target is not `http(s)` (rendered as its text only).
    Link {
        href: Option<String>,
        children: Vec<Inline>,
    },
}

/// The list marker a line starts with: (ordered, rest of the line).
fn list_item(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, r));
        }
    }
    None
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    if (1..=6).contains(&hashes) {
        line[hashes..]
            .strip_prefix(' ')
            .map(|rest| (hashes as u8, rest.trim()))
    } else {
        None
    }
}

/// Parses a Markdown text into blocks.
pub fn parse(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut lines = src.lines();
    let flush_para = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Para(inline(&para.join(" "))));
            para.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>| {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List {
                ordered,
                items: items.iter().map(|i| inline(i)).collect(),
            });
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if let Some(fence) = trimmed.strip_prefix("```") {
            let _lang = fence;
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            let mut code = Vec::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                code.push(l);
            }
            blocks.push(Block::Code(code.join("\n")));
            continue;
        }
        if trimmed.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            continue;
        }
        if let Some((level, text)) = heading(trimmed) {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            blocks.push(Block::Heading(level, inline(text)));
            continue;
        }
        if let Some((ordered, rest)) = list_item(line) {
            flush_para(&mut para, &mut blocks);
            match &mut list {
                Some((o, items)) if *o == ordered => items.push(rest.trim().to_owned()),
                _ => {
                    flush_list(&mut list, &mut blocks);
                    list = Some((ordered, vec![rest.trim().to_owned()]));
                }
            }
            continue;
        }
        // A continuation line of the last list item, or paragraph text.
        if let Some((_, items)) = &mut list
            && line.starts_with(' ')
            && let Some(last) = items.last_mut()
        {
            last.push(' ');
            last.push_str(trimmed);
            continue;
        }
        flush_list(&mut list, &mut blocks);
        para.push(trimmed);
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

/// Whether a link target may become an anchor.
fn safe_href(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    (h.starts_with("https://") || h.starts_with("http://"))
        && !h.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The byte offset of the `)` that closes a link target (nested parentheses balanced).
fn closing_paren(target: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in target.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Parses inline markup.
pub fn inline(src: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = src;
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        match c {
            '\\' => {
                if let Some(n) = after.chars().next().filter(|n| n.is_ascii_punctuation()) {
                    text.push(n);
                    rest = &after[n.len_utf8()..];
                } else {
                    text.push('\\');
                    rest = after;
                }
            }
            '`' => {
                // A run of backticks closes with the same run.
                let ticks = rest.bytes().take_while(|b| *b == b'`').count();
                let fence = &rest[..ticks];
                let body = &rest[ticks..];
                match body.find(fence) {
                    Some(end) => {
                        flush(&mut text, &mut out);
                        let code = &body[..end];
                        let code = if ticks > 1 { code.trim() } else { code };
                        out.push(Inline::Code(code.to_owned()));
                        rest = &body[end + ticks..];
                    }
                    None => {
                        text.push_str(fence);
                        rest = body;
                    }
                }
            }
            '*' if after.starts_with('*') => {
                let body = &after[1..];
                match body.find("**").filter(|e| *e > 0) {
                    Some(end) => {
                        flush(&mut text, &mut out);
                        out.push(Inline::Strong(inline(&body[..end])));
                        rest = &body[end + 2..];
                    }
                    None => {
                        text.push_str("**");
                        rest = body;
                    }
                }
            }
            '*' if !after.starts_with(' ') => match after.find('*').filter(|e| *e > 0) {
                Some(end) => {
                    flush(&mut text, &mut out);
                    out.push(Inline::Em(inline(&after[..end])));
                    rest = &after[end + 1..];
                }
                None => {
                    text.push('*');
                    rest = after;
                }
            },
            '[' => {
                let link = after.find("](").and_then(|mid| {
                    let target = &after[mid + 2..];
                    closing_paren(target).map(|end| (mid, &target[..end], end))
                });
                match link {
                    Some((mid, href, end)) => {
                        flush(&mut text, &mut out);
                        out.push(Inline::Link {
                            href: safe_href(href).then(|| href.trim().to_owned()),
                            children: inline(&after[..mid]),
                        });
                        rest = &after[mid + 2 + end + 1..];
                    }
                    None => {
                        text.push('[');
                        rest = after;
                    }
                }
            }
            _ => {
                text.push(c);
                rest = after;
            }
        }
    }
    flush(&mut text, &mut out);
    out
}

fn render_inline(items: &[Inline]) -> Html {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Code(c) => html! { <code>{ c.clone() }</code> },
            Inline::Strong(c) => html! { <strong>{ render_inline(c) }</strong> },
            Inline::Em(c) => html! { <em>{ render_inline(c) }</em> },
            Inline::Link {
                href: Some(h),
                children,
            } => html! {
                <a href={h.clone()} target="_blank" rel="noopener noreferrer">{ render_inline(children) }</a>
            },
            Inline::Link {
                href: None,
                children,
            } => render_inline(children),
        })
        .collect()
}

/// Renders parsed blocks.
pub fn render_blocks(blocks: &[Block]) -> Html {
    blocks
        .iter()
        .map(|b| match b {
            Block::Para(i) => html! { <p>{ render_inline(i) }</p> },
            // Lesson headings sit under the panel's own headings.
            Block::Heading(1 | 2, i) => html! { <h4>{ render_inline(i) }</h4> },
            Block::Heading(_, i) => html! { <h5>{ render_inline(i) }</h5> },
            Block::Code(c) => html! { <pre class="md-code"><code>{ c.clone() }</code></pre> },
            Block::List {
                ordered: false,
                items,
            } => html! { <ul>{ for items.iter().map(|i| html! { <li>{ render_inline(i) }</li> }) }</ul> },
            Block::List {
                ordered: true,
                items,
            } => html! { <ol>{ for items.iter().map(|i| html! { <li>{ render_inline(i) }</li> }) }</ol> },
        })
        .collect()
}

/// Renders a Markdown text as Yew nodes.
pub fn render(src: &str) -> Html {
    render_blocks(&parse(src))
}

/// Renders one line of inline Markdown (no paragraph around it).
pub fn render_inline_text(src: &str) -> Html {
    render_inline(&inline(src))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[cfg(not(target_arch = "wasm32"))] // server-side rendering exists for native tests only
    #[derive(Properties, PartialEq)]
    struct Props {
        src: AttrValue,
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[component(Md)]
    fn md(props: &Props) -> Html {
        html! { <div>{ render(&props.src) }</div> }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn html_of(src: &str) -> String {
        let src = src.to_owned();
        let r = yew::ServerRenderer::<Md>::with_props(move || Props {
            src: AttrValue::from(src),
        })
        .hydratable(false);
        futures::executor::block_on(r.render())
    }

    #[test]
    fn blocks() {
        let b = parse(
            "# Title\n\nSome **bold** and *em*\ntext with `code`.\n\n- one\n- two\n  more\n\n1. first\n2. second\n\n```\nFROM alpine\nRUN ls\n```\nafter",
        );
        assert_eq!(
            b,
            vec![
                Block::Heading(1, vec![text("Title")]),
                Block::Para(vec![
                    text("Some "),
                    Inline::Strong(vec![text("bold")]),
                    text(" and "),
                    Inline::Em(vec![text("em")]),
                    text(" text with "),
                    Inline::Code("code".into()),
                    text("."),
                ]),
                Block::List {
                    ordered: false,
                    items: vec![vec![text("one")], vec![text("two more")]],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("first")], vec![text("second")]],
                },
                Block::Code("FROM alpine\nRUN ls".into()),
                Block::Para(vec![text("after")]),
            ]
        );
    }

    #[test]
    fn inline_edge_cases() {
        assert_eq!(inline("a * b"), vec![text("a * b")]);
        assert_eq!(inline("**open"), vec![text("**open")]);
        assert_eq!(inline("`open"), vec![text("`open")]);
        assert_eq!(inline(r"\*not em\*"), vec![text("*not em*")]);
        assert_eq!(inline("``a ` b``"), vec![Inline::Code("a ` b".into())]);
        assert_eq!(
            inline("é *ü* ß"),
            vec![text("é "), Inline::Em(vec![text("ü")]), text(" ß")]
        );
    }

    #[test]
    fn links_only_http() {
        assert_eq!(
            inline("[docs](https://docs.docker.com/)"),
            vec![Inline::Link {
                href: Some("https://docs.docker.com/".into()),
                children: vec![text("docs")],
            }]
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "/local",
            " javascript:x",
        ] {
            assert_eq!(
                inline(&format!("[x]({bad})")),
                vec![Inline::Link {
                    href: None,
                    children: vec![text("x")],
                }],
                "{bad}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn rendered_html_is_inert() {
        let html = html_of(
            "<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("href"), "{html}");
        assert!(!html.contains("javascript:alert(1)\""), "{html}");
        let html = html_of("```\n<b>x</b>\n```");
        assert!(
            html.contains("<pre class=\"md-code\"><code>&lt;b&gt;x&lt;/b&gt;</code></pre>"),
            "{html}"
        );
        let html = html_of("See [docs](https://docs.docker.com/).");
        assert!(
            html.contains(r#"<a href="https://docs.docker.com/" target="_blank" rel="noopener noreferrer">docs</a>"#),
            "{html}"
        );
    }
}
