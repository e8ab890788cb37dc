//! The terminal renderer: aligned columns, paragraphs wrapped at 100 columns.

use super::{Block, Doc, Table};

pub const WIDTH: usize = 100;

pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Title(t) => {
                let wrapped = wrap(t, WIDTH);
                let longest = wrapped
                    .lines()
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0);
                out.push_str(&wrapped);
                out.push_str(&"─".repeat(longest));
                out.push('\n');
            }
            Block::Paragraph(p) => out.push_str(&wrap(p, WIDTH)),
            Block::Table(t) => out.push_str(&table(t)),
            Block::Figure(f) => super::draw(f).iter().for_each(|l| {
                out.push_str(l);
                out.push('\n');
            }),
            Block::Preformatted(lines) => lines.iter().for_each(|l| {
                out.push_str(l);
                out.push('\n');
            }),
        }
    }
    out
}

/// Greedy word wrap; existing line breaks are kept.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut len = 0;
        for word in line.split(' ') {
            let w = word.chars().count();
            if len > 0 && len + 1 + w > width {
                out.push('\n');
                len = 0;
            } else if len > 0 {
                out.push(' ');
                len += 1;
            }
            out.push_str(word);
            len += w;
        }
        out.push('\n');
    }
    out
}

/// Columns padded to their widest cell; when the table is wider than [`WIDTH`], the last
/// column (text) wraps onto continuation lines.
fn table(t: &Table) -> String {
    let cols = t.headers.len();
    let width = |c: usize| {
        t.rows
            .iter()
            .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
            .chain([t.headers[c].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let mut widths: Vec<usize> = (0..cols).map(width).collect();
    let last = cols - 1;
    let others: usize = widths[..last].iter().map(|w| w + 2).sum();
    if others + widths[last] > WIDTH && !t.numeric[last] {
        widths[last] = WIDTH.saturating_sub(others).max(20);
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = (0..cols)
            .map(|c| {
                let s = cells.get(c).map_or("", String::as_str);
                let pad = widths[c].saturating_sub(s.chars().count());
                if t.numeric[c] {
                    format!("{}{s}", " ".repeat(pad))
                } else {
                    format!("{s}{}", " ".repeat(pad))
                }
            })
            .collect();
        format!("{}\n", parts.join("  ").trim_end())
    };
    let wrapped = |cells: &[String]| {
        let tail = cells.get(last).map_or("", String::as_str);
        let mut out = String::new();
        let wrapped_tail = wrap(tail, widths[last]);
        // An empty last cell still gets its row.
        let pieces: Vec<&str> = if wrapped_tail.is_empty() {
            vec![""]
        } else {
            wrapped_tail.lines().collect()
        };
        for (k, piece) in pieces.into_iter().enumerate() {
            let mut row: Vec<String> = if k == 0 {
                cells[..last].to_vec()
            } else {
                vec![String::new(); last]
            };
            row.push(piece.to_string());
            out.push_str(&line(&row));
        }
        out
    };
    let mut out = wrapped(&t.headers);
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    out.push_str(&format!("{}\n", rule.join("  ")));
    for r in &t.rows {
        out.push_str(&wrapped(r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_last_column_wraps_within_the_width() {
        let mut t = Table::new(&["name", "n", "about"], &[1]);
        t.row(vec!["a".into(), "1".into(), "word ".repeat(40)]);
        let out = table(&t);
        assert!(out.lines().all(|l| l.chars().count() <= WIDTH), "{out}");
        assert!(out.lines().count() > 3);
    }
}
