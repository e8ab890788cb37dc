//! `mlproof tree split`: how a decision tree chooses its first split, worked through.

use mlproof_core::Result;
use mlproof_experiments::tree::split::{self, gain_name, Params, SplitWalkthrough};
use mlproof_experiments::Check;
use mlproof_trees::walkthrough::RootSplits;
use mlproof_trees::Criterion;

use crate::cli::{SplitCriterion, TreeSplitArgs};
use crate::render::{num, Doc, Output, Table};

pub fn run(args: &TreeSplitArgs, seed: u64) -> Result<Output> {
    let criteria = match args.criterion {
        SplitCriterion::Entropy => vec![Criterion::Entropy],
        SplitCriterion::Gini => vec![Criterion::Gini],
        SplitCriterion::Both => vec![Criterion::Entropy, Criterion::Gini],
    };
    let params = Params { criteria, seed }.check()?;
    let data = args.data.load(split::DEFAULT_DATASET, seed)?;
    output(&data, &params)
}

/// The experiment on `data`, as a document.
pub fn output(
    data: &mlproof_data::Dataset,
    params: &mlproof_experiments::Checked<Params>,
) -> Result<Output> {
    let report = split::run(data, params, &crate::progress::BAR)?;
    let doc = doc(&data.name, &report.results);
    Ok(Output::new(report, doc))
}

fn doc(dataset: &str, r: &SplitWalkthrough) -> Doc {
    let mut doc = Doc::default();
    for (root, ties) in r.root_splits.iter().zip(&r.ties) {
        section(&mut doc, dataset, root, ties);
    }
    if r.root_splits.len() == 2 {
        doc.paragraph(
            "Entropy and Gini usually agree: Raileanu & Stoffel (2004) found them to disagree on \
             only about 2% of splits.",
        );
    }
    crate::render::findings(&mut doc, &r.findings);
    doc.paragraph(r.reading.clone());
    doc
}

fn counts(c: &[usize]) -> String {
    let parts: Vec<String> = c.iter().map(usize::to_string).collect();
    format!("[{}]", parts.join("/"))
}

fn section(doc: &mut Doc, dataset: &str, r: &RootSplits, ties: &[String]) {
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
    // Features that divide the rows by gain; constant ones after them, unranked.
    order.sort_by(|&a, &b| {
        let (sa, sb) = (&r.splits[a], &r.splits[b]);
        sb.divides()
            .cmp(&sa.divides())
            .then(sb.gain.total_cmp(&sa.gain))
            .then(a.cmp(&b))
    });
    for i in order {
        let s = &r.splits[i];
        let children: Vec<String> = s
            .children
            .iter()
            .map(|c| format!("{} {} {}", c.rule, counts(&c.counts), num(c.impurity)))
            .collect();
        let (gain, weighted) = if s.divides() {
            (num(s.gain), num(s.weighted_child_impurity))
        } else {
            ("no split".into(), "-".into())
        };
        t.row(vec![
            if i == r.chosen && !r.no_split {
                "▶".into()
            } else {
                String::new()
            },
            s.feature.clone(),
            gain,
            weighted,
            if children.is_empty() {
                "(constant: no split)".into()
            } else {
                children.join("; ")
            },
        ]);
    }
    doc.table(t);
    if r.no_split {
        doc.paragraph(
            "No feature divides the rows (every one is constant): there is no root split to choose, \
             and a tree here is a single leaf.",
        );
    }
    if !ties.is_empty() {
        doc.paragraph(format!(
            "{} ties with {} on gain ({}): mlproof takes the first column; scikit-learn breaks such ties \
             in a random feature order fixed by random_state.",
            r.splits[r.chosen].feature,
            ties.join(", "),
            gain_name(r.criterion)
        ));
    }
}
