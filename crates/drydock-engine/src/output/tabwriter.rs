//! Go's `text/tabwriter` as the docker CLI configures it (minwidth 10, tabwidth 1, padding 3,
//! padchar ' '): cells end with `\t`, the last cell of a line is not aligned.

/// Aligns rows of cells.
pub fn render(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i + 1 < r.len()
                && let Some(w) = widths.get_mut(i)
            {
                *w = (*w).max((c.chars().count() + 3).max(10));
            }
        }
    }
    let mut out = String::new();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            out.push_str(c);
            if i + 1 < r.len() {
                let w = widths.get(i).copied().unwrap_or(0);
                for _ in c.chars().count()..w {
                    out.push(' ');
                }
            }
        }
        out.push('\n');
    }
    out
}
