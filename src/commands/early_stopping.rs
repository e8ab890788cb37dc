//! `mlproof curves --kind early-stopping`: gradient boosting's training and validation loss
//! per stage, the best stage, and where scikit-learn's patience rule stops.

use mlproof_core::data::{encode, Dataset};
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_trees::boosting::{fit_staged, patience_stop, BoostingParams, StagedLoss};
use serde::Serialize;

use crate::cli::CurvesArgs;
use crate::render::plot::train_vs_held_out;
use crate::render::{num, Doc, Output, Table};

#[derive(Serialize)]
struct EarlyParams {
    kind: &'static str,
    model: String,
    boosting: BoostingParams,
    validation_fraction: f64,
    patience: usize,
    tol: f64,
    seed: u64,
}

#[derive(Serialize)]
struct EarlyResults {
    train_loss: Vec<f64>,
    validation_loss: Vec<f64>,
    /// Stage (1-based) with the lowest validation loss.
    best_stage: usize,
    /// Stages scikit-learn's patience rule keeps, if it stops.
    patience_stop: Option<usize>,
    reading: String,
}

/// Validation share, as scikit-learn's `validation_fraction` default.
const VALIDATION_FRACTION: f64 = 0.1;
const TOL: f64 = 1e-4;

pub fn run(args: &CurvesArgs, data: &Dataset, seed: u64) -> Result<Output> {
    let params = BoostingParams {
        n_stages: args.n_estimators,
        learning_rate: args.learning_rate,
        max_depth: args.model.max_depth.unwrap_or(3),
    }
    .check()?;
    if args.patience == 0 {
        return Err(Error::usage("--patience must be at least 1"));
    }
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let (train, val) =
        mlproof_core::holdout::stratified_holdout(&y.to_vec(), 2, VALIDATION_FRACTION, seed)?;
    let pick = |rows: &[usize]| {
        (
            x.select(ndarray::Axis(0), rows),
            rows.iter().map(|&i| y[i]).collect::<Vec<usize>>(),
        )
    };
    let ((x_tr, y_tr), (x_val, y_val)) = (pick(&train), pick(&val));
    let (_, staged) = fit_staged(&x_tr, &y_tr, &x_val, &y_val, &params)?;
    let best = (0..staged.validation.len())
        .min_by(|&a, &b| staged.validation[a].total_cmp(&staged.validation[b]))
        .unwrap_or(0);
    let stop = patience_stop(&staged.validation, args.patience, TOL);
    let reading = read_early(&staged, best, stop, args.patience);

    let mut doc = Doc::default();
    doc.title(format!(
        "Early stopping: gradient boosting (depth {}, ν = {}) on {}, {} training / {} validation rows",
        params.max_depth,
        params.learning_rate,
        data.name,
        train.len(),
        val.len()
    ));
    // Up to 20 evenly spaced stages, so the plot fits 100 columns.
    let n = staged.train.len();
    let shown: Vec<usize> = (0..20.min(n))
        .map(|k| (k * (n - 1)) / (20.min(n) - 1).max(1))
        .collect();
    let labels: Vec<String> = shown.iter().map(|&s| (s + 1).to_string()).collect();
    let tr: Vec<f64> = shown.iter().map(|&s| staged.train[s]).collect();
    let va: Vec<f64> = shown.iter().map(|&s| staged.validation[s]).collect();
    doc.figure(train_vs_held_out(
        &labels,
        ("train log loss", &tr),
        ("validation log loss", &va),
        12,
        "stage",
    ));
    let mut t = Table::new(
        &["stage", "train log loss", "validation log loss", "note"],
        &[0, 1, 2],
    );
    let mut marks: Vec<(usize, &str)> = vec![
        (0, "first"),
        (best, "lowest validation loss"),
        (n - 1, "last"),
    ];
    if let Some(s) = stop {
        marks.push((s - 1, "patience rule stops"));
    }
    marks.sort();
    // One row per stage, its notes joined (the best stage may also be the first or last).
    let mut merged: Vec<(usize, String)> = Vec::new();
    for (s, note) in marks {
        match merged.last_mut() {
            Some((last, notes)) if *last == s => {
                notes.push_str(", ");
                notes.push_str(note);
            }
            _ => merged.push((s, note.to_string())),
        }
    }
    for (s, note) in merged {
        t.row(vec![
            (s + 1).to_string(),
            num(staged.train[s]),
            num(staged.validation[s]),
            note,
        ]);
    }
    doc.table(t);
    doc.paragraph(&reading);
    let p = EarlyParams {
        kind: "early-stopping",
        model: "gradient boosting".into(),
        boosting: params,
        validation_fraction: VALIDATION_FRACTION,
        patience: args.patience,
        tol: TOL,
        seed,
    };
    let results = EarlyResults {
        train_loss: staged.train.clone(),
        validation_loss: staged.validation.clone(),
        best_stage: best + 1,
        patience_stop: stop,
        reading,
    };
    Ok(Output::new(
        Report::new("curves", p, Some(data.summary()), results),
        doc,
    ))
}

fn read_early(s: &StagedLoss, best: usize, stop: Option<usize>, patience: usize) -> String {
    let last = s.validation.len() - 1;
    let mut text = format!(
        "Validation log loss is lowest at stage {} ({}); by stage {} it is {} while training loss has \
         fallen to {}.",
        best + 1,
        num(s.validation[best]),
        last + 1,
        num(s.validation[last]),
        num(s.train[last])
    );
    match stop {
        Some(k) => text.push_str(&format!(
            " The patience rule ({patience} stages without improvement, tol {TOL}) stops at stage {k}, with \
             validation loss {} — {} the best.",
            num(s.validation[k - 1]),
            if k - 1 == best { "exactly".to_string() } else { format!("{} above", num(s.validation[k - 1] - s.validation[best])) }
        )),
        None => text.push_str(" The patience rule never triggers within these stages: training longer may still help."),
    }
    text
}
