"""The workloads of the comparison table, each as the same work done by mlproof (the release
binary, or a non-criterion bench binary that reads the CSV and times the fit) and by the
Python stack (the .py twins beside this folder), on the same generated or bundled data."""

import os
import subprocess
from dataclasses import dataclass
from typing import Callable, List

from .measure import ROOT, Side, first_field, from_stderr, from_stdout

HERE = os.path.join(ROOT, "benches", "compare")


@dataclass
class Context:
    mlproof: str
    tree_fit: str
    enet_path: str
    python: str
    data_dir: str
    quick: bool


@dataclass
class Workload:
    key: str
    name: str
    make: Callable[[Context], tuple]
    note: str = ""


_made = set()


def classification(ctx: Context, rows: int) -> str:
    """synth-imbalanced (20 features, about 6% positives), seed 1, written once per run."""
    path = os.path.join(ctx.data_dir, f"synth-imbalanced-{rows}.csv")
    if path not in _made:
        subprocess.run([ctx.mlproof, "--quiet", "--force", "datasets", "export", "synth-imbalanced",
                        "--rows", str(rows), "--seed", "1", "--output", path],
                       check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        _made.add(path)
    return path


def regression(ctx: Context, rows: int) -> str:
    """n × 20 correlated Gaussian columns, 8 informative (make_regression.py), written once."""
    path = os.path.join(ctx.data_dir, f"regression-{rows}.csv")
    if path not in _made:
        subprocess.run([ctx.python, os.path.join(HERE, "make_regression.py"), str(rows), path], check=True, cwd=ROOT)
        _made.add(path)
    return path


def py(ctx: Context, script: str, *args) -> List[str]:
    return [ctx.python, os.path.join(HERE, script), *map(str, args)]


def depth_sweep(ctx):
    return (Side("mlproof curves", [ctx.mlproof, "--quiet", "curves", "--dataset", "pima", "--format", "json",
                                    "--timing"], from_stderr),
            Side("scikit-learn validation_curve", py(ctx, "curves.py"), from_stderr))


def bias_variance(ctx):
    rounds = 20 if ctx.quick else 200
    return (Side("mlproof bias-variance", [ctx.mlproof, "--quiet", "bias-variance", "--loss", "zero-one",
                                           "--dataset", "pima", "--rounds", str(rounds), "--format", "json",
                                           "--timing"], from_stderr),
            Side("mlxtend bias_variance_decomp", py(ctx, "bias_variance.py", rounds), from_stderr))


def cart(rows, depth):
    def make(ctx):
        rows_ = min(rows, 10_000) if ctx.quick else rows
        f = classification(ctx, rows_)
        return (Side("mlproof CART", [ctx.tree_fit, f, "class", depth, "1"], from_stdout),
                Side("DecisionTreeClassifier", py(ctx, "tree_fit.py", f, "class", depth, 1), from_stdout))
    return make


def smote(rows):
    def make(ctx):
        rows_ = rows // 10 if ctx.quick else rows
        f = classification(ctx, rows_)
        ours, theirs = (os.path.join(ctx.data_dir, f"smote-{who}.csv") for who in ("ours", "theirs"))
        return (Side("mlproof resample", [ctx.mlproof, "--quiet", "--force", "resample", "--data", f,
                                          "--target", "class", "--output", ours, "--timing"], from_stderr),
                Side("imbalanced-learn SMOTE", py(ctx, "smote.py", f, "class", theirs), from_stderr))
    return make


def enet(ctx):
    f = regression(ctx, 10_000 if ctx.quick else 100_000)
    return (Side("mlproof Gram CD path", [ctx.enet_path, f, "y", "1"], first_field),
            Side("scikit-learn enet_path", py(ctx, "enet_path.py", f, "y", 1, "--tight-only"), first_field))


def forest(ctx):
    f = classification(ctx, 2_000 if ctx.quick else 10_000)
    return (Side("mlproof forest", [ctx.tree_fit, f, "class", "none", "1", "100"], from_stdout),
            Side("RandomForestClassifier(n_jobs=2)", py(ctx, "tree_fit.py", f, "class", "none", 1, 100),
                 from_stdout))


THREE = "accuracy-misleads,model-beats-baseline,smote-raises-recall"


def claims(only):
    def make(ctx):
        repeats = "2" if ctx.quick else "5"
        cmd = [ctx.mlproof, "--quiet", "claims", "--dataset", "pima", "--repeats", repeats, "--format", "json",
               "--timing"]
        if only:
            cmd += ["--only", THREE]
        return (Side("mlproof claims", cmd, from_stderr),
                Side("three claims in Python", py(ctx, "claims.py", repeats), from_stderr))
    return make


def metrics(ctx):
    return (Side("mlproof metrics", [ctx.mlproof, "--quiet", "metrics", "--dataset", "yeast4", "--format", "json"]),
            Side("scikit-learn metrics", py(ctx, "metrics.py")))


def regularize(ctx):
    return (Side("mlproof regularize", [ctx.mlproof, "--quiet", "regularize", "--dataset", "pima", "--target", "Mass",
                                        "--path"]),
            Side("pandas + lasso_path", py(ctx, "regularize.py", os.path.join(ROOT, "datasets", "pima.csv"))))


WORKLOADS = [
    Workload("depth-sweep", "pima depth sweep: tree depths 1-15, stratified 5-fold (`curves`)", depth_sweep),
    Workload("bias-variance", "0-1 bias-variance, 200 rounds × depths 1-12, pima, vs mlxtend", bias_variance,
             "--quick: 20 rounds"),
    Workload("cart-2k", "CART fit, 2,000 × 20, full depth", cart(2_000, "none")),
    Workload("cart-100k", "CART fit, 100,000 × 20, depth 10", cart(100_000, "10"), "--quick: 10,000 rows"),
    Workload("smote-100k", "SMOTE (k = 5), 100,000 × 20, 6% positives", smote(100_000), "--quick: 10,000 rows"),
    Workload("smote-300k", "SMOTE (k = 5), 300,000 × 20, 6% positives", smote(300_000), "--quick: 30,000 rows"),
    Workload("enet-path", "100-α elastic-net path (ρ = 0.5, gap tol 1e-10), 100,000 × 20", enet,
             "--quick: 10,000 rows"),
    Workload("forest", "random forest, 100 full-depth trees, 10,000 × 20, vs n_jobs=2", forest,
             "--quick: 2,000 rows"),
    Workload("claims", "whole `claims --dataset pima` sheet vs three of its claims in Python", claims(False),
             "--quick: 2 repeats"),
    Workload("claims-3", "the same three claims (`claims --only …`) vs Python", claims(True),
             "--quick: 2 repeats"),
    Workload("metrics", "`metrics --dataset yeast4` vs the scikit-learn script", metrics),
    Workload("regularize", "`regularize --dataset pima --target Mass --path` (100 α, 5-fold CV) vs lasso_path",
             regularize),
]
