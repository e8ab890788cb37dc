//! `mlproof baseline`: the baseline ladder on the same repeated folds, and the simplest rung
//! equivalent to the best.

use mlproof_core::Result;
use mlproof_data::Dataset;
use mlproof_experiments::baseline::{self, Params, Results, Sizes};
use mlproof_experiments::{Check, Checked};

use crate::cli::BaselineArgs;
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &BaselineArgs, seed: u64) -> Result<Output> {
    let params = Params {
        metric: super::curves::metric(args.metric),
        n_splits: args.n_splits,
        n_repeats: args.n_repeats,
        rope: args.rope,
        sizes: Sizes::default(),
        timing: args.timing,
        seed,
    }
    .check()?;
    let data = args.data.load(baseline::DEFAULT_DATASET, seed)?;
    output_with_card(&data, &params, args.model_card.as_deref())
}

/// The experiment on `data`, as a document.
pub fn output(data: &Dataset, params: &Checked<Params>) -> Result<Output> {
    output_with_card(data, params, None)
}

/// [`output`], also writing the model card of the recommended rung to `card`.
fn output_with_card(
    data: &Dataset,
    params: &Checked<Params>,
    card: Option<&std::path::Path>,
) -> Result<Output> {
    let report = baseline::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
    }
    if let Some(path) = card {
        write_card(path, data, params, &report.results, &report.warnings)?;
    }
    let doc = doc(data, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(data: &Dataset, r: &Results) -> Doc {
    let mut doc = Doc::default();
    let metric = mlproof_experiments::cv::label(r.metric);
    doc.title(format!(
        "Baseline ladder on {}: {metric}, {}",
        data.name, r.design
    ));
    let mut headers = vec![
        "rung",
        metric,
        "95% interval",
        "no skill",
        "vs best",
        "params",
    ];
    if r.timing.is_some() {
        headers.extend(["fit ms", "predict ms"]);
    }
    let numeric: Vec<usize> = (1..headers.len()).collect();
    let mut t = Table::new(&headers, &numeric);
    for (i, g) in r.rungs.iter().enumerate() {
        let mut cells = vec![
            g.rung.name().to_string(),
            num(g.score.mean),
            format!(
                "{} – {}",
                num(g.score.interval[0]),
                num(g.score.interval[1])
            ),
            num(g.score_baseline),
            num(g.difference_from_best),
            g.parameters.to_string(),
        ];
        if let Some(timing) = &r.timing {
            cells.push(format!("{:.1}", timing[i].fit_ms));
            cells.push(format!("{:.2}", timing[i].predict_ms));
        }
        t.row(cells);
    }
    doc.table(t);
    let models: Vec<String> = r
        .rungs
        .iter()
        .map(|g| {
            format!(
                "{}: {} ({} parameters: {})",
                g.rung.name(),
                g.model,
                g.parameters,
                g.parameters_are
            )
        })
        .collect();
    doc.paragraph(format!(
        "Mean over the folds with the corrected resampled t interval; vs best: paired \
         difference from the best rung ({}); no skill: {}. {}.{}",
        r.best.name(),
        r.baseline_model,
        models.join("; "),
        if r.timing.is_some() {
            " Times are measured on this run (mean per fold; they vary between runs, \
             unlike every other number)."
        } else {
            ""
        }
    ));
    doc.paragraph(format!(
        "Recommendation: {} ({}).",
        r.recommendation.rung.name(),
        r.recommendation.basis
    ));
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

/// The card of the ladder's recommended rung, with every rung's score beside it.
fn write_card(
    path: &std::path::Path,
    data: &Dataset,
    params: &Params,
    r: &Results,
    warnings: &[String],
) -> Result<()> {
    use mlproof_experiments::model_card::{self, CardInput, CardMetric};
    let metric = mlproof_experiments::cv::label(r.metric);
    let chosen = r
        .rungs
        .iter()
        .find(|g| g.rung == r.recommendation.rung)
        .map_or_else(
            || r.recommendation.rung.name().to_string(),
            |g| g.model.clone(),
        );
    let metrics = r
        .rungs
        .iter()
        .map(|g| CardMetric {
            name: format!("{metric}, {}", g.rung.name()),
            estimate: g.score.mean,
            interval: Some(g.score.interval),
            baseline: Some(g.score_baseline),
        })
        .collect();
    let summary = data.summary();
    let input = CardInput {
        command: super::card::command_line(),
        model: format!(
            "{chosen} (the ladder's recommendation: {})",
            r.recommendation.basis
        ),
        data: &summary,
        class_counts: model_card::class_counts(data),
        validation: r.design.clone(),
        n_folds: r.rungs.first().map_or(0, |g| g.fold_scores.len()),
        metrics,
        threshold: super::card::fixed_threshold(r.metric),
        findings: &r.findings,
        warnings,
        seed: params.seed,
    };
    super::card::write(path, &input)
}
