//! `tree importance`: impurity-based and permutation importance side by side.
//!
//! Impurity importance is each feature's share of the total weighted impurity decrease over
//! the tree's splits, on the training rows (scikit-learn's `feature_importances_`); it rewards
//! what the tree used to fit. Permutation importance (Breiman 2001) is the drop of a held-out
//! score when one feature's values are shuffled; it rewards what generalises. On imbalanced
//! data accuracy barely moves when a feature is shuffled (the tree predicts the majority class
//! for most rows either way), so the default score there is ROC-AUC, a ranking metric.

use mlproof_core::data::encode;
use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::holdout::stratified_holdout;
use mlproof_core::metrics::{baseline::no_skill_model, no_skill, Metric};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_trees::{Tree, TreeParams};
use mlproof_validation::importance::{permutation_importance, PermutationImportance};
use ndarray::Axis;
use rand::Rng;
use serde::Serialize;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "pima";

/// Below this share of positives the default metric is ROC-AUC instead of accuracy.
pub const IMBALANCED_BELOW: f64 = 0.2;

/// Bootstrap resamples of the test rows behind the score's interval.
pub const BOOTSTRAP: usize = 1000;

/// The experiment's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    pub max_depth: usize,
    /// Shuffles per feature.
    pub repeats: usize,
    /// The score whose drop is measured; `None`: ROC-AUC when positives are under
    /// [`IMBALANCED_BELOW`] of the rows, accuracy otherwise.
    pub metric: Option<Metric>,
    /// Fraction of rows held out, per class.
    pub test_size: f64,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_depth: 4,
            repeats: 10,
            metric: None,
            test_size: 0.25,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Params {
    fn tree(&self) -> TreeParams {
        TreeParams::default().with_max_depth(Some(self.max_depth))
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        self.tree().check()?;
        if !(1..=1000).contains(&self.repeats) {
            return Err(Error::param(
                "repeats",
                format!("must be between 1 and 1000, got {}", self.repeats),
            ));
        }
        if !(self.test_size > 0.0 && self.test_size < 1.0) {
            return Err(Error::param(
                "test_size",
                format!("must be strictly between 0 and 1, got {}", self.test_size),
            ));
        }
        Ok(())
    }
}

