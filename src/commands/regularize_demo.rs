//! `mlproof regularize --demo sparsity|instability`: the claims about L1 and L2, measured.

use mlproof_core::report::Report;
use mlproof_core::{Error, Result};
use mlproof_linear::demo::instability::{instability, Instability, InstabilitySpec, FLIP};
use mlproof_linear::demo::sparsity::{sparsity, Sparsity, SparsitySpec};
use serde::Serialize;

use crate::cli::{RegularizeArgs, RegularizeDemo};
use crate::render::{num, Doc, Output, Table};

pub fn run(demo: RegularizeDemo, args: &RegularizeArgs, seed: u64) -> Result<Output> {
    if args.data.given() {
        return Err(Error::usage(
            "the regularize demos run on generated data with a known truth; drop --dataset/--data",
        ));
    }
    match demo {
        RegularizeDemo::Sparsity => {
            let spec = SparsitySpec {
                rows: args.rounds.unwrap_or(200),
                ..SparsitySpec::default()
            };
            let r = sparsity(&spec, seed)?;
            let doc = sparsity_doc(&r);
            Ok(Output::new(
                Report::new(
                    "regularize",
                    Params {
                        demo: "sparsity",
                        seed,
                    },
                    None,
                    r,
                ),
                doc,
            ))
        }
        RegularizeDemo::Instability => {
            let spec = InstabilitySpec {
                rounds: args.rounds.unwrap_or(100),
                correlation: args.correlation,
                ..InstabilitySpec::default()
            };
            let r = instability(&spec, seed)?;
            let doc = instability_doc(&r);
            Ok(Output::new(
                Report::new(
                    "regularize",
                    Params {
                        demo: "instability",
                        seed,
                    },
                    None,
                    r,
                ),
                doc,
            ))
        }
    }
}

#[derive(Debug, Serialize)]
struct Params {
    demo: &'static str,
    seed: u64,
}

fn pct(x: f64) -> String {
    if x.is_nan() {
        "n/a".into()
    } else {
        format!("{:.0}%", 100.0 * x)
    }
}

fn sparsity_doc(r: &Sparsity) -> Doc {
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
    let l1 = r
        .rows
        .iter()
        .find(|q| q.penalty == "L1" && q.rule == "1-SE");
    let l2 = r
        .rows
        .iter()
        .find(|q| q.penalty == "L2" && q.rule == "min CV");
    if let (Some(l1), Some(l2)) = (l1, l2) {
        doc.paragraph(format!(
            "Precision is the share of kept features that are informative; recall the share of \
             informative features kept. On this run L1 (1-SE α) kept {} features with precision {} \
             and recall {}; L2 kept {} of {} (precision {}){}.",
            l1.kept,
            pct(l1.precision),
            pct(l1.recall),
            l2.kept,
            s.features,
            pct(l2.precision),
            if l2.kept == s.features {
                ": it shrinks coefficients but zeroes none"
            } else {
                ""
            }
        ));
    }
    doc
}

fn instability_doc(r: &Instability) -> Doc {
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
    let flipped: Vec<String> = r
        .rows
        .iter()
        .filter(|q| q.penalty == "L1" && q.unstable)
        .map(|q| {
            format!(
                "pair {} at the {} α (only A {}, only B {})",
                q.pair,
                q.rule,
                pct(q.only_first),
                pct(q.only_second)
            )
        })
        .collect();
    let verdict = if r.l1_unstable {
        format!(
            "L1 was unstable on this run: which twin it kept flipped between resamples on {}.",
            flipped.join(", ")
        )
    } else {
        "L1 was not unstable on this run: on no pair, at either α, did each twin survive \
         alone in at least 10% of resamples."
            .to_owned()
    };
    doc.paragraph(format!(
        "{verdict} A pair 'flips' when each twin is the only one kept in at least {:.0}% of \
         resamples. A's share is |w_A|/(|w_A| + |w_B|): near 0.5 with a small sd means the \
         weight is shared.",
        100.0 * FLIP
    ));
    doc
}
