//! `curves`: over- and underfitting made visible. Four kinds, one report:
//!
//! - a **validation curve** ([`validation`]): CV score against a complexity knob of a tree
//!   (`max_depth`, `min_samples_leaf`, `min_samples_split`) or of logistic regression
//!   (`alpha`), with the one-standard-error choice;
//! - the **degree curve** ([`degree`]): polynomial regression's CV MSE against its degree;
//! - a **learning curve** ([`learning`]): CV score against the number of training rows;
//! - **early stopping** ([`early_stopping`]): gradient boosting's validation loss per stage.
//!
//! Every verdict (underfit, overfit, the gap growing, more data helping, beating the no-skill
//! baseline, early stopping helping) is a [`Finding`] judged by the one decision rule.

pub mod degree;
pub mod early_stopping;
mod knob;
pub mod learning;
mod sweep;
pub mod validation;

use mlproof_core::evidence::Finding;
use mlproof_core::metrics::Metric;
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use mlproof_data::Dataset;
use mlproof_validation::curves::{CurvePoint, Regions};
use mlproof_validation::Splitter;
use serde::{Serialize, Serializer};

use crate::common::{ModelKind, ModelSpec};
pub use knob::Knob;

/// The dataset used when none is named (a class target).
pub const DEFAULT_DATASET: &str = "pima";

/// The dataset of the degree curve when none is named (one feature, a continuous target).
pub const DEFAULT_REGRESSION_DATASET: &str = "synth-sine";

/// Which curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Validation,
    Learning,
    EarlyStopping,
}

/// Early stopping's settings (scikit-learn's `n_estimators`, `learning_rate`,
/// `n_iter_no_change`); the stage trees' depth is the model's `max_depth` (default 3).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Boosting {
    pub n_estimators: usize,
    pub learning_rate: f64,
    pub patience: usize,
}

impl Default for Boosting {
    fn default() -> Self {
        Boosting {
            n_estimators: 300,
            learning_rate: 0.1,
            patience: 10,
        }
    }
}

/// The experiment's parameters: every option that changes a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub kind: Kind,
    /// The knob of a validation curve; `None` for the other kinds.
    pub param: Option<Knob>,
    /// The learner: the knob's model for a validation curve ([`default_model`]), any model
    /// for a learning curve; early stopping reads only `max_depth` (its stage trees').
    pub model: ModelSpec,
    /// The score of a classification curve (the degree curve scores MSE, early stopping
    /// log loss: neither takes another).
    pub metric: Metric,
    /// The folds; `None`: stratified 5-fold (k-fold, shuffled, for the degree curve).
    /// Early stopping holds out a validation fraction and takes none.
    pub splitter: Option<Splitter>,
    pub boosting: Boosting,
    pub seed: u64,
}

/// The model a curve uses when none is named: the knob's own, or a tree.
pub fn default_model(param: Option<Knob>) -> ModelKind {
    param.and_then(Knob::model).unwrap_or(ModelKind::Tree)
}

