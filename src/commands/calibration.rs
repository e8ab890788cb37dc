//! `mlproof calibration`: reliability diagram, Brier decomposition, the cost of imbalance
//! corrections and the in-fold repair.

use mlproof_core::calibration::Binning;
use mlproof_core::{Error, Result};
use mlproof_experiments::calibration::{
    self, CalibrationResults, Correction, Diagram, Params, Recalibration,
};
use mlproof_experiments::Check;

use crate::cli::{BinningArg, CalibrationArgs};
use crate::render::{num, Doc, Figure, Line, Output, Table};

pub fn run(args: &CalibrationArgs, seed: u64) -> Result<Output> {
    let n_bins = usize::try_from(args.n_bins).map_err(|_| {
        Error::param(
            "n_bins",
            format!(
                "must be between 2 and {} (got {})",
                calibration::MAX_BINS,
                args.n_bins
            ),
        )
    })?;
    let params = Params {
        n_bins,
        binning: match args.binning {
            BinningArg::Uniform => Binning::Uniform,
            BinningArg::Quantile => Binning::Quantile,
        },
        n_splits: args.n_splits,
        n_repeats: args.n_repeats,
        calibration_folds: args.calibration_folds,
        k_neighbors: args.k_neighbors,
        positive: args.data.positive.clone(),
        seed,
    }
    .check()?;
    let data = args.data.load(calibration::DEFAULT_DATASET, seed)?;
    let report = calibration::run(&data, &params, &crate::progress::BAR)?;
    let doc = doc(&data.name, &report.results);
    Ok(Output::new(report, doc))
}

fn find(r: &CalibrationResults, c: Correction, rc: Recalibration) -> Option<&Diagram> {
    r.diagrams
        .iter()
        .find(|d| d.correction == c && d.recalibration == rc)
}

/// One method's diagram: the bins with their counts, and the plot of predicted vs observed.
fn reliability(doc: &mut Doc, d: &Diagram) {
    let mut t = Table::new(
        &[
            "bin",
            "range",
            "rows",
            "positives",
            "mean predicted",
            "observed",
        ],
        &[0, 2, 3, 4, 5],
    );
    for (k, b) in d.reliability.bins.iter().enumerate() {
        t.row(vec![
            (k + 1).to_string(),
            format!("{:.3}–{:.3}", b.lower, b.upper),
            b.count.to_string(),
            b.positives.to_string(),
            num(b.mean_predicted.unwrap_or(f64::NAN)),
            num(b.observed.unwrap_or(f64::NAN)),
        ]);
    }
    doc.paragraph(format!(
        "Reliability diagram, {} (out of fold, {} bins; calibrated when observed = predicted):",
        d.method, d.reliability.binning
    ));
    doc.table(t);
    let bins = &d.reliability.bins;
    doc.figure(Figure::Lines {
        x_title: "bin".into(),
        x_labels: (1..=bins.len()).map(|k| k.to_string()).collect(),
        series: vec![
            Line {
                label: "mean predicted".into(),
                glyph: '·',
                values: bins
                    .iter()
                    .map(|b| b.mean_predicted.unwrap_or(f64::NAN))
                    .collect(),
            },
            Line {
                label: "observed share of positives".into(),
                glyph: 'o',
                values: bins
                    .iter()
                    .map(|b| b.observed.unwrap_or(f64::NAN))
                    .collect(),
            },
        ],
        height: 10,
    });
}

fn doc(dataset: &str, r: &CalibrationResults) -> Doc {
    let mut doc = Doc::default();
    doc.title(format!(
        "Calibration on {dataset}: {} rows, {} positive ('{}'), logistic regression, {}",
        r.rows, r.positives, r.positive_class, r.design
    ));
    for c in [Correction::None, Correction::Smote] {
        if let Some(d) = find(r, c, Recalibration::Raw) {
            reliability(&mut doc, d);
        }
    }
    let prior = r.baselines.get("brier").copied().unwrap_or(f64::NAN);
    let mut t = Table::new(
        &[
            "pooled out of fold",
            "Brier",
            "REL",
            "RES",
            "UNC",
            "within-bin",
            "slope",
            "intercept",
        ],
        &[1, 2, 3, 4, 5, 6, 7],
    );
    for d in &r.diagrams {
        let m = &d.murphy;
        t.row(vec![
            d.method.clone(),
            num(m.brier),
            num(m.reliability),
            num(m.resolution),
            num(m.uncertainty),
            num(m.three_term_gap),
            num(d.calibration.slope),
            num(d.calibration.intercept),
        ]);
    }
    t.row(vec![
        "no skill (prevalence) / ideal".into(),
        num(prior),
        "0".into(),
        "0".into(),
        num(prior),
        "0".into(),
        "1".into(),
        "0".into(),
    ]);
    doc.paragraph(format!(
        "Brier = REL − RES + UNC + within-bin terms (WBV − 2·WBC, Stephenson et al. 2008) on the \
         same {} bins; the three-term form is exact only when each bin holds one prediction.",
        r.binning
    ));
    doc.table(t);
    let mut t = Table::new(
        &[
            "mean over the folds",
            "ROC-AUC",
            "Brier",
            "slope",
            "intercept",
        ],
        &[1, 2, 3, 4],
    );
    let cell = |m: &calibration::MethodScores, k: &str| {
        m.scores
            .get(k)
            .map_or_else(|| "n/a".into(), |s| num(s.mean))
    };
    for m in &r.methods {
        t.row(vec![
            m.method.clone(),
            cell(m, "roc_auc"),
            cell(m, "brier"),
            cell(m, "calibration_slope"),
            cell(m, "calibration_intercept"),
        ]);
    }
    t.row(vec![
        "no skill / ideal".into(),
        num(0.5),
        num(prior),
        "1".into(),
        "0".into(),
    ]);
    doc.table(t);
    doc.paragraph(
        "Isotonic regression predicts exactly 0 (or 1) where its lowest (highest) block holds \
         one class only; the slope's logit clips those at ±34.5, so an isotonic slope says little. \
         Per-fold scores, standard deviations and intervals are in the JSON output.",
    );
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}
