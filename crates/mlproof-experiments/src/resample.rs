//! `resample`: the rows a resampler produces — random over- or under-sampling, SMOTE,
//! SMOTE-NC, Borderline-SMOTE or ADASYN — as a dataset (original rows first, then the new
//! ones), with what changed and exact findings on the output: the class ratio reached
//! against the one asked for, the rows added or removed against the count that ratio
//! requires, and for the SMOTE family whether every synthetic row stays inside the positive
//! rows' range (interpolation never extrapolates).

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::model::Step;
use mlproof_core::params::{Check, Checked};
use mlproof_core::progress::Observer;
use mlproof_core::report::Report;
use mlproof_core::{seed, Error, Result};
use mlproof_data::{Dataset, FeatureKind, Target};
use mlproof_imbalance::{
    Adasyn, RandomOverSampler, RandomUnderSampler, SamplingStrategy, Smote, SmoteKind, SmoteNc,
    Synthetic,
};
use ndarray::{Array1, Array2, Axis};
use serde::Serialize;

/// The dataset used when none is named.
pub const DEFAULT_DATASET: &str = "yeast4";

/// Which resampler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    Over,
    Under,
    Smote,
    SmoteNc,
    Borderline,
    Adasyn,
}

impl Method {
    /// The finding-id fragment (`leaky-smote-inflates`).
    pub fn slug(self) -> &'static str {
        match self {
            Method::Over => "oversampling",
            Method::Under => "undersampling",
            Method::Smote => "smote",
            Method::SmoteNc => "smote-nc",
            Method::Borderline => "borderline-smote",
            Method::Adasyn => "adasyn",
        }
    }

    /// The method's name in tables and sentences.
    pub fn name(self) -> &'static str {
        match self {
            Method::Over => "random over-sampling",
            Method::Under => "random under-sampling",
            Method::Smote => "SMOTE",
            Method::SmoteNc => "SMOTE-NC",
            Method::Borderline => "Borderline-SMOTE",
            Method::Adasyn => "ADASYN",
        }
    }

    /// SMOTE, Borderline-SMOTE, ADASYN and SMOTE-NC: new rows between neighbours.
    pub fn synthesizes(self) -> bool {
        !matches!(self, Method::Over | Method::Under)
    }
}

/// The experiment's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    #[serde(serialize_with = "method_name")]
    pub method: Method,
    /// SMOTE family: minority neighbours a synthetic row may move toward.
    pub k_neighbors: usize,
    /// Borderline-SMOTE: neighbours (all classes) that decide whether a row is in danger.
    pub m_neighbors: usize,
    /// Positive/negative ratio after resampling, in (0, 1] (`None`: balance).
    pub ratio: Option<f64>,
    pub seed: u64,
}

fn method_name<S: serde::Serializer>(m: &Method, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(m.name())
}

impl Default for Params {
    fn default() -> Self {
        Params {
            method: Method::Smote,
            k_neighbors: 5,
            m_neighbors: 10,
            ratio: None,
            seed: seed::DEFAULT_SEED,
        }
    }
}

impl Check for Params {
    fn validate(&self) -> Result<()> {
        let d = Params::default();
        if !self.method.synthesizes() && self.k_neighbors != d.k_neighbors {
            return Err(Error::param(
                "k_neighbors",
                format!(
                    "applies to the SMOTE family only, not {}",
                    self.method.name()
                ),
            ));
        }
        if self.method != Method::Borderline && self.m_neighbors != d.m_neighbors {
            return Err(Error::param(
                "m_neighbors",
                format!(
                    "applies to Borderline-SMOTE only, not {}",
                    self.method.name()
                ),
            ));
        }
        strategy(self.ratio)?;
        resampler(
            self.method,
            self.k_neighbors,
            self.m_neighbors,
            self.ratio,
            vec![true, false],
        )
        .map(|_| ())
    }
}

fn strategy(ratio: Option<f64>) -> Result<SamplingStrategy> {
    ratio
        .map_or(SamplingStrategy::Auto, SamplingStrategy::Ratio)
        .check()
}

/// The resampler `method` names, as an in-fold step (for the leakage demo).
pub fn resampler(
    method: Method,
    k: usize,
    m: usize,
    ratio: Option<f64>,
    categorical: Vec<bool>,
) -> Result<Box<dyn Step>> {
    let strategy = strategy(ratio)?;
    Ok(match method {
        Method::Over => Box::new(RandomOverSampler { strategy }),
        Method::Under => Box::new(RandomUnderSampler { strategy }),
        Method::Smote => Box::new(Smote::new(k, strategy, SmoteKind::Regular)?),
        Method::Borderline => Box::new(Smote::new(k, strategy, SmoteKind::Borderline { m })?),
        Method::Adasyn => Box::new(Adasyn::new(k, strategy)?),
        Method::SmoteNc => Box::new(SmoteNc::new(k, strategy, categorical)?),
    })
}

