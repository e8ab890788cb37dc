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
    let splitter = split::splitter(args.split.unwrap_or(SplitKind::Stratified), &args.splitter)?;
    let kind = args.model.model.unwrap_or(crate::cli::ModelKind::Logistic);
    let pipeline = model::pipeline(model::learner(kind, &args.model)?, &args.model);
    let data = args.data.load("pima", seed)?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(&data);
    if args.compare {
        return compare(args, &pipeline, &data, &x, &y, seed);
    }
    let splits = splitter.split(data.n_rows(), Some(&y.to_vec()), seed)?;
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
        &["metric", "mean", "std", "95% interval", "folds"],
        &[1, 2, 3, 4],
    );
    for m in METRICS {
        let s = r.test[m.name()];
        t.row(vec![
            m.name().into(),
            num(s.mean),
            num(s.std),
            format!("{} – {}", num(s.ci95_low), num(s.ci95_high)),
            s.n.to_string(),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "std is the sample standard deviation across folds; the interval is mean ± t·std/√k. \
         Folds share training rows, so their scores are correlated and the interval is narrower \
         than the true uncertainty (Bengio & Grandvalet 2004). Undefined scores (n/a: e.g. ROC-AUC \
         on a fold with one class) are left out of the summary.",
    );
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
    let schemes = schemes::compare(x, y, learner, args.subsample, args.repeats, seed)?;
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
        "mean estimate",
        "mean truth",
        "bias",
        "std of error",
        "std of estimate",
    ];
    if ms_per_estimate.is_some() {
        headers.push("ms / estimate");
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

/// Wall time of one estimate per scheme on the first subsample, median of five runs.
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

fn read_compare(s: &[SchemeEstimate]) -> String {
    let by = |f: &dyn Fn(&SchemeEstimate) -> f64| {
        s.iter()
            .min_by(|a, b| f(a).total_cmp(&f(b)))
            .map(|e| e.scheme.clone())
            .unwrap_or_default()
    };
    let loo = &s[s.len() - 1];
    format!(
        "Least bias: {} (|bias| {}); smallest error spread: {}; leave-one-out costs {} fits per estimate \
         against 5 and 10. {}",
        by(&|e| e.bias.abs()),
        num(s.iter().map(|e| e.bias.abs()).fold(f64::INFINITY, f64::min)),
        by(&|e| e.error_std),
        loo.fits_per_estimate,
        if by(&|e| e.error_std) == "leave-one-out" {
            "Here leave-one-out is also the least variable."
        } else {
            "Here leave-one-out does not buy a steadier estimate for its cost."
        }
    )
}
