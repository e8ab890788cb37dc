//! `mlproof regularize --demo sparsity|instability`: the claims about L1 and L2, measured.

use mlproof_core::{Error, Result};
use mlproof_experiments::regularize::demo::{
    self, Demo, DemoParams, InstabilityResults, SparsityResults,
};
use mlproof_experiments::Check;
use mlproof_linear::demo::instability::FLIP;

use crate::cli::{RegularizeArgs, RegularizeDemo};
use crate::render::{num, Doc, Output, Table};

pub fn run(which: RegularizeDemo, args: &RegularizeArgs, seed: u64) -> Result<Output> {
    if args.data.given() {
        return Err(Error::usage(
            "the regularize demos run on generated data with a known truth; drop --dataset/--data",
        ));
    }
    let mut params = DemoParams::new(match which {
        RegularizeDemo::Sparsity => Demo::Sparsity,
        RegularizeDemo::Instability => Demo::Instability,
    });
    params.seed = seed;
    if let Some(r) = args.rounds {
        params.rounds = r;
    }
    if args.correlation.is_some() {
        params.correlation = args.correlation;
    }
    output(&params.check()?)
}

/// The demo, as a document.
pub fn output(params: &mlproof_experiments::Checked<DemoParams>) -> Result<Output> {
    let bar = &crate::progress::BAR;
    Ok(match params.demo {
        Demo::Sparsity => {
            let report = demo::run_sparsity(params, bar)?;
            let doc = sparsity_doc(&report.results);
            Output::new(report, doc)
        }
        Demo::Instability => {
            let report = demo::run_instability(params, bar)?;
            let doc = instability_doc(&report.results);
            Output::new(report, doc)
        }
    })
}

fn pct(x: f64) -> String {
    if x.is_nan() {
        "n/a".into()
    } else {
        format!("{:.0}%", 100.0 * x)
    }
}

fn sparsity_doc(results: &SparsityResults) -> Doc {
    let r = &results.sparsity;
    let s = &r.spec;
    let mut doc = Doc::default();
    doc.title(format!(
        "Sparsity: {} informative features among {}, {} rows, noise σ = {}",
        s.informative, s.features, s.rows, s.noise
    ));
    let truth: Vec<String> = r
        .truth
        .iter()
        .map(|(j, b)| format!("x{j} ({b:+.2})"))
        .collect();
    doc.paragraph(format!(
        "The truth (generated): {}; every other coefficient is 0.",
        truth.join(", ")
    ));
    let mut t = Table::new(
        &[
            "penalty",
            "α chosen by",
            "α",
            "kept",
            "informative kept",
            "precision",
            "recall",
            "CV MSE",
        ],
        &[2, 3, 4, 5, 6, 7],
    );
    for q in &r.rows {
        t.row(vec![
            q.penalty.into(),
            q.rule.into(),
            format!("{:.4e}", q.alpha),
            q.kept.to_string(),
            format!("{} of {}", q.true_kept, s.informative),
            pct(q.precision),
            pct(q.recall),
            num(q.cv_mse),
        ]);
    }
    doc.table(t);
    doc.paragraph(
        "Precision is the share of kept features that are informative (no skill: the \
         informative share of all features); recall the share of informative features kept.",
    );
    crate::render::findings(&mut doc, &results.findings);
    doc.paragraph(results.reading.clone());
    doc
}

fn instability_doc(results: &InstabilityResults) -> Doc {
    let r = &results.instability;
    let s = &r.spec;
    let mut doc = Doc::default();
    doc.title(format!(
        "Instability: {} pairs of twins (correlation {}), {} noise features, {} bootstrap resamples",
        s.pairs, s.correlation, s.noise_features, s.rounds
    ));
    let corr: Vec<String> = r
        .sample_correlation
        .iter()
        .map(|c| format!("{c:.3}"))
        .collect();
    doc.paragraph(format!(
        "Each pair's twins measure the same latent factor (sample correlations {}). For each \
         penalty α is chosen by 5-fold CV on the full sample (its minimum, and the one-SE \
         rule's larger α); every resample is refitted at that α.",
        corr.join(", ")
    ));
    let mut t = Table::new(
        &[
            "penalty",
            "α by",
            "α",
            "pair",
            "both",
            "only A",
            "only B",
            "neither",
            "A's share ± sd",
            "flips",
        ],
        &[2, 3, 4, 5, 6, 7, 8],
    );
    for q in &r.rows {
        t.row(vec![
            q.penalty.into(),
            q.rule.into(),
            format!("{:.3e}", q.alpha),
            q.pair.to_string(),
            pct(q.both),
            pct(q.only_first),
            pct(q.only_second),
            pct(q.neither),
            format!("{:.2} ± {:.2}", q.share_mean, q.share_sd),
            if q.unstable { "yes" } else { "no" }.into(),
        ]);
    }
    doc.table(t);
    doc.paragraph(format!(
        "A pair 'flips' when each twin is the only one kept in at least {:.0}% of resamples. \
         A's share is |w_A|/(|w_A| + |w_B|): near 0.5 with a small sd means the weight is shared.",
        100.0 * FLIP
    ));
    crate::render::findings(&mut doc, &results.findings);
    doc.paragraph(results.reading.clone());
    doc
}