/// The experiment's results.
#[derive(Debug, Clone, Serialize)]
pub struct Resampled {
    pub method: String,
    pub positive_class: String,
    /// [negative, positive] rows.
    pub before: [usize; 2],
    pub after: [usize; 2],
    pub synthetic_rows: usize,
    pub copied_rows: usize,
    pub removed_rows: usize,
    /// Borderline-SMOTE: the minority rows in danger that seeded new rows.
    pub seed_rows: Option<usize>,
    /// Where the rows were written (filled by the caller that writes them).
    pub output: Option<String>,
    /// The positive/negative ratio asked for (1 when balancing).
    pub requested_ratio: f64,
    /// positive / negative after resampling.
    pub ratio_reached: f64,
    pub findings: Vec<Finding>,
    /// The numbers in words, every judgement from `findings`.
    pub reading: String,
    /// The resampled rows: the input (or the kept rows), then the new ones.
    #[serde(skip)]
    pub rows: Dataset,
}

pub type ResampleReport = Report<Checked<Params>, Resampled>;

/// New rows for the method: synthetic (SMOTE family) or picked originals (random).
enum Rows {
    Synthetic(Synthetic),
    Picked(Vec<usize>),
}

/// Refuses what the method cannot do to these columns: interpolating categories, or rows
/// with a time order.
fn check_columns(method: Method, data: &Dataset) -> Result<()> {
    let categorical: Vec<&str> = data
        .feature_names
        .iter()
        .zip(&data.feature_kinds)
        .filter(|(_, k)| matches!(k, FeatureKind::Categorical { .. }))
        .map(|(n, _)| n.as_str())
        .collect();
    let interpolates = matches!(method, Method::Smote | Method::Borderline | Method::Adasyn);
    if interpolates && !categorical.is_empty() {
        return Err(Error::param(
            "method",
            format!(
                "{} interpolates between rows, which is meaningless for the categorical \
                 column(s) {}; choose smote-nc (numeric and categorical columns) or over",
                method.name(),
                categorical.join(", ")
            ),
        ));
    }
    if data.time.is_some() {
        return Err(Error::input(
            "resampling mixes rows across time and synthetic rows have no time stamp; \
             drop --time-column to resample this file",
        ));
    }
    Ok(())
}

fn resample(params: &Params, x: &Array2<f64>, y: &Array1<usize>, cat: Vec<bool>) -> Result<Rows> {
    let strategy = strategy(params.ratio)?;
    let (k, seed) = (params.k_neighbors, params.seed);
    Ok(match params.method {
        Method::Over => Rows::Picked(RandomOverSampler { strategy }.resample_rows(y, seed)?),
        Method::Under => Rows::Picked(RandomUnderSampler { strategy }.resample_rows(y, seed)?),
        Method::Smote => {
            Rows::Synthetic(Smote::new(k, strategy, SmoteKind::Regular)?.synthesize(x, y, seed)?)
        }
        Method::Borderline => {
            let kind = SmoteKind::Borderline {
                m: params.m_neighbors,
            };
            Rows::Synthetic(Smote::new(k, strategy, kind)?.synthesize(x, y, seed)?)
        }
        Method::Adasyn => Rows::Synthetic(Adasyn::new(k, strategy)?.synthesize(x, y, seed)?),
        Method::SmoteNc => Rows::Synthetic(SmoteNc::new(k, strategy, cat)?.synthesize(x, y, seed)?),
    })
}

/// Resamples `data` (its positive class against the rest) and judges the output.
pub fn run(
    data: &Dataset,
    params: &Checked<Params>,
    _progress: &dyn Observer,
) -> Result<ResampleReport> {
    check_columns(params.method, data)?;
    let y = data.binary_target()?;
    let categorical: Vec<bool> = data
        .feature_kinds
        .iter()
        .map(|k| matches!(k, FeatureKind::Categorical { .. }))
        .collect();
    let rows = resample(params, &data.features, &y, categorical.clone())?;
    let out = resampled_dataset(data, &rows);
    let y_after = out.binary_target()?;
    let count = |y: &Array1<usize>| [y.len() - y.sum(), y.sum()];
    let (before, after) = (count(&y), count(&y_after));
    let (synthetic_rows, seed_rows, copied_rows, removed_rows) = match &rows {
        Rows::Synthetic(s) => (
            s.x.nrows(),
            (params.method == Method::Borderline).then_some(s.seeds.len()),
            0,
            0,
        ),
        Rows::Picked(r) => (
            0,
            None,
            r.len().saturating_sub(y.len()),
            y.len().saturating_sub(r.len()),
        ),
    };
    let requested_ratio = params.ratio.unwrap_or(1.0);
    let ratio_reached = after[1] as f64 / after[0] as f64;
    let outside = match &rows {
        Rows::Synthetic(s) => Some(outside_share(&data.features, &y, s, &categorical)),
        Rows::Picked(_) => None,
    };
    let findings = judge(params, before, after, outside);
    let reading = read(params.method, before, after, findings.as_slice());
    let results = Resampled {
        method: params.method.name().into(),
        positive_class: data.positive_class().unwrap_or_default().into(),
        before,
        after,
        synthetic_rows,
        copied_rows,
        removed_rows,
        seed_rows,
        output: None,
        requested_ratio,
        ratio_reached,
        findings: findings.into_vec(),
        reading,
        rows: out,
    };
    Ok(Report::new(
        "resample",
        params.clone(),
        Some(data.summary()),
        results,
    ))
}

