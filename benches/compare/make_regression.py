"""Writes n × 20 regression data for the path benchmarks: correlated Gaussian columns
(pairwise correlation 0.3), 8 informative, noise σ = 1. Usage: make_regression.py N OUT.csv"""
import sys

import numpy as np

n, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(0)
p = 20
cov = 0.3 * np.ones((p, p)) + 0.7 * np.eye(p)
X = rng.multivariate_normal(np.zeros(p), cov, size=n) * rng.uniform(0.5, 20.0, size=p)
beta = np.zeros(p)
beta[:8] = rng.uniform(-2, 2, size=8)
y = X @ beta + rng.normal(size=n)
header = ",".join([f"x{j}" for j in range(p)] + ["y"])
np.savetxt(out, np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt="%.17g")
