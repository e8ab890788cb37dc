"""The Python-stack equivalent of `mlproof cv --data FILE.csv --target TARGET [--model tree]`
for the scaling curves: unshuffled StratifiedKFold(5) of StandardScaler + LogisticRegression(C=1)
(or of DecisionTreeClassifier(random_state=0) with MODEL=tree), scored by accuracy, ROC-AUC
and the Brier score on each fold. Prints the scores on stdout and the cross-validation's time
alone (ms) on stderr. Usage: cv.py FILE.csv TARGET [logistic|tree]"""

import sys
import time

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

path, target = sys.argv[1], sys.argv[2]
kind = sys.argv[3] if len(sys.argv) > 3 else "logistic"
df = pd.read_csv(path)
X, y = df.drop(columns=target).to_numpy(dtype=float), df[target].to_numpy()
model = DecisionTreeClassifier(random_state=0) if kind == "tree" else make_pipeline(StandardScaler(), LogisticRegression())
start = time.perf_counter()
scores = cross_validate(model, X, y, cv=StratifiedKFold(5), scoring=["accuracy", "roc_auc", "neg_brier_score"])
print(f"{(time.perf_counter() - start) * 1e3:.1f}", file=sys.stderr)
for name in ["test_accuracy", "test_roc_auc", "test_neg_brier_score"]:
    print(name, " ".join(f"{v:.6f}" for v in scores[name]))
