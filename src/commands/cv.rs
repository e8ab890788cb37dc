//! `mlproof cv`: cross-validation with per-fold scores, their summary and their baselines;
//! `cv --compare`: leave-one-out against k-fold.

use mlproof_core::metrics::Metric;
use mlproof_core::{Error, Result};
use mlproof_experiments::common::ModelSpec;
use mlproof_experiments::cv::{self, compare, CrossValidation, Params, METRICS};
use mlproof_experiments::Check;

use super::split;
use crate::cli::{CvArgs, SplitKind};
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &CvArgs, seed: u64) -> Result<Output> {
    let model = super::model::model_spec(&args.model);
    if args.compare {
        return run_compare(args, model, seed);
    }
    for (flag, given) in [
        ("subsample", args.subsample.is_some()),
        ("repeats", args.repeats.is_some()),
    ] {
        if given {
            return Err(Error::param(flag, "applies to cv --compare only"));
        }
    }
    let splitter = split::splitter(args.split.unwrap_or(SplitKind::Stratified), &args.splitter)?;
    let params = Params {
        model,
        splitter,
        threshold: args.threshold,
        seed,
    }
    .check()?;
    let data = args.data.load(cv::DEFAULT_DATASET, seed)?;
    let report = super::timed(args.timing, "cross-validation", || {
        cv::run(&data, &params, &crate::progress::BAR)
    })?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    let r = &report.results;
    let title = format!(
        "{} on {}, {} folds",
        cv::model_name(&params.model),
        data.name,
        r.cv.folds.len()
    );
    if let Some(path) = &args.model_card {
        let card = card(&data, &params, &report);
        crate::write::file(path, card.as_bytes())?;
    }
    let doc = doc(&title, r);
    Ok(Output::new(report, doc))
}

/// The model card of a cross-validation run.
fn card(
    data: &mlproof_core::data::Dataset,
    params: &Params,
    report: &mlproof_experiments::Report<mlproof_experiments::Checked<Params>, CrossValidation>,
) -> String {
    use mlproof_experiments::model_card::{self, CardInput, CardMetric, CardThreshold};
    let r = &report.results;
    let metrics = METRICS
        .iter()
        .filter_map(|m| {
            let s = r.cv.test.get(m.name())?;
            Some(CardMetric {
                name: cv::label(*m).to_string(),
                estimate: s.mean,
                interval: (s.n > 1).then_some([s.ci95_low, s.ci95_high]),
                baseline: r.baselines.get(m.name()).copied(),
            })
        })
        .collect();
    let summary = data.summary();
    let input = CardInput {
        command: super::card::command_line(),
        model: cv::model_name(&params.model),
        data: &summary,
        class_counts: model_card::class_counts(data),
        validation: mlproof_experiments::split::describe(&params.splitter),
        n_folds: r.cv.folds.len(),
        metrics,
        threshold: Some(CardThreshold {
            value: params.threshold,
            rule: "fixed by --threshold, not tuned".into(),
            promise: None,
        }),
        findings: &r.findings,
        warnings: &report.warnings,
        seed: params.seed,
    };
    model_card::markdown(&input)
}

fn short(m: Metric) -> &'static str {
    match m {
        Metric::Accuracy => "acc",
        Metric::BalancedAccuracy => "bal.acc",
        Metric::Precision => "prec",
        Metric::Recall => "recall",
        Metric::RocAuc => "ROC-AUC",
        Metric::AveragePrecision => "AP",
        other => cv::label(other),
    }
}

