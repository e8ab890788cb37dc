//! The validation curve of a classifier: CV score at each value of a complexity knob, the
//! one-standard-error choice, and the findings of [`super::sweep`].

use mlproof_core::evidence::Rope;
use mlproof_core::metrics::{baseline::no_skill_model, no_skill, Metric};
use mlproof_core::model::BinaryClassifier;
use mlproof_core::progress::Observer;
use mlproof_core::{Error, Result};
use mlproof_data::{encode, Dataset};
use mlproof_validation::curves::{regions, validation_curve_observed};
use mlproof_validation::Fold;
use ndarray::Array1;

use super::sweep::Sweep;
use super::{design, Curve, Knob, Params};
use crate::common::ModelSpec;

/// The knob belongs to the model, and the model's own setting of the knob is left to the
/// sweep.
pub(super) fn validate(params: &Params, knob: Knob) -> Result<()> {
    let model = &params.model;
    if let Some(kind) = knob.model() {
        if model.kind != kind {
            return Err(Error::param(
                "model",
                format!(
                    "{:?}: {} is a knob of the {kind:?} model; choose that model or another param",
                    model.kind,
                    knob.name()
                ),
            ));
        }
    }
    let d = ModelSpec::of(model.kind);
    let set_by_caller = match knob {
        Knob::MaxDepth => model.max_depth != d.max_depth,
        Knob::MinSamplesLeaf => model.min_samples_leaf != d.min_samples_leaf,
        Knob::MinSamplesSplit => model.min_samples_split != d.min_samples_split,
        Knob::Alpha => model.alpha != d.alpha,
        Knob::Degree => false,
    };
    model.validate()?;
    if set_by_caller {
        return Err(Error::param(
            knob.name(),
            "is the knob the validation curve sweeps; leave it out",
        ));
    }
    Ok(())
}

/// The ROPE of a classification score: ±0.01 in [0, 1], ±1% of the baseline for log loss.
pub(super) fn rope(metric: Metric, baseline: f64) -> Rope {
    if metric == Metric::LogLoss {
        Rope::relative(baseline)
    } else {
        Rope::score()
    }
}

/// How [`rope`] was set, when not the ±0.01 of a score.
pub(super) fn rope_note(metric: Metric) -> Option<&'static str> {
    (metric == Metric::LogLoss).then_some("±1% of the prior's log loss")
}

/// `metric`'s no-skill baseline on each fold's test rows.
pub(super) fn fold_baselines(metric: Metric, y: &Array1<usize>, folds: &[Fold]) -> Vec<f64> {
    folds
        .iter()
        .map(|f| no_skill(metric, &f.test.iter().map(|&i| y[i]).collect::<Vec<_>>()))
        .collect()
}

pub(super) fn run(
    data: &Dataset,
    params: &Params,
    knob: Knob,
    progress: &dyn Observer,
) -> Result<(Curve, Vec<String>)> {
    let metric = params.metric;
    let splitter = params
        .folds()
        .ok_or_else(|| Error::internal("a validation curve has folds"))?;
    let y = data.binary_target()?;
    let (x, _) = encode::one_hot(data);
    let splits = splitter.split(data.n_rows(), data.class_codes().as_deref(), params.seed)?;
    let values = knob.values();
    let learner_at = |i: usize| -> Result<Box<dyn BinaryClassifier>> {
        Ok(Box::new(knob.apply(&params.model, values[i]).pipeline()?))
    };
    progress.start(&format!("{} sweep", knob.name()), values.len());
    let points = validation_curve_observed(
        &x,
        &y,
        &values,
        &learner_at,
        &splits.folds,
        metric,
        params.seed,
        progress,
    );
    progress.finish();
    let points = points?;
    let regions = regions(&points, metric.higher_is_better());
    let baseline = no_skill(metric, &y.to_vec());
    let fold_baselines = fold_baselines(metric, &y, &splits.folds);
    let (findings, reading) = match &regions {
        Some(r) => {
            let sweep = Sweep {
                knob,
                points: &points,
                regions: r,
                fold_baselines: &fold_baselines,
                baseline,
                baseline_model: no_skill_model(metric),
                score: metric.name(),
                higher_is_better: metric.higher_is_better(),
                rope: rope(metric, baseline),
                rope_note: rope_note(metric),
                folds: &splits.folds,
                design: design(&splitter),
            };
            let findings = sweep.judge().into_vec();
            let reading = sweep.read(&findings);
            (findings, reading)
        }
        None => (
            Vec::new(),
            format!("No fold gave a defined CV {}.", metric.name()),
        ),
    };
    let curve = Curve {
        points,
        regions,
        model: format!("{:?}", params.model.kind).to_lowercase(),
        metric: metric.name(),
        higher_is_better: metric.higher_is_better(),
        baseline,
        baseline_model: no_skill_model(metric),
        fold_baselines,
        n_folds: splits.folds.len(),
        findings,
        reading,
    };
    Ok((curve, splits.warnings))
}
