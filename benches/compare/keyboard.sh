#!/usr/bin/env bash
# Keyboard latency: the wall time a person at the terminal waits, whole process.
#
# Times, median of RUNS (default 3):
#   * `mlproof --help`;
#   * every command (found by walking `--help`) with its defaults on every bundled dataset
#     and generator (`--dataset NAME`; `datasets show NAME`), except `tour` and `claims`;
#   * every example printed under "Examples:" in every `--help` (examples that read a file
#     the user must supply, such as `my.csv`, are skipped and listed);
#   * `mlproof tour`;
# and prints them slowest first, with the exit code (an option that does not apply to a
# dataset exits 2 quickly; that is timed too). Files the examples write go to a scratch folder.
# Usage: [MLPROOF=BINARY] benches/compare/keyboard.sh [RUNS] [FILTER]   (FILTER: only lines
# containing it)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# MLPROOF=path/to/mlproof times another build (say, a copy of the one before a change).
if [ -z "${MLPROOF:-}" ]; then
  cargo build --release -q
  bin=$root/target/release/mlproof
else
  bin=$(realpath "$MLPROOF")
fi
runs=${1:-3}
filter=${2:-}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
results=$scratch/results.tsv
: >"$results"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_cmd LABEL ARGS...: median wall time in ms of `mlproof ARGS`, whole process.
time_cmd() {
  local label=$1; shift
  [ -n "$filter" ] && [[ "$label" != *"$filter"* ]] && return 0
  local times=() rc=0 s e
  for _ in $(seq "$runs"); do
    s=$(date +%s%N)
    "$bin" --quiet --force "$@" >/dev/null 2>&1 && rc=0 || rc=$?
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  local ms
  ms=$(printf '%s\n' "${times[@]}" | median | awk '{printf "%.1f", $1 / 1000}')
  printf '%s\t%s\t%s\n' "$ms" "$rc" "$label" >>"$results"
}

# Leaf commands, by walking the "Commands:" sections of the help.
subcommands() {
  "$bin" "$@" --help | awk '/^Commands:/ {on=1; next} on && /^[^ ]/ {on=0} on && NF {print $1}' |
    grep -v '^help$' || true
}
leaves() {
  local c subs values v
  for c in $(subcommands "$@"); do
    subs=$(subcommands "$@" "$c")
    if [ -n "$subs" ]; then leaves "$@" "$c"; continue; fi
    # A positional argument with possible values (`features <DEMO>`): one leaf per value.
    values=$("$bin" "$@" "$c" --help | awk '/^Arguments:/ {on=1; next} on && /^[^ ]/ {on=0}
      on && /^ +- [a-z0-9-]+:/ {sub(/:.*/, ""); print $2}')
    if [ -z "$values" ]; then echo "$* $c" | sed 's/^ //'; continue; fi
    for v in $values; do echo "$* $c $v" | sed 's/^ //'; done
  done
}

datasets=$("$bin" datasets --format json | /usr/bin/env python3 -c '
import json, sys
r = json.load(sys.stdin)["results"]
print(" ".join(d["name"] for k in ("bundled", "generators") for d in r.get(k, [])))' 2>/dev/null ||
  echo "pima wisconsin german ecoli3 glass2 car-good yeast4 abalone19 sp500 synth-imbalanced synth-sine synth-friedman1 synth-stream")

time_cmd "--help" --help
all_leaves=$(leaves)
while read -r cmd; do
  case "$cmd" in
    tour | claims | "datasets export") continue ;;
    "datasets show")
      for d in $datasets; do time_cmd "datasets show $d" datasets show "$d"; done ;;
    *)
      read -r -a words <<<"$cmd"
      for d in $datasets; do time_cmd "$cmd --dataset $d" "${words[@]}" --dataset "$d"; done ;;
  esac
done <<<"$all_leaves"

# Every example in every help (top level, every command and subcommand).
skipped=()
{
  echo ""
  leaves | while read -r cmd; do
    echo "$cmd"
    echo "$cmd" | awk '{print $1}'
  done
} | sort -u | while read -r cmd; do
  read -r -a words <<<"$cmd"
  "$bin" "${words[@]}" --help 2>/dev/null | awk '/^Examples:/ {on=1; next} on && /^ +mlproof/ {print}'
done | sed -E 's/^ +mlproof +//; s/ {2,}.*$//; s/ *>.*$//' | sort -u >"$scratch/examples"
while read -r ex; do
  if [[ " $ex " == *" --data "* || " $ex " == *" --suite "* ]]; then
    skipped+=("$ex")
    continue
  fi
  read -r -a words <<<"$ex"
  time_cmd "example: $ex" "${words[@]}"
done <"$scratch/examples"
time_cmd "tour" tour

echo "mlproof keyboard latency: whole process, median of $runs, ms ($(nproc) cores; $(uptime | sed 's/.*load/load/'))"
printf '%10s  %4s  %s\n' "ms" "exit" "command"
sort -t$'\t' -k1,1 -g -r "$results" | awk -F'\t' '{printf "%10.1f  %4s  %s\n", $1, $2, $3}'
for ex in "${skipped[@]}"; do echo "skipped (needs a user file): mlproof $ex"; done
