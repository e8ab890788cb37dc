//! `mlproof resample`: resampled training rows, written as CSV (original rows first, then
//! the synthetic ones, the same columns), with a summary of what changed.

use std::time::Instant;

use mlproof_core::data::{Dataset, FeatureKind, Target};
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_imbalance::{
    Adasyn, RandomOverSampler, RandomUnderSampler, SamplingStrategy, Smote, SmoteKind, SmoteNc,
    Synthetic,
};
use ndarray::{Array1, Array2, Axis};
use serde::Serialize;

use crate::cli::{ResampleArgs, ResampleMethod};
use crate::render::{Doc, Output, Table};

#[derive(Debug, Serialize)]
struct Params {
    method: String,
    k_neighbors: usize,
    m_neighbors: usize,
    ratio: Option<f64>,
    output: Option<String>,
    seed: u64,
}

#[derive(Debug, Serialize)]
struct Resampled {
    method: String,
    positive_class: String,
    before: [usize; 2],
    after: [usize; 2],
    synthetic_rows: usize,
    copied_rows: usize,
    removed_rows: usize,
    /// Borderline-SMOTE: the minority rows in danger that seeded new rows.
    seed_rows: Option<usize>,
    output: Option<String>,
}

/// New rows for the method: synthetic (SMOTE family) or picked originals (random).
enum Rows {
    Synthetic(Synthetic),
    Picked(Vec<usize>),
}

fn check_columns(method: ResampleMethod, data: &Dataset) -> Result<()> {
    let categorical: Vec<&str> = data
        .feature_names
        .iter()
        .zip(&data.feature_kinds)
        .filter(|(_, k)| matches!(k, FeatureKind::Categorical { .. }))
        .map(|(n, _)| n.as_str())
        .collect();
    let interpolates = matches!(
        method,
        ResampleMethod::Smote | ResampleMethod::Borderline | ResampleMethod::Adasyn
    );
    if interpolates && !categorical.is_empty() {
        return Err(Error::usage(format!(
            "{} interpolates between rows, which is meaningless for the categorical column(s) \
             {}; use --method smote-nc (numeric and categorical columns) or --method over",
            method_name(method),
            categorical.join(", ")
        )));
    }
    if data.time.is_some() {
        return Err(Error::usage(
            "resampling mixes rows across time and synthetic rows have no time stamp; \
             drop --time-column to resample this file",
        ));
    }
    Ok(())
}

fn method_name(method: ResampleMethod) -> &'static str {
    match method {
        ResampleMethod::Over => "random over-sampling",
        ResampleMethod::Under => "random under-sampling",
        ResampleMethod::Smote => "SMOTE",
        ResampleMethod::SmoteNc => "SMOTE-NC",
        ResampleMethod::Borderline => "Borderline-SMOTE",
        ResampleMethod::Adasyn => "ADASYN",
    }
}

fn resample(
    args: &ResampleArgs,
    x: &Array2<f64>,
    y: &Array1<usize>,
    categorical: Vec<bool>,
    seed: u64,
) -> Result<Rows> {
    let strategy = args
        .ratio
        .map_or(SamplingStrategy::Auto, SamplingStrategy::Ratio)
        .check()?;
    let k = args.k_neighbors;
    Ok(match args.method {
        ResampleMethod::Over => {
            Rows::Picked(RandomOverSampler { strategy }.resample_rows(y, seed)?)
        }
        ResampleMethod::Under => {
            Rows::Picked(RandomUnderSampler { strategy }.resample_rows(y, seed)?)
        }
        ResampleMethod::Smote => {
            Rows::Synthetic(Smote::new(k, strategy, SmoteKind::Regular)?.synthesize(x, y, seed)?)
        }
        ResampleMethod::Borderline => Rows::Synthetic(
            Smote::new(
                k,
                strategy,
                SmoteKind::Borderline {
                    m: args.m_neighbors,
                },
            )?
            .synthesize(x, y, seed)?,
        ),
        ResampleMethod::Adasyn => {
            Rows::Synthetic(Adasyn::new(k, strategy)?.synthesize(x, y, seed)?)
        }
        ResampleMethod::SmoteNc => {
            Rows::Synthetic(SmoteNc::new(k, strategy, categorical)?.synthesize(x, y, seed)?)
        }
    })
}

pub fn run(args: &ResampleArgs, seed: u64) -> Result<Output> {
    let data = args.data.load("yeast4", seed)?;
    check_columns(args.method, &data)?;
    let y = data.binary_target()?;
    let categorical: Vec<bool> = data
        .feature_kinds
        .iter()
        .map(|k| matches!(k, FeatureKind::Categorical { .. }))
        .collect();
    let started = Instant::now();
    let rows = resample(args, &data.features, &y, categorical, seed)?;
    if args.timing {
        eprintln!(
            "resampling alone: {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    let out = resampled_dataset(&data, &rows);
    let output = match &args.output {
        Some(path) => {
            let shown = path.display().to_string();
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| {
                    Error::input(format!(
                        "cannot create {shown}: {e} (mlproof never overwrites a file)"
                    ))
                })?;
            mlproof_core::data::export::write_csv(&out, std::io::BufWriter::new(file))?;
            Some(shown)
        }
        None => None,
    };
    let y_after = out.binary_target()?;
    let count = |y: &Array1<usize>| [y.len() - y.sum(), y.sum()];
    let (synthetic_rows, seed_rows, copied_rows, removed_rows) = match &rows {
        Rows::Synthetic(s) => (
            s.x.nrows(),
            (args.method == ResampleMethod::Borderline).then_some(s.seeds.len()),
            0,
            0,
        ),
        Rows::Picked(r) => (
            0,
            None,
            r.len().saturating_sub(y.len()),
            y.len().saturating_sub(r.len()),
        ),
    };
    let results = Resampled {
        method: method_name(args.method).into(),
        positive_class: data.positive_class().unwrap_or_default().into(),
        before: count(&y),
        after: count(&y_after),
        synthetic_rows,
        copied_rows,
        removed_rows,
        seed_rows,
        output,
    };
    let params = Params {
        method: method_name(args.method).into(),
        k_neighbors: args.k_neighbors,
        m_neighbors: args.m_neighbors,
        ratio: args.ratio,
        output: results.output.clone(),
        seed,
    };
    let doc = doc(&data, &results, data.class_counts().len());
    Ok(Output::new(
        Report::new("resample", params, Some(data.summary()), results),
        doc,
    ))
}

/// The input rows (or the kept ones), then the new rows labelled with the positive class.
fn resampled_dataset(data: &Dataset, rows: &Rows) -> Dataset {
    let mut out = data.clone();
    let Target::Classes { y, positive, .. } = &data.target else {
        return out;
    };
    let (features, codes) = match rows {
        Rows::Picked(r) => (data.features.select(Axis(0), r), y.select(Axis(0), r)),
        Rows::Synthetic(s) => {
            let (x, _) = s.append_to(&data.features, &Array1::zeros(y.len()));
            let codes = y
                .iter()
                .copied()
                .chain(std::iter::repeat_n(*positive, s.x.nrows()));
            (x, codes.collect())
        }
    };
    out.features = features;
    if let Target::Classes { y, .. } = &mut out.target {
        *y = codes;
    }
    out
}

fn doc(data: &Dataset, r: &Resampled, n_classes: usize) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "{} on {}: positive class '{}'",
        r.method, data.name, r.positive_class
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
    doc
}
