//! `mlproof tree split`: how a decision tree chooses its first split, worked through.

use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_trees::walkthrough::{root_splits, RootSplits};
use mlproof_trees::Criterion;
use serde::Serialize;

use crate::cli::{SplitCriterion, TreeSplitArgs};
use crate::render::{num, Doc, Output, Table};

#[derive(Serialize)]
struct Params {
    criteria: Vec<Criterion>,
    seed: u64,
}

pub fn run(args: &TreeSplitArgs, seed: u64) -> Result<Output> {
    let data = args.data.load("car-good", seed)?;
    let criteria = match args.criterion {
        SplitCriterion::Entropy => vec![Criterion::Entropy],
        SplitCriterion::Gini => vec![Criterion::Gini],
        SplitCriterion::Both => vec![Criterion::Entropy, Criterion::Gini],
    };
    let results = criteria
        .iter()
        .map(|&c| root_splits(&data, c))
        .collect::<Result<Vec<_>>>()?;
    let mut doc = Doc::default();
    for r in &results {
        section(&mut doc, &data.name, r);
    }
    if results.len() == 2 && results[0].chosen != results[1].chosen {
        doc.paragraph(format!(
            "The criteria disagree: entropy picks {}, Gini picks {}.",
            results[0].splits[results[0].chosen].feature,
            results[1].splits[results[1].chosen].feature
        ));
    } else if results.len() == 2 {
        doc.paragraph(format!(
            "Both criteria choose {}; they usually agree (Raileanu & Stoffel 2004 found them to \
             disagree on only about 2% of splits).",
            results[0].splits[results[0].chosen].feature
        ));
    }
    let params = Params { criteria, seed };
    Ok(Output::new(
        Report::new("tree split", params, Some(data.summary()), results),
        doc,
    ))
}

fn counts(c: &[usize]) -> String {
    let parts: Vec<String> = c.iter().map(usize::to_string).collect();
    format!("[{}]", parts.join("/"))
}

fn section(doc: &mut Doc, dataset: &str, r: &RootSplits) {
    let (name, symbol, formula) = match r.criterion {
        Criterion::Entropy => (
            "information gain (entropy, bits)",
            "H",
            "H(S) = −Σₖ pₖ log₂ pₖ; gain = H(S) − Σᵥ |Sᵥ|/|S| · H(Sᵥ)",
        ),
        _ => (
            "Gini decrease",
            "G",
            "G(S) = 1 − Σₖ pₖ²; decrease = G(S) − Σᵥ |Sᵥ|/|S| · G(Sᵥ)",
        ),
    };
    doc.title(format!("Root split of {dataset} by {name}"));
    let total: usize = r.counts.iter().sum();
    doc.paragraph(format!(
        "{formula}. Parent S: {total} rows, classes {} counts {} → {symbol}(S) = {}. Numeric features: the \
         best threshold (midpoint between neighbouring values); categorical: one child per level (ID3). \
         Child counts are per class, in the order above.",
        r.classes.join("/"),
        counts(&r.counts),
        num(r.parent_impurity)
    ));
    let mut t = Table::new(
        &[
            "",
            "feature",
            "gain",
            "Σ weighted child",
            "children: rule counts impurity",
        ],
        &[2, 3],
    );
    let mut order: Vec<usize> = (0..r.splits.len()).collect();
    order.sort_by(|&a, &b| {
        r.splits[b]
            .gain
            .total_cmp(&r.splits[a].gain)
            .then(a.cmp(&b))
    });
    for i in order {
        let s = &r.splits[i];
        let children: Vec<String> = s
            .children
            .iter()
            .map(|c| format!("{} {} {}", c.rule, counts(&c.counts), num(c.impurity)))
            .collect();
        t.row(vec![
            if i == r.chosen {
                "▶".into()
            } else {
                String::new()
            },
            s.feature.clone(),
            num(s.gain),
            num(s.weighted_child_impurity),
            if children.is_empty() {
                "(constant: no split)".into()
            } else {
                children.join("; ")
            },
        ]);
    }
    doc.table(t);
    let best = &r.splits[r.chosen];
    let tied: Vec<&str> = r
        .splits
        .iter()
        .enumerate()
        .filter(|(i, s)| *i != r.chosen && (s.gain - best.gain).abs() <= 1e-12)
        .map(|(_, s)| s.feature.as_str())
        .collect();
    if !tied.is_empty() {
        doc.paragraph(format!(
            "{} ties with {} on gain: mlproof takes the first column; scikit-learn breaks such ties \
             in a random feature order fixed by random_state.",
            best.feature,
            tied.join(", ")
        ));
    }
}
