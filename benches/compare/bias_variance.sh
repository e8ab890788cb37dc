#!/usr/bin/env bash
# Whole-process wall time: the 0-1 bias-variance sweep (200 rounds, depths 1-12, pima) in
# mlproof and in mlxtend + scikit-learn. Usage: benches/compare/bias_variance.sh [PYTHON]
source "$(dirname "$0")/common.sh"
py=${1:-python3}
compare 3 "mlproof bias-variance (whole process)" "mlxtend bias_variance_decomp (whole process)" \
  -- "$bin" bias-variance --loss zero-one --dataset pima --rounds 200 --format json \
  -- "$py" benches/compare/bias_variance.py
