//! `mlproof threshold`: an operating point chosen on validation rows, what the held-out
//! folds achieved, and the Neyman–Pearson umbrella promise.

use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_experiments::threshold::{self, Params, Promise, Results};
use mlproof_experiments::{Check, Checked};

use super::model::model_spec;
use crate::cli::ThresholdArgs;
use crate::render::{num, Doc, Output, Table};

fn promise(args: &ThresholdArgs) -> Result<Promise> {
    let given: Vec<Promise> = [
        args.min_precision.map(Promise::MinPrecision),
        args.min_recall.map(Promise::MinRecall),
        args.max_fpr.map(Promise::MaxFpr),
    ]
    .into_iter()
    .flatten()
    .collect();
    match given[..] {
        [p] => Ok(p),
        [] => Err(Error::usage(
            "threshold needs a promise: --max-fpr A, --min-recall R or --min-precision P",
        )),
        _ => Err(Error::usage(
            "threshold makes one promise at a time: give only one of --max-fpr, --min-recall, \
             --min-precision",
        )),
    }
}

pub fn run(args: &ThresholdArgs, seed: u64) -> Result<Output> {
    let params = Params {
        promise: promise(args)?,
        confidence: args.confidence,
        model: model_spec(&args.model),
        n_splits: args.n_splits,
        n_repeats: args.n_repeats,
        validation_size: args.validation_size,
        seed,
    }
    .check()?;
    let data = args.data.load(threshold::DEFAULT_DATASET, seed)?;
    output_with_card(&data, &params, args.model_card.as_deref())
}

/// The card of the promise: the held-out rates each threshold rule achieved, the promise
/// and how often folds broke it.
fn write_card(
    path: &std::path::Path,
    data: &Dataset,
    params: &Params,
    r: &threshold::Results,
    warnings: &[String],
) -> Result<()> {
    use mlproof_experiments::model_card::{self, CardInput, CardMetric, CardThreshold};
    let p = &r.promised;
    let rate = label(p.metric);
    let metric = |name: &str, a: &threshold::Achieved, baseline: Option<f64>| CardMetric {
        name: format!("held-out {rate}, {name}"),
        estimate: a.achieved.mean,
        interval: (a.achieved.n > 1).then_some([a.achieved.ci95_low, a.achieved.ci95_high]),
        baseline,
    };
    let baseline = r.baselines.get(p.metric).copied();
    let mut metrics = vec![metric(
        "threshold chosen on validation rows",
        &r.achieved_validation_point,
        baseline,
    )];
    if let Some(u) = &r.achieved_umbrella {
        metrics.push(metric("umbrella threshold", u, baseline));
    }
    let folds = r.folds.len();
    let promise = match &r.achieved_umbrella {
        Some(u) => format!(
            "{rate} {} {} with probability {} (Neyman–Pearson umbrella rule, Tong, Feng & Li \
             2018); {} of {folds} held-out folds broke it, against {} of {folds} for the \
             threshold chosen on validation rows.",
            if p.metric == "fpr" { "≤" } else { "≥" },
            p.bound,
            p.confidence,
            u.folds_breaking_promise,
            r.achieved_validation_point.folds_breaking_promise
        ),
        None => format!(
            "{rate} ≥ {} on validation rows only: no rule guarantees a precision promise; {} of \
             {folds} held-out folds broke it.",
            p.bound, r.achieved_validation_point.folds_breaking_promise
        ),
    };
    let thresholds: Vec<f64> = r
        .folds
        .iter()
        .filter_map(|f| f.umbrella.as_ref().unwrap_or(&f.validation_point).threshold)
        .collect();
    let value = thresholds.iter().sum::<f64>() / thresholds.len().max(1) as f64;
    let summary = data.summary();
    let input = CardInput {
        command: super::card::command_line(),
        model: mlproof_experiments::cv::model_name(&params.model),
        data: &summary,
        class_counts: model_card::class_counts(data),
        validation: format!(
            "{} × {}-fold repeated stratified, {:.0}% of each training fold held back to choose the threshold",
            params.n_repeats,
            params.n_splits,
            100.0 * params.validation_size
        ),
        n_folds: folds,
        metrics,
        threshold: Some(CardThreshold {
            value,
            rule: "the mean over folds of each fold's threshold, chosen on its validation rows".into(),
            promise: Some(promise),
        }),
        findings: &r.findings,
        warnings,
        seed: params.seed,
    };
    super::card::write(path, &input)
}

