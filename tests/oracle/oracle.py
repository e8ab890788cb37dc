"""Writes the parity fixtures mlproof's Rust tests compare against.

Run from the repository root (never needed by CI; the fixtures are committed):

    python3 -m venv .venv && .venv/bin/pip install -r tests/oracle/requirements.txt
    .venv/bin/python tests/oracle/oracle.py

Each fixture holds its inputs as well as scikit-learn's outputs, so a Rust test needs no
Python. NaN is written as null.
"""

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics as M

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "fixtures"
KEEL = ["pima", "wisconsin", "german", "ecoli3", "glass2", "car-good", "yeast4", "abalone19"]


def clean(x):
    """JSON-safe: NaN -> None, numpy scalars and arrays -> Python."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, np.ndarray)):
        return [clean(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        return None if math.isnan(x) else (("inf" if x > 0 else "-inf") if math.isinf(x) else x)
    return x


def classification(name, y_true, y_pred, scores, proba):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    scores, proba = np.asarray(scores, dtype=float), np.asarray(proba, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fpr, tpr, roc_thr = M.roc_curve(y_true, scores)
        prec, rec, pr_thr = M.precision_recall_curve(y_true, scores)
        expected = {
            "confusion": M.confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel(),
            "accuracy": M.accuracy_score(y_true, y_pred),
            "balanced_accuracy": M.balanced_accuracy_score(y_true, y_pred),
            "precision": M.precision_score(y_true, y_pred, labels=[0, 1]),
            "recall": M.recall_score(y_true, y_pred, labels=[0, 1]),
            "specificity": M.recall_score(y_true, y_pred, labels=[0, 1], pos_label=0),
            "f1": M.f1_score(y_true, y_pred, labels=[0, 1]),
            "f2": M.fbeta_score(y_true, y_pred, beta=2.0, labels=[0, 1]),
            "f0_5": M.fbeta_score(y_true, y_pred, beta=0.5, labels=[0, 1]),
            "mcc": M.matthews_corrcoef(y_true, y_pred),
            "roc_auc": M.roc_auc_score(y_true, scores),
            "average_precision": M.average_precision_score(y_true, scores),
            "log_loss": M.log_loss(y_true, proba, labels=[0, 1]),
            "brier": M.brier_score_loss(y_true, proba, pos_label=1),
            "roc_curve": {"fpr": fpr, "tpr": tpr, "thresholds": roc_thr},
            "pr_curve": {"precision": prec, "recall": rec, "thresholds": pr_thr},
        }
    return clean({"name": name, "y_true": y_true, "y_pred": y_pred, "scores": scores,
                  "proba": proba, "expected": expected})


def regression(name, y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = {
            "mse": M.mean_squared_error(y_true, y_pred),
            "mae": M.mean_absolute_error(y_true, y_pred),
            "r2": M.r2_score(y_true, y_pred),
        }
    return clean({"name": name, "y_true": y_true, "y_pred": y_pred, "expected": expected})


def fixed_cases():
    rng = np.random.default_rng(20261121)
    cases = [
        classification("one class: all negative", [0, 0, 0, 0], [0, 1, 0, 0],
                       [.1, .4, .35, .8], [.1, .4, .35, .8]),
        classification("one class: all positive", [1, 1, 1], [1, 0, 1], [.9, .2, .6], [.9, .2, .6]),
        classification("positive class never predicted", [0, 1, 1, 0, 1], [0, 0, 0, 0, 0],
                       [.3, .6, .2, .1, .7], [.3, .6, .2, .1, .7]),
        classification("ties in scores", [0, 1, 0, 1, 1, 0], [1, 1, 0, 1, 1, 0],
                       [.5, .5, .2, .8, .5, .2], [.5, .5, .2, .8, .5, .2]),
        classification("nothing predicted, nothing true", [0, 0, 0], [0, 0, 0],
                       [.1, .2, .3], [.1, .2, .3]),
        classification("certain probabilities (clipped)", [0, 1, 1, 0], [0, 1, 0, 1],
                       [0.0, 1.0, 0.0, 1.0], [0.0, 1.0, 0.0, 1.0]),
        classification("all scores tied", [0, 1, 0, 1, 1], [1, 1, 1, 1, 1],
                       [.5] * 5, [.5] * 5),
    ]
    for i, n in enumerate([50, 400, 3000]):
        y = (rng.random(n) < 0.15).astype(int)
        s = np.round(np.clip(0.3 * y + rng.random(n) * 0.8, 0, 1), 2)  # heavy ties
        cases.append(classification(f"random ties n={n}", y, (s >= 0.5).astype(int), s, s))
    return cases


def dataset_cases():
    """On every bundled KEEL set: the labels, a column's values as scores."""
    cases = []
    for name in KEEL:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv", dtype={"class": int})
        col = df.columns[0]
        if not pd.api.types.is_numeric_dtype(df[col]):  # categorical: codes of the levels sorted as strings
            levels = sorted(df[col].unique())
            score = df[col].map({lv: i for i, lv in enumerate(levels)}).astype(float).to_numpy()
        else:
            score = df[col].astype(float).to_numpy()
        proba = (score - score.min()) / (score.max() - score.min())
        y = df["class"].to_numpy()
        case = classification(f"{name}: column {col} as score", y, (proba >= 0.5).astype(int),
                              score, proba)
        case["dataset"] = name
        cases.append(case)
    return cases


