//! `mlproof tour`: a short guided run through every concept, on embedded data. Each stop is
//! an interview question, the command that answers it, and the experiment run as a library
//! call with typed parameters (the same call the command makes), with the tour's seed.

use mlproof_core::data::registry;
use mlproof_core::report::Report;
use mlproof_core::Result;
use mlproof_experiments::common::{ModelKind, ModelSpec};
use mlproof_experiments::{
    baseline, bias_variance, claims, curves, cv, drift, features, imbalance, leakage, metrics,
    regularize, split, threshold, tree, Check,
};
use mlproof_trees::Criterion;
use mlproof_validation::Splitter;
use serde::Serialize;

use crate::render::{Doc, Output};

/// One stop: the question, the command a candidate would type, and the experiment it runs.
struct Stop {
    question: &'static str,
    command: &'static str,
    run: fn(u64) -> Result<Output>,
}

/// The stops, in the order a candidate would meet them.
const STOPS: &[Stop] = &[
    Stop {
        question: "What data can I demonstrate on?",
        command: "mlproof datasets",
        run: |seed| super::datasets::list(seed),
    },
    Stop {
        question: "Why is accuracy the wrong metric on imbalanced data?",
        command: "mlproof metrics --dataset yeast4",
        run: |seed| {
            let params = metrics::Params { seed, ..Default::default() }.check()?;
            super::metrics::output(&registry::load("yeast4", seed)?, &params)
        },
    },
    Stop {
        question: "How do cross-validation schemes differ?",
        command: "mlproof split --kind time-series --n-splits 5 --gap 2 --n-samples 40",
        run: |seed| {
            let splitter = Splitter::TimeSeries {
                n_splits: 5,
                max_train_size: None,
                test_size: None,
                gap: 2,
            };
            let params = split::Params { splitter, n_samples: 40, seed }.check()?;
            super::split::output(None, &params)
        },
    },
    Stop {
        question: "How does a decision tree choose a split?",
        command: "mlproof tree split --criterion entropy",
        run: |seed| {
            let params = tree::split::Params { criteria: vec![Criterion::Entropy], seed }.check()?;
            super::tree_split::output(&registry::load(tree::split::DEFAULT_DATASET, seed)?, &params)
        },
    },
    Stop {
        question: "How do you stop a tree from overfitting?",
        command: "mlproof tree prune",
        run: |seed| {
            let params = tree::prune::Params { seed, ..Default::default() }.check()?;
            super::tree_prune::output(&registry::load(tree::prune::DEFAULT_DATASET, seed)?, &params)
        },
    },
    Stop {
        question: "Which features matter — and does impurity importance tell the truth?",
        command: "mlproof tree importance --dataset synth-imbalanced --max-depth 6",
        run: |seed| {
            let params = tree::importance::Params { max_depth: 6, seed, ..Default::default() };
            let data = registry::load("synth-imbalanced", seed)?;
            super::tree_importance::output(&data, &params.check()?)
        },
    },
    Stop {
        question: "Why do random forests and boosting beat one deep tree?",
        command: "mlproof tree ensemble",
        run: |seed| {
            let params = tree::ensemble::Params { seed, ..Default::default() }.check()?;
            let data = registry::load(tree::ensemble::DEFAULT_DATASET, seed)?;
            super::tree_ensemble::output(&data, &params)
        },
    },
    Stop {
        question: "How do you detect over- and underfitting?",
        command: "mlproof curves --dataset pima",
        run: |seed| {
            let params = curves::Params { seed, ..Default::default() }.check()?;
            super::curves::output(&registry::load("pima", seed)?, &params)
        },
    },
    Stop {
        question: "Leave-one-out or k-fold?",
        command: "mlproof cv --compare --model tree --max-depth 3 --dataset wisconsin",
        run: |seed| {
            let model = ModelSpec { max_depth: Some(3), ..ModelSpec::of(ModelKind::Tree) };
            let params = cv::compare::Params { model, seed, ..Default::default() }.check()?;
            super::cv::compare_output(&registry::load("wisconsin", seed)?, &params)
        },
    },
    Stop {
        question: "When should boosting stop?",
        command: "mlproof curves --kind early-stopping --dataset pima",
        run: |seed| {
            let params = curves::Params {
                kind: curves::Kind::EarlyStopping,
                param: None,
                seed,
                ..Default::default()
            };
            super::curves::output(&registry::load("pima", seed)?, &params.check()?)
        },
    },
    Stop {
        question: "How do you handle an imbalanced dataset?",
        command: "mlproof imbalance --dataset yeast4",
        run: |seed| {
            let params = imbalance::Params { seed, ..Default::default() }.check()?;
            super::imbalance::output(&registry::load("yeast4", seed)?, &params)
        },
    },
    Stop {
        question: "Explain the bias-variance tradeoff.",
        command: "mlproof bias-variance",
        run: |seed| {
            let data = registry::load(bias_variance::default_dataset(bias_variance::Loss::Squared), seed)?;
            let model = bias_variance::SweepModel::Tree;
            let params = bias_variance::Params {
                n_train: Some(bias_variance::default_n_train(model, data.n_rows())),
                seed,
                ..Default::default()
            };
            super::bias_variance::output(&data, &params.check()?)
        },
    },
    Stop {
        question: "Why is standard k-fold invalid for time series?",
        command: "mlproof leakage --dataset sp500",
        run: |seed| {
            let params = leakage::Params { seed, ..Default::default() }.check()?;
            super::leakage::output(Some(&registry::load("sp500", seed)?), &params)
        },
    },
    Stop {
        question: "What goes wrong if you select features before cross-validation?",
        command: "mlproof leakage --kind preprocessing",
        run: |seed| {
            let kind = leakage::Kind::Preprocessing;
            let params = leakage::Params { kind, seed, ..Default::default() }.check()?;
            super::leakage::output(None, &params)
        },
    },
    Stop {
        question: "What goes wrong if you oversample before splitting?",
        command: "mlproof leakage --kind resampling",
        run: |seed| {
            let kind = leakage::Kind::Resampling;
            let params = leakage::Params { kind, seed, ..Default::default() }.check()?;
            let name = leakage::default_dataset(kind).unwrap_or("yeast4");
            super::leakage::output(Some(&registry::load(name, seed)?), &params)
        },
    },
    Stop {
        question: "How do you choose the regularisation strength?",
        command: "mlproof regularize --dataset pima --target Mass",
        run: |seed| {
            let params = regularize::Params { seed, ..Default::default() }.check()?;
            let data = registry::load("pima", seed)?.with_target_column("Mass", None)?;
            super::regularize::output(&data, &params)
        },
    },
    Stop {
        question: "L1 or L2: which features does each keep?",
        command: "mlproof regularize --demo sparsity",
        run: |seed| {
            let params = regularize::demo::DemoParams { seed, ..regularize::demo::DemoParams::new(regularize::demo::Demo::Sparsity) };
            super::regularize_demo::output(&params.check()?)
        },
    },
    Stop {
        question: "Why is the lasso unstable with correlated features?",
        command: "mlproof regularize --demo instability",
        run: |seed| {
            let params = regularize::demo::DemoParams { seed, ..regularize::demo::DemoParams::new(regularize::demo::Demo::Instability) };
            super::regularize_demo::output(&params.check()?)
        },
    },
    Stop {
        question: "Why scale features?",
        command: "mlproof features scaling",
        run: |seed| features_stop(features::Demo::Scaling, seed),
    },
    Stop {
        question: "One-hot or label encoding?",
        command: "mlproof features encoding",
        run: |seed| features_stop(features::Demo::Encoding, seed),
    },
    Stop {
        question: "How do you select features?",
        command: "mlproof features selection",
        run: |seed| features_stop(features::Demo::Selection, seed),
    },
    Stop {
        question: "Why start with a simple baseline?",
        command: "mlproof baseline",
        run: |seed| {
            let params = baseline::Params { seed, ..Default::default() };
            let data = registry::load(baseline::DEFAULT_DATASET, seed)?;
            super::baseline::output(&data, &params.check()?)
        },
    },
    Stop {
        question: "What can phase one promise the client?",
        command: "mlproof threshold --max-fpr 0.05",
        run: |seed| {
            let params = threshold::Params {
                promise: threshold::Promise::MaxFpr(0.05),
                seed,
                ..Default::default()
            };
            let data = registry::load(threshold::DEFAULT_DATASET, seed)?;
            super::threshold::output(&data, &params.check()?)
        },
    },
    Stop {
        question: "What is model drift and how do you detect it?",
        command: "mlproof drift",
        run: |seed| {
            let params = drift::Params { seed, ..Default::default() };
            let data = registry::load(drift::DEFAULT_DATASET, seed)?;
            super::drift::output(&data, &params.check()?)
        },
    },
    Stop {
        question: "Which textbook claims hold on this data — and which do not?",
        command: "mlproof claims --dataset glass2 --only model-beats-baseline,smote-raises-recall,boosting-lowers-bias",
        run: |seed| {
            let only = ["model-beats-baseline", "smote-raises-recall", "boosting-lowers-bias"];
            let params = claims::Params {
                only: only.iter().map(|s| s.to_string()).collect(),
                seed,
                ..Default::default()
            };
            super::claims::output(&registry::load("glass2", seed)?, &params.check()?)
        },
    },
];

