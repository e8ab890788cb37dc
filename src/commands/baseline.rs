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
        timing: !args.no_timing,
        seed,
    }
    .check()?;
    let data = args.data.load(baseline::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(data: &Dataset, params: &Checked<Params>) -> Result<Output> {
    let report = baseline::run(data, params, &crate::progress::BAR)?;
    for w in &report.warnings {
        crate::warn!("mlproof: warning: {w}");
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
             --no-timing leaves them out)."
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