def regression_cases():
    rng = np.random.default_rng(7)
    y = rng.normal(size=500)
    sp = pd.read_csv(ROOT / "datasets" / "sp500.csv")
    return [
        regression("noisy predictions", y, y + rng.normal(scale=0.5, size=500)),
        regression("constant truth, imperfect", [2.0, 2.0, 2.0], [2.0, 1.0, 3.0]),
        regression("constant truth, perfect", [2.0, 2.0, 2.0], [2.0, 2.0, 2.0]),
        regression("one sample", [1.0], [2.0]),
        regression("sp500: MSFT return as a forecast of next_day_return",
                   sp["next_day_return"], sp["MSFT"]),
    ]


def folds(splitter, X, y=None):
    """Each fold's train and test indices, or the error scikit-learn raises."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = [{"train": tr.tolist(), "test": te.tolist()} for tr, te in splitter.split(X, y)]
        return {"folds": out, "warned": any("least populated" in str(w.message) for w in caught)}
    except ValueError as e:
        return {"error": str(e)}


def split_cases():
    from sklearn.model_selection import KFold, LeaveOneOut, StratifiedKFold, TimeSeriesSplit

    cases = []
    for n in [7, 10, 23]:
        for k in [2, 3, 5, 7, 8]:
            r = folds(KFold(n_splits=k), np.zeros((n, 1)))
            cases.append({"kind": "kfold", "n": n, "n_splits": k, **r})
    cases.append({"kind": "loo", "n": 6, **folds(LeaveOneOut(), np.zeros((6, 1)))})
    synthetic = {
        "classes out of order": [2, 0, 1, 2, 2, 0, 1, 1, 2, 0, 2, 2, 1, 0, 2, 1, 2, 2, 0, 1],
        "one class smaller than k": [0] * 12 + [1] * 2,
        "every class smaller than k": [0, 0, 1, 1, 2],
    }
    for name, y in synthetic.items():
        for k in [2, 3, 5]:
            r = folds(StratifiedKFold(n_splits=k), np.zeros((len(y), 1)), np.array(y))
            cases.append({"kind": "stratified", "name": name, "y": y, "n_splits": k, **r})
    for name in KEEL:
        y = pd.read_csv(ROOT / "datasets" / f"{name}.csv")["class"].to_numpy()
        for k in [3, 5, 10]:
            r = folds(StratifiedKFold(n_splits=k), np.zeros((len(y), 1)), y)
            # Training indices are the complement; keep the fixture small.
            r["folds"] = [{"test": f["test"]} for f in r["folds"]]
            cases.append({"kind": "stratified", "dataset": name, "n_splits": k, **r})
    for n in [20, 50, 1257]:
        for k in [2, 3, 5]:
            for gap in [0, 1, 3, 10]:
                for max_train in [None, 4, 15]:
                    for test_size in [None, 2, 5]:
                        sp = TimeSeriesSplit(n_splits=k, gap=gap, max_train_size=max_train,
                                             test_size=test_size)
                        r = folds(sp, np.zeros((n, 1)))
                        for f in r.get("folds", []):
                            f["train"] = [f["train"][0], f["train"][-1] + 1] if f["train"] else []
                            f["test"] = [f["test"][0], f["test"][-1] + 1]
                        cases.append({"kind": "time-series", "n": n, "n_splits": k, "gap": gap,
                                      "max_train_size": max_train, "test_size": test_size, **r})
    return cases


NUMERIC = ["pima", "wisconsin", "ecoli3", "glass2", "yeast4"]


def max_features_cases():
    """Training P(class 1) of DecisionTreeClassifier(max_features=k, random_state=0)."""
    from sklearn.tree import DecisionTreeClassifier

    cases = []
    for name in ["pima", "wisconsin", "yeast4"]:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
        X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
        for k in [1, 2, 3]:
            for depth in [4, None]:
                t = DecisionTreeClassifier(max_features=k, max_depth=depth, random_state=0).fit(X, y)
                cases.append(clean({"dataset": name, "max_features": k, "max_depth": depth,
                                    "n_leaves": int(t.get_n_leaves()), "proba": t.predict_proba(X)[:, 1]}))
    return cases


def regression_tree_cases():
    """DecisionTreeRegressor(random_state=0) on the S&P 500 returns -> next_day_return."""
    from sklearn.tree import DecisionTreeRegressor

    df = pd.read_csv(ROOT / "datasets" / "sp500.csv")
    X = df.drop(columns=["date", "next_day_return"]).to_numpy(dtype=float)
    y = df["next_day_return"].to_numpy(dtype=float)
    cases = []
    for depth in [1, 3, 6, None]:
        for leaf in [1, 20]:
            t = DecisionTreeRegressor(max_depth=depth, min_samples_leaf=leaf, random_state=0).fit(X, y)
            cases.append(clean({"max_depth": depth, "min_samples_leaf": leaf, "n_leaves": int(t.get_n_leaves()),
                                "prediction": t.predict(X)}))
    return cases


def resampling_cases():
    """Class counts after imbalanced-learn's random over- and under-sampling."""
    from imblearn.over_sampling import RandomOverSampler
    from imblearn.under_sampling import RandomUnderSampler

    cases = []
    for name in KEEL:
        y = pd.read_csv(ROOT / "datasets" / f"{name}.csv")["class"].to_numpy()
        X = np.zeros((len(y), 1))
        for strategy in ["auto", 0.2, 0.5, 0.8, 1.0]:
            for kind, sampler in [("over", RandomOverSampler), ("under", RandomUnderSampler)]:
                try:
                    _, yr = sampler(sampling_strategy=strategy, random_state=0).fit_resample(X, y)
                    counts = [int((yr == c).sum()) for c in (0, 1)]
                    cases.append({"dataset": name, "kind": kind, "strategy": strategy, "counts": counts})
                except ValueError as e:
                    cases.append({"dataset": name, "kind": kind, "strategy": strategy, "error": str(e)})
    return cases