/// The share of synthetic rows with a numeric value outside [min, max] of the original
/// positive rows in that column (a relative tolerance of 1e-9 absorbs rounding).
fn outside_share(x: &Array2<f64>, y: &Array1<usize>, s: &Synthetic, categorical: &[bool]) -> f64 {
    if s.x.nrows() == 0 {
        return 0.0;
    }
    let positives: Vec<usize> = (0..y.len()).filter(|&i| y[i] == 1).collect();
    let pos = x.select(Axis(0), &positives);
    let range: Vec<Option<(f64, f64)>> = (0..x.ncols())
        .map(|j| {
            if categorical.get(j).copied().unwrap_or(false) {
                return None;
            }
            let col = pos.column(j);
            let lo = col.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            Some((lo, hi))
        })
        .collect();
    let out =
        s.x.rows()
            .into_iter()
            .filter(|row| {
                row.iter().zip(&range).any(|(&v, r)| match r {
                    Some((lo, hi)) => {
                        let tol = 1e-9 * (1.0 + lo.abs().max(hi.abs()));
                        v < lo - tol || v > hi + tol
                    }
                    None => false,
                })
            })
            .count();
    out as f64 / s.x.nrows() as f64
}

/// The rows the requested ratio r requires: over-sampling adds ⌊r·negatives⌋ − positives
/// positives; under-sampling removes negatives − ⌊positives / r⌋ (imbalanced-learn's counts).
fn required_change(method: Method, ratio: f64, before: [usize; 2]) -> f64 {
    let [neg, pos] = before.map(|c| c as f64);
    match method {
        Method::Under => (pos / ratio).floor() - neg,
        _ => (ratio * neg).floor() - pos,
    }
}

fn judge(params: &Params, before: [usize; 2], after: [usize; 2], outside: Option<f64>) -> Findings {
    let mut out = Findings::default();
    let requested = params.ratio.unwrap_or(1.0);
    let reached = after[1] as f64 / after[0] as f64;
    out.push(Finding::new(
        "ratio-reached",
        format!(
            "the positive/negative ratio reached equals the requested {requested} within ±0.01"
        ),
        Effect::exact(
            reached - requested,
            "exact: positives / negatives after, minus the ratio asked for",
        ),
        Rope::score(),
        Direction::Equivalent,
    ));
    let total = |c: [usize; 2]| (c[0] + c[1]) as f64;
    let changed = total(after) - total(before);
    let required = required_change(params.method, requested, before);
    let (id, verb) = if params.method == Method::Under {
        ("rows-removed", "removed")
    } else {
        ("rows-added", "added")
    };
    out.push(Finding::new(
        id,
        format!(
            "the rows {verb} ({}) are the {} the ratio requires",
            changed.abs(),
            required.abs()
        ),
        Effect::exact(
            changed - required,
            "exact: rows after minus rows before, minus the change the ratio requires",
        ),
        Rope::count(),
        Direction::Equivalent,
    ));
    if let Some(share) = outside {
        out.push(Finding::new(
            "synthetic-rows-inside-positive-range",
            "every synthetic row lies within the positive rows' range in every numeric column",
            Effect::exact(
                share,
                "exact: the share of synthetic rows outside [min, max] of the positive rows in some numeric column",
            ),
            Rope::exact(),
            Direction::Equivalent,
        ));
    }
    out
}

fn read(method: Method, before: [usize; 2], after: [usize; 2], findings: &[Finding]) -> String {
    format!(
        "{} turns {} negative and {} positive rows into {} and {} (ratio {}). {}",
        method.name(),
        before[0],
        before[1],
        after[0],
        after[1],
        evidence::number(after[1] as f64 / after[0] as f64),
        evidence::reading(findings)
    )
}

/// The input rows (or the kept ones), then the new rows labelled with the positive class.
fn resampled_dataset(data: &Dataset, rows: &Rows) -> Dataset {
    let Target::Classes {
        y,
        positive,
        classes,
    } = &data.target
    else {
        return data.clone();
    };
    let (features, codes) = match rows {
        Rows::Picked(r) => (data.features.select(Axis(0), r), y.select(Axis(0), r)),
        Rows::Synthetic(s) => {
            let x = s.stack_on(&data.features);
            let codes = y
                .iter()
                .copied()
                .chain(std::iter::repeat_n(*positive, s.x.nrows()));
            (x, codes.collect())
        }
    };
    // Field by field rather than `data.clone()`: the features are replaced, not copied.
    Dataset {
        name: data.name.clone(),
        origin: data.origin.clone(),
        features,
        feature_names: data.feature_names.clone(),
        feature_kinds: data.feature_kinds.clone(),
        target_name: data.target_name.clone(),
        target: Target::Classes {
            y: codes,
            classes: classes.clone(),
            positive: *positive,
        },
        time: data.time.clone(),
        positive_named: data.positive_named,
        dropped: data.dropped.clone(),
    }
}

#[cfg(test)]
mod tests;
