"""What `mlproof regularize --dataset pima --target Mass` does, in the Python stack: read the
CSV, z-score the features, a 100-α lasso path (α_max/1000) with warm starts, 5-fold shuffled
CV with the scaler fitted inside each fold, the α of least CV MSE and by the one-SE rule,
and a printed table. Usage: python regularize.py pima.csv"""
import sys

import numpy as np
import pandas as pd
from sklearn.linear_model import lasso_path
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler


def main():
    df = pd.read_csv(sys.argv[1]).drop(columns="class")
    y = df.pop("Mass").to_numpy(dtype=float)
    X = df.to_numpy(dtype=float)
    Z = StandardScaler().fit_transform(X)
    yc = y - y.mean()
    alpha_max = np.max(np.abs(Z.T @ yc)) / len(y)
    alphas = alpha_max * np.logspace(0, -3, 100)
    _, coefs, _ = lasso_path(Z, yc, alphas=alphas, tol=1e-10)
    errors = []
    for train, test in KFold(5, shuffle=True, random_state=42).split(Z):
        scaler = StandardScaler().fit(X[train])
        zt, zs = scaler.transform(X[train]), scaler.transform(X[test])
        mean = y[train].mean()
        _, c, _ = lasso_path(zt, y[train] - mean, alphas=alphas, tol=1e-10)
        pred = zs @ c + mean
        errors.append(((y[test][:, None] - pred) ** 2).mean(axis=0))
    errors = np.array(errors)
    cv, se = errors.mean(axis=0), errors.std(axis=0, ddof=1) / np.sqrt(len(errors))
    best = int(np.argmin(cv))
    one_se = int(np.flatnonzero(cv <= cv[best] + se[best]).min())
    print(pd.DataFrame({"alpha": alphas, "nonzero": (coefs != 0).sum(axis=0), "cv_mse": cv, "se": se}).iloc[::10])
    print(f"min CV alpha {alphas[best]:.4e}, 1-SE alpha {alphas[one_se]:.4e}")


if __name__ == "__main__":
    main()