def importance_cases():
    """feature_importances_ of DecisionTreeClassifier(random_state=0) on the numeric sets."""
    from sklearn.tree import DecisionTreeClassifier

    cases = []
    for name in NUMERIC:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
        X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
        for criterion in ["gini", "entropy"]:
            for depth in [3, None]:
                t = DecisionTreeClassifier(criterion=criterion, max_depth=depth, random_state=0).fit(X, y)
                cases.append(clean({"dataset": name, "criterion": criterion, "max_depth": depth,
                                    "importances": t.feature_importances_}))
    return cases


def tree_cases():
    """Training predictions of DecisionTreeClassifier on every numeric bundled set."""
    from sklearn.tree import DecisionTreeClassifier

    cases = []
    for name in NUMERIC:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
        X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
        for criterion in ["gini", "entropy"]:
            for depth in [1, 2, 3, 4, 5, None]:
                for split, leaf in [(2, 1), (10, 5)]:
                    t = DecisionTreeClassifier(criterion=criterion, max_depth=depth, min_samples_split=split,
                                               min_samples_leaf=leaf, random_state=0).fit(X, y)
                    cases.append({"dataset": name, "criterion": criterion, "max_depth": depth,
                                  "min_samples_split": split, "min_samples_leaf": leaf,
                                  "n_leaves": int(t.get_n_leaves()), "depth": int(t.get_depth()),
                                  "proba": clean(t.predict_proba(X)[:, 1])})
    return cases


