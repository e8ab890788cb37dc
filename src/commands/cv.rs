//! `mlproof cv`: cross-validation with per-fold scores and their summary.

use mlproof_core::data::encode;
use mlproof_core::metrics::Metric;
use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_validation::cv::{cross_validate, CvOptions, CvResult};
use mlproof_validation::schemes::{self, SchemeEstimate};
use mlproof_validation::Splitter;
use serde::Serialize;

use super::{model, split};
use crate::cli::{CvArgs, SplitKind};
use crate::render::{num, Doc, Output, Table};

const METRICS: [Metric; 7] = [
    Metric::Accuracy,
    Metric::BalancedAccuracy,
    Metric::Precision,
    Metric::Recall,
    Metric::F1,
    Metric::RocAuc,
    Metric::AveragePrecision,
];

#[derive(Serialize)]
struct Params {
    model: String,
    splitter: Splitter,
    threshold: f64,
    seed: u64,
}

pub fn run(args: &CvArgs, seed: u64) -> Result<Output> {
    if !(0.0..=1.0).contains(&args.threshold) {
        return Err(Error::usage(format!(
            "--threshold {} is out of range; use a probability in [0, 1]",
            args.threshold
        )));
    }
    let kind = args.model.model.unwrap_or(crate::cli::ModelKind::Logistic);
    let pipeline = model::pipeline(kind, &args.model)?;
    let data = args.data.load("pima", seed)?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(&data);
    if args.compare {
        return compare(args, &pipeline, &data, &x, &y, seed);
    }
    let splitter = split::splitter(args.split.unwrap_or(SplitKind::Stratified), &args.splitter)?;
    let splits = splitter.split(data.n_rows(), data.class_codes().as_deref(), seed)?;
    for w in &splits.warnings {
        eprintln!("mlproof: warning: {w}");
    }
    let opts = CvOptions {
        metrics: METRICS.to_vec(),
        threshold: args.threshold,
        train_scores: false,
        seed,
    };
    let result = cross_validate(&x, &y, &pipeline, &splits.folds, &opts)?;

    let title = format!(
        "{} on {}, {} folds",
        pipeline.describe(),
        data.name,
        splits.folds.len()
    );
    let doc = doc(&title, &result);
    let params = Params {
        model: pipeline.describe(),
        splitter,
        threshold: args.threshold,
        seed,
    };
    Ok(Output::new(
        Report::new("cv", params, Some(data.summary()), result),
        doc,
    ))
}

fn short(m: Metric) -> &'static str {
    match m {
        Metric::Accuracy => "acc",
        Metric::BalancedAccuracy => "bal.acc",
        Metric::Precision => "prec",
        Metric::Recall => "recall",
        Metric::F1 => "F1",
        Metric::RocAuc => "ROC-AUC",
        Metric::AveragePrecision => "AP",
        other => other.name(),
    }
}

