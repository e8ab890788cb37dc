//! What a threshold promises: an FPR ceiling, a recall floor or a precision floor.

/// What is promised about the operating point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Promise {
    MinPrecision(f64),
    MinRecall(f64),
    MaxFpr(f64),
}

impl Promise {
    /// The rate promised, as `Rates` names it.
    pub fn metric(self) -> &'static str {
        match self {
            Promise::MinPrecision(_) => "precision",
            Promise::MinRecall(_) => "recall",
            Promise::MaxFpr(_) => "fpr",
        }
    }

    /// The parameter's name (`max_fpr`).
    pub fn name(self) -> &'static str {
        match self {
            Promise::MinPrecision(_) => "min_precision",
            Promise::MinRecall(_) => "min_recall",
            Promise::MaxFpr(_) => "max_fpr",
        }
    }

    pub fn bound(self) -> f64 {
        match self {
            Promise::MinPrecision(b) | Promise::MinRecall(b) | Promise::MaxFpr(b) => b,
        }
    }

    /// Whether `rate` breaks the promise.
    pub fn broken_by(self, rate: f64) -> bool {
        match self {
            Promise::MaxFpr(a) => rate > a,
            Promise::MinRecall(b) | Promise::MinPrecision(b) => rate < b,
        }
    }

    /// The class whose validation scores set the umbrella threshold.
    pub fn class(self) -> Option<(usize, &'static str)> {
        match self {
            Promise::MaxFpr(_) => Some((0, "negatives")),
            Promise::MinRecall(_) => Some((1, "positives")),
            Promise::MinPrecision(_) => None,
        }
    }

    /// The other rate the promise is paid in: recall for FPR and precision, FPR for recall.
    pub fn cost(self) -> &'static str {
        match self {
            Promise::MinRecall(_) => "fpr",
            _ => "recall",
        }
    }

    /// The umbrella rule's α: the tolerated FPR, or the tolerated miss rate 1 − R.
    pub(crate) fn alpha(self) -> f64 {
        match self {
            Promise::MaxFpr(a) => a,
            Promise::MinRecall(r) | Promise::MinPrecision(r) => 1.0 - r,
        }
    }
}
