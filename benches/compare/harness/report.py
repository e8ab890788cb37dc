"""The machine line and the Markdown tables of a run."""

import datetime
import os
import platform
import subprocess

from .measure import ROOT

PACKAGES = ["scikit-learn", "imbalanced-learn", "mlxtend", "scipy", "numpy", "pandas"]


def _out(cmd) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def python_versions(python: str) -> dict:
    code = ("import importlib.metadata as m, platform\n"
            f"print('Python', platform.python_version())\n"
            f"for p in {PACKAGES!r}:\n"
            "    try: print(p, m.version(p))\n"
            "    except m.PackageNotFoundError: print(p, 'missing')\n")
    pairs = [line.split(" ", 1) for line in _out([python, "-c", code]).splitlines() if " " in line]
    return dict(pairs)


def pinned() -> dict:
    pins = {}
    with open(os.path.join(ROOT, "benches", "compare", "requirements.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                name, version = line.split("==", 1)
                pins[name.strip()] = version.strip()
    return pins


def machine_line(mlproof: str, python: str, reps: int, load_start: str) -> str:
    versions = python_versions(python)
    stack = ", ".join(f"{k} {v}" for k, v in versions.items())
    off = [f"{k} {versions.get(k)} (pinned {v})" for k, v in pinned().items() if versions.get(k) != v]
    commit = _out(["git", "rev-parse", "--short", "HEAD"]) or "unknown"
    dirty = " + uncommitted changes" if _out(["git", "status", "--porcelain", "--untracked-files=no"]) else ""
    threads = os.environ.get("RAYON_NUM_THREADS", "unset (all cores)")
    line = (f"Machine: {os.cpu_count()} cores, {cpu_model()}, {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; "
            f"load average {load_start} at the start, {load()} at the end. "
            f"{_out([mlproof, '--version'])} (commit {commit}{dirty}), {_out(['rustc', '-V'])}; {stack}. "
            f"RAYON_NUM_THREADS {threads}; {reps} repetition(s) per side, alternating, medians.")
    if off:
        line += " NOT THE PINNED VERSIONS: " + "; ".join(off) + "."
    return line


def ms(v) -> str:
    if v is None:
        return "–"
    return f"{v:,.0f} ms" if v >= 100 else f"{v:,.1f} ms"


def mib(kib) -> str:
    return f"{kib / 1024:,.0f} MiB" if kib >= 10 * 1024 else f"{kib / 1024:,.1f} MiB"


def ratio(theirs, ours) -> str:
    if theirs is None or ours is None or ours <= 0:
        return "–"
    return f"{theirs / ours:.2f}×" if theirs / ours < 10 else f"{theirs / ours:.1f}×"


TABLE_HEAD = ("| workload | mlproof, whole process | Python, whole process | ratio | mlproof, algorithm alone "
              "| Python, algorithm alone | ratio | mlproof, peak RSS | Python, peak RSS | ratio |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def table_row(name, ours, theirs) -> str:
    return (f"| {name} | {ms(ours.wall_ms)} | {ms(theirs.wall_ms)} | {ratio(theirs.wall_ms, ours.wall_ms)} "
            f"| {ms(ours.alone_ms)} | {ms(theirs.alone_ms)} | {ratio(theirs.alone_ms, ours.alone_ms)} "
            f"| {mib(ours.rss_kib)} | {mib(theirs.rss_kib)} | {ratio(theirs.rss_kib, ours.rss_kib)} |")


def failed_row(name, error) -> str:
    first = str(error).strip().splitlines()[0] if str(error).strip() else "failed"
    return f"| {name} | failed: {first[:120].replace('|', '/')} | | | | | | | | |"


TABLE_NOTE = ("Ratios are Python / mlproof: above 1, mlproof is faster (or smaller). Whole process: spawn to "
              "exit, reading the CSV included. Algorithm alone: each side's own clock around the algorithm "
              "(mlproof `--timing` on stderr or the bench binaries; the .py twins' `time.perf_counter`), "
              "data already in memory. Peak RSS: ru_maxrss of the child (os.wait4), largest over the "
              "repetitions.")
