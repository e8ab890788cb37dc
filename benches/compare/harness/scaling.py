"""Scaling curves: time and peak memory of CART fit, SMOTE, 5-fold CV and a random forest at
n = 10^3 … 10^6 rows of synth-imbalanced (20 features), both sides alternating, with the
growth exponent: the least-squares slope of log t on log n over the upper points (n ≥ 10^4),
set beside the exponent the algorithm's known complexity has over the same n."""

import math
from dataclasses import dataclass
from typing import Callable, Dict, List

from . import report
from .measure import Failed, Side, alternate, from_stderr, from_stdout
from .workloads import classification, py

SIZES = [1_000, 10_000, 100_000, 1_000_000]
QUICK_SIZES = [1_000, 3_000, 10_000, 30_000]
# Past this many rows a point would take more than ~2 minutes per run and side on 2 cores:
# a 100-tree forest took 9-16 s at 10^4 rows and 53-69 s at 3·10^4 (2026-12-02, loaded
# machine, growth about n^1.3), so 10^6 rows would take tens of minutes. --max-rows lifts it.
DEFAULT_CAPS = {"forest": 100_000}


@dataclass
class Algorithm:
    key: str
    name: str
    known: str
    # The known complexity's shape in n, for its own exponent over the measured n.
    shape: Callable[[float], float]
    make: Callable


def n_log_n(n):
    return n * math.log(n)


def algorithms(trees: int, cv_model: str) -> List[Algorithm]:
    def cart(ctx, f):
        return (Side("mlproof CART", [ctx.tree_fit, f, "class", "none", "1"], from_stdout),
                Side("DecisionTreeClassifier", py(ctx, "tree_fit.py", f, "class", "none", 1), from_stdout))

    def smote(ctx, f):
        out = f"{ctx.data_dir}/scaling-smote"
        return (Side("mlproof resample", [ctx.mlproof, "--quiet", "--force", "resample", "--data", f, "--target",
                                          "class", "--output", out + "-ours.csv", "--timing"], from_stderr),
                Side("imbalanced-learn SMOTE", py(ctx, "smote.py", f, "class", out + "-theirs.csv"), from_stderr))

    def cv(ctx, f):
        return (Side("mlproof cv", [ctx.mlproof, "--quiet", "cv", "--data", f, "--target", "class", "--model",
                                    cv_model, "--format", "json", "--timing"], from_stderr),
                Side("cross_validate", py(ctx, "cv.py", f, "class", cv_model), from_stderr))

    def forest(ctx, f):
        return (Side("mlproof forest", [ctx.tree_fit, f, "class", "none", "1", str(trees)], from_stdout),
                Side("RandomForestClassifier(n_jobs=2)", py(ctx, "tree_fit.py", f, "class", "none", 1, trees),
                     from_stdout))

    cv_known = ("n log n per fit (presorted CART)" if cv_model == "tree"
                else "n·d per L-BFGS iteration (logistic)")
    return [
        Algorithm("cart", "CART fit, full depth", "n log n (presorted CART)", n_log_n, cart),
        Algorithm("smote", "SMOTE (k = 5), 6% positives", "n·k·log n (tree-based k-NN; brute force: n²)",
                  n_log_n, smote),
        Algorithm("cv", f"5-fold CV, {cv_model}", cv_known, n_log_n if cv_model == "tree" else float, cv),
        Algorithm("forest", f"random forest, {trees} full-depth trees", "T·n log n", n_log_n, forest),
    ]


def slope(ns: List[float], ts: List[float]):
    """Least-squares slope of log t on log n (None with fewer than two points)."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(ns, ts) if t and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def fmt_slope(s) -> str:
    return "–" if s is None else f"n^{s:.2f}"


def run(ctx, args, log) -> str:
    sizes = QUICK_SIZES if ctx.quick else SIZES
    upper = [n for n in sizes if n >= sizes[1]]
    caps = dict(DEFAULT_CAPS, **args.max_rows)
    lines = ["| algorithm | n | mlproof, algorithm alone | Python, algorithm alone | ratio | mlproof, whole process "
             "| Python, whole process | mlproof, peak RSS | Python, peak RSS |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    growth = ["| algorithm | known complexity | its exponent over these n | mlproof | Python |",
              "|---|---|---:|---:|---:|"]
    notes = []
    chosen = [a for a in algorithms(args.forest_trees, args.cv_model) if not args.only or a.key in args.only]
    for alg in chosen:
        cap = caps.get(alg.key, caps.get("all"))
        done: Dict[int, tuple] = {}
        for n in sizes:
            if cap is not None and n > cap:
                est = _estimate(done, n)
                notes.append(f"{alg.name} at n = {n:,}: not run, capped at {cap:,} rows"
                             f"{' (default: it would take about ' + est + ' per run and side)' if est else ''}; "
                             f"`--max-rows {alg.key}={n}` runs it.")
                lines.append(f"| {alg.name} | {n:,} | capped (--max-rows) | | | | | | |")
                continue
            log(f"{alg.name}, n = {n:,}")
            try:
                ours, theirs = alternate(*alg.make(ctx, classification(ctx, n)), args.reps, args.timeout, log)
            except (Failed, OSError, ValueError) as e:
                log(f"  FAILED: {e}")
                lines.append(f"| {alg.name} | {n:,} | failed: {str(e).splitlines()[0][:100]} | | | | | | |")
                continue
            except KeyboardInterrupt:
                log("  interrupted: the table so far")
                break
            done[n] = (ours, theirs)
            lines.append(f"| {alg.name} | {n:,} | {report.ms(ours.alone_ms)} | {report.ms(theirs.alone_ms)} "
                         f"| {report.ratio(theirs.alone_ms, ours.alone_ms)} | {report.ms(ours.wall_ms)} "
                         f"| {report.ms(theirs.wall_ms)} | {report.mib(ours.rss_kib)} | {report.mib(theirs.rss_kib)} |")
        ns = [n for n in upper if n in done]
        own = slope(ns, [alg.shape(n) / n for n in ns])
        own = None if own is None else own + 1
        growth.append(f"| {alg.name} | {alg.known} | {fmt_slope(own)} "
                      f"| {fmt_slope(slope(ns, [done[n][0].alone_ms for n in ns]))} "
                      f"| {fmt_slope(slope(ns, [done[n][1].alone_ms for n in ns]))} |")
    fitted = (f"Exponents: least-squares slope of log t (algorithm alone, medians) on log n over n = "
              f"{', '.join(f'{n:,}' for n in upper)}.")
    return "\n".join(lines + [""] + growth + ["", fitted] + [f"- {n}" for n in notes])


def _estimate(done: Dict[int, tuple], n: int) -> str:
    """Extrapolated wall time of the slower side at n, from the slope of the points run."""
    if len(done) < 2:
        return ""
    ns = sorted(done)[-2:]
    walls = [max(done[m][0].wall_ms, done[m][1].wall_ms) for m in ns]
    s = slope(ns, walls)
    if s is None:
        return ""
    t = walls[-1] * (n / ns[-1]) ** s / 1e3
    return f"{t / 60:.0f} min" if t >= 120 else f"{t:.0f} s"
