//! ANSI escape sequences in terminal output: SGR colours and styles become styled runs of text,
//! every other control sequence (cursor moves, erase) is dropped, as a log view shows them.

/// One run of text and the CSS classes of its style (`ansi-fg-1 ansi-bold`; empty: plain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub class: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Style {
    fg: Option<u8>,
    bg: Option<u8>,
    bold: bool,
    dim: bool,
    italic: bool,
    underline: bool,
}

impl Style {
    fn class(&self) -> String {
        let mut c = Vec::new();
        if let Some(n) = self.fg {
            c.push(format!("ansi-fg-{n}"));
        }
        if let Some(n) = self.bg {
            c.push(format!("ansi-bg-{n}"));
        }
        for (on, name) in [
            (self.bold, "ansi-bold"),
            (self.dim, "ansi-dim"),
            (self.italic, "ansi-italic"),
            (self.underline, "ansi-underline"),
        ] {
            if on {
                c.push(name.to_owned());
            }
        }
        c.join(" ")
    }

    /// Applies one SGR parameter list (`1;31`, `38;5;208`, empty = reset).
    fn apply(&mut self, params: &str) {
        let nums: Vec<u16> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
        let mut i = 0;
        while let Some(&n) = nums.get(i) {
            match n {
                0 => *self = Style::default(),
                1 => self.bold = true,
                2 => self.dim = true,
                3 => self.italic = true,
                4 => self.underline = true,
                22 => (self.bold, self.dim) = (false, false),
                23 => self.italic = false,
                24 => self.underline = false,
                30..=37 => self.fg = Some((n - 30) as u8),
                90..=97 => self.fg = Some((n - 90 + 8) as u8),
                39 => self.fg = None,
                40..=47 => self.bg = Some((n - 40) as u8),
                100..=107 => self.bg = Some((n - 100 + 8) as u8),
                49 => self.bg = None,
                38 | 48 => {
                    // 256 colours (`5;n`, the first 16 are kept) or true colour (`2;r;g;b`, not kept).
                    let (colour, used) = match nums.get(i + 1) {
                        Some(5) => (nums.get(i + 2).copied().filter(|c| *c < 16), 2),
                        Some(2) => (None, 4),
                        _ => (None, 0),
                    };
                    let colour = colour.map(|c| c as u8);
                    if n == 38 {
                        self.fg = colour;
                    } else {
                        self.bg = colour;
                    }
                    i += used;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// Splits `text` into styled runs; a text without escapes is one plain run.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut style = Style::default();
    let mut rest = text;
    while !rest.is_empty() {
        let (plain, after) = match rest.find('\u{1b}') {
            Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i..).unwrap_or("")),
            None => (rest, ""),
        };
        if !plain.is_empty() {
            let class = style.class();
            match out.last_mut() {
                Some(last) if last.class == class => last.text.push_str(plain),
                _ => out.push(Run {
                    class,
                    text: plain.to_owned(),
                }),
            }
        }
        if after.is_empty() {
            break;
        }
        // `ESC [ params final`: CSI; `ESC x`: a two-byte escape. Both are consumed.
        let seq = after.get(1..).unwrap_or("");
        if let Some(csi) = seq.strip_prefix('[') {
            let end = csi
                .char_indices()
                .find(|(_, c)| ('\u{40}'..='\u{7e}').contains(c));
            match end {
                Some((i, fin)) => {
                    if fin == 'm' {
                        style.apply(csi.get(..i).unwrap_or(""));
                    }
                    rest = csi.get(i + fin.len_utf8()..).unwrap_or("");
                }
                None => rest = "",
            }
        } else {
            let skip = seq.chars().next().map_or(0, char::len_utf8);
            rest = seq.get(skip..).unwrap_or("");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        runs(text)
            .iter()
            .map(|r| format!("[{}]{}", r.class, r.text))
            .collect()
    }

    #[test]
    fn styles_and_resets() {
        assert_eq!(show("plain"), "[]plain");
        assert_eq!(show("\u{1b}[32mok\u{1b}[0m done"), "[ansi-fg-2]ok[] done");
        assert_eq!(
            show("\u{1b}[1;91mERROR\u{1b}[22m!\u{1b}[m"),
            "[ansi-fg-9 ansi-bold]ERROR[ansi-fg-9]!"
        );
        assert_eq!(
            show("\u{1b}[38;5;4mblue\u{1b}[38;2;1;2;3mrgb"),
            "[ansi-fg-4]blue[]rgb"
        );
        assert_eq!(show("a\u{1b}[2Kb\u{1b}[1Ac"), "[]abc");
        assert_eq!(show("cut \u{1b}[3"), "[]cut ");
        assert_eq!(show("\u{1b}"), "");
    }
}