/// The experiment on `data`, as a document.
pub fn output(data: &Dataset, params: &Checked<Params>) -> Result<Output> {
    output_with_card(data, params, None)
}

/// [`output`], also writing the model card of the promise to `card`.
fn output_with_card(
    data: &Dataset,
    params: &Checked<Params>,
    card: Option<&std::path::Path>,
) -> Result<Output> {
    let report = threshold::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    if let Some(path) = card {
        write_card(path, data, params, &report.results, &report.warnings)?;
    }
    let doc = doc(data, params, &report.results);
    Ok(Output::new(report, doc))
}

fn label(metric: &str) -> &'static str {
    match metric {
        "fpr" => "FPR",
        "recall" => "recall",
        _ => "precision",
    }
}

fn doc(data: &Dataset, params: &Params, r: &Results) -> Doc {
    let mut doc = Doc::default();
    let p = &r.promised;
    let op = if p.metric == "fpr" { "≤" } else { "≥" };
    doc.title(format!(
        "Threshold promise on {}: held-out {} {op} {}, confidence {}, {} folds",
        data.name,
        label(p.metric),
        p.bound,
        p.confidence,
        r.folds.len()
    ));
    let (metric, cost) = (label(p.metric), label(r.cost_metric));
    let mut t = Table::new(
        &[
            "threshold",
            "promised",
            "achieved",
            "pooled",
            "folds outside",
            cost,
            "no skill",
        ],
        &[1, 2, 3, 4, 5, 6],
    );
    // The cost metric's no-skill value; for precision (no cost baseline) the prevalence.
    let no_skill = r
        .baselines
        .get(r.cost_metric)
        .or_else(|| r.baselines.get(p.metric))
        .map_or_else(|| "–".into(), |&b| num(b));
    let mut rows = vec![("validation point", &r.achieved_validation_point)];
    if let Some(u) = &r.achieved_umbrella {
        rows.push(("umbrella (NP)", u));
    }
    for (name, a) in rows {
        t.row(vec![
            name.into(),
            format!("{op} {}", p.bound),
            num(a.achieved.mean),
            num(a.achieved_pooled),
            format!("{} of {}", a.folds_breaking_promise, r.folds.len()),
            num(a.cost.mean),
            no_skill.clone(),
        ]);
    }
    doc.table(t);
    let need = match (
        p.umbrella_class,
        p.min_validation_rows,
        p.smallest_validation_rows,
    ) {
        (Some(class), Some(need), Some(have)) => format!(
            " The umbrella rule needs at least {need} validation {class} per fold for this \
             promise; the smallest fold had {have}."
        ),
        _ => String::new(),
    };
    doc.paragraph(format!(
        "achieved: mean held-out {metric} over the folds; pooled: the first repeat's held-out rows \
         pooled (each row once); folds outside: held-out rate on the wrong side of the promise; \
         {cost}: what the promise costs (mean held-out {cost}); no skill: its value when rows are \
         flagged at random at the promised rate (FPR = recall = that rate; precision: the \
         prevalence). Validation point: the threshold whose validation {metric} just meets the \
         promise; umbrella: the Neyman-Pearson order statistic. Model: {}; {} of each training \
         fold held back for validation.{need}",
        mlproof_experiments::cv::model_name(&params.model),
        params.validation_size
    ));
    let mut t = Table::new(
        &[
            "fold",
            "validation t",
            &format!("held-out {metric}"),
            "umbrella t",
            "rank k",
            "held-out (NP)",
        ],
        &[0, 1, 2, 3, 4, 5],
    );
    for (i, f) in r.folds.iter().enumerate() {
        let v = &f.validation_point;
        let u = f.umbrella.as_ref();
        t.row(vec![
            (i + 1).to_string(),
            v.threshold.map_or_else(|| "none".into(), num),
            num(v.held_out.get(p.metric)),
            u.and_then(|u| u.threshold).map_or_else(|| "–".into(), num),
            u.and_then(|u| u.rank)
                .map_or_else(|| "–".into(), |k| k.to_string()),
            u.map_or_else(|| "–".into(), |u| num(u.held_out.get(p.metric))),
        ]);
    }
    doc.table(t);
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
