#!/usr/bin/env bash
# Whole-process wall time: `mlproof metrics` against the same workload in scikit-learn.
# Usage: benches/compare/metrics.sh [PYTHON] (a Python with tests/oracle/requirements.txt).
source "$(dirname "$0")/common.sh"
py=${1:-python3}
compare 5 "mlproof metrics (whole process)" "scikit-learn script (whole process)" \
  -- "$bin" metrics --dataset yeast4 --format json \
  -- "$py" benches/compare/metrics.py
