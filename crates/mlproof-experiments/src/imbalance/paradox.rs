//! `imbalance --paradox`: the accuracy paradox on every bundled imbalanced set. A
//! majority-class predictor and logistic regression (threshold 0.5) on the same stratified
//! folds of each set; per set, whether accuracy, recall and F1 separate the two (paired
//! per-fold differences, corrected resampled t), and whether the model's F1 is above the
//! no-skill F1 of always predicting positive.

use mlproof_core::evidence::{self, Direction, Finding, Findings, Rope, Verdict};
use mlproof_core::metrics::{no_skill, Metric};
use mlproof_core::model::{standardized_logistic, MajorityClass};
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{encode, registry, Dataset};
use mlproof_validation::cv::{cross_validate, CvOptions, CvResult};
use mlproof_validation::split::Splitter;
use serde::Serialize;

use crate::common::fold_difference;

/// The sets the table covers: every bundled imbalanced classification set.
pub const DATASETS: [&str; 8] = [
    "pima",
    "wisconsin",
    "german",
    "ecoli3",
    "glass2",
    "car-good",
    "yeast4",
    "abalone19",
];

/// The experiment's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    /// Stratified folds per set.
    pub n_splits: usize,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            n_splits: 5,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        if self.n_splits < 2 {
            return Err(Error::param(
                "n_splits",
                format!("must be at least 2 (got {})", self.n_splits),
            ));
        }
        Ok(())
    }
}

/// Fold means of the majority-class predictor and of logistic regression.
#[derive(Debug, Clone, Serialize)]
pub struct ParadoxRow {
    pub majority_accuracy: f64,
    pub majority_recall: f64,
    pub majority_f1: f64,
    pub model_accuracy: f64,
    pub model_recall: f64,
    pub model_f1: f64,
}

