//! `mlproof imbalance`: every way of handling an imbalanced target on the same folds, or
//! (`--paradox`) the accuracy paradox across every bundled imbalanced set.

use mlproof_core::stats::Summary;
use mlproof_core::Result;
use mlproof_experiments::imbalance::paradox::{self, Paradox};
use mlproof_experiments::imbalance::{self, model, Comparison, Learner, Params};
use mlproof_experiments::Check;

use crate::cli::{ImbalanceArgs, ImbalanceModel};
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &ImbalanceArgs, seed: u64) -> Result<Output> {
    if args.paradox {
        return run_paradox(args, seed);
    }
    let model = match args.model {
        ImbalanceModel::Logistic => Learner::Logistic,
        ImbalanceModel::Tree => Learner::Tree,
        ImbalanceModel::Forest => Learner::Forest,
    };
    let max_depth = match model {
        Learner::Tree => Some(args.max_depth.unwrap_or(model::TREE_DEPTH)),
        _ => args.max_depth,
    };
    let params = Params {
        model,
        max_depth,
        n_splits: args.n_splits,
        k_neighbors: args.k_neighbors,
        threshold_rule: args.threshold_rule,
        seed,
    }
    .check()?;
    let data = args.data.load(imbalance::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = imbalance::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    let doc = doc(data, &report.results);
    Ok(Output::new(report, doc))
}

fn cell(s: Option<&Summary>) -> String {
    match s {
        Some(s) if s.mean.is_finite() => {
            format!("{:.2}±{:.2}", s.mean, (s.ci95_high - s.ci95_low) / 2.0)
        }
        _ => "n/a".into(),
    }
}

fn doc(data: &mlproof_data::Dataset, r: &Comparison) -> Doc {
    let mut doc = Doc::default();
    let s = data.summary();
    doc.title(format!(
        "Imbalance on {}: {} rows, {} positive (1 : {:.1}), {}, stratified {}-fold",
        data.name,
        s.rows,
        s.positives.unwrap_or(0),
        s.imbalance_ratio.unwrap_or(f64::NAN),
        r.model,
        r.n_splits
    ));
    let headers = [
        "method",
        "precision",
        "recall",
        "F1",
        "bal. acc.",
        "ROC-AUC",
        "avg prec.",
    ];
    let keys = [
        "precision",
        "recall",
        "f1",
        "balanced_accuracy",
        "roc_auc",
        "average_precision",
    ];
    let mut t = Table::new(&headers, &[1, 2, 3, 4, 5, 6]);
    let mut notes = Vec::new();
    for (i, m) in r.methods.iter().enumerate() {
        let mark = if m.note.is_some() || m.skipped.is_some() {
            notes.push(format!(
                "[{}] {}",
                i + 1,
                m.skipped.as_deref().map_or_else(
                    || m.note.clone().unwrap_or_default(),
                    |e| format!("not run: {e}")
                )
            ));
            format!(" [{}]", i + 1)
        } else {
            String::new()
        };
        let mut cells = vec![format!("{}{mark}", m.method)];
        cells.extend(
            keys.iter()
                .map(|k| cell(m.scores.as_ref().and_then(|s| s.get(k)))),
        );
        t.row(cells);
    }
    let mut cells = vec!["no skill".to_string()];
    cells.extend(
        keys.iter()
            .map(|k| r.baselines.get(k).map_or_else(|| "–".into(), |&b| num(b))),
    );
    t.row(cells);
    doc.table(t);
    doc.paragraph(format!(
        "Mean over folds ± half the 95% t interval (JSON has every digit). no skill: what a \
         model that ignores the features scores (precision, recall, average precision: the \
         prevalence; F1: always positive; balanced accuracy, ROC-AUC: 0.5). {}",
        notes.join(" ")
    ));
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

fn run_paradox(args: &ImbalanceArgs, seed: u64) -> Result<Output> {
    if args.data.given() {
        return Err(mlproof_core::Error::usage(
            "--paradox runs on every bundled imbalanced set; drop --dataset / --data",
        ));
    }
    let params = paradox::Params {
        n_splits: args.n_splits,
        seed,
    }
    .check()?;
    let sets = paradox::load_datasets(seed)?;
    let report = paradox::run(&sets, &params, &crate::progress::BAR)?;
    let doc = paradox_doc(&report.results);
    Ok(Output::new(report, doc))
}

fn paradox_doc(r: &Paradox) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "The accuracy paradox on every bundled imbalanced set (stratified {}-fold means)",
        r.n_splits
    ));
    let headers = [
        "dataset", "rows", "pos.", "ratio", "maj. acc", "maj. rec", "maj. F1", "log. acc",
        "log. rec", "log. F1", "pos. F1",
    ];
    let mut t = Table::new(&headers, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for l in &r.sets {
        let s = &l.scores;
        t.row(vec![
            l.dataset.clone(),
            l.rows.to_string(),
            l.positives.to_string(),
            format!("{:.1}", l.imbalance_ratio),
            num(s.majority_accuracy),
            num(s.majority_recall),
            num(s.majority_f1),
            num(s.model_accuracy),
            num(s.model_recall),
            num(s.model_f1),
            num(l.baseline_f1),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "maj.: always the majority class (its accuracy is the no-skill accuracy); log.: logistic \
         regression, threshold 0.5; pos. F1: always predicting positive (the no-skill F1).",
    );
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
