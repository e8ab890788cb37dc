//! One-hot vs ordinal vs target encoding of categorical columns (fitted inside the folds),
//! for logistic regression and a tree; one-hot is the reference each alternative is judged
//! against over the same folds.

use mlproof_core::data::DatasetSummary;
use mlproof_core::evidence::{self, Direction, Finding, Findings, Rope};
use mlproof_core::params::Checked;
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_linear::features::encoding::{encoding, EncodingRow};
use mlproof_linear::features::steps::Encoding;
use serde::Serialize;

use super::{design, folds, Params, BASELINE_AUC};
use crate::common::fold_difference;

/// The datasets run when none is named: both bundled sets with categorical columns.
pub const DATASETS: [&str; 2] = ["german", "car-good"];

#[derive(Debug, Clone, Serialize)]
pub struct EncodingSet {
    pub dataset: DatasetSummary,
    pub rows: Vec<EncodingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EncodingResults {
    pub sets: Vec<EncodingSet>,
    /// ROC-AUC's no-skill baseline beside every CV score.
    pub auc_baseline: f64,
    /// Every set's findings; ids end in the dataset's name.
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// The claims: (id, alternative, model prefix, direction, statement).
const CLAIMS: [(&str, Encoding, &str, Direction, &str); 4] = [
    (
        "ordinal-hurts-logistic",
        Encoding::Ordinal,
        "logistic",
        Direction::Less,
        "ordinal codes lower logistic regression's CV ROC-AUC below one-hot's",
    ),
    (
        "target-matches-onehot-logistic",
        Encoding::Target,
        "logistic",
        Direction::Equivalent,
        "target encoding scores logistic regression within ±0.01 of one-hot",
    ),
    (
        "ordinal-matches-onehot-tree",
        Encoding::Ordinal,
        "tree",
        Direction::Equivalent,
        "ordinal codes score the tree within ±0.01 of one-hot",
    ),
    (
        "target-matches-onehot-tree",
        Encoding::Target,
        "tree",
        Direction::Equivalent,
        "target encoding scores the tree within ±0.01 of one-hot",
    ),
];

/// Runs the comparison on each of `sets` (the first is the report's dataset).
pub fn run_encoding(
    sets: &[Dataset],
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<Report<Checked<Params>, EncodingResults>> {
    let first = sets
        .first()
        .ok_or_else(|| Error::internal("the encoding demo needs a dataset"))?;
    progress.start("encoding: datasets", sets.len());
    let mut out = Vec::new();
    let mut fs = Findings::default();
    let mut warnings = Vec::new();
    let mut described = Vec::new();
    for data in sets {
        let rows = encoding(data, params.n_splits, params.seed)?;
        let (folds, w) = folds(&data.binary_target()?, params)?;
        warnings.extend(w.into_iter().map(|w| format!("{}: {w}", data.name)));
        let find = |enc: Encoding, model: &str| {
            rows.iter()
                .find(|q| q.encoding == enc && q.model.starts_with(model))
        };
        for (id, alt, model, direction, statement) in CLAIMS {
            if let (Some(a), Some(r)) = (find(alt, model), find(Encoding::OneHot, model)) {
                fs.push(Finding::new(
                    &format!("{id}-{}", data.name),
                    format!("on {}, {statement}", data.name),
                    fold_difference(&a.fold_auc, &r.fold_auc, &folds, &design(params)),
                    Rope::score(),
                    direction,
                ));
            }
        }
        let scores: Vec<String> = rows
            .iter()
            .map(|q| {
                format!(
                    "{} {} {}",
                    q.encoding.name(),
                    q.model,
                    evidence::number(q.auc.mean)
                )
            })
            .collect();
        described.push(format!("{}: {}", data.name, scores.join(", ")));
        out.push(EncodingSet {
            dataset: data.summary(),
            rows,
        });
        progress.tick();
    }
    progress.finish();
    let findings = fs.into_vec();
    let reading = format!(
        "CV ROC-AUC (no skill: {BASELINE_AUC}) — {}. {}",
        described.join("; "),
        evidence::reading(&findings)
    );
    let results = EncodingResults {
        sets: out,
        auc_baseline: BASELINE_AUC,
        findings,
        reading,
    };
    Ok(
        Report::new("features", params.clone(), Some(first.summary()), results)
            .with_warnings(warnings),
    )
}
