//! `mlproof split`: which rows each fold trains and tests on, drawn.

use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_validation::split::{Splits, Splitter};
use serde::Serialize;

use crate::cli::{SplitArgs, SplitKind, SplitterArgs};
use crate::render::{Doc, Figure, Output};

#[derive(Serialize)]
struct Params {
    #[serde(flatten)]
    splitter: Splitter,
    n_samples: usize,
    seed: u64,
}

/// The most rows `--n-samples` may ask for.
const MAX_SAMPLES: usize = 1_000_000;

pub fn splitter(kind: SplitKind, args: &SplitterArgs) -> Result<Splitter> {
    let (k, shuffle) = (args.n_splits, args.shuffle);
    match kind {
        SplitKind::Kfold => Splitter::KFold {
            n_splits: k,
            shuffle,
        },
        SplitKind::Stratified => Splitter::Stratified {
            n_splits: k,
            shuffle,
        },
        SplitKind::RepeatedStratified => Splitter::RepeatedStratified {
            n_splits: k,
            n_repeats: args.n_repeats,
        },
        SplitKind::Loo => Splitter::LeaveOneOut,
        SplitKind::TimeSeries => Splitter::TimeSeries {
            n_splits: k,
            max_train_size: args.max_train_size,
            test_size: args.test_size,
            gap: args.gap,
        },
    }
    .check()
}

pub fn run(args: &SplitArgs, seed: u64) -> Result<Output> {
    let splitter = splitter(args.kind, &args.splitter)?;
    let data = if args.data.given() {
        Some(args.data.load("", seed)?)
    } else {
        None
    };
    let (n, y) = match &data {
        Some(d) => (d.n_rows(), d.class_codes()),
        None => (args.n_samples.unwrap_or(20), None),
    };
    if n > MAX_SAMPLES {
        return Err(mlproof_core::Error::usage(format!(
            "--n-samples {n} is more than the {MAX_SAMPLES} mlproof draws"
        )));
    }
    if splitter.needs_labels() && y.is_none() {
        return Err(mlproof_core::Error::usage(
            "stratified splitting needs class labels: give --dataset NAME or --data FILE --target COLUMN",
        ));
    }
    let splits: Splits = splitter.split(n, y.as_deref(), seed)?;
    for w in &splits.warnings {
        eprintln!("mlproof: warning: {w}");
    }

    let mut doc = Doc::default();
    let source = data
        .as_ref()
        .map_or(format!("{n} rows"), |d| format!("{} ({n} rows)", d.name));
    doc.title(format!("{} over {source}", describe(&splitter)));
    let positive = data
        .as_ref()
        .and_then(|d| d.binary_target().ok())
        .map(|p| p.to_vec());
    doc.figure(Figure::Folds {
        n_rows: n,
        folds: splits.folds.clone(),
        classes: positive,
    });
    if let (SplitKind::TimeSeries, Some(d)) = (args.kind, &data) {
        if d.time.is_none() {
            doc.paragraph(format!(
                "{} has no time column: rows are taken in file order.",
                d.name
            ));
        }
    }
    let params = Params {
        splitter,
        n_samples: n,
        seed,
    };
    let summary = data.as_ref().map(|d| d.summary());
    Ok(Output::new(
        Report::new("split", params, summary, splits),
        doc,
    ))
}

fn describe(s: &Splitter) -> String {
    match s {
        Splitter::KFold { n_splits, shuffle } => format!(
            "{n_splits}-fold{}",
            if *shuffle { " (shuffled)" } else { "" }
        ),
        Splitter::Stratified { n_splits, shuffle } => {
            format!(
                "Stratified {n_splits}-fold{}",
                if *shuffle { " (shuffled)" } else { "" }
            )
        }
        Splitter::RepeatedStratified {
            n_splits,
            n_repeats,
        } => format!("{n_repeats} × stratified {n_splits}-fold"),
        Splitter::LeaveOneOut => "Leave-one-out".into(),
        Splitter::TimeSeries { n_splits, gap, .. } => {
            format!("Time-series split ({n_splits} splits, gap {gap})")
        }
    }
}
