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
    /// A chart as data: the terminal renderer draws it, a later SVG renderer may too.
    Figure(Figure),
    /// Text kept exactly as it is (tree rules), in a monospaced block.
    Preformatted(Vec<String>),
}

/// A figure's data: series, axes and labels, never pre-drawn characters.
#[derive(Debug, Clone)]
pub enum Figure {
    /// y values against ordered x labels, one glyph per series.
    Lines {
        x_title: String,
        x_labels: Vec<String>,
        series: Vec<Line>,
        /// Rows of the plot area in the terminal.
        height: usize,
    },
    /// Cross-validation folds: which rows train and test in each fold.
    Folds {
        n_rows: usize,
        folds: Vec<mlproof_validation::Fold>,
        /// Each row's class, when the splitter saw labels.
        classes: Option<Vec<usize>>,
    },
}

/// One series of a [`Figure::Lines`].
#[derive(Debug, Clone)]
pub struct Line {
    pub label: String,
    pub glyph: char,
    pub values: Vec<f64>,
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

    pub fn figure(&mut self, figure: Figure) -> &mut Self {
        self.blocks.push(Block::Figure(figure));
        self
    }

    pub fn preformatted(&mut self, lines: Vec<String>) -> &mut Self {
        self.blocks.push(Block::Preformatted(lines));
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

/// A figure drawn in characters, for the terminal and Markdown renderers.
pub fn draw(figure: &Figure) -> Vec<String> {
    match figure {
        Figure::Lines {
            x_title,
            x_labels,
            series,
            height,
        } => {
            let s: Vec<plot::Series> = series
                .iter()
                .map(|l| plot::Series {
                    label: &l.label,
                    glyph: l.glyph,
                    values: &l.values,
                })
                .collect();
            plot::plot(x_labels, &s, *height, x_title)
        }
        Figure::Folds {
            n_rows,
            folds,
            classes,
        } => folds::chart(*n_rows, folds, classes.as_deref()),
    }
}

/// Findings as a table: the claim, the estimate, its interval, the ROPE and the verdict.
pub fn findings(doc: &mut Doc, findings: &[mlproof_core::evidence::Finding]) {
    if findings.is_empty() {
        return;
    }
    let mut t = Table::new(
        &["finding", "estimate", "interval", "ROPE", "verdict"],
        &[1, 2, 3],
    );
    for f in findings {
        let interval = if f.interval[0] == f.interval[1] {
            "exact".to_string()
        } else {
            format!("{} – {}", num(f.interval[0]), num(f.interval[1]))
        };
        t.row(vec![
            f.id.clone(),
            num(f.estimate),
            interval,
            f.rope_text(),
            f.verdict.as_str().into(),
        ]);
    }
    doc.table(t);
}

/// An error as the user reads it: a parameter by the flag that sets it.
/// The error as one line: a library parameter is named by its flag, and control characters
/// quoted from the input (a newline inside a quoted cell) are escaped, so that the message
/// stays on its line.
pub fn error_message(e: &mlproof_core::Error) -> String {
    let text = match e {
        mlproof_core::Error::Parameter { name, message } => {
            format!("--{} {message}", name.replace('_', "-"))
        }
        other => other.to_string(),
    };
    crate::usage::one_line(&text)
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
