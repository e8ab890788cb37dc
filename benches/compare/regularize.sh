#!/usr/bin/env bash
# Whole process: `mlproof regularize --dataset pima --target Mass` (lasso path, 100 α, 5-fold
# CV) against the same work as a Python script, medians of runs.
# Usage: benches/compare/regularize.sh [PYTHON]
source "$(dirname "$0")/common.sh"
py=${1:-python3}
compare 11 "mlproof regularize --path (pima, Mass)" "python: pandas + scikit-learn lasso_path" \
  -- "$bin" regularize --dataset pima --target Mass --path \
  -- "$py" benches/compare/regularize.py datasets/pima.csv
