//! Feature selection on all rows before CV against selection inside each training fold.

use mlproof_core::evidence::{self, Findings};
use mlproof_core::model::Logistic;
use mlproof_core::progress::Observer;
use mlproof_core::Result;
use mlproof_data::{encode, Dataset};
use mlproof_validation::{leakage, Splitter};

use super::{
    above_baseline, describe_gap, fold_baselines, inflation, inflation_points, mean, Leakage,
    Params, NOISE_SHAPE,
};

pub(super) fn run(
    data: Option<&Dataset>,
    params: &Params,
    progress: &dyn Observer,
) -> Result<Leakage> {
    let seed = params.seed;
    let (x, y, name) = match data {
        Some(d) => (encode::one_hot(d).0, d.binary_target()?, d.name.clone()),
        None => {
            let (n, d) = NOISE_SHAPE;
            let (x, y) = leakage::noise(n, d, seed);
            (x, y, format!("pure noise ({n} × {d}, random labels)"))
        }
    };
    let splitter = Splitter::Stratified {
        n_splits: params.n_splits,
        shuffle: true,
    }
    .check()?;
    let folds = splitter.split(x.nrows(), Some(&y.to_vec()), seed)?.folds;
    progress.start("preprocessing leakage", 1);
    let result = leakage::preprocessing(
        &x,
        &y,
        Box::new(Logistic::default()),
        params.select_k,
        &folds,
        seed,
    )?;
    progress.tick();
    progress.finish();
    let metric = result.metric;
    let baselines = fold_baselines(metric, &y, &folds);
    let p = &result.protocols;
    let design = "stratified k-fold";
    let mut findings = Findings::default();
    findings.push(inflation(
        "selection-leak-inflates",
        "selecting features on all rows before CV inflates the score",
        (&p[0].folds, &folds),
        (&p[1].folds, &folds),
        design,
    ));
    for (i, id) in ["leaky-above-baseline", "honest-above-baseline"]
        .iter()
        .enumerate()
    {
        findings.push(above_baseline(
            id,
            &p[i].name,
            &p[i].folds,
            &baselines,
            &folds,
            design,
        ));
    }
    let truth = if data.is_none() {
        " The labels are random, so any honest estimate of ROC-AUC is ½ up to noise."
    } else {
        ""
    };
    let reading = format!(
        "Data: {name}. {}; no skill scores {}.{truth} {}",
        describe_gap(metric, &p[0], &p[1]),
        evidence::number(mean(&baselines)),
        evidence::reading(findings.as_slice())
    );
    let (inflation_points, inflation_se_points) = inflation_points(p, true);
    Ok(Leakage {
        design: format!(
            "select the {} features most correlated with the label",
            params.select_k
        ),
        model: "logistic regression".into(),
        metric,
        protocol_baselines: vec![mean(&baselines); p.len()],
        baseline_model: "chance ranking (ROC-AUC ½)",
        protocols: result.protocols,
        inflation_points,
        inflation_se_points,
        resampling: None,
        findings: findings.into_vec(),
        reading,
    })
}
