"""Fixtures for the regularization issue: elastic net, lasso and ridge coefficients on every
bundled dataset with a numeric column to regress on, and on generated data; L1 and
elastic-net logistic regression fitted by saga.

Called by oracle.py (run that). Designs are built as mlproof builds them: feature columns
in file order without the old class target, categorical columns one-hot with levels sorted
as strings, then z-scored with the population standard deviation (StandardScaler).
"""

import json
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "fixtures"

# (dataset, column regressed on). car-good has no numeric column, so it has no case.
REGRESSIONS = [("pima", "Mass"), ("wisconsin", "CellSize"), ("ecoli3", "Alm1"),
               ("glass2", "RI"), ("yeast4", "Mcg"), ("abalone19", "Whole_weight"),
               ("german", "credit_amount"), ("sp500", "next_day_return")]
CLASSIFICATIONS = ["pima", "wisconsin", "yeast4", "ecoli3", "glass2"]
RATIOS = [1.0, 0.7, 0.3, 0.0]
FRACTIONS = [0.3, 0.05, 0.005]


def design(name, target):
    df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
    for drop in ["class", "date"]:
        if drop in df.columns and drop != target:
            df = df.drop(columns=drop)
    y = df.pop(target).to_numpy(dtype=float)
    cols = []
    for c in df.columns:
        if pd.api.types.is_numeric_dtype(df[c]):
            cols.append(df[c].to_numpy(dtype=float))
        else:
            for level in sorted(df[c].astype(str).unique()):
                cols.append((df[c].astype(str) == level).to_numpy(dtype=float))
    return np.column_stack(cols), y


def zscore(X):
    from sklearn.preprocessing import StandardScaler
    return StandardScaler().fit_transform(X)


def regression_fits(Z, y):
    from sklearn.linear_model import ElasticNet, Lasso, Ridge
    n = len(y)
    top = np.max(np.abs(Z.T @ (y - y.mean()))) / n
    fits = []
    for rho in RATIOS:
        for f in FRACTIONS:
            alpha = top * f / max(rho, 1.0) if rho > 0 else top * f
            if rho == 1.0:
                m = Lasso(alpha=alpha, tol=1e-12, max_iter=1_000_000).fit(Z, y)
                model = "Lasso"
            elif rho == 0.0:
                m = Ridge(alpha=alpha * n).fit(Z, y)
                model = f"Ridge(alpha={alpha} * n)"
            else:
                m = ElasticNet(alpha=alpha, l1_ratio=rho, tol=1e-12, max_iter=1_000_000).fit(Z, y)
                model = "ElasticNet"
            fits.append({"model": model, "alpha": alpha, "l1_ratio": rho,
                         "coef": m.coef_.tolist(), "intercept": float(m.intercept_)})
    return fits


def regression_cases():
    cases = []
    for name, target in REGRESSIONS:
        X, y = design(name, target)
        cases.append({"dataset": name, "target": target, "fits": regression_fits(zscore(X), y)})
    return cases


def generated_case():
    """make_regression: 6 informative features among 30; X and y are stored."""
    from sklearn.datasets import make_regression
    X, y, truth = make_regression(n_samples=300, n_features=30, n_informative=6, noise=5.0,
                                  coef=True, random_state=0)
    Z = zscore(X)
    return {"x": X.round(12).tolist(), "y": y.round(12).tolist(),
            "fits": regression_fits(Z, y)}


def logistic_cases():
    from sklearn.linear_model import LogisticRegression
    cases = []
    for name in CLASSIFICATIONS:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
        y = df.pop("class").to_numpy()
        Z = zscore(df.to_numpy(dtype=float))
        n = len(y)
        fits = []
        for rho in [1.0, 0.5]:
            top = np.max(np.abs(Z.T @ (y - y.mean()))) / (n * rho)
            for f in [0.2, 0.03]:
                alpha = top * f
                t0 = time.perf_counter()
                m = LogisticRegression(C=1.0 / (n * alpha), l1_ratio=rho, solver="saga",
                                       tol=1e-12, max_iter=1_000_000).fit(Z, y)
                fits.append({"alpha": alpha, "l1_ratio": rho, "C": 1.0 / (n * alpha),
                             "coef": m.coef_[0].tolist(), "intercept": float(m.intercept_[0]),
                             "n_iter": int(m.n_iter_[0]),
                             "seconds": round(time.perf_counter() - t0, 3)})
        cases.append({"dataset": name, "fits": fits})
    return cases


def l2_logistic_cases():
    """L2 logistic regression (l1_ratio 0) by the exact newton-cholesky solver, C = 1/(n·α)."""
    cases = []
    for name in CLASSIFICATIONS[:3]:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
        y = df.pop("class").to_numpy()
        Z = zscore(df.to_numpy(dtype=float))
        cases.append({"dataset": name, "fits": l2_logistic_fits(Z, y)})
    return cases


def l2_logistic_fits(Z, y):
    """newton-cholesky (tol=1e-12) at α = 0.1, 0.01, 0.001, C = 1/(n·α)."""
    from sklearn.linear_model import LogisticRegression
    n = len(y)
    fits = []
    for alpha in [0.1, 0.01, 0.001]:
        m = LogisticRegression(C=1.0 / (n * alpha), solver="newton-cholesky", tol=1e-12,
                               max_iter=1000).fit(Z, y)
        fits.append({"alpha": alpha, "coef": m.coef_[0].tolist(),
                     "intercept": float(m.intercept_[0])})
    return fits


def path_case():
    """lasso_path and enet_path (ρ = 0.5) on pima, Mass regressed on the rest: the automatic
    grid (eps 1e-3, 100 α) and every coefficient along it."""
    from sklearn.linear_model import enet_path
    X, y = design("pima", "Mass")
    Z = zscore(X)
    out = []
    for rho in [1.0, 0.5]:
        alphas, coefs, _ = enet_path(Z, y - y.mean(), l1_ratio=rho, eps=1e-3, alphas=100, tol=1e-12,
                                     max_iter=1_000_000)
        out.append({"l1_ratio": rho, "alphas": alphas.tolist(), "coefs": coefs.T.tolist()})
    return out


def write():
    import sklearn
    OUT.mkdir(exist_ok=True)
    doc = {"generator": "tests/oracle/linear.py",
           "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
           "note": "coefficients on z-scored features; Lasso/ElasticNet tol=1e-12; "
                   "Ridge(alpha=α·n) is the ρ = 0 elastic net; logistic: saga, C = 1/(n·α)",
           "regression": regression_cases(), "generated": generated_case(),
           "logistic": logistic_cases(), "l2_logistic": l2_logistic_cases(),
           "path": path_case()}
    (OUT / "linear.json").write_text(json.dumps(doc, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    write()
