//! Why scale: the same L1 penalty on raw and standardised columns, k-NN with and without
//! scaling, and a tree, which no monotone rescaling can change.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::params::Checked;
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_data::Dataset;
use mlproof_linear::features::scaling::{scaling, KnnRow, Scaling};
use mlproof_linear::one_hot;
use serde::Serialize;

use super::{design, folds, Params, BASELINE_AUC};
use crate::common::fold_difference;

#[derive(Debug, Clone, Serialize)]
pub struct ScalingResults {
    pub features: Vec<String>,
    #[serde(flatten)]
    pub scaling: Scaling,
    /// ROC-AUC's no-skill baseline beside every CV score.
    pub auc_baseline: f64,
    pub findings: Vec<Finding>,
    pub reading: String,
}

pub fn run_scaling(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<Report<Checked<Params>, ScalingResults>> {
    let y = data.binary_target()?;
    let (x, names) = one_hot(data);
    progress.start("scaling: fits and CV", 1);
    let r = scaling(&x, &y, params.n_splits, params.seed)?;
    progress.tick();
    progress.finish();
    let (folds, warnings) = folds(&y, params)?;
    let d = design(params);
    let mut fs = Findings::default();
    if let [raw, std, minmax] = &r.knn[..] {
        for (id, scaled, how) in [
            ("scaling-changes-knn", std, "standardising"),
            ("min-max-changes-knn", minmax, "min-max scaling"),
        ] {
            fs.push(Finding::new(
                id,
                format!("{how} the columns raises k-NN's CV ROC-AUC over raw columns"),
                fold_difference(&scaled.fold_auc, &raw.fold_auc, &folds, &d),
                Rope::score(),
                Direction::Greater,
            ));
        }
    }
    fs.push(tree_unchanged(&r.tree, params.n_splits));
    let moved = r
        .penalty
        .iter()
        .filter(|q| (q.standardized != 0.0) != (q.raw_per_sd != 0.0))
        .count();
    fs.push(Finding::new(
        "scaling-changes-l1",
        "the same L1 penalty keeps a different set of features on raw columns than on \
         standardised ones",
        Effect::exact(
            moved as f64,
            format!("count of {} features zeroed in one fit only", names.len()),
        ),
        Rope::count(),
        Direction::Greater,
    ));
    let findings = fs.into_vec();
    let mut by_sd: Vec<_> = r.penalty.iter().collect();
    by_sd.sort_by(|a, b| a.sd.total_cmp(&b.sd));
    let small: Vec<String> = by_sd
        .iter()
        .take(2)
        .map(|q| format!("{} (sd {})", names[q.feature], evidence::number(q.sd)))
        .collect();
    let auc = |rows: &[KnnRow]| -> Vec<String> {
        rows.iter()
            .map(|q| format!("{} {}", q.scaling, evidence::number(q.auc.mean)))
            .collect()
    };
    let reading = format!(
        "Smallest scales: {}. {}-NN CV ROC-AUC: {}; the tree's: {} (no skill: {}). {}",
        small.join(", "),
        r.k,
        auc(&r.knn).join(", "),
        auc(&r.tree).join(", "),
        BASELINE_AUC,
        evidence::reading(&findings)
    );
    let results = ScalingResults {
        features: names,
        scaling: r,
        auc_baseline: BASELINE_AUC,
        findings,
        reading,
    };
    Ok(
        Report::new("features", params.clone(), Some(data.summary()), results)
            .with_warnings(warnings),
    )
}

/// The tree's fold scores under each scaling against raw columns: computed, not sampled, so
/// the largest absolute difference is exact, and the claim is equality to the last bit.
fn tree_unchanged(tree: &[KnnRow], n_splits: usize) -> Option<Finding> {
    let raw = tree.first()?;
    let largest = tree[1..]
        .iter()
        .flat_map(|q| {
            q.fold_auc
                .iter()
                .zip(&raw.fold_auc)
                .map(|(a, b)| (a - b).abs())
        })
        .fold(0.0f64, f64::max);
    Finding::new(
        "scaling-leaves-trees",
        "standardising or min-max scaling leaves the tree's fold scores unchanged",
        Effect::exact(
            largest,
            format!(
                "largest |difference| of fold ROC-AUC over the same {n_splits} folds, scaled vs \
                 raw; no sampling"
            ),
        ),
        Rope::exact(),
        Direction::Equivalent,
    )
}