/// One set's row of the table.
#[derive(Debug, Clone, Serialize)]
pub struct ParadoxLine {
    pub dataset: String,
    pub rows: usize,
    pub positives: usize,
    pub imbalance_ratio: f64,
    #[serde(flatten)]
    pub scores: ParadoxRow,
    /// The majority share: accuracy without looking at the features.
    pub baseline_accuracy: f64,
    /// The prevalence: the recall of flagging rows at random at that rate.
    pub baseline_recall: f64,
    /// F1 of always predicting positive, 2π / (1 + π).
    pub baseline_f1: f64,
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Paradox {
    pub n_splits: usize,
    pub sets: Vec<ParadoxLine>,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

pub type ParadoxReport = Report<Checked<Params>, Paradox>;

/// Loads every set of [`DATASETS`].
pub fn load_datasets(seed: u64) -> Result<Vec<Dataset>> {
    DATASETS
        .iter()
        .map(|name| registry::load(name, seed).map_err(Error::from))
        .collect()
}

/// The paradox on each of `datasets`, one progress tick per set.
pub fn run(
    datasets: &[Dataset],
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<ParadoxReport> {
    let mut sets = Vec::new();
    let mut findings = Findings::default();
    progress.start("imbalance --paradox: datasets", datasets.len());
    let scored: Result<()> = datasets.iter().try_for_each(|data| {
        let (line, judged) = score_set(data, params)?;
        progress.tick();
        sets.push(line);
        judged.into_iter().for_each(|f| {
            findings.push(Some(f));
        });
        Ok(())
    });
    progress.finish();
    scored?;
    let reading = read(&sets, findings.as_slice());
    let results = Paradox {
        n_splits: params.n_splits,
        sets,
        findings: findings.into_vec(),
        reading,
    };
    Ok(Report::new(
        "imbalance --paradox",
        params.clone(),
        None,
        results,
    ))
}

fn score_set(data: &Dataset, params: &Params) -> Result<(ParadoxLine, Vec<Finding>)> {
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let labels = y.to_vec();
    let folds = Splitter::Stratified {
        n_splits: params.n_splits,
        shuffle: true,
    }
    .check()?
    .split(labels.len(), Some(&labels), params.seed)?
    .folds;
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy, Metric::Recall, Metric::F1],
        threshold: 0.5,
        train_scores: false,
        seed: params.seed,
    };
    let base = cross_validate(&x, &y, &MajorityClass, &folds, &opts)?;
    let model = cross_validate(&x, &y, &standardized_logistic(1.0)?, &folds, &opts)?;
    let mean = |r: &CvResult, m: &str| r.test[m].mean;
    let s = data.summary();
    let line = ParadoxLine {
        dataset: data.name.clone(),
        rows: s.rows,
        positives: s.positives.unwrap_or(0),
        imbalance_ratio: s.imbalance_ratio.unwrap_or(f64::NAN),
        scores: ParadoxRow {
            majority_accuracy: mean(&base, "accuracy"),
            majority_recall: mean(&base, "recall"),
            majority_f1: mean(&base, "f1"),
            model_accuracy: mean(&model, "accuracy"),
            model_recall: mean(&model, "recall"),
            model_f1: mean(&model, "f1"),
        },
        baseline_accuracy: no_skill(Metric::Accuracy, &labels),
        baseline_recall: no_skill(Metric::Recall, &labels),
        baseline_f1: no_skill(Metric::F1, &labels),
    };
    let column = |r: &CvResult, m: &str| -> Vec<f64> {
        r.folds
            .iter()
            .map(|f| f.test.get(m).copied().unwrap_or(f64::NAN))
            .collect()
    };
    let design = "stratified";
    let set = &data.name;
    let mut out = Vec::new();
    for (metric, key) in [("accuracy", "accuracy"), ("recall", "recall"), ("F1", "f1")] {
        let e = fold_difference(&column(&model, key), &column(&base, key), &folds, design);
        out.extend(Finding::new(
            &format!("{key}-separates-{set}"),
            format!("on {set}, logistic regression's {metric} is above the majority class's"),
            e,
            Rope::score(),
            Direction::Greater,
        ));
    }
    let always_positive: Vec<f64> = folds
        .iter()
        .map(|f| {
            let fy: Vec<usize> = f.test.iter().map(|&i| labels[i]).collect();
            no_skill(Metric::F1, &fy)
        })
        .collect();
    let e = fold_difference(&column(&model, "f1"), &always_positive, &folds, design);
    out.extend(Finding::new(
        &format!("f1-above-no-skill-{set}"),
        format!(
            "on {set}, logistic regression's F1 is above the no-skill F1 (always predicting positive)"
        ),
        e,
        Rope::score(),
        Direction::Greater,
    ));
    Ok((line, out))
}

/// The numbers in words, then, for every set where accuracy does not separate the two
/// models, what accuracy, recall and F1 say there (every set's accuracy finding when
/// accuracy separates them everywhere).
fn read(sets: &[ParadoxLine], findings: &[Finding]) -> String {
    let mut text = String::new();
    if let Some(t) = sets.iter().max_by(|a, b| {
        a.scores
            .majority_accuracy
            .total_cmp(&b.scores.majority_accuracy)
    }) {
        text.push_str(&format!(
            "Predicting the majority class scores up to {} accuracy ({}) with recall {} and F1 {}.",
            evidence::number(t.scores.majority_accuracy),
            t.dataset,
            evidence::number(t.scores.majority_recall),
            evidence::number(t.scores.majority_f1)
        ));
    }
    let find = |id: String| findings.iter().find(|f| f.id == id);
    let mut chosen = Vec::new();
    for line in sets {
        let set = &line.dataset;
        let Some(acc) = find(format!("accuracy-separates-{set}")) else {
            continue;
        };
        if acc.verdict == Verdict::Holds {
            continue;
        }
        chosen.push(acc.clone());
        for id in [
            format!("recall-separates-{set}"),
            format!("f1-separates-{set}"),
        ] {
            chosen.extend(find(id).cloned());
        }
    }
    if chosen.is_empty() {
        chosen = findings
            .iter()
            .filter(|f| f.id.starts_with("accuracy-separates-"))
            .cloned()
            .collect();
    }
    text.push(' ');
    text.push_str(&evidence::reading(&chosen));
    text
}
