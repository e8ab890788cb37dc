//! Every command's JSON keeps the finding contract of issue 11: `results.findings` (each with
//! its verdict equal to the decision rule applied to its interval and ROPE, and its estimate
//! inside its interval), `results.reading`, and the envelope `{command, version, params,
//! dataset, warnings, results}`. The rule is written out here again, independently of the
//! library's, so a change to either is caught.

mod common;

use common::{json, temp_csv};
use serde_json::Value;

/// The decision rule, from the issue's text.
fn rule(direction: &str, lo: f64, hi: f64, rope_lo: f64, rope_hi: f64) -> &'static str {
    match direction {
        "greater" if lo > rope_hi => "holds",
        "greater" if hi <= rope_hi => "does not hold",
        "less" if hi < rope_lo => "holds",
        "less" if lo >= rope_lo => "does not hold",
        "equivalent" if rope_lo <= lo && hi <= rope_hi => "holds",
        "equivalent" if hi < rope_lo || lo > rope_hi => "does not hold",
        "greater" | "less" | "equivalent" => "inconclusive",
        other => panic!("direction {other:?} is not greater, less or equivalent"),
    }
}

fn check_finding(f: &Value, at: &str) {
    for key in [
        "id",
        "statement",
        "estimate",
        "interval",
        "level",
        "rope",
        "direction",
        "verdict",
        "method",
    ] {
        assert!(f.get(key).is_some(), "{at}: finding without {key}: {f}");
    }
    let num = |v: &Value| {
        v.as_f64()
            .unwrap_or_else(|| panic!("{at}: not a number: {f}"))
    };
    let est = num(&f["estimate"]);
    let (lo, hi) = (num(&f["interval"][0]), num(&f["interval"][1]));
    let (rlo, rhi) = (num(&f["rope"][0]), num(&f["rope"][1]));
    assert!(
        lo <= est && est <= hi,
        "{at}: estimate outside its interval: {f}"
    );
    assert!(rlo <= rhi, "{at}: ROPE upside down: {f}");
    let level = num(&f["level"]);
    assert!(level > 0.0 && level <= 1.0, "{at}: level {level}");
    let want = rule(f["direction"].as_str().unwrap(), lo, hi, rlo, rhi);
    assert_eq!(f["verdict"].as_str().unwrap(), want, "{at}: {f}");
    assert!(!f["method"].as_str().unwrap().is_empty(), "{at}: no method");
}

fn check_report(report: &Value, at: &str) {
    for key in [
        "command", "version", "params", "dataset", "warnings", "results",
    ] {
        assert!(report.get(key).is_some(), "{at}: envelope without {key}");
    }
    let results = &report["results"];
    let findings = results["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{at}: no results.findings"));
    assert!(!findings.is_empty(), "{at}: results.findings is empty");
    for f in findings {
        check_finding(f, at);
    }
    let reading = results["reading"].as_str().unwrap_or_default();
    assert!(!reading.is_empty(), "{at}: no results.reading");
    // The reading is written from the findings: it words at least one of them (long reports
    // such as `imbalance` word a selection; every finding is in the findings table).
    let worded = findings.iter().any(|f| {
        let statement = f["statement"].as_str().unwrap().to_lowercase();
        reading.to_lowercase().contains(&statement)
    });
    assert!(worded, "{at}: the reading words none of its findings");
}

/// Every command and mode, on small designs so the debug build stays quick.
fn commands() -> Vec<Vec<String>> {
    let csv = temp_csv(
        "contract",
        &(0..120)
            .map(|i| {
                let x = (i * 37 % 101) as f64 / 10.0;
                format!(
                    "{x},{},{}\n",
                    (i * 13) % 7,
                    usize::from(x + (i % 3) as f64 > 7.0)
                )
            })
            .fold("a,b,label\n".to_string(), |acc, row| acc + &row),
    );
    let csv = csv.to_str().unwrap().to_string();
    let data = |cmd: &str| format!("{cmd} --data {csv} --target label");
    [
        "datasets",
        "datasets show pima",
        &format!("datasets show --data {csv} --target label"),
        "metrics",
        "metrics --dataset glass2 --threshold 0.2",
        &data("metrics"),
        "split --kind kfold",
        "split --kind stratified --dataset glass2",
        "split --kind time-series --dataset sp500",
        "cv",
        "cv --model tree --max-depth 4 --criterion entropy --dataset yeast4",
        &data("cv"),
        "cv --compare --subsample 60 --repeats 8",
        "curves",
        "curves --kind learning --dataset yeast4",
        "curves --kind early-stopping --n-estimators 60",
        "curves --param degree",
        "bias-variance --rounds 20",
        "bias-variance --model poly --rounds 20",
        "bias-variance --loss zero-one --dataset pima --rounds 20",
        "leakage",
        "leakage --kind preprocessing",
        "leakage --kind resampling",
        "imbalance --dataset glass2",
        "imbalance --paradox",
        "calibration --dataset ecoli3",
        "calibration --dataset pima --binning uniform --n-bins 5",
        "resample --dataset glass2",
        "tree split",
        "tree prune",
        "tree importance",
        "tree ensemble --rounds 10",
        "tree compare",
        "regularize",
        "regularize --dataset pima --target Mass",
        "regularize --demo sparsity",
        "regularize --demo instability",
        "features scaling",
        "features encoding",
        "features selection",
        "drift",
        "drift --dataset sp500 --bins sturges --windows 3",
        "threshold --max-fpr 0.05",
        "threshold --min-recall 0.8 --model tree --max-depth 4",
        "threshold --min-precision 0.7",
        "baseline",
        "baseline --dataset yeast4 --metric average-precision",
        "interpret",
        "interpret --method pdp --feature Plas",
        "interpret --method surrogate --n-trees 10 --n-repeats 1",
    ]
    .iter()
    .map(|c| c.split(' ').map(String::from).collect())
    .collect()
}

/// Commands whose results hold no model score (so no baseline is due): listings, folds,
/// resampled rows, the by-hand split walkthrough (impurities, not scores) and the twins demo
/// (selection shares, not scores).
const NO_SCORE: [&str; 5] = [
    "datasets",
    "split",
    "resample",
    "tree split",
    "regularize --demo instability",
];

#[test]
fn every_command_keeps_the_finding_contract_and_names_its_baselines() {
    for cmd in commands() {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let report = json(&args);
        let at = cmd.join(" ");
        check_report(&report, &at);
        if !NO_SCORE.iter().any(|c| at.starts_with(c)) {
            let text = report["results"].to_string();
            assert!(
                text.contains("baseline"),
                "{at}: no baseline key in results"
            );
        }
    }
}

#[test]
fn the_tour_keeps_the_contract_at_every_stop() {
    let tour = json(&["tour"]);
    check_report(&tour, "tour");
    for stop in tour["results"]["stops"].as_array().unwrap() {
        check_report(&stop["report"], stop["command"].as_str().unwrap());
    }
}

#[test]
fn the_rule_here_is_the_issue_rule() {
    assert_eq!(rule("greater", 0.02, 0.05, -0.01, 0.01), "holds");
    assert_eq!(rule("greater", -0.05, 0.01, -0.01, 0.01), "does not hold");
    assert_eq!(rule("less", -0.01, 0.05, -0.01, 0.01), "does not hold");
    assert_eq!(rule("equivalent", -0.02, 0.0, -0.01, 0.01), "inconclusive");
}