fn doc(title: &str, r: &CvResult) -> Doc {
    let mut doc = Doc::default();
    doc.title(title);
    let mut headers = vec!["fold", "train", "test"];
    headers.extend(METRICS.iter().map(|&m| short(m)));
    let mut t = Table::new(&headers, &(0..headers.len()).collect::<Vec<_>>());
    // Many folds (leave-one-out) are summarised, not listed.
    for f in r.folds.iter().take(20) {
        let mut row = vec![
            f.fold.to_string(),
            f.train_rows.to_string(),
            f.test_rows.to_string(),
        ];
        row.extend(METRICS.iter().map(|m| num(f.test[m.name()])));
        t.row(row);
    }
    doc.table(t);
    if r.folds.len() > 20 {
        doc.paragraph(format!(
            "({} more folds not listed; all are in --format json.)",
            r.folds.len() - 20
        ));
    }
    let mut t = Table::new(
        &["metric", "mean", "std", "95% interval", "folds", "pooled"],
        &[1, 2, 3, 4, 5],
    );
    for m in METRICS {
        let s = r.test[m.name()];
        t.row(vec![
            m.name().into(),
            num(s.mean),
            num(s.std),
            format!("{} – {}", num(s.ci95_low), num(s.ci95_high)),
            s.n.to_string(),
            num(r.pooled[m.name()]),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "std is the sample standard deviation across folds; the interval is mean ± t·std/√k. \
         Folds share training rows, so their scores are correlated and the interval is narrower \
         than the true uncertainty (Bengio & Grandvalet 2004). Undefined scores (n/a: e.g. ROC-AUC \
         on a fold with one class) are left out of the summary. `pooled` scores all out-of-fold \
         predictions at once (scikit-learn's cross_val_predict).",
    );
    if r.folds.iter().all(|f| f.test_rows == 1) {
        doc.paragraph(
            "Every test fold holds one row, so per-fold precision, recall, ROC-AUC and average \
             precision are 0, 1 or undefined: read the pooled column.",
        );
    }
    doc
}

#[derive(Serialize)]
struct CompareParams {
    model: String,
    subsample: usize,
    repeats: usize,
    seed: u64,
}

#[derive(Serialize)]
struct CompareResults {
    schemes: Vec<SchemeEstimate>,
    /// Measured only with --timing: milliseconds per estimate, by scheme.
    ms_per_estimate: Option<Vec<f64>>,
    reading: String,
}

fn compare(
    args: &CvArgs,
    learner: &mlproof_core::model::Pipeline,
    data: &mlproof_core::data::Dataset,
    x: &ndarray::Array2<f64>,
    y: &ndarray::Array1<usize>,
    seed: u64,
) -> Result<Output> {
    let schemes = schemes::compare(
        x,
        y,
        learner,
        args.subsample,
        args.repeats,
        args.threshold,
        seed,
    )?;
    let ms_per_estimate = args
        .timing
        .then(|| time_schemes(x, y, learner, args.subsample, seed))
        .transpose()?;
    let reading = read_compare(&schemes);
    let mut doc = Doc::default();
    doc.title(format!(
        "Leave-one-out vs k-fold: {} on {} subsamples of {} rows from {} (truth: the other {} rows)",
        learner.describe(),
        args.repeats,
        args.subsample,
        data.name,
        data.n_rows() - args.subsample
    ));
    let mut headers = vec![
        "scheme",
        "fits",
        "estimate",
        "truth",
        "bias",
        "sd(error)",
        "sd(estimate)",
    ];
    if ms_per_estimate.is_some() {
        headers.push("ms/estimate");
    }
    let mut t = Table::new(&headers, &(1..headers.len()).collect::<Vec<_>>());
    for (k, s) in schemes.iter().enumerate() {
        let mut row = vec![
            s.scheme.clone(),
            s.fits_per_estimate.to_string(),
            num(s.mean_estimate),
            num(s.mean_truth),
            format!("{:+.4}", s.bias),
            num(s.error_std),
            num(s.estimate_std),
        ];
        if let Some(ms) = &ms_per_estimate {
            row.push(format!("{:.2}", ms[k]));
        }
        t.row(row);
    }
    doc.table(t);
    doc.paragraph(
        "estimate and truth are means over subsamples; bias = mean(estimate − truth); sd(error) and \
         sd(estimate) are standard deviations across subsamples.",
    );
    doc.paragraph(&reading);
    let params = CompareParams {
        model: learner.describe(),
        subsample: args.subsample,
        repeats: args.repeats,
        seed,
    };
    let results = CompareResults {
        schemes,
        ms_per_estimate,
        reading,
    };
    Ok(Output::new(
        Report::new("cv", params, Some(data.summary()), results),
        doc,
    ))
}

/// Wall time of one estimate per scheme on the dataset's first m rows, median of five runs
/// (a cost measure: which rows does not matter).
fn time_schemes(
    x: &ndarray::Array2<f64>,
    y: &ndarray::Array1<usize>,
    learner: &mlproof_core::model::Pipeline,
    m: usize,
    seed: u64,
) -> Result<Vec<f64>> {
    use mlproof_validation::split::{k_fold, leave_one_out};
    let rows: Vec<usize> = (0..m).collect();
    let (xs, ys) = (
        x.select(ndarray::Axis(0), &rows),
        y.select(ndarray::Axis(0), &rows),
    );
    let opts = CvOptions {
        metrics: vec![Metric::Accuracy],
        threshold: 0.5,
        train_scores: false,
        seed,
    };
    let fold_sets = [
        k_fold(m, 5, Some(seed))?,
        k_fold(m, 10, Some(seed))?,
        leave_one_out(m)?,
    ];
    fold_sets
        .iter()
        .map(|folds| {
            let mut times: Vec<f64> = (0..5)
                .map(|_| {
                    let start = std::time::Instant::now();
                    cross_validate(&xs, &ys, learner, folds, &opts)
                        .map(|_| start.elapsed().as_secs_f64() * 1e3)
                })
                .collect::<Result<_>>()?;
            times.sort_by(f64::total_cmp);
            Ok(times[2])
        })
        .collect()
}

/// Words the comparison of leave-one-out with 5-fold, calling a difference real only when it
/// exceeds twice its standard error: for the bias, the paired standard error over repeats
/// (both schemes estimate on the same subsamples, so the truth cancels); for the spread, the
/// standard error of a standard deviation, s/√(2(R − 1)).
fn read_compare(s: &[SchemeEstimate]) -> String {
    let (five, loo) = (&s[0], &s[s.len() - 1]);
    let r = loo.estimates.len() as f64;
    let diffs: Vec<f64> = loo
        .estimates
        .iter()
        .zip(&five.estimates)
        .map(|(a, b)| a - b)
        .collect();
    let mean = diffs.iter().sum::<f64>() / r;
    let sd = (diffs.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (r - 1.0)).sqrt();
    let bias_se = sd / r.sqrt();
    let bias = if (loo.bias - five.bias).abs() > 2.0 * bias_se {
        format!(
            "leave-one-out's bias differs from 5-fold's by {:+.4} (± {:.4}): a real difference",
            loo.bias - five.bias,
            bias_se
        )
    } else {
        format!(
            "leave-one-out's bias differs from 5-fold's by {:+.4}, within noise (± {:.4})",
            loo.bias - five.bias,
            bias_se
        )
    };
    let spread_se = five.error_std.max(loo.error_std) / (2.0 * (r - 1.0)).sqrt();
    let spread = if (loo.error_std - five.error_std).abs() <= 2.0 * spread_se {
        "their error spreads are within sampling noise of each other".to_string()
    } else if loo.error_std < five.error_std {
        "leave-one-out's error spread is smaller".to_string()
    } else {
        "leave-one-out's error spread is larger".to_string()
    };
    format!(
        "Bias (estimate − truth): 5-fold {:+.4}, 10-fold {:+.4}, leave-one-out {:+.4}; {bias}; {spread}. \
         Leave-one-out costs {} fits per estimate against 5.",
        five.bias,
        s[1].bias,
        loo.bias,
        loo.fits_per_estimate
    )
}
