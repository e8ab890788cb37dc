"""Three claims of `mlproof claims --dataset pima`, written in the Python stack, for
benches/compare/run: accuracy-misleads, model-beats-baseline and smote-raises-recall, on the
same design (R x 5 repeated stratified folds, R = 5; each learner fitted once per fold: the
majority baseline, StandardScaler + LogisticRegression(C=1), and the same with in-fold SMOTE
(k = 5)), each per-fold difference judged by the Nadeau-Bengio corrected resampled t (95%
interval) against a ROPE of +-0.01. Prints JSON on stdout and the claims' time alone (ms) on
stderr. Usage: claims.py [REPEATS]"""

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline as imb_pipeline
from scipy import stats
from sklearn import metrics as M
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROPE = 0.01


def corrected_t(d, n_train, n_test):
    """Nadeau & Bengio (2003): Var = (1/J + n_test/n_train) s^2 over J paired folds."""
    d = np.asarray(d)
    j = len(d)
    se = np.sqrt((1 / j + n_test / n_train) * d.var(ddof=1))
    half = stats.t.ppf(0.975, j - 1) * se
    lo, hi = d.mean() - half, d.mean() + half
    verdict = "holds" if lo > ROPE else "does not hold" if hi < ROPE else "inconclusive"
    return {"estimate": d.mean(), "interval": [lo, hi], "verdict": verdict}


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    root = Path(__file__).resolve().parents[2]
    df = pd.read_csv(root / "datasets" / "pima.csv")
    X, y = df.drop(columns="class").to_numpy(dtype=float), df["class"].to_numpy()
    start = time.perf_counter()
    learners = {
        "majority": lambda: DummyClassifier(),
        "logistic": lambda: make_pipeline(StandardScaler(), LogisticRegression()),
        "smote": lambda: imb_pipeline(StandardScaler(), SMOTE(k_neighbors=5, random_state=0), LogisticRegression()),
    }
    scores = {name: {"accuracy": [], "balanced": [], "recall": [], "auc": []} for name in learners}
    folds = RepeatedStratifiedKFold(n_splits=5, n_repeats=repeats, random_state=42).split(X, y)
    sizes = None
    for train, test in folds:
        sizes = (len(train), len(test))
        for name, make in learners.items():
            p = make().fit(X[train], y[train]).predict_proba(X[test])[:, 1]
            pred = (p >= 0.5).astype(int)
            s = scores[name]
            s["accuracy"].append(M.accuracy_score(y[test], pred))
            s["balanced"].append(M.balanced_accuracy_score(y[test], pred))
            s["recall"].append(M.recall_score(y[test], pred))
            s["auc"].append(M.roc_auc_score(y[test], p))
    lr, base, sm = (np.array(scores[n]["accuracy"]) for n in ("logistic", "majority", "smote"))
    bal = np.array(scores["logistic"]["balanced"]) - np.array(scores["majority"]["balanced"])
    out = {
        "accuracy-misleads": corrected_t(bal - (lr - base), *sizes),
        "model-beats-baseline": corrected_t(np.array(scores["logistic"]["auc"]) - 0.5, *sizes),
        "smote-raises-recall": corrected_t(
            np.array(scores["smote"]["recall"]) - np.array(scores["logistic"]["recall"]), *sizes),
    }
    print(f"{(time.perf_counter() - start) * 1e3:.1f}", file=sys.stderr)
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
