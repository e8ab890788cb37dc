//! `mlproof curves --kind early-stopping`: the document of gradient boosting's staged losses.

use mlproof_experiments::curves::early_stopping::{boosting_params, Staged};
use mlproof_experiments::curves::Params;

use crate::render::plot::train_vs_held_out;
use crate::render::{num, Doc, Table};

pub fn doc(dataset: &str, params: &Params, s: &Staged) -> Doc {
    let boosting = boosting_params(params);
    let mut doc = Doc::default();
    doc.title(format!(
        "Early stopping: gradient boosting (depth {}, ν = {}) on {dataset}, {} training / {} validation rows",
        boosting.max_depth, boosting.learning_rate, s.train_rows, s.validation_rows
    ));
    // Up to 20 evenly spaced stages, so the plot fits 100 columns.
    let n = s.train_loss.len();
    let shown: Vec<usize> = (0..20.min(n))
        .map(|k| (k * (n - 1)) / (20.min(n) - 1).max(1))
        .collect();
    let labels: Vec<String> = shown.iter().map(|&i| (i + 1).to_string()).collect();
    let tr: Vec<f64> = shown.iter().map(|&i| s.train_loss[i]).collect();
    let va: Vec<f64> = shown.iter().map(|&i| s.validation_loss[i]).collect();
    doc.figure(train_vs_held_out(
        &labels,
        ("train log loss", &tr),
        ("validation log loss", &va),
        12,
        "stage",
    ));
    let mut t = Table::new(
        &[
            "stage",
            "train log loss",
            "validation log loss",
            "no skill",
            "note",
        ],
        &[0, 1, 2, 3],
    );
    let mut marks: Vec<(usize, &str)> = vec![
        (0, "first"),
        (s.best_stage - 1, "lowest validation loss"),
        (n - 1, "last"),
    ];
    if let Some(k) = s.patience_stop {
        marks.push((k - 1, "patience rule stops"));
    }
    marks.sort();
    // One row per stage, its notes joined (the best stage may also be the first or last).
    let mut merged: Vec<(usize, String)> = Vec::new();
    for (i, note) in marks {
        match merged.last_mut() {
            Some((last, notes)) if *last == i => {
                notes.push_str(", ");
                notes.push_str(note);
            }
            _ => merged.push((i, note.to_string())),
        }
    }
    for (i, note) in merged {
        t.row(vec![
            (i + 1).to_string(),
            num(s.train_loss[i]),
            num(s.validation_loss[i]),
            num(s.baseline),
            note,
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "no skill: {} ({}), the log loss of predicting the validation rows' positive share for every row.",
        s.baseline_model,
        num(s.baseline)
    ));
    crate::render::findings(&mut doc, &s.findings);
    doc.paragraph(s.reading.clone());
    doc
}
