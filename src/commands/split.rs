//! `mlproof split`: which rows each fold trains and tests on, drawn.

use mlproof_core::{Error, Result};
use mlproof_experiments::split::{self, Params, SplitterOptions};
use mlproof_experiments::Check;
use mlproof_validation::split::Splitter;

use crate::cli::{SplitArgs, SplitKind, SplitterArgs};
use crate::render::{Doc, Figure, Output};

/// The splitter options as typed (`None` where not given).
pub fn options(args: &SplitterArgs) -> SplitterOptions {
    SplitterOptions {
        n_splits: args.n_splits,
        shuffle: args.shuffle,
        n_repeats: args.n_repeats,
        gap: args.gap,
        max_train_size: args.max_train_size,
        test_size: args.test_size,
    }
}

/// The library's name of a splitter.
pub fn kind(kind: SplitKind) -> split::SplitKind {
    match kind {
        SplitKind::Kfold => split::SplitKind::KFold,
        SplitKind::Stratified => split::SplitKind::Stratified,
        SplitKind::RepeatedStratified => split::SplitKind::RepeatedStratified,
        SplitKind::Loo => split::SplitKind::LeaveOneOut,
        SplitKind::TimeSeries => split::SplitKind::TimeSeries,
    }
}

/// The checked splitter the flags give; a flag the splitter does not read is an error.
pub fn splitter(kind_arg: SplitKind, args: &SplitterArgs) -> Result<Splitter> {
    split::splitter(kind(kind_arg), &options(args))
}

pub fn run(args: &SplitArgs, seed: u64) -> Result<Output> {
    let splitter = splitter(args.kind, &args.splitter)?;
    let data = if args.data.given() {
        Some(args.data.load("", seed)?)
    } else {
        None
    };
    let n_samples = data
        .as_ref()
        .map_or(args.n_samples.unwrap_or(split::DEFAULT_N_SAMPLES), |d| {
            d.n_rows()
        });
    if splitter.needs_labels() && data.as_ref().and_then(|d| d.class_codes()).is_none() {
        return Err(Error::usage(
            "stratified splitting needs class labels: give --dataset NAME or --data FILE --target COLUMN",
        ));
    }
    let params = Params {
        splitter,
        n_samples,
        seed,
    }
    .check()?;
    output(data.as_ref(), &params)
}

/// The folds (of `data`'s rows, or of `params.n_samples` bare rows), as a document.
pub fn output(
    data: Option<&mlproof_data::Dataset>,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = split::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    let mut doc = Doc::default();
    let n = params.n_samples;
    let source = data.map_or(format!("{n} rows"), |d| format!("{} ({n} rows)", d.name));
    let mut title = split::describe(&params.splitter);
    title[..1].make_ascii_uppercase();
    doc.title(format!("{title} over {source}"));
    let positive = data
        .and_then(|d| d.binary_target().ok())
        .map(|p| p.to_vec());
    doc.figure(Figure::Folds {
        n_rows: n,
        folds: report.results.folds.clone(),
        classes: positive,
    });
    if let (Splitter::TimeSeries { .. }, Some(d)) = (&params.splitter, data) {
        if d.time.is_none() {
            doc.paragraph(format!(
                "{} has no time column: rows are taken in file order.",
                d.name
            ));
        }
    }
    crate::render::findings(&mut doc, &report.results.findings);
    doc.paragraph(report.results.reading.clone());
    Ok(Output::new(report, doc))
}
