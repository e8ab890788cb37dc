"""scikit-learn's enet_path on the same CSV as benches/enet_path_time.rs: z-scored columns,
centred y, 100 α down to α_max/1000, l1_ratio 0.5, stopping at the same duality gap
(tol = 1e-10 · ‖y‖², mlproof's) and at scikit-learn's default tol = 1e-4.

Usage: python enet_path.py FILE.csv TARGET RUNS [--tight-only]  -> "ms_tight ms_default checksum"
(with --tight-only, for benches/compare/run, ms_default is printed as nan: not run)."""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.linear_model import enet_path
from sklearn.preprocessing import StandardScaler


def timed(Z, y, tol, runs):
    times, coefs = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        Zs = StandardScaler().fit_transform(Z)
        _, coefs, _ = enet_path(Zs, y - y.mean(), l1_ratio=0.5, alphas=100, eps=1e-3, tol=tol)
        times.append((time.perf_counter() - t0) * 1e3)
    return float(np.median(times)), coefs


def main():
    path, target, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    df = pd.read_csv(path)
    y = df.pop(target).to_numpy(dtype=float)
    X = df.to_numpy(dtype=float)
    tight, coefs = timed(X, y, 1e-10, runs)
    default = float("nan") if "--tight-only" in sys.argv[4:] else timed(X, y, 1e-4, runs)[0]
    print(f"{tight:.3f} {default:.3f} {np.abs(coefs[:, -1]).sum():.9f}")


if __name__ == "__main__":
    main()
