"""Linear references on the unseen sets (issue 14), called by unseen.py (run that).

- l1_path: `LogisticRegression(solver="saga", l1_ratio=1, tol=1e-12, random_state=0)` at
  every CHECKED index of mlproof's default grid (100 α from α_max = ‖Zᵀ(y − ȳ)‖∞/n down to
  α_max·1e-3, log-spaced), C = 1/(n·α), on z-scored features of all rows; y = 1 for
  mlproof's default positive class (the minority). Each fit records its optimality gap:
  the largest violation of the subgradient conditions (see `kkt`). saga takes 1–130 s a fit
  here, so the grid is sampled at CHECKED, not fitted at all 100 α.
- lasso_collinear: linear.py's `regression_fits` (Lasso / ElasticNet tol=1e-12, Ridge) for
  a column regressed on the near-collinear rest.
- l2_logistic: `LogisticRegression(solver="newton-cholesky", tol=1e-12)`, C = 1/(n·α).
- cv_logistic: per-fold held-out ROC-AUC and accuracy of StandardScaler + the same
  newton-cholesky fit with C = 1/α (mlproof `cv --model logistic --alpha α`), on unshuffled
  StratifiedKFold(5), the `cv` default.
"""

import time

import numpy as np
import pandas as pd

from linear import l2_logistic_fits, regression_fits, zscore

# (file, target column, positive class): the positive class is the minority, mlproof's default.
SETS = [("breast_cancer", "target", 0), ("digits9", "nine", 1), ("vehicle0", "class", 1)]
REGRESSIONS = [("breast_cancer", "target", "mean_area"), ("vehicle0", "class", "x0")]
# The grid indices saga is fitted at (0 = α_max, 99 = α_max·1e-3), and per set any more:
# breast cancer's 91 is α = 6.7e-4, where a fold's path used to stop unconverged. digits
# has no path reference: saga did not finish one fit at index 54 in ten minutes here.
CHECKED = [0, 33, 66, 99]
EXTRA = {"breast_cancer": [91]}
PATH_SETS = ["breast_cancer", "vehicle0"]
N_ALPHAS, EPS = 100, 1e-3


def load(out, name, target, positive):
    df = pd.read_csv(out / f"{name}.csv")
    y = (df.pop(target).to_numpy() == positive).astype(int)
    return df.to_numpy(dtype=float), y


def kkt(Z, y, coef, intercept, l1):
    """max over j of |∇ⱼ + l1·sign(wⱼ)| (wⱼ ≠ 0), (|∇ⱼ| − l1)₊ (wⱼ = 0), and |∂/∂b|, for the
    objective mean log loss + l1·‖w‖₁."""
    p = 1.0 / (1.0 + np.exp(-(Z @ coef + intercept)))
    g = Z.T @ (p - y) / len(y)
    v = np.where(coef != 0, np.abs(g + l1 * np.sign(coef)), np.maximum(np.abs(g) - l1, 0.0))
    return float(max(v.max(), abs((p - y).mean())))


def l1_path(out):
    from sklearn.linear_model import LogisticRegression

    cases = []
    for name, target, positive in SETS:
        if name not in PATH_SETS:
            continue
        X, y = load(out, name, target, positive)
        Z = zscore(X)
        n = len(y)
        top = np.max(np.abs(Z.T @ (y - y.mean()))) / n
        alphas = top * np.exp(np.log(EPS) / (N_ALPHAS - 1) * np.arange(N_ALPHAS))
        fits = []
        for i in sorted(CHECKED + EXTRA.get(name, [])):
            a = float(alphas[i])
            t0 = time.perf_counter()
            m = LogisticRegression(C=1.0 / (n * a), l1_ratio=1.0, solver="saga", tol=1e-12,
                                   max_iter=1_000_000, random_state=0).fit(Z, y)
            coef = m.coef_[0]
            fits.append({"index": i, "alpha": a, "coef": coef.tolist(),
                         "intercept": float(m.intercept_[0]),
                         "n_nonzero": int((coef != 0).sum()),
                         "kkt": kkt(Z, y, coef, m.intercept_[0], a),
                         "n_iter": int(m.n_iter_[0]),
                         "seconds": round(time.perf_counter() - t0, 1)})
            print(name, i, fits[-1]["n_iter"], fits[-1]["seconds"], flush=True)
        cases.append({"dataset": name, "target": target, "positive": positive,
                      "alphas": alphas.tolist(), "fits": fits})
    return cases


def lasso_collinear(out):
    cases = []
    for name, drop, target in REGRESSIONS:
        df = pd.read_csv(out / f"{name}.csv").drop(columns=drop)
        y = df.pop(target).to_numpy(dtype=float)
        Z = zscore(df.to_numpy(dtype=float))
        cases.append({"dataset": name, "drop": drop, "target": target,
                      "fits": regression_fits(Z, y)})
    return cases


def l2_logistic(out):
    cases = []
    for name, target, positive in SETS:
        X, y = load(out, name, target, positive)
        cases.append({"dataset": name, "target": target, "positive": positive,
                      "fits": l2_logistic_fits(zscore(X), y)})
    return cases


def cv_logistic(out):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    cases = []
    for name, target, positive in SETS:
        X, y = load(out, name, target, positive)
        for alpha in [1.0, 0.01]:
            auc, acc = [], []
            for tr, te in StratifiedKFold(n_splits=5).split(X, y):
                m = make_pipeline(StandardScaler(),
                                  LogisticRegression(C=1.0 / alpha, solver="newton-cholesky",
                                                     tol=1e-12, max_iter=1000)).fit(X[tr], y[tr])
                p = m.predict_proba(X[te])[:, 1]
                auc.append(roc_auc_score(y[te], p))
                acc.append(accuracy_score(y[te], (p >= 0.5).astype(int)))
            cases.append({"dataset": name, "target": target, "alpha": alpha,
                          "roc_auc": auc, "accuracy": acc})
    return cases


def cases(out):
    return {"lasso_collinear": lasso_collinear(out), "l2_logistic": l2_logistic(out),
            "cv_logistic": cv_logistic(out), "l1_path": l1_path(out)}
