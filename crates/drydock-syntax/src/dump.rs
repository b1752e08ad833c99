//! BuildKit's `Node.Dump()`: the s-expression text of BuildKit's testfiles `result` files.
use crate::ast::{Dockerfile, Instruction};
use crate::go;

/// The dump of a whole file: one `(…)` line per instruction, each followed by `\n`
/// (`AST.Dump() + "\n"` in BuildKit's tests). An empty file dumps as `\n`.
pub fn dump(file: &Dockerfile<'_>) -> String {
    let mut out = String::new();
    for ins in &file.instructions {
        out.push('(');
        node(&mut out, ins);
        out.push(')');
        out.push('\n');
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// One instruction's dump, without the surrounding parentheses.
pub fn instruction(ins: &Instruction<'_>) -> String {
    let mut out = String::new();
    node(&mut out, ins);
    out
}

fn node(out: &mut String, ins: &Instruction<'_>) {
    let start = out.len();
    out.push_str(&go::to_lower(&ins.keyword));
    if !ins.flags.is_empty() {
        out.push(' ');
        go::quote_list(out, ins.flags.iter().map(|f| f.text.as_str()));
    }
    if let Some(child) = &ins.child {
        out.push_str(" (");
        node(out, child);
        out.push(')');
    }
    for a in &ins.args {
        out.push(' ');
        go::quote_into(out, &a.value);
    }
    // strings.TrimSpace of the whole node text (only matters for an empty keyword).
    let tail = out.get(start..).unwrap_or("");
    let trimmed = tail.trim();
    if trimmed.len() != tail.len() {
        let t = trimmed.to_owned();
        out.truncate(start);
        out.push_str(&t);
    }
}
