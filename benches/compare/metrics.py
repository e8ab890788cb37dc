"""The Python-stack equivalent of `mlproof metrics --dataset yeast4 --format json`.

Same workload: a stratified 25% hold-out, DummyClassifier(strategy="prior") and
StandardScaler + LogisticRegression(C=1), every metric mlproof prints. Used by metrics.sh.
"""

import json
import sys
from pathlib import Path

import pandas as pd
from sklearn import metrics as M
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

root = Path(__file__).resolve().parents[2]
df = pd.read_csv(root / "datasets" / "yeast4.csv")
X, y = df.drop(columns="class").to_numpy(), df["class"].to_numpy()
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, stratify=y, random_state=42)
out = []
for name, model in [("majority", DummyClassifier()), ("logistic", make_pipeline(StandardScaler(), LogisticRegression()))]:
    p = model.fit(Xtr, ytr).predict_proba(Xte)[:, 1]
    pred = (p >= 0.5).astype(int)
    out.append({
        "model": name,
        "confusion": M.confusion_matrix(yte, pred, labels=[0, 1]).ravel().tolist(),
        "accuracy": M.accuracy_score(yte, pred),
        "balanced_accuracy": M.balanced_accuracy_score(yte, pred),
        "precision": M.precision_score(yte, pred, zero_division=0),
        "recall": M.recall_score(yte, pred),
        "specificity": M.recall_score(yte, pred, pos_label=0),
        "f1": M.f1_score(yte, pred),
        "f2": M.fbeta_score(yte, pred, beta=2),
        "mcc": M.matthews_corrcoef(yte, pred),
        "roc_auc": M.roc_auc_score(yte, p),
        "average_precision": M.average_precision_score(yte, p),
        "log_loss": M.log_loss(yte, p, labels=[0, 1]),
        "brier": M.brier_score_loss(yte, p),
    })
json.dump(out, sys.stdout)
