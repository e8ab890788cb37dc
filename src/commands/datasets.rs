//! `mlproof datasets` and `mlproof datasets show NAME`.

use mlproof_core::data::FeatureKind;
use mlproof_core::{Error, Result};
use mlproof_experiments::datasets::{
    self, cell, target_cell, ExportParams, ListParams, Listing, ShowParams,
};
use mlproof_experiments::Check;

use crate::cli::DatasetsAction;
use crate::data_args::DataArgs;
use crate::render::{num, Doc, Output, Table};

pub fn run(action: Option<&DatasetsAction>, seed: u64) -> Result<Output> {
    match action {
        None => list(seed),
        Some(DatasetsAction::Show { name, rows, data }) => show(name.as_deref(), *rows, data, seed),
        Some(DatasetsAction::Export { name, output, rows }) => export(name, output, *rows, seed),
    }
}

/// The listing as a Doc, shared with the tour.
fn listing_doc(l: &Listing) -> Doc {
    let mut doc = Doc::default();
    doc.title("Bundled real datasets (embedded; provenance in datasets/README.md)");
    let mut t = Table::new(
        &[
            "dataset",
            "rows",
            "numeric",
            "categ.",
            "positives",
            "ratio",
            "about",
        ],
        &[1, 2, 3, 4, 5],
    );
    for d in &l.bundled {
        let s = &d.summary;
        t.row(vec![
            s.name.clone(),
            s.rows.to_string(),
            s.numeric_features.to_string(),
            s.categorical_features.to_string(),
            s.positives.map_or("-".into(), |p| p.to_string()),
            s.imbalance_ratio.map_or("-".into(), |r| format!("{r:.1}")),
            d.description.to_string(),
        ]);
    }
    doc.table(t);
    doc.title("Generators (seeded by --seed; the truth is known)");
    let mut t = Table::new(&["generator", "rows", "features", "task", "truth"], &[1, 2]);
    for g in &l.generators {
        t.row(vec![
            g.name.into(),
            g.rows.to_string(),
            g.features.to_string(),
            format!("{:?}", g.task).to_lowercase(),
            g.description.into(),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "Use one with --dataset NAME, or your own file with --data FILE.csv --target COLUMN. \
         `ratio` is majority/positive rows.",
    );
    doc
}

pub fn list(seed: u64) -> Result<Output> {
    let report = datasets::list(&ListParams { seed }.check()?)?;
    let mut doc = listing_doc(&report.results);
    crate::render::findings(&mut doc, &report.results.findings);
    Ok(Output::new(report, doc))
}

/// Rows of the head per table.
const HEAD_CHUNK: usize = 6;

fn show(name: Option<&str>, rows: usize, data: &DataArgs, seed: u64) -> Result<Output> {
    let d =
        match (name, data.given()) {
            (Some(_), true) => {
                return Err(Error::usage(
                    "name a dataset or give --data FILE.csv --target COLUMN, not both",
                ))
            }
            (Some(n), false) => mlproof_core::data::registry::load(n, seed)?,
            (None, true) => data.load("", seed)?,
            (None, false) => return Err(Error::usage(
                "name a dataset (see `mlproof datasets`) or give --data FILE.csv --target COLUMN",
            )),
        };
    let params = ShowParams {
        name: d.name.clone(),
        rows,
        seed,
    }
    .check()?;
    let shown_rows = rows.min(d.n_rows());
    let report = datasets::show(&d, &params)?;
    let shown = &report.results;
    let mut doc = Doc::default();
    let s = d.summary();
    doc.title(format!(
        "{} — {} rows, {} features, target '{}'",
        s.name, s.rows, s.features, s.target
    ));
    // The head is transposed (a row per column) and split into groups of rows, so wide
    // datasets and long heads fit 100 columns.
    for chunk in (0..shown_rows).collect::<Vec<_>>().chunks(HEAD_CHUNK) {
        let mut headers = vec!["column".to_string()];
        headers.extend(chunk.iter().map(|r| format!("row {r}")));
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut t = Table::new(&header_refs, &(1..=chunk.len()).collect::<Vec<_>>());
        if let Some((tname, stamps)) = &d.time {
            let mut r = vec![tname.clone()];
            r.extend(chunk.iter().map(|&i| stamps[i].clone()));
            t.row(r);
        }
        for j in 0..d.n_features() {
            let mut r = vec![d.feature_names[j].clone()];
            r.extend(chunk.iter().map(|&i| cell(&d, i, j)));
            t.row(r);
        }
        let mut r = vec![format!("{} (target)", d.target_name)];
        r.extend(chunk.iter().map(|&i| target_cell(&d, i)));
        t.row(r);
        doc.table(t);
    }

    let mut t = Table::new(
        &["feature", "kind", "min", "mean", "max", "std", "distinct"],
        &[2, 3, 4, 5, 6],
    );
    for f in &shown.features {
        let kind = match &f.kind {
            FeatureKind::Numeric => "numeric".to_string(),
            FeatureKind::Categorical { levels } => format!("categorical ({})", levels.len()),
        };
        let stat = |v: Option<f64>| v.map_or("-".to_string(), num);
        t.row(vec![
            f.name.clone(),
            kind,
            stat(f.min),
            stat(f.mean),
            stat(f.max),
            stat(f.std),
            f.distinct.to_string(),
        ]);
    }
    doc.table(t);
    if let Some(classes) = &shown.classes {
        let parts: Vec<String> = classes.iter().map(|(c, n)| format!("'{c}': {n}")).collect();
        doc.paragraph(format!(
            "Classes of '{}': {}. Positive class: '{}'. Categorical features are stored as level \
             codes (levels sorted as strings); std is the population standard deviation.",
            d.target_name,
            parts.join(", "),
            d.positive_class().unwrap_or("-")
        ));
    }
    crate::render::findings(&mut doc, &shown.findings);
    doc.paragraph(shown.reading.clone());
    Ok(Output::new(report, doc))
}

fn export(name: &str, output: &std::path::Path, rows: Option<usize>, seed: u64) -> Result<Output> {
    let shown = output.display().to_string();
    let params = ExportParams {
        name: name.into(),
        output: shown.clone(),
        rows,
        seed,
    }
    .check()?;
    let (d, report) = datasets::export(&params)?;
    let mut csv = Vec::new();
    mlproof_core::data::export::write_csv(&d, &mut csv)?;
    crate::write::file(output, &csv)?;
    let mut doc = Doc::default();
    doc.paragraph(format!(
        "Wrote {} rows × {} columns of {} to {shown}.",
        report.results.rows, report.results.columns, d.name
    ));
    crate::render::findings(&mut doc, &report.results.findings);
    Ok(Output::new(report, doc))
}
