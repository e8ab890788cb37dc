//! `--model-card FILE.md`: what every command that writes a card shares.

use std::path::Path;

use mlproof_core::metrics::Metric;
use mlproof_core::Result;
use mlproof_experiments::model_card::{self, CardInput, CardThreshold};

/// The command line as typed (the program's own arguments), for the card's reproduce line.
pub fn command_line() -> String {
    let words: Vec<String> = std::env::args()
        .skip(1)
        .map(|a| {
            if a.is_empty()
                || a.chars()
                    .any(|c| c.is_whitespace() || "'\"$`\\".contains(c))
            {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a
            }
        })
        .collect();
    format!("mlproof {}", words.join(" "))
}

/// The threshold a metric is read at: none for scores of rankings and probabilities, else
/// P(positive) ≥ ½, fixed.
pub fn fixed_threshold(metric: Metric) -> Option<CardThreshold> {
    let ranks = matches!(
        metric,
        Metric::RocAuc | Metric::AveragePrecision | Metric::LogLoss | Metric::Brier
    );
    (!ranks).then(|| CardThreshold {
        value: 0.5,
        rule: "P(positive) ≥ ½, fixed, not tuned".into(),
        promise: None,
    })
}

/// Writes the card to `path`, atomically (an existing file only with --force).
pub fn write(path: &Path, input: &CardInput) -> Result<()> {
    crate::write::file(path, model_card::markdown(input).as_bytes())
}
