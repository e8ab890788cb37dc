//! Shuffled k-fold against a time-series split on time-ordered rows.

use mlproof_core::evidence::{self, Findings};
use mlproof_core::progress::Observer;
use mlproof_core::{Error, Result};
use mlproof_data::{encode, Dataset, Target};
use mlproof_validation::leakage::{self, forward_label_design};
use mlproof_validation::Fold;

use super::{
    above_baseline, describe_gap, fold_baselines, inflation, inflation_points, mean, tree, Leakage,
    Params,
};

pub(super) fn run(data: &Dataset, params: &Params, progress: &dyn Observer) -> Result<Leakage> {
    if data.time.is_none() {
        return Err(Error::input(format!(
            "{} has no time column, so its rows have no time order to leak; time-order leakage \
             needs time-ordered rows: a bundled time-ordered set (sp500, synth-stream) or a file \
             with its time column named",
            data.name
        )));
    }
    let (x, y, design) = match &data.target {
        Target::Continuous { .. } => {
            let (x, y) = forward_label_design(data, &params.series, params.window, params.horizon)?;
            let design = format!(
                "label: {} summed over the next {} rows > 0; features: {}-row trailing means of every numeric column",
                params.series, params.horizon, params.window
            );
            (x, y, design)
        }
        Target::Classes { .. } => {
            let d = Params::default();
            if params.series != d.series || params.window != d.window || params.horizon != d.horizon
            {
                return Err(Error::param(
                    "series",
                    "(with window and horizon) builds a label from a continuous target; this data has classes",
                ));
            }
            (
                encode::one_hot(data).0,
                data.binary_target()?,
                format!("the rows of {} in time order", data.name),
            )
        }
    };
    let gap = params.gap.unwrap_or(params.horizon);
    let (model, model_name) = tree(params.max_depth)?;
    progress.start("time-order leakage", 1);
    let result = leakage::time_order(&x, &y, &model, params.n_splits, gap, params.seed)?;
    progress.tick();
    progress.finish();
    let metric = result.metric;
    let folds: Vec<Vec<Fold>> = result
        .protocols
        .iter()
        .map(|p| Ok(p.splitter.split(x.nrows(), None, params.seed)?.folds))
        .collect::<Result<_>>()?;
    let baselines: Vec<Vec<f64>> = folds
        .iter()
        .map(|f| fold_baselines(metric, &y, f))
        .collect();
    let p = &result.protocols;
    let fold_design = |i: usize| p[i].name.clone();
    let mut findings = Findings::default();
    let pair_design = "shuffled k-fold and time-series";
    findings.push(inflation(
        "shuffled-kfold-overestimates-time",
        "shuffled k-fold reads higher than a time-series split on these time-ordered rows",
        (&p[0].folds, &folds[0]),
        (&p[1].folds, &folds[1]),
        pair_design,
    ));
    if p.len() > 2 {
        findings.push(inflation(
            "shuffled-kfold-overestimates-time-gap",
            &format!("shuffled k-fold reads higher than a time-series split with a {gap}-row gap"),
            (&p[0].folds, &folds[0]),
            (&p[2].folds, &folds[2]),
            pair_design,
        ));
    }
    let ids = [
        "leaky-above-baseline",
        "honest-above-baseline",
        "honest-gap-above-baseline",
    ];
    for (i, id) in ids.iter().enumerate().take(p.len()) {
        findings.push(above_baseline(
            id,
            &p[i].name,
            &p[i].folds,
            &baselines[i],
            &folds[i],
            &fold_design(i),
        ));
    }
    let lo = p[1].folds.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = p[1].folds.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let positive_rate = y.iter().sum::<usize>() as f64 / y.len() as f64;
    let reading = format!(
        "Design: {design}; positive rate {}. {}; time-ordered folds range from {} to {}. {}",
        evidence::number(positive_rate),
        describe_gap(metric, &p[0], &p[1]),
        evidence::number(lo),
        evidence::number(hi),
        evidence::reading(findings.as_slice())
    );
    let (inflation_points, inflation_se_points) = inflation_points(p, false);
    Ok(Leakage {
        design,
        model: model_name,
        metric,
        protocol_baselines: baselines.iter().map(|b| mean(b)).collect(),
        baseline_model: "the majority class of each test fold",
        protocols: result.protocols,
        inflation_points,
        inflation_se_points,
        resampling: None,
        findings: findings.into_vec(),
        reading,
    })
}
