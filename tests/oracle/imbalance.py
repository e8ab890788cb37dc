"""Fixtures for the imbalance issue: neighbour sets, SMOTE-family counts and class weights.

Called by oracle.py (run that). Everything is computed on the bundled CSVs as mlproof loads
them: feature columns in file order, categorical columns (strings) as level codes sorted as
strings, the positive class 1.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "fixtures"
NUMERIC = ["pima", "wisconsin", "ecoli3", "glass2", "yeast4"]
MIXED = ["german", "abalone19"]
K = 5


def load(name):
    df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
    y = df.pop("class").to_numpy()
    categorical = [not pd.api.types.is_numeric_dtype(df[c]) for c in df.columns]
    for c, cat in zip(df.columns, categorical):
        if cat:
            levels = sorted(df[c].unique())
            df[c] = df[c].map({lv: i for i, lv in enumerate(levels)})
    return df.to_numpy(dtype=float), y, categorical


def neighbour_rows(nn, X_query, k_plus, rows):
    """k_plus nearest neighbours (distances, rows of the full set) of each query."""
    dist, idx = nn.kneighbors(X_query, n_neighbors=k_plus)
    return {"dist": dist.tolist(), "rows": [[int(rows[j]) for j in r] for r in idx]}


def neighbour_cases():
    """SMOTE's search: NearestNeighbors(k + 1) fitted on the positives, queried with them
    (k + 2 recorded, so a tie at the boundary is visible). Borderline-SMOTE's: m + 1 = 11
    neighbours among all rows; ADASYN's: k + 1 among all rows."""
    from sklearn.neighbors import NearestNeighbors

    cases = []
    for name in NUMERIC:
        X, y, _ = load(name)
        pos = np.flatnonzero(y == 1)
        nn = NearestNeighbors(n_neighbors=K + 1).fit(X[pos])
        smote = neighbour_rows(nn, X[pos], K + 2, pos)
        everything = NearestNeighbors(n_neighbors=12).fit(X)
        allrows = neighbour_rows(everything, X[pos], 12, np.arange(len(y)))
        # ADASYN's own query: k + 1 among all rows, the first column dropped.
        adasyn = NearestNeighbors(n_neighbors=K + 1).fit(X).kneighbors(X[pos], return_distance=False)[:, 1:]
        cases.append({"dataset": name, "k": K, "positives": pos.tolist(),
                      "minority": smote, "all": allrows,
                      "adasyn_majority": [int((y[r] != 1).sum()) for r in adasyn]})
    return cases


def count(yr):
    return [int((yr == 0).sum()), int((yr == 1).sum())]


def smote_cases():
    """Class counts (and Borderline's danger rows) from imbalanced-learn's samplers."""
    from imblearn.over_sampling import ADASYN, SMOTE, SMOTENC, BorderlineSMOTE

    cases = []
    for name in NUMERIC:
        X, y, _ = load(name)
        for strategy in ["auto", 0.5, 0.8]:
            for kind, sampler in [("smote", SMOTE(sampling_strategy=strategy, k_neighbors=K, random_state=0)),
                                  ("borderline", BorderlineSMOTE(sampling_strategy=strategy, k_neighbors=K,
                                                                 m_neighbors=10, random_state=0)),
                                  ("adasyn", ADASYN(sampling_strategy=strategy, n_neighbors=K, random_state=0))]:
                case = {"dataset": name, "kind": kind, "strategy": strategy}
                try:
                    _, yr = sampler.fit_resample(X, y)
                    case["counts"] = count(yr)
                    if kind == "borderline":
                        case["danger"] = sorted(int(i) for i in sampler.in_danger_indices.get(1, []))
                except (ValueError, RuntimeError) as e:
                    case["error"] = str(e)
                cases.append(case)
    for name in MIXED:
        X, y, categorical = load(name)
        cat_idx = [j for j, c in enumerate(categorical) if c]
        sampler = SMOTENC(categorical_features=cat_idx, k_neighbors=K, random_state=0)
        Xr, yr = sampler.fit_resample(X, y)
        pos = np.flatnonzero(y == 1)
        nn = sampler.nn_k_
        fitted = nn._fit_X.toarray() if hasattr(nn._fit_X, "toarray") else nn._fit_X
        neighbours = neighbour_rows(nn, fitted, K + 2, pos)
        new = Xr[len(y):]
        cases.append({"dataset": name, "kind": "smote-nc", "strategy": "auto", "counts": count(yr),
                      "median_std": float(sampler.median_std_[1]), "minority": neighbours,
                      "categorical": categorical,
                      "new_levels_seen": all(
                          set(np.unique(new[:, j])) <= set(np.unique(X[y == 1, j])) for j in cat_idx)})
    return cases


def class_weight_cases():
    """class_weight='balanced': training P(class 1) of DecisionTreeClassifier(random_state=0)
    at depths 2, 4 and 6, and LogisticRegression(C=1) coefficients on standardised columns,
    weighted and unweighted (newton-cholesky, tol 1e-12: lbfgs stops with gradients near
    1e-6)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    cases = []
    for name in NUMERIC:
        X, y, _ = load(name)
        trees = {}
        for depth in [2, 4, 6]:
            t = DecisionTreeClassifier(class_weight="balanced", max_depth=depth, random_state=0).fit(X, y)
            trees[str(depth)] = t.predict_proba(X)[:, 1].tolist()
        Z = StandardScaler().fit_transform(X)
        logistic = {}
        for weight in ["balanced", None]:
            m = LogisticRegression(C=1.0, class_weight=weight, solver="newton-cholesky", tol=1e-12,
                                   max_iter=1000).fit(Z, y)
            logistic["balanced" if weight else "none"] = {"coef": m.coef_[0].tolist(),
                                                          "intercept": float(m.intercept_[0])}
        cases.append({"dataset": name, "tree_proba": trees, "logistic": logistic})
    return cases


def write():
    import imblearn
    import sklearn

    versions = {"scikit-learn": sklearn.__version__, "imbalanced-learn": imblearn.__version__}
    out = {"generator": "tests/oracle/imbalance.py", "versions": versions,
           "neighbours": neighbour_cases(), "samplers": smote_cases(),
           "class_weight": class_weight_cases()}
    (OUT / "imbalance.json").write_text(json.dumps(out, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    write()
