//! `mlproof resample`: resampled training rows, written as CSV (original rows first, then
//! the synthetic ones, the same columns), with a summary of what changed.

use mlproof_core::Result;
use mlproof_experiments::resample::{self, Method, Params, Resampled};
use mlproof_experiments::Check;

use crate::cli::{ResampleArgs, ResampleMethod};
use crate::render::{Doc, Output, Table};

fn method(m: ResampleMethod) -> Method {
    match m {
        ResampleMethod::Over => Method::Over,
        ResampleMethod::Under => Method::Under,
        ResampleMethod::Smote => Method::Smote,
        ResampleMethod::SmoteNc => Method::SmoteNc,
        ResampleMethod::Borderline => Method::Borderline,
        ResampleMethod::Adasyn => Method::Adasyn,
    }
}

pub fn run(args: &ResampleArgs, seed: u64) -> Result<Output> {
    let params = Params {
        method: method(args.method),
        k_neighbors: args.k_neighbors,
        m_neighbors: args.m_neighbors,
        ratio: args.ratio,
        seed,
    }
    .check()?;
    let data = args.data.load(resample::DEFAULT_DATASET, seed)?;
    let mut report = super::timed(args.timing, "resampling", || {
        resample::run(&data, &params, &crate::progress::BAR)
    })?;
    if let Some(path) = &args.output {
        let shown = path.display().to_string();
        let mut csv = Vec::new();
        mlproof_core::data::export::write_csv(&report.results.rows, &mut csv)?;
        crate::write::file(path, &csv)?;
        report.results.output = Some(shown);
    }
    let doc = doc(&data.name, &report.results, data.class_counts().len());
    Ok(Output::new(report, doc))
}

fn doc(dataset: &str, r: &Resampled, n_classes: usize) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "{} on {dataset}: positive class '{}'",
        r.method, r.positive_class
    ));
    let mut t = Table::new(&["rows", "negative", "positive", "total"], &[1, 2, 3]);
    for (label, c) in [("before", r.before), ("after", r.after)] {
        t.row(vec![
            label.into(),
            c[0].to_string(),
            c[1].to_string(),
            (c[0] + c[1]).to_string(),
        ]);
    }
    doc.table(t);
    let mut lines = vec![match (r.synthetic_rows, r.copied_rows, r.removed_rows) {
        (0, 0, 0) => "No row was added or removed.".to_string(),
        (s, 0, 0) if r.method == "SMOTE-NC" => format!(
            "{s} synthetic positive rows: numeric columns on a segment between two positive \
             rows, each category the most frequent among the seed row's neighbours."
        ),
        (s, 0, 0) => {
            format!("{s} synthetic positive rows, each on a segment between two positive rows.")
        }
        (0, c, 0) => format!("{c} positive rows copied (drawn with replacement)."),
        (_, _, d) => format!("{d} negative rows removed; every kept row is an original."),
    }];
    if r.method == "ADASYN" {
        lines.push(
            "ADASYN rounds each positive row's share of the new rows, so the total can miss the \
             count the ratio asks for (imbalanced-learn's ADASYN does the same)."
                .into(),
        );
    }
    if let Some(seeds) = r.seed_rows {
        lines.push(format!("{seeds} positive rows are in danger (half or more of their neighbours negative) and seeded the new rows."));
    }
    if n_classes > 2 {
        lines.push(format!(
            "The target has {n_classes} classes: '{}' against all the others (one-vs-rest).",
            r.positive_class
        ));
    }
    lines.push(match &r.output {
        Some(path) => {
            format!("Written to {path}: original rows first, then the new ones, the same columns.")
        }
        None => "Give --output FILE.csv to write the rows.".into(),
    });
    doc.paragraph(lines.join(" "));
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
