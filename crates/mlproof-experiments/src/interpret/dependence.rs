//! `interpret --method pdp | ice`: partial dependence and ICE of one feature.

use mlproof_core::evidence::{self, Direction, Effect, Finding, Findings, Rope};
use mlproof_core::inspection::{grid, partial_dependence, Grid};
use mlproof_core::progress::Observer;
use mlproof_core::seed;
use mlproof_core::{Error, Result};
use ndarray::{Array1, Array2};
use rand::Rng;
use serde::Serialize;

use super::{fit, uses_rows, Explanation, ModelSummary, Params, BOOTSTRAP};

/// The 5th and 95th percentiles bound a percentile grid (scikit-learn's default).
pub const PERCENTILES: (f64, f64) = (0.05, 0.95);

/// `results.partial_dependence`.
#[derive(Debug, Clone, Serialize)]
pub struct Dependence {
    pub feature: String,
    pub grid: Grid,
    /// PD(g): the mean P(y = 1) with the feature set to g on every row.
    pub average: Vec<f64>,
    /// The no-skill prediction beside it: the positive share of all rows.
    pub prediction_baseline: f64,
    /// max PD − min PD over the grid.
    pub pd_range: f64,
    /// The mean over rows of each ICE curve's own range (max − min).
    pub mean_ice_range: f64,
    pub n_rows: usize,
    /// `ice`: ICE curves of the first `rows` rows (every row with `all_rows`), as
    /// `{row, values}`; empty for `pdp`.
    pub individual: Vec<IceCurve>,
}

/// One row's ICE curve.
#[derive(Debug, Clone, Serialize)]
pub struct IceCurve {
    pub row: usize,
    pub values: Vec<f64>,
}

/// The column of `feature`, or an error that lists the valid names.
pub(super) fn feature_index(
    feature: Option<&str>,
    names: &[String],
    method: &str,
) -> Result<usize> {
    let list = names.join(", ");
    let Some(f) = feature else {
        return Err(Error::param(
            "feature",
            format!("is needed by --method {method}: name one of {list}"),
        ));
    };
    names.iter().position(|n| n == f).ok_or_else(|| {
        Error::param(
            "feature",
            format!("'{f}' is not a feature of this data; the features are {list}"),
        )
    })
}

fn range(v: &[f64]) -> f64 {
    let (lo, hi) = v
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &x| {
            (l.min(x), h.max(x))
        });
    hi - lo
}

pub(super) fn run(
    params: &Params,
    x: &Array2<f64>,
    y: &Array1<usize>,
    names: &[String],
    progress: &dyn Observer,
) -> Result<Explanation> {
    let j = feature_index(params.feature.as_deref(), names, params.method.name())?;
    let column = x.column(j).to_vec();
    if let Some(first) = column.first() {
        if column.iter().all(|v| v == first) {
            return Err(Error::input(format!(
                "feature '{}' is constant (every row is {first}): it has no dependence to show; \
                 choose another --feature",
                names[j]
            )));
        }
    }
    let g = grid(&column, PERCENTILES, params.grid_resolution)?;
    let (fitted, explained) = fit(params, x, y)?;
    progress.start("partial dependence", 1);
    let pd = partial_dependence(fitted.as_binary(), x, j, g)?;
    progress.tick();
    progress.finish();
    let n = x.nrows();
    let ice_ranges: Vec<f64> = pd.individual.iter().map(|c| range(c)).collect();
    let shown = match (uses_rows(params.method), params.all_rows) {
        (false, _) => 0,
        (true, true) => n,
        (true, false) => params.rows.min(n),
    };
    let dep = Dependence {
        feature: names[j].clone(),
        pd_range: range(&pd.average),
        mean_ice_range: ice_ranges.iter().sum::<f64>() / n.max(1) as f64,
        prediction_baseline: y.iter().filter(|&&v| v == 1).count() as f64 / n.max(1) as f64,
        grid: pd.grid,
        average: pd.average,
        n_rows: n,
        individual: pd
            .individual
            .iter()
            .take(shown)
            .enumerate()
            .map(|(row, v)| IceCurve {
                row,
                values: v.clone(),
            })
            .collect(),
    };
    let findings = judge(&dep, &pd.individual, &ice_ranges, params.seed);
    let reading = read(&dep, &explained, findings.as_slice());
    Ok(Explanation {
        method: params.method,
        explained,
        shap: None,
        partial_dependence: Some(dep),
        surrogate: None,
        findings: findings.into_vec(),
        reading,
    })
}

/// Whether the average prediction moves across the grid (PD range above ±0.01), and whether
/// the rows' own curves move more than the average shows (mean ICE range − PD range above
/// ±0.01: heterogeneity the PD plot hides, Goldstein et al. 2015). Both by bootstrap over rows.
fn judge(d: &Dependence, ice: &[Vec<f64>], ice_ranges: &[f64], seed: u64) -> Findings {
    let n = ice.len();
    let k = d.grid.values.len();
    let stats = |rows: &[usize]| -> (f64, f64) {
        let mut avg = vec![0.0; k];
        let mut spread = 0.0;
        for &i in rows {
            for (a, v) in avg.iter_mut().zip(&ice[i]) {
                *a += v;
            }
            spread += ice_ranges[i];
        }
        let m = rows.len().max(1) as f64;
        let avg: Vec<f64> = avg.iter().map(|a| a / m).collect();
        let r = range(&avg);
        (r, spread / m - r)
    };
    let all: Vec<usize> = (0..n).collect();
    let point = stats(&all);
    let mut rng = seed::rng(seed, "interpret/pd-bootstrap", 0);
    let reps: Vec<(f64, f64)> = (0..BOOTSTRAP)
        .map(|_| stats(&(0..n).map(|_| rng.gen_range(0..n)).collect::<Vec<_>>()))
        .collect();
    let what = "resamples of the rows";
    let mut out = Findings::default();
    out.push(Finding::new(
        &format!("pd-moves-{}", crate::common::feature_slug(&d.feature)),
        format!(
            "the average predicted probability changes across {}'s grid (partial dependence range)",
            d.feature
        ),
        Effect::bootstrap_percentile(point.0, &reps.iter().map(|r| r.0).collect::<Vec<_>>(), what),
        Rope::score(),
        Direction::Greater,
    ));
    out.push(Finding::new(
        "ice-heterogeneous",
        "individual rows' curves move more than the average curve shows (mean ICE range minus PD range)",
        Effect::bootstrap_percentile(
            point.1,
            &reps.iter().map(|r| r.1).collect::<Vec<_>>(),
            what,
        ),
        Rope::score(),
        Direction::Greater,
    ));
    out
}

fn read(d: &Dependence, m: &ModelSummary, findings: &[Finding]) -> String {
    let (first, last) = (
        d.average.first().copied().unwrap_or(f64::NAN),
        d.average.last().copied().unwrap_or(f64::NAN),
    );
    let grid = match d.grid.kind {
        mlproof_core::inspection::GridKind::Unique => {
            format!("its {} distinct values", d.grid.values.len())
        }
        mlproof_core::inspection::GridKind::Percentiles { .. } => format!(
            "{} even steps between its 5th and 95th percentiles",
            d.grid.values.len()
        ),
    };
    format!(
        "Setting {} on every row to each of {grid}, the mean P(y = 1) of the {} goes from {} to {} \
         (range {}; no-skill prediction {}); a row's own curve moves by {} on average. {}",
        d.feature,
        m.name,
        evidence::number(first),
        evidence::number(last),
        evidence::number(d.pd_range),
        evidence::number(d.prediction_baseline),
        evidence::number(d.mean_ice_range),
        evidence::reading(findings)
    )
}