/// One feature's two importances.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub feature: String,
    pub impurity: f64,
    pub permutation: PermutationImportance,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Importances {
    /// The metric permutation importance measures.
    pub metric: Metric,
    /// Why that metric: chosen by the caller, or by the positive share.
    pub metric_choice: String,
    pub test_score: f64,
    /// The metric's no-skill score on the test rows.
    pub test_score_baseline: f64,
    pub baseline_model: &'static str,
    pub train_rows: usize,
    pub test_rows: usize,
    /// Features by impurity importance, then permutation importance.
    pub features: Vec<Row>,
    /// Features (encoded columns) constant on the training rows: no split, no importance.
    pub constant: Vec<String>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type ImportanceReport = Report<Checked<Params>, Importances>;

/// The metric `params` asks for, or the default for labels `y`, with the reason.
pub fn choose_metric(metric: Option<Metric>, y: &[usize]) -> (Metric, String) {
    if let Some(m) = metric {
        return (m, format!("{}, as asked", m.name()));
    }
    let share = y.iter().filter(|&&v| v == 1).count() as f64 / y.len().max(1) as f64;
    let pct = 100.0 * share;
    if share < IMBALANCED_BELOW {
        (
            Metric::RocAuc,
            format!(
                "roc_auc by default: positives are {pct:.1}% of rows (under {:.0}%), where \
                 accuracy stays near the majority share whatever is shuffled",
                100.0 * IMBALANCED_BELOW
            ),
        )
    } else {
        (
            Metric::Accuracy,
            format!("accuracy by default: positives are {pct:.1}% of rows"),
        )
    }
}

pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<ImportanceReport> {
    let y = data.binary_target()?;
    let (metric, metric_choice) = choose_metric(params.metric, &y.to_vec());
    let (x, names) = encode::one_hot(data);
    let (train, test) = stratified_holdout(&y.to_vec(), 2, params.test_size, params.seed)?;
    let (x_train, y_train) = (x.select(Axis(0), &train), y.select(Axis(0), &train));
    let (x_test, y_test) = (x.select(Axis(0), &test), y.select(Axis(0), &test));
    // One fit: the tree gives both the impurity importances and the permuted predictions.
    let tree = Tree::fit_classifier(x_train.view(), &y_train.to_vec(), 2, None, &params.tree())?;
    progress.start("permutation importance", 1);
    let (test_score, perm) =
        permutation_importance(&tree, &x_test, &y_test, metric, params.repeats, params.seed)?;
    progress.tick();
    progress.finish();
    let impurity = tree.impurity_importances();
    let constant: Vec<String> = (0..x_train.ncols())
        .filter(|&j| {
            let col = x_train.column(j);
            col.iter().all(|&v| v == col[0])
        })
        .map(|j| names[j].clone())
        .collect();
    let mut features: Vec<Row> = perm
        .into_iter()
        .map(|p| Row {
            feature: names[p.feature].clone(),
            impurity: impurity[p.feature],
            permutation: p,
        })
        .collect();
    features.sort_by(|a, b| {
        b.impurity
            .total_cmp(&a.impurity)
            .then(b.permutation.mean.total_cmp(&a.permutation.mean))
    });
    let y_test = y_test.to_vec();
    let proba = tree.predict_proba(&x_test).column(1).to_vec();
    let findings = judge(&features, &y_test, &proba, metric, params.seed);
    let mut results = Importances {
        metric,
        metric_choice,
        test_score,
        test_score_baseline: no_skill(metric, &y_test),
        baseline_model: no_skill_model(metric),
        train_rows: train.len(),
        test_rows: test.len(),
        features,
        constant,
        findings: findings.into_vec(),
        reading: String::new(),
    };
    results.reading = read(&results);
    Ok(Report::new(
        "tree importance",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// ±0.01 for a score in [0, 1]; ±1% of the no-skill log loss.
fn rope(metric: Metric, baseline: f64) -> Rope {
    match metric {
        Metric::LogLoss => Rope::relative(baseline),
        _ => Rope::score(),
    }
}

/// The findings: the tree's test score against its no-skill baseline (bootstrap of the test
/// rows), each used feature's permutation importance above zero (Student t over the
/// shuffles; the test rows stay fixed), and the share of impurity importance on features
/// whose permutation importance is not shown above zero (exact, from those findings).
fn judge(rows: &[Row], y: &[usize], proba: &[f64], metric: Metric, seed: u64) -> Findings {
    let mut out = Findings::default();
    let sign = if metric.higher_is_better() { 1.0 } else { -1.0 };
    let lift = |rows: &[usize]| -> f64 {
        let yy: Vec<usize> = rows.iter().map(|&i| y[i]).collect();
        let pp: Vec<f64> = rows.iter().map(|&i| proba[i]).collect();
        let pred: Vec<usize> = pp.iter().map(|&p| usize::from(p >= 0.5)).collect();
        metric
            .compute(&yy, &pred, &pp)
            .map_or(f64::NAN, |s| sign * (s - no_skill(metric, &yy)))
    };
    let all: Vec<usize> = (0..y.len()).collect();
    let mut rng = seed::rng(seed, "tree-importance-bootstrap", 0);
    let reps: Vec<f64> = (0..BOOTSTRAP)
        .map(|_| {
            let rows: Vec<usize> = (0..y.len()).map(|_| rng.gen_range(0..y.len())).collect();
            lift(&rows)
        })
        .filter(|v| v.is_finite())
        .collect();
    let baseline = no_skill(metric, y);
    let name = metric.name();
    out.push(Finding::new(
        "tree-beats-baseline",
        format!("the tree's test {name} is better than the no-skill baseline's"),
        Effect::bootstrap_percentile(lift(&all), &reps, "resamples of the test rows"),
        rope(metric, baseline),
        Direction::Greater,
    ));
    let mut hollow = 0.0;
    for r in rows.iter().filter(|r| r.impurity > 0.0) {
        let f = out.push(Finding::new(
            &format!(
                "permutation-importance-positive-{}",
                crate::common::feature_slug(&r.feature)
            ),
            format!(
                "shuffling {} lowers the test {name} (permutation importance above zero)",
                r.feature
            ),
            Effect::student_t(
                &r.permutation.drops,
                "shuffles of the feature (test rows fixed)",
            ),
            rope(metric, baseline),
            Direction::Greater,
        ));
        if !f.is_some_and(Finding::holds) {
            hollow += r.impurity;
        }
    }
    out.push(Finding::new(
        "impurity-permutation-disagree",
        format!(
            "part of the impurity importance sits on features whose permutation importance ({name}) \
             is not shown above zero"
        ),
        Effect::exact(
            hollow,
            "exact: impurity importance summed over those features' findings",
        ),
        Rope::score(),
        Direction::Greater,
    ));
    out
}

/// The ranking and the score described, then one sentence per finding. Only importances
/// above zero are ranked: a tree without a split gives no feature any importance.
fn read(r: &Importances) -> String {
    let top_impurity = r
        .features
        .first()
        .filter(|f| f.impurity > 0.0)
        .map(|f| f.feature.as_str());
    let top_perm = r
        .features
        .iter()
        .filter(|f| f.permutation.mean > 0.0)
        .max_by(|a, b| a.permutation.mean.total_cmp(&b.permutation.mean))
        .map(|f| f.feature.as_str());
    let ranks = match (top_impurity, top_perm) {
        (None, _) => "The tree made no split (no feature divides the training rows), so no \
                      feature has any importance and there is nothing to rank."
            .to_string(),
        (Some(i), Some(p)) if i == p => format!("Both measures rank {i} first."),
        (Some(i), Some(p)) => {
            format!("Impurity ranks {i} first, permutation on held-out rows ranks {p} first.")
        }
        (Some(i), None) => format!(
            "Impurity ranks {i} first; no feature's permutation importance is above zero on \
             the held-out rows."
        ),
    };
    let constant = if r.constant.is_empty() {
        String::new()
    } else {
        format!(
            " Constant on the training rows, so never split on and without importance: {}.",
            r.constant.join(", ")
        )
    };
    format!(
        "{ranks}{constant} Permutation importance measures {}. The tree's test {} is {} \
         (no-skill {}). {}",
        r.metric_choice,
        r.metric.name(),
        evidence::number(r.test_score),
        evidence::number(r.test_score_baseline),
        evidence::reading(&r.findings)
    )
}

#[cfg(test)]
mod tests;
