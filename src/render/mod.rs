//! Rendering: a command's typed result becomes a JSON report (for programs) and a
//! [`Doc`] of titles, paragraphs and tables (for people), drawn as a terminal table or
//! Markdown. Computation never formats; renderers never compute.

pub mod folds;
mod markdown;
pub mod plot;
mod text;

use serde::Serialize;
use serde_json::Value;

use crate::cli::Format;

/// What one command produced, ready for any format.
pub struct Output {
    pub report: Value,
    pub doc: Doc,
}

impl Output {
    pub fn new<P: Serialize, R: Serialize>(
        report: mlproof_core::report::Report<P, R>,
        doc: Doc,
    ) -> Self {
        // Serialising our own plain data structures cannot fail; Null is a safe fallback.
        let report = serde_json::to_value(&report).unwrap_or(Value::Null);
        Output { report, doc }
    }
}

/// A document for people: rendered at most 100 columns wide.
#[derive(Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

#[derive(Debug)]
pub enum Block {
    Title(String),
    Paragraph(String),
    Table(Table),
    /// Lines drawn in characters (a chart), printed as they are.
    Figure(Vec<String>),
}

#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Per column: right-aligned (numbers) or left-aligned (text).
    pub numeric: Vec<bool>,
}

impl Doc {
    pub fn title(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Title(text.into()));
        self
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    pub fn table(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Table(table));
        self
    }

    pub fn figure(&mut self, lines: Vec<String>) -> &mut Self {
        self.blocks.push(Block::Figure(lines));
        self
    }

    pub fn append(&mut self, other: Doc) {
        self.blocks.extend(other.blocks);
    }
}

impl Table {
    /// A table whose columns are numeric when their header is listed in `numeric`.
    pub fn new(headers: &[&str], numeric_columns: &[usize]) -> Self {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            numeric: (0..headers.len())
                .map(|i| numeric_columns.contains(&i))
                .collect(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// A number as people read it in a table: `n/a` for NaN, four decimal places.
pub fn num(x: f64) -> String {
    if x.is_nan() {
        "n/a".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.into()
    } else {
        format!("{x:.4}")
    }
}

pub fn render(output: &Output, format: Format) -> String {
    match format {
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(&output.report).unwrap_or_else(|_| "null".into());
            s.push('\n');
            s
        }
        Format::Table => text::render(&output.doc),
        Format::Markdown => markdown::render(&output.doc),
    }
}
