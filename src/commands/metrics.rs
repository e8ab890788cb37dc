//! `mlproof metrics`: the accuracy paradox, every metric of a baseline and a model.

use mlproof_core::data::Dataset;
use mlproof_core::Result;
use mlproof_experiments::metrics::{self, AccuracyParadox, ModelMetrics, Params};
use mlproof_experiments::{Check, Checked};

use crate::cli::MetricsArgs;
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &MetricsArgs, seed: u64) -> Result<Output> {
    let params = Params {
        test_size: args.test_size,
        threshold: args.threshold,
        alpha: args.alpha,
        seed,
    }
    .check()?;
    let data = args.data.load(metrics::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(data: &Dataset, params: &Checked<Params>) -> Result<Output> {
    let report = metrics::run(data, params, &crate::progress::BAR)?;
    let doc = doc(&data.name, &report.results);
    Ok(Output::new(report, doc))
}

/// A metric's name, how to read it off a model's results, and its definition.
type MetricRow = (&'static str, fn(&ModelMetrics) -> f64, &'static str);

/// The JSON name of a table row's metric, where it has a baseline.
fn baseline_key(row: &str) -> Option<&'static str> {
    Some(match row {
        "accuracy" => "accuracy",
        "balanced accuracy" => "balanced_accuracy",
        "precision" => "precision",
        "recall" => "recall",
        "F1" => "f1",
        "MCC" => "mcc",
        "ROC-AUC" => "roc_auc",
        "average precision" => "average_precision",
        "log loss" => "log_loss",
        "Brier" => "brier",
        _ => return None,
    })
}

/// The metrics table: one row per metric, one column per model, and the definition.
fn doc(dataset: &str, r: &AccuracyParadox) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Accuracy paradox on {dataset}: {} test rows, {} positive ('{}'), threshold {}",
        r.test_rows, r.test_positives, r.positive_class, r.threshold
    ));
    let rows: [MetricRow; 12] = [
        ("accuracy", |m| m.accuracy, "(tp + tn) / n"),
        (
            "balanced accuracy",
            |m| m.balanced_accuracy,
            "(recall + specificity) / 2",
        ),
        ("precision", |m| m.precision, "tp / (tp + fp)"),
        ("recall", |m| m.recall, "tp / (tp + fn)"),
        ("specificity", |m| m.specificity, "tn / (tn + fp)"),
        ("F1", |m| m.f1, "2·tp / (2·tp + fp + fn)"),
        ("F2", |m| m.f2, "5·tp / (5·tp + 4·fn + fp)"),
        ("MCC", |m| m.mcc, "correlation of truth and prediction"),
        (
            "ROC-AUC",
            |m| m.roc_auc,
            "P(score of a positive > a negative)",
        ),
        (
            "average precision",
            |m| m.average_precision,
            "Σ (Rₙ − Rₙ₋₁)·Pₙ",
        ),
        ("log loss", |m| m.log_loss, "−mean ln p(true class)"),
        ("Brier", |m| m.brier, "mean (p − y)²"),
    ];
    let mut headers = vec!["metric"];
    headers.extend(r.models.iter().map(|m| m.model.as_str()));
    headers.extend(["no skill", "definition"]);
    let mut t = Table::new(&headers, &(1..=r.models.len() + 1).collect::<Vec<_>>());
    for (name, get, definition) in rows {
        let mut cells = vec![name.to_string()];
        cells.extend(r.models.iter().map(|m| num(get(m))));
        let baseline = baseline_key(name).and_then(|k| r.baselines.get(k));
        cells.push(baseline.map_or_else(|| "–".into(), |&b| num(b)));
        cells.push(definition.to_string());
        t.row(cells);
    }
    doc.table(t);
    let mut t = Table::new(&["confusion", "tn", "fp", "fn", "tp"], &[1, 2, 3, 4]);
    for m in &r.models {
        let c = m.confusion;
        t.row(vec![
            m.model.clone(),
            c.tn.to_string(),
            c.fp.to_string(),
            c.fn_.to_string(),
            c.tp.to_string(),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "no skill: what a model that ignores the features scores (accuracy: the majority share; \
         precision, recall, AP: the prevalence; F1: always positive; log loss, Brier: the prior).",
    );
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