/// A `features` demo on its default data (encoding: every bundled set it names).
fn features_stop(demo: features::Demo, seed: u64) -> Result<Output> {
    let params = features::Params {
        seed,
        ..features::Params::new(demo)
    }
    .check()?;
    let default = [demo.default_dataset()];
    let names: &[&str] = match demo {
        features::Demo::Encoding => &features::ENCODING_DATASETS,
        _ => &default,
    };
    let sets = names
        .iter()
        .map(|n| registry::load(n, seed))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    super::features::output(&sets, &params)
}

#[derive(Serialize)]
struct TourStop {
    question: &'static str,
    command: &'static str,
    report: serde_json::Value,
}

#[derive(Serialize)]
struct TourResults {
    stops: Vec<TourStop>,
    /// Every stop's findings, each id prefixed by its stop (`stop-2/model-beats-baseline`).
    findings: Vec<serde_json::Value>,
    reading: String,
}

#[derive(Serialize)]
struct TourParams {
    seed: u64,
}

pub fn run(seed: u64) -> Result<Output> {
    let mut doc = Doc::default();
    let mut stops = Vec::new();
    let mut findings = Vec::new();
    let mut readings = Vec::new();
    for (n, stop) in STOPS.iter().enumerate() {
        let out = (stop.run)(seed)?;
        doc.title(format!("Stop {}: {}", n + 1, stop.question));
        doc.paragraph(format!("$ {} --seed {seed}", stop.command));
        doc.append(out.doc);
        for f in out.report["results"]["findings"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let mut f = f.clone();
            let id = format!("stop-{}/{}", n + 1, f["id"].as_str().unwrap_or_default());
            f["id"] = id.into();
            findings.push(f);
        }
        if let Some(r) = out.report["results"]["reading"].as_str() {
            readings.push(format!("Stop {}: {r}", n + 1));
        }
        stops.push(TourStop {
            question: stop.question,
            command: stop.command,
            report: out.report,
        });
    }
    let reading = readings.join(" ");
    let results = TourResults {
        stops,
        findings,
        reading,
    };
    Ok(Output::new(
        Report::new("tour", TourParams { seed }, None, results),
        doc,
    ))
}
