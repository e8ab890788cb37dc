use serde::Serialize;

/// What a split minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Gini impurity 1 − Σₖ pₖ².
    Gini,
    /// Shannon entropy −Σₖ pₖ log₂ pₖ, in bits.
    Entropy,
    /// Squared error (variance) for regression.
    SquaredError,
}

impl Criterion {
    pub fn is_classification(self) -> bool {
        !matches!(self, Criterion::SquaredError)
    }

    /// Impurity of a node from its per-class weights (classification) or from
    /// (Σw, Σwy, Σwy²) (regression, passed as a 3-element slice).
    pub fn impurity(self, stats: &[f64], total: f64) -> f64 {
        match self {
            Criterion::Gini => {
                let sq: f64 = stats.iter().map(|c| c * c).sum();
                1.0 - sq / (total * total)
            }
            Criterion::Entropy => stats
                .iter()
                .filter(|&&c| c > 0.0)
                .map(|&c| {
                    let p = c / total;
                    -p * (p.ln() / std::f64::consts::LN_2)
                })
                .sum::<f64>()
                // A pure node sums to −0.0; report it as 0.
                .max(0.0),
            Criterion::SquaredError => {
                let mean = stats[1] / total;
                stats[2] / total - mean * mean
            }
        }
    }
}
