//! Feature selection four ways (L1 path entry, forest impurity, permutation importance,
//! RFE), then logistic regression on each method's top k, judged against all features over
//! the same folds.

use mlproof_core::evidence::{self, Direction, Finding, Findings, Rope};
use mlproof_core::params::Checked;
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_data::Dataset;
use mlproof_linear::features::selection::{selection, Selection};
use mlproof_linear::one_hot;
use serde::Serialize;

use super::{design, folds, with_keep, Params, BASELINE_AUC};
use crate::common::fold_difference;

#[derive(Debug, Clone, Serialize)]
pub struct SelectionResults {
    pub features: Vec<String>,
    #[serde(flatten)]
    pub selection: Selection,
    /// ROC-AUC's no-skill baseline beside every CV score.
    pub auc_baseline: f64,
    pub findings: Vec<Finding>,
    pub reading: String,
}

/// A method's name as a finding id's part.
fn slug(method: &str) -> &'static str {
    match method {
        "L1 path entry" => "l1-path",
        "forest impurity" => "forest-impurity",
        "permutation" => "permutation",
        _ => "rfe",
    }
}

pub fn run_selection(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<Report<Checked<Params>, SelectionResults>> {
    let y = data.binary_target()?;
    let (x, names) = one_hot(data);
    let keep = params.keep.unwrap_or((names.len() / 2).max(1));
    let applied = with_keep(params, keep)?;
    let r = selection(&x, &y, keep, params.n_splits, params.seed, progress)?;
    let (folds, warnings) = folds(&y, params)?;
    let mut fs = Findings::default();
    for q in &r.rankings {
        fs.push(Finding::new(
            &format!("top-k-{}-matches-all", slug(q.method)),
            format!(
                "logistic regression on the top {keep} by {} scores within ±0.01 CV ROC-AUC \
                 of all {} features",
                q.method,
                names.len()
            ),
            fold_difference(
                &q.subset_fold_auc,
                &r.all_features_fold_auc,
                &folds,
                &design(params),
            ),
            Rope::score(),
            Direction::Equivalent,
        ));
    }
    let findings = fs.into_vec();
    let scores: Vec<String> = r
        .rankings
        .iter()
        .map(|q| format!("{} {}", q.method, evidence::number(q.subset_auc.mean)))
        .collect();
    let reading = format!(
        "CV ROC-AUC with all {} features: {}; with each top {keep}: {} (no skill: {}). The \
         rankings used all rows, so every subset's score is optimistic alike. {}",
        names.len(),
        evidence::number(r.all_features_auc.mean),
        scores.join(", "),
        BASELINE_AUC,
        evidence::reading(&findings)
    );
    let results = SelectionResults {
        features: names,
        selection: r,
        auc_baseline: BASELINE_AUC,
        findings,
        reading,
    };
    Ok(Report::new("features", applied, Some(data.summary()), results).with_warnings(warnings))
}