def leakage_cases():
    """The time-order leakage reference: S&P 500, 10-day forward MSFT label, 10-day trailing
    means, full-depth tree. Tree ties make scikit-learn's own score depend on random_state,
    so the fixture keeps the range over ten of them."""
    from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score
    from sklearn.tree import DecisionTreeClassifier

    df = pd.read_csv(ROOT / "datasets" / "sp500.csv")
    stocks = [c for c in df.columns if c not in ("date", "next_day_return")]
    R = df[stocks].to_numpy()
    n, w, h = len(df), 10, 10
    rows = range(w - 1, n - h)
    X = np.array([R[t - w + 1:t + 1].sum(axis=0) / w for t in rows])
    j = stocks.index("MSFT")
    y = np.array([int(R[t + 1:t + 1 + h, j].sum() > 0) for t in rows])
    out = {"rows": len(y), "positives": int(y.sum()), "time_series": [], "time_series_gap": [], "shuffled": []}
    for rs in range(10):
        tree = DecisionTreeClassifier(random_state=rs)
        out["time_series"].append(cross_val_score(tree, X, y, cv=TimeSeriesSplit(5)).mean())
        out["time_series_gap"].append(cross_val_score(tree, X, y, cv=TimeSeriesSplit(5, gap=h)).mean())
        out["shuffled"].append(cross_val_score(tree, X, y, cv=KFold(5, shuffle=True, random_state=rs)).mean())
    return clean(out)


class Recording:
    """Wraps an estimator and records every prediction matrix mlxtend asks for."""

    def __init__(self, inner):
        self.inner, self.rows = inner, []

    def fit(self, X, y):
        self.inner.fit(X, y)
        return self

    def predict(self, X):
        p = self.inner.predict(X)
        self.rows.append(p)
        return p


def bias_variance_cases():
    from mlxtend.evaluate import bias_variance_decomp
    from sklearn.model_selection import train_test_split
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

    cases = []
    for name, depth, rounds in [("pima", 3, 50), ("glass2", None, 20), ("yeast4", 5, 31)]:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
        X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
        Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, stratify=y, random_state=1)
        est = Recording(DecisionTreeClassifier(max_depth=depth, random_state=0))
        loss, bias, var = bias_variance_decomp(est, Xtr, ytr, Xte, yte, loss="0-1_loss",
                                               num_rounds=rounds, random_seed=3)
        cases.append(clean({"name": f"{name} tree depth {depth}, {rounds} rounds", "loss": "0-1_loss",
                            "pred": np.array(est.rows), "y_test": yte,
                            "expected": {"expected_loss": loss, "bias": bias, "variance": var}}))
    rng = np.random.default_rng(5)
    x = rng.random((150, 1))
    yv = np.sin(2 * np.pi * x[:, 0]) + rng.normal(scale=0.3, size=150)
    est = Recording(DecisionTreeRegressor(max_depth=4, random_state=0))
    loss, bias, var = bias_variance_decomp(est, x[:100], yv[:100], x[100:], yv[100:], loss="mse",
                                           num_rounds=40, random_seed=3)
    cases.append(clean({"name": "sine regression tree depth 4, 40 rounds", "loss": "mse",
                        "pred": np.array(est.rows), "y_test": yv[100:],
                        "expected": {"expected_loss": loss, "bias": bias, "variance": var}}))
    return cases


