//! `mlproof cv`: cross-validation with per-fold scores and their summary.

use mlproof_core::data::encode;
use mlproof_core::metrics::Metric;
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_validation::cv::{cross_validate, CvOptions, CvResult};
use mlproof_validation::Splitter;
use serde::Serialize;

use super::{model, split};
use crate::cli::{CvArgs, SplitKind};
use crate::render::{num, Doc, Output, Table};

const METRICS: [Metric; 7] = [
    Metric::Accuracy,
    Metric::BalancedAccuracy,
    Metric::Precision,
    Metric::Recall,
    Metric::F1,
    Metric::RocAuc,
    Metric::AveragePrecision,
];

#[derive(Serialize)]
struct Params {
    model: String,
    splitter: Splitter,
    threshold: f64,
    seed: u64,
}

pub fn run(args: &CvArgs, seed: u64) -> Result<Output> {
    if !(0.0..=1.0).contains(&args.threshold) {
        return Err(Error::usage(format!(
            "--threshold {} is out of range; use a probability in [0, 1]",
            args.threshold
        )));
    }
    let splitter = split::splitter(args.split.unwrap_or(SplitKind::Stratified), &args.splitter)?;
    let kind = args.model.model.unwrap_or(crate::cli::ModelKind::Logistic);
    let pipeline = model::pipeline(model::learner(kind, &args.model)?, &args.model);
    let data = args.data.load("pima", seed)?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(&data);
    let splits = splitter.split(data.n_rows(), Some(&y.to_vec()), seed)?;
    for w in &splits.warnings {
        eprintln!("mlproof: warning: {w}");
    }
    let opts = CvOptions {
        metrics: METRICS.to_vec(),
        threshold: args.threshold,
        train_scores: false,
        seed,
    };
    let result = cross_validate(&x, &y, &pipeline, &splits.folds, &opts)?;

    let title = format!(
        "{} on {}, {} folds",
        pipeline.describe(),
        data.name,
        splits.folds.len()
    );
    let doc = doc(&title, &result);
    let params = Params {
        model: pipeline.describe(),
        splitter,
        threshold: args.threshold,
        seed,
    };
    Ok(Output::new(
        Report::new("cv", params, Some(data.summary()), result),
        doc,
    ))
}

fn short(m: Metric) -> &'static str {
    match m {
        Metric::Accuracy => "acc",
        Metric::BalancedAccuracy => "bal.acc",
        Metric::Precision => "prec",
        Metric::Recall => "recall",
        Metric::F1 => "F1",
        Metric::RocAuc => "ROC-AUC",
        Metric::AveragePrecision => "AP",
        other => other.name(),
    }
}

fn doc(title: &str, r: &CvResult) -> Doc {
    let mut doc = Doc::default();
    doc.title(title);
    let mut headers = vec!["fold", "train", "test"];
    headers.extend(METRICS.iter().map(|&m| short(m)));
    let mut t = Table::new(&headers, &(0..headers.len()).collect::<Vec<_>>());
    // Many folds (leave-one-out) are summarised, not listed.
    for f in r.folds.iter().take(20) {
        let mut row = vec![
            f.fold.to_string(),
            f.train_rows.to_string(),
            f.test_rows.to_string(),
        ];
        row.extend(METRICS.iter().map(|m| num(f.test[m.name()])));
        t.row(row);
    }
    doc.table(t);
    if r.folds.len() > 20 {
        doc.paragraph(format!(
            "({} more folds not listed; all are in --format json.)",
            r.folds.len() - 20
        ));
    }
    let mut t = Table::new(
        &["metric", "mean", "std", "95% interval", "folds"],
        &[1, 2, 3, 4],
    );
    for m in METRICS {
        let s = r.test[m.name()];
        t.row(vec![
            m.name().into(),
            num(s.mean),
            num(s.std),
            format!("{} – {}", num(s.ci95_low), num(s.ci95_high)),
            s.n.to_string(),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "std is the sample standard deviation across folds; the interval is mean ± t·std/√k. \
         Folds share training rows, so their scores are correlated and the interval is narrower \
         than the true uncertainty (Bengio & Grandvalet 2004). Undefined scores (n/a: e.g. ROC-AUC \
         on a fold with one class) are left out of the summary.",
    );
    doc
}
