"""Fixtures on data the other fixtures never saw (issue 14): scikit-learn's bundled sets,
written as CSV beside the references computed on them.

Run with the pinned stack of requirements.txt (Python 3.11):
    python tests/oracle/unseen.py
Writes tests/oracle/fixtures/unseen/{breast_cancer.csv, unseen.json}.

breast_cancer.csv: `sklearn.datasets.load_breast_cancer` (Wisconsin diagnostic breast cancer,
UCI, CC BY 4.0), spaces in column names replaced by `_`, target 0 = malignant (the minority).
"""

import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "fixtures" / "unseen"


def breast_cancer():
    from sklearn.datasets import load_breast_cancer

    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    df = X.copy()
    df.columns = [c.replace(" ", "_") for c in df.columns]
    df["target"] = y
    df.to_csv(OUT / "breast_cancer.csv", index=False)
    return df.drop(columns="target").to_numpy(dtype=float), y.to_numpy()


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


def main():
    import imblearn
    import sklearn

    OUT.mkdir(parents=True, exist_ok=True)
    X, y = breast_cancer()
    out = {
        "generator": "tests/oracle/unseen.py",
        "versions": {"scikit-learn": sklearn.__version__, "imbalanced-learn": imblearn.__version__,
                     "numpy": np.__version__},
        "breast_cancer": {"adasyn": adasyn_counts(X, y, minority=0)},
    }
    (OUT / "unseen.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
