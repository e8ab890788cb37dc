//! `interpret --method shap`: TreeSHAP of the model fitted on all rows.

use std::collections::BTreeMap;

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::Result;
use mlproof_trees::shap::{forest_shap, positive_share};
use ndarray::{Array1, Array2};
use rand::Rng;
use serde::Serialize;

use super::{fit, Explanation, Method, ModelSummary, Params, BOOTSTRAP};

/// One feature's place in the global ranking.
#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    pub feature: String,
    /// mean over rows of |φⱼ|: how far the feature moves P(y = 1), either way.
    pub mean_abs: f64,
    /// mean over rows of φⱼ, signed. Over the features these sum to the mean prediction
    /// minus the base value (0 for a tree on the rows it was fitted on), one by one they need
    /// not be 0.
    pub mean: f64,
}

/// One row's explanation.
#[derive(Debug, Clone, Serialize)]
pub struct RowExplanation {
    /// The row's index in the data (0-based).
    pub row: usize,
    /// The model's P(y = 1) for the row: base_value + Σ values.
    pub prediction: f64,
    /// φⱼ, in the order of `features`.
    pub values: Vec<f64>,
}

/// `results.shap`.
#[derive(Debug, Clone, Serialize)]
pub struct ShapSummary {
    /// φ₀ = E[f(X)]: the prediction before any feature is known (for a tree, the positive
    /// share of the rows it was fitted on; for a forest, the mean of its trees').
    pub base_value: f64,
    /// The model's no-skill prediction: the positive share of all rows.
    pub prediction_baseline: f64,
    /// mean |φⱼ| by feature name.
    pub mean_abs: BTreeMap<String, f64>,
    /// Features by mean |φ|, largest first.
    pub ranking: Vec<Attribution>,
    /// Column order of every row's `values`.
    pub features: Vec<String>,
    pub n_rows: usize,
    /// The first `rows` rows (every row with `all_rows`).
    pub rows: Vec<RowExplanation>,
    /// max over rows of |Σⱼ φⱼ − (f(x) − φ₀)|: local accuracy's rounding error.
    pub local_accuracy_max_error: f64,
}

pub(super) fn run(
    params: &Params,
    x: &Array2<f64>,
    y: &Array1<usize>,
    names: &[String],
    progress: &dyn Observer,
) -> Result<Explanation> {
    let (fitted, explained) = fit(params, x, y)?;
    let trees = fitted.trees();
    progress.start("TreeSHAP, tree by tree", trees.len());
    let (base, phi) = forest_shap(trees, positive_share, x.view(), &|| progress.tick());
    progress.finish();
    let proba = fitted.as_binary().predict_proba(x);
    let n = x.nrows();
    let local_accuracy_max_error = (0..n)
        .map(|i| (phi.row(i).sum() - (proba[i] - base)).abs())
        .fold(0.0, f64::max);
    let abs_mean = |j: usize| phi.column(j).iter().map(|v| v.abs()).sum::<f64>() / n as f64;
    let mut ranking: Vec<Attribution> = names
        .iter()
        .enumerate()
        .map(|(j, f)| Attribution {
            feature: f.clone(),
            mean_abs: abs_mean(j),
            mean: phi.column(j).sum() / n as f64,
        })
        .collect();
    ranking.sort_by(|a, b| b.mean_abs.total_cmp(&a.mean_abs));
    let shown = if params.all_rows {
        n
    } else {
        params.rows.min(n)
    };
    let rows = (0..shown)
        .map(|i| RowExplanation {
            row: i,
            prediction: proba[i],
            values: phi.row(i).to_vec(),
        })
        .collect();
    let positives = y.iter().filter(|&&v| v == 1).count();
    let summary = ShapSummary {
        base_value: base,
        prediction_baseline: positives as f64 / n.max(1) as f64,
        mean_abs: ranking
            .iter()
            .map(|a| (a.feature.clone(), a.mean_abs))
            .collect(),
        ranking,
        features: names.to_vec(),
        n_rows: n,
        rows,
        local_accuracy_max_error,
    };
    let findings = judge(&summary, &phi, names, params.seed);
    let reading = read(&summary, &explained, findings.as_slice());
    Ok(Explanation {
        method: Method::Shap,
        explained,
        shap: Some(summary),
        partial_dependence: None,
        surrogate: None,
        findings: findings.into_vec(),
        reading,
    })
}

/// Local accuracy (exact, ROPE ±1e-12) and whether the top feature moves predictions more than
/// the second (difference of mean |φ|, bootstrap over rows, ROPE ±0.01 in probability).
fn judge(s: &ShapSummary, phi: &Array2<f64>, names: &[String], seed: u64) -> Findings {
    let mut out = Findings::default();
    out.push(Finding::new(
        "local-accuracy",
        "on every row the SHAP values sum to the prediction minus the base value",
        Effect::exact(
            s.local_accuracy_max_error,
            "exact: the largest gap over all rows",
        ),
        Rope::exact(),
        Direction::Equivalent,
    ));
    if let [first, second, ..] = s.ranking.as_slice() {
        let col = |f: &str| names.iter().position(|n| n == f).unwrap_or(0);
        let (a, b) = (col(&first.feature), col(&second.feature));
        let n = phi.nrows();
        let gap = |rows: &mut dyn Iterator<Item = usize>| {
            let (mut d, mut k) = (0.0, 0usize);
            for i in rows {
                d += phi[[i, a]].abs() - phi[[i, b]].abs();
                k += 1;
            }
            d / k.max(1) as f64
        };
        let mut rng = seed::rng(seed, "interpret/shap-bootstrap", 0);
        let reps: Vec<f64> = (0..BOOTSTRAP)
            .map(|_| gap(&mut (0..n).map(|_| rng.gen_range(0..n))))
            .collect();
        out.push(Finding::new(
            "top-feature-leads",
            format!(
                "{} moves the predicted probability more than {} does (mean |SHAP| difference)",
                first.feature, second.feature
            ),
            Effect::bootstrap_percentile(gap(&mut (0..n)), &reps, "resamples of the rows"),
            Rope::score(),
            Direction::Greater,
        ));
    }
    out
}

fn read(s: &ShapSummary, m: &ModelSummary, findings: &[Finding]) -> String {
    let top: Vec<String> = s
        .ranking
        .iter()
        .take(3)
        .map(|a| format!("{} ({})", a.feature, evidence::number(a.mean_abs)))
        .collect();
    let silent = s.ranking.iter().filter(|a| a.mean_abs == 0.0).count();
    format!(
        "The {} starts every row at the base value {} (the positive share of its training rows, \
         no-skill {}) and each feature's SHAP value moves it to the row's prediction. By mean \
         |SHAP| the largest movers are {}; {silent} of {} features never move a prediction. {}",
        m.name,
        evidence::number(s.base_value),
        evidence::number(s.prediction_baseline),
        top.join(", "),
        s.features.len(),
        evidence::reading(findings)
    )
}