def pruning_cases():
    """cost_complexity_pruning_path of a full-depth tree on every numeric bundled set."""
    from sklearn.tree import DecisionTreeClassifier

    cases = []
    for name in NUMERIC:
        df = pd.read_csv(ROOT / "datasets" / f"{name}.csv")
        X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
        for criterion in ["gini", "entropy"]:
            tree = DecisionTreeClassifier(criterion=criterion, random_state=0)
            path = tree.cost_complexity_pruning_path(X, y)
            full = DecisionTreeClassifier(criterion=criterion, random_state=0).fit(X, y)
            cases.append(clean({"dataset": name, "criterion": criterion, "n_leaves": int(full.get_n_leaves()),
                                "ccp_alphas": path.ccp_alphas, "impurities": path.impurities}))
    return cases


def main():
    import imbalance
    imbalance.write()
    import linear
    linear.write()
    OUT.mkdir(exist_ok=True)
    pruning = {"generator": "tests/oracle/oracle.py", "versions": {"scikit-learn": sklearn.__version__},
               "note": "DecisionTreeClassifier(random_state=0).cost_complexity_pruning_path(X, y)",
               "cases": pruning_cases()}
    (OUT / "pruning.json").write_text(json.dumps(pruning, separators=(",", ":")) + "\n")
    import mlxtend
    bv = {"generator": "tests/oracle/oracle.py", "versions": {"mlxtend": mlxtend.__version__},
          "note": "pred[r][j]: round r's prediction for test point j, recorded from mlxtend's own run",
          "cases": bias_variance_cases()}
    (OUT / "bias_variance.json").write_text(json.dumps(bv, separators=(",", ":")) + "\n")
    leak = {"generator": "tests/oracle/oracle.py", "versions": {"scikit-learn": sklearn.__version__},
            "sp500_msft_10_day": leakage_cases()}
    (OUT / "leakage.json").write_text(json.dumps(leak, indent=1) + "\n")
    (OUT / "max_features.json").write_text(json.dumps(
        {"generator": "tests/oracle/oracle.py", "versions": {"scikit-learn": sklearn.__version__},
         "cases": max_features_cases()}, separators=(",", ":")) + "\n")
    (OUT / "regression_trees.json").write_text(json.dumps(
        {"generator": "tests/oracle/oracle.py", "versions": {"scikit-learn": sklearn.__version__},
         "cases": regression_tree_cases()}, separators=(",", ":")) + "\n")
    import imblearn
    (OUT / "resampling.json").write_text(json.dumps(
        {"generator": "tests/oracle/oracle.py", "versions": {"imbalanced-learn": imblearn.__version__},
         "cases": resampling_cases()}, separators=(",", ":")) + "\n")
    (OUT / "importances.json").write_text(json.dumps(
        {"generator": "tests/oracle/oracle.py", "versions": {"scikit-learn": sklearn.__version__},
         "cases": importance_cases()}, separators=(",", ":")) + "\n")
    trees = {"generator": "tests/oracle/oracle.py", "versions": {"scikit-learn": sklearn.__version__},
             "note": "training-set P(class 1) of DecisionTreeClassifier(random_state=0)", "cases": tree_cases()}
    (OUT / "trees.json").write_text(json.dumps(trees, separators=(",", ":")) + "\n")
    splits = {"generator": "tests/oracle/oracle.py", "versions": {"scikit-learn": sklearn.__version__},
              "note": "time-series train/test are [start, end) ranges", "cases": split_cases()}
    (OUT / "splits.json").write_text(json.dumps(splits, separators=(",", ":")) + "\n")
    fixture = {
        "generator": "tests/oracle/oracle.py",
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
        "classification": fixed_cases() + dataset_cases(),
        "regression": regression_cases(),
    }
    path = OUT / "metrics.json"
    path.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
