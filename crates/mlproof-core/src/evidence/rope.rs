//! Regions of practical equivalence: how large a difference must be to matter.

/// `[lo, hi]`: differences inside it are practically zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rope {
    pub lo: f64,
    pub hi: f64,
}

/// The default half-width for scores and shares in [0, 1]: one percentage point.
pub const SCORE_HALF_WIDTH: f64 = 0.01;

impl Rope {
    /// `[-w, w]`.
    pub fn symmetric(half_width: f64) -> Rope {
        Rope {
            lo: -half_width,
            hi: half_width,
        }
    }

    /// The default for a score, share or proportion in [0, 1]: ±0.01.
    pub fn score() -> Rope {
        Rope::symmetric(SCORE_HALF_WIDTH)
    }

    /// The default for a quantity without a natural scale (an MSE, a log loss, bias²,
    /// variance): ±1% of `scale`, a reference magnitude of the same unit that the caller
    /// names (for a loss, its no-skill baseline).
    pub fn relative(scale: f64) -> Rope {
        Rope::symmetric(0.01 * scale.abs())
    }

    /// The default for a count (features kept, leaves): less than one whole unit, ±0.5.
    pub fn count() -> Rope {
        Rope::symmetric(0.5)
    }

    /// For claims of exact equality (a score unchanged to the last bit): ±1e-12.
    pub fn exact() -> Rope {
        Rope::symmetric(1e-12)
    }
}
