//! The Markdown renderer: `##` titles, pipe tables with aligned columns.

use super::{Block, Doc};

pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Title(t) => out.push_str(&format!("## {t}\n")),
            Block::Paragraph(p) => out.push_str(&format!("{p}\n")),
            Block::Figure(f) => {
                out.push_str(&format!("```text\n{}\n```\n", super::draw(f).join("\n")))
            }
            Block::Preformatted(lines) => {
                out.push_str(&format!("```text\n{}\n```\n", lines.join("\n")))
            }
            Block::Table(t) => {
                let escape = |s: &str| s.replace('|', "\\|");
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&row(&t.headers));
                let align: Vec<&str> = t
                    .numeric
                    .iter()
                    .map(|&n| if n { "---:" } else { "---" })
                    .collect();
                out.push_str(&format!("| {} |\n", align.join(" | ")));
                for r in &t.rows {
                    out.push_str(&row(r));
                }
            }
        }
    }
    out
}