fn doc(title: &str, r: &CrossValidation) -> Doc {
    let mut doc = Doc::default();
    doc.title(title);
    let mut headers = vec!["fold", "train", "test"];
    headers.extend(METRICS.iter().map(|&m| short(m)));
    let mut t = Table::new(&headers, &(0..headers.len()).collect::<Vec<_>>());
    // Many folds (leave-one-out) are summarised, not listed.
    for f in r.cv.folds.iter().take(20) {
        let mut row = vec![
            f.fold.to_string(),
            f.train_rows.to_string(),
            f.test_rows.to_string(),
        ];
        row.extend(METRICS.iter().map(|m| num(f.test[m.name()])));
        t.row(row);
    }
    doc.table(t);
    if r.cv.folds.len() > 20 {
        doc.paragraph(format!(
            "({} more folds not listed; all are in --format json.)",
            r.cv.folds.len() - 20
        ));
    }
    let mut t = Table::new(
        &[
            "metric",
            "mean",
            "no skill",
            "std",
            "95% interval",
            "folds",
            "pooled",
            "no skill",
        ],
        &[1, 2, 3, 4, 5, 6, 7],
    );
    for m in METRICS {
        let s = r.cv.test[m.name()];
        t.row(vec![
            m.name().into(),
            num(s.mean),
            num(r.baselines[m.name()]),
            num(s.std),
            format!("{} – {}", num(s.ci95_low), num(s.ci95_high)),
            s.n.to_string(),
            num(r.cv.pooled[m.name()]),
            num(r.pooled_baselines[m.name()]),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "std is the sample standard deviation across folds; the interval is mean ± t·std/√k. \
         Folds share training rows, so their scores are correlated and the interval is narrower \
         than the true uncertainty (Bengio & Grandvalet 2004). Undefined scores (n/a: e.g. ROC-AUC \
         on a fold with one class) are left out of the summary. `pooled` scores all out-of-fold \
         predictions at once (scikit-learn's cross_val_predict). no skill: what a model that \
         ignores the features scores on the same test rows (accuracy: the majority share; \
         ROC-AUC, balanced accuracy: 0.5; precision, recall, AP: the prevalence; F1: always \
         positive), averaged over the folds beside the mean, on all rows beside pooled.",
    );
    if r.cv.folds.iter().all(|f| f.test_rows == 1) {
        doc.paragraph(
            "Every test fold holds one row, so per-fold precision, recall, ROC-AUC and average \
             precision are 0, 1 or undefined: read the pooled column (the findings judge it).",
        );
    }
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

fn run_compare(args: &CvArgs, model: ModelSpec, seed: u64) -> Result<Output> {
    if args.split.is_some() {
        return Err(Error::param(
            "split",
            "does not apply to cv --compare (it compares stratified 5-fold, 10-fold and leave-one-out)",
        ));
    }
    if let Some(name) = split::options(&args.splitter).given().first() {
        return Err(Error::param(
            name,
            "does not apply to cv --compare (its splitters are fixed)",
        ));
    }
    let d = compare::Params::default();
    let params = compare::Params {
        model,
        subsample: args.subsample.unwrap_or(d.subsample),
        repeats: args.repeats.unwrap_or(d.repeats),
        threshold: args.threshold,
        timing: args.timing,
        seed,
    }
    .check()?;
    let data = args.data.load(cv::DEFAULT_DATASET, seed)?;
    compare_output(&data, &params)
}

/// Leave-one-out against k-fold on `data`, as a document.
pub fn compare_output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<compare::Params>,
) -> Result<Output> {
    let report = compare::run(data, params, &crate::progress::BAR)?;
    let r = &report.results;
    let mut doc = Doc::default();
    doc.title(format!(
        "Leave-one-out vs k-fold: {} on {} subsamples of {} rows from {} (truth: the other {} rows)",
        cv::model_name(&params.model),
        params.repeats,
        params.subsample,
        data.name,
        data.n_rows() - params.subsample
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
    if r.ms_per_estimate.is_some() {
        headers.push("ms/estimate");
    }
    let mut t = Table::new(&headers, &(1..headers.len()).collect::<Vec<_>>());
    for (k, s) in r.schemes.iter().enumerate() {
        let mut row = vec![
            s.scheme.clone(),
            s.fits_per_estimate.to_string(),
            num(s.mean_estimate),
            num(s.mean_truth),
            format!("{:+.4}", s.bias),
            num(s.error_std),
            num(s.estimate_std),
        ];
        if let Some(ms) = &r.ms_per_estimate {
            row.push(format!("{:.2}", ms[k]));
        }
        t.row(row);
    }
    doc.table(t);
    doc.paragraph(format!(
        "estimate and truth are mean accuracies over subsamples (no skill, the majority share: \
         {}); bias = mean(estimate − truth); sd(error) and sd(estimate) are standard deviations \
         across subsamples.",
        num(r.accuracy_baseline)
    ));
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    Ok(Output::new(report, doc))
}
