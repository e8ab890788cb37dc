"""Fixtures for `mlproof calibration`: calibration_curve, brier_score_loss, IsotonicRegression
and Platt scaling on fixed inputs (ties, values on bin edges, duplicate quantile edges).

Pinned (Python 3.11): scikit-learn==1.9.1, numpy==2.4.6, scipy==1.17.1 (see requirements.txt).
Run from the repository root; writes tests/oracle/fixtures/calibration/calibration.json:

    python3.11 -m venv .venv && .venv/bin/pip install scikit-learn==1.9.1 numpy==2.4.6 scipy==1.17.1
    .venv/bin/python tests/oracle/calibration.py

Each case holds its inputs and scikit-learn's outputs, so the Rust test needs no Python.
"""

import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn.calibration import _sigmoid_calibration, calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss

OUT = Path(__file__).resolve().parent / "fixtures" / "calibration"
BINS = [2, 5, 10, 15]


def probability_cases():
    rng = np.random.default_rng(13)
    cases = {}
    # Hand-made: values on uniform edges, 0 and 1, ties.
    cases["edges-and-ties"] = (
        [0.0, 0.1, 0.1, 0.2, 0.2, 0.2, 0.5, 0.5, 0.7, 0.9, 1.0, 1.0],
        [0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1],
    )
    # Skewed, rare positives (an imbalanced model's output).
    p = rng.beta(0.6, 8.0, 400)
    y = (rng.random(400) < p).astype(int)
    cases["rare-positives"] = (p.tolist(), y.tolist())
    # Over-confident: the truth is a flatter logit.
    z = rng.normal(0, 2.5, 300)
    p = 1 / (1 + np.exp(-z))
    y = (rng.random(300) < 1 / (1 + np.exp(-0.5 * z))).astype(int)
    cases["over-confident"] = (p.tolist(), y.tolist())
    # Rounded to two decimals: many ties, so quantile edges repeat.
    p = np.round(rng.beta(1.0, 6.0, 250), 2)
    y = (rng.random(250) < p).astype(int)
    cases["rounded"] = (p.tolist(), y.tolist())
    return cases


def curve_fixture():
    out = []
    for name, (p, y) in probability_cases().items():
        case = {"case": name, "p": p, "y": y, "brier": float(brier_score_loss(y, p)), "curves": []}
        for n_bins in BINS:
            for strategy in ["uniform", "quantile"]:
                prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
                case["curves"].append(
                    {
                        "n_bins": n_bins,
                        "strategy": strategy,
                        "prob_true": prob_true.tolist(),
                        "prob_pred": prob_pred.tolist(),
                    }
                )
        z = np.log(np.clip(p, 1e-15, 1 - 1e-15) / (1 - np.clip(p, 1e-15, 1 - 1e-15)))
        a_, b_ = _sigmoid_calibration(z, np.asarray(y))
        # scikit-learn's p' = 1 / (1 + exp(A z + B)); mlproof's σ(a + b z): a = −B, b = −A.
        case["platt"] = {"a": float(-b_), "b": float(-a_)}
        lr = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(z.reshape(-1, 1), y)
        case["calibration_slope"] = float(lr.coef_[0, 0])
        out.append(case)
    return out


def isotonic_fixture():
    rng = np.random.default_rng(7)
    cases = []
    x = [0.1, 0.1, 0.2, 0.3, 0.3, 0.3, 0.4, 0.5, 0.5, 0.9]
    y = [1, 0, 0, 1, 0, 1, 0, 1, 1, 0]
    cases.append(("ties-binary", x, y))
    x = np.round(rng.random(200), 2)
    y = (rng.random(200) < x**2).astype(float)
    cases.append(("rounded-binary", x.tolist(), y.tolist()))
    x = rng.normal(size=120)
    y = x + rng.normal(scale=0.8, size=120)
    cases.append(("continuous", x.tolist(), y.tolist()))
    cases.append(("one-distinct-x", [0.4, 0.4, 0.4], [0.0, 1.0, 1.0]))
    out = []
    for name, x, y in cases:
        iso = IsotonicRegression(out_of_bounds="clip").fit(x, y)
        lo, hi = min(x), max(x)
        grid = np.concatenate([[lo - 1.0, lo, hi, hi + 1.0], np.linspace(lo, hi, 37), x]).tolist()
        out.append(
            {
                "case": name,
                "x": list(map(float, x)),
                "y": list(map(float, y)),
                "x_thresholds": iso.X_thresholds_.tolist(),
                "y_thresholds": iso.y_thresholds_.tolist(),
                "grid": grid,
                "predicted": iso.predict(grid).tolist(),
            }
        )
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    fixture = {
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
        "curves": curve_fixture(),
        "isotonic": isotonic_fixture(),
    }
    (OUT / "calibration.json").write_text(json.dumps(fixture, indent=1) + "\n")


if __name__ == "__main__":
    main()
