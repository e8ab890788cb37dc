//! `mlproof metrics`: the accuracy paradox, every metric of a baseline and a model.

use mlproof_core::demo::accuracy_paradox::{self, AccuracyParadox, ModelMetrics, Params};
use mlproof_core::report::Report;
use mlproof_core::Result;

use crate::cli::MetricsArgs;
use crate::render::{num, Doc, Output, Table};

/// The dataset `mlproof metrics` uses when none is given.
const DEFAULT_DATASET: &str = "yeast4";

pub fn run(args: &MetricsArgs, seed: u64) -> Result<Output> {
    let params = Params::new(args.test_size, args.threshold, args.alpha, seed)?;
    let data = args.data.load(DEFAULT_DATASET, seed)?;
    let result = accuracy_paradox::run(&data, &params)?;
    let doc = doc(&data.name, &result);
    Ok(Output::new(
        Report::new("metrics", params, Some(data.summary()), result),
        doc,
    ))
}

/// A metric's name, how to read it off a model's results, and its definition.
type MetricRow = (&'static str, fn(&ModelMetrics) -> f64, &'static str);

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
    headers.push("definition");
    let mut t = Table::new(&headers, &(1..=r.models.len()).collect::<Vec<_>>());
    for (name, get, definition) in rows {
        let mut cells = vec![name.to_string()];
        cells.extend(r.models.iter().map(|m| num(get(m))));
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
    doc.paragraph(r.reading.clone());
    doc
}