impl Default for Params {
    fn default() -> Self {
        Params {
            kind: Kind::Validation,
            param: Some(Knob::MaxDepth),
            model: ModelSpec::of(ModelKind::Tree),
            metric: Metric::Accuracy,
            splitter: None,
            boosting: Boosting::default(),
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Params {
    /// The curve's folds, the default filled in.
    pub fn folds(&self) -> Option<Splitter> {
        match (self.kind, self.param) {
            (Kind::EarlyStopping, _) => None,
            (_, Some(Knob::Degree)) => Some(degree::splitter(self.splitter.clone())),
            _ => Some(self.splitter.clone().unwrap_or(Splitter::Stratified {
                n_splits: 5,
                shuffle: false,
            })),
        }
    }

    fn regression(&self) -> bool {
        self.param == Some(Knob::Degree)
    }
}

/// Errors for an option that does not apply to the chosen curve.
fn not_for(name: &str, what: &str) -> Error {
    Error::param(name, format!("does not apply to {what}"))
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        let tree = ModelSpec::of(ModelKind::Tree);
        if self.kind != Kind::EarlyStopping && self.boosting != Boosting::default() {
            let b = Boosting::default();
            let name = if self.boosting.n_estimators != b.n_estimators {
                "n_estimators"
            } else if self.boosting.learning_rate != b.learning_rate {
                "learning_rate"
            } else {
                "patience"
            };
            return Err(not_for(
                name,
                "validation or learning curves, only to early stopping",
            ));
        }
        match (self.kind, self.param) {
            (Kind::Validation, None) => {
                return Err(Error::param("param", "is needed by a validation curve"))
            }
            (Kind::Learning | Kind::EarlyStopping, Some(_)) => {
                return Err(not_for("param", "learning curves or early stopping"))
            }
            _ => {}
        }
        if self.kind == Kind::EarlyStopping || self.regression() {
            let what = if self.regression() {
                "the degree curve, which is scored by MSE"
            } else {
                "early stopping, which is scored by log loss"
            };
            if self.metric != Metric::Accuracy {
                return Err(not_for("metric", what));
            }
        }
        match (self.kind, self.param) {
            (Kind::EarlyStopping, _) => early_stopping::validate(self),
            (_, Some(Knob::Degree)) => {
                if self.model != tree {
                    return Err(Error::param(
                        "model",
                        "does not apply: the degree curve sweeps a polynomial regression",
                    ));
                }
                degree::splitter_ok(self.splitter.as_ref())
            }
            (Kind::Validation, Some(knob)) => validation::validate(self, knob),
            _ => self.model.validate(),
        }
    }
}

/// What the JSON `params` holds: the options that change a number, defaults filled in.
#[derive(Serialize)]
struct View<'a> {
    kind: Kind,
    param: Option<Knob>,
    model: ModelView<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    values: Option<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fractions: Option<&'static [f64]>,
    metric: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    splitter: Option<Splitter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    boosting: Option<mlproof_trees::boosting::BoostingParams>,
    #[serde(skip_serializing_if = "Option::is_none")]
    validation_fraction: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    patience: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tol: Option<f64>,
    seed: u64,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ModelView<'a> {
    Spec(&'a ModelSpec),
    Named(&'static str),
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let early = self.kind == Kind::EarlyStopping;
        let view = View {
            kind: self.kind,
            param: self.param,
            model: if early {
                ModelView::Named("gradient boosting")
            } else if self.regression() {
                ModelView::Named("polynomial")
            } else {
                ModelView::Spec(&self.model)
            },
            values: self.param.map(Knob::values),
            fractions: (self.kind == Kind::Learning).then_some(&learning::FRACTIONS[..]),
            metric: if early {
                "log_loss"
            } else if self.regression() {
                "mse"
            } else {
                self.metric.name()
            },
            splitter: self.folds(),
            boosting: early.then(|| early_stopping::boosting_params(self)),
            validation_fraction: early.then_some(early_stopping::VALIDATION_FRACTION),
            patience: early.then_some(self.boosting.patience),
            tol: early.then_some(early_stopping::TOL),
            seed: self.seed,
        };
        view.serialize(s)
    }
}

/// A validation, degree or learning curve.
#[derive(Debug, Clone, Serialize)]
pub struct Curve {
    pub points: Vec<CurvePoint>,
    /// The one-standard-error regions of a validation curve (`None` for a learning curve,
    /// or when no fold gave a defined score).
    pub regions: Option<Regions>,
    /// The learner, as its pipeline describes itself.
    pub model: String,
    /// The score's name (`accuracy`, `mse`).
    pub metric: &'static str,
    pub higher_is_better: bool,
    /// The score of a model that ignores the features, on all rows.
    pub baseline: f64,
    pub baseline_model: &'static str,
    /// The same baseline on each fold's test rows, in fold order.
    pub fold_baselines: Vec<f64>,
    pub n_folds: usize,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
}

/// The experiment's results: a curve, or early stopping's staged losses.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Results {
    Curve(Curve),
    EarlyStopping(early_stopping::Staged),
}

impl Results {
    pub fn findings(&self) -> &[Finding] {
        match self {
            Results::Curve(c) => &c.findings,
            Results::EarlyStopping(e) => &e.findings,
        }
    }

    pub fn reading(&self) -> &str {
        match self {
            Results::Curve(c) => &c.reading,
            Results::EarlyStopping(e) => &e.reading,
        }
    }
}

pub type CurvesReport = Report<Checked<Params>, Results>;

/// Runs the curve `params.kind` names on `data` (a class target; a one-feature continuous
/// target for the degree curve).
pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    progress: &dyn Observer,
) -> Result<CurvesReport> {
    let (results, warnings) = match (params.kind, params.param) {
        (Kind::EarlyStopping, _) => (
            Results::EarlyStopping(early_stopping::run(data, params, progress)?),
            Vec::new(),
        ),
        (Kind::Learning, _) => {
            let (c, w) = learning::run(data, params, progress)?;
            (Results::Curve(c), w)
        }
        (Kind::Validation, Some(Knob::Degree)) => {
            let (c, w) = degree::run(data, params, progress)?;
            (Results::Curve(c), w)
        }
        (Kind::Validation, knob) => {
            let knob =
                knob.ok_or_else(|| Error::internal("a checked validation curve has a knob"))?;
            let (c, w) = validation::run(data, params, knob, progress)?;
            (Results::Curve(c), w)
        }
    };
    Ok(
        Report::new("curves", params.clone(), Some(data.summary()), results)
            .with_warnings(warnings),
    )
}

/// The folds' design in words, as a method names it (`stratified k-fold`).
fn design(splitter: &Splitter) -> &'static str {
    match splitter {
        Splitter::KFold { .. } => "k-fold",
        Splitter::Stratified { .. } => "stratified k-fold",
        Splitter::RepeatedStratified { .. } => "repeated stratified k-fold",
        Splitter::LeaveOneOut => "leave-one-out",
        Splitter::TimeSeries { .. } => "time-series",
    }
}

#[cfg(test)]
mod tests;
