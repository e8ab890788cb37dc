"""Running one side of a workload as a child process and measuring it: wall time (perf_counter
around spawn and wait), peak memory (ru_maxrss of that child from os.wait4, KiB on Linux),
and the algorithm alone as the side's own clock prints it. Medians over repetitions."""

import os
import re
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, List, Optional

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


class Failed(Exception):
    """A side that exited non-zero, timed out or printed no timing where one was expected."""


@dataclass
class Side:
    """One side of a workload: the command, and how to read its own clock (None: it has none)."""
    label: str
    cmd: List[str]
    alone: Optional[Callable[[str, str], float]] = None
    before: Optional[Callable[[], None]] = None
    env: dict = field(default_factory=dict)


@dataclass
class Sample:
    wall_ms: float
    rss_kib: int
    alone_ms: Optional[float]


def last_number(text: str) -> float:
    """The last number on the last non-empty line (`12.3`, `... 12.3 ms`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in reversed(lines):
        found = re.findall(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", line)
        if found:
            return float(found[-1])
    raise Failed("no timing printed")


def from_stderr(_out: str, err: str) -> float:
    return last_number(err)


def from_stdout(out: str, _err: str) -> float:
    return last_number(out)


def first_field(out: str, _err: str) -> float:
    """The first number of stdout's last line (enet_path.py prints `tight default checksum`)."""
    lines = [line for line in out.splitlines() if line.strip()]
    if not lines:
        raise Failed("no timing printed")
    return float(lines[-1].split()[0])


def run_once(side: Side, timeout: float) -> Sample:
    """Spawn the side once; wall time and this child's ru_maxrss via os.wait4."""
    if side.before:
        side.before()
    env = dict(os.environ, **side.env)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            child = subprocess.Popen(side.cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=ROOT)
        except OSError as e:
            raise Failed(f"{side.cmd[0]}: {e}") from e
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        wall = (time.perf_counter() - start) * 1e3
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if child.returncode != 0:
        why = f"killed after {timeout:.0f} s (--timeout)" if wall >= timeout * 1e3 else f"exit {child.returncode}"
        tail = "\n".join(stderr.strip().splitlines()[-6:])
        raise Failed(f"{' '.join(side.cmd)}: {why}\n{tail}")
    alone = side.alone(stdout, stderr) if side.alone else None
    return Sample(wall, usage.ru_maxrss, alone)


@dataclass
class Summary:
    """Medians over the repetitions of one side."""
    wall_ms: float
    rss_kib: int
    alone_ms: Optional[float]
    runs: int
    walls: List[float]


def summarise(samples: List[Sample]) -> Summary:
    walls = [s.wall_ms for s in samples]
    alone = [s.alone_ms for s in samples if s.alone_ms is not None]
    return Summary(
        wall_ms=statistics.median(walls),
        rss_kib=max(s.rss_kib for s in samples),
        alone_ms=statistics.median(alone) if alone else None,
        runs=len(samples),
        walls=walls,
    )


def alternate(ours: Side, theirs: Side, reps: int, timeout: float, log) -> tuple:
    """Run the two sides alternately (ours, theirs, theirs, ours, ...: each goes first in half
    of the repetitions), `reps` times each; the medians of each side."""
    samples = {"ours": [], "theirs": []}
    for rep in range(reps):
        order = [("ours", ours), ("theirs", theirs)]
        if rep % 2:
            order.reverse()
        for key, side in order:
            s = run_once(side, timeout)
            samples[key].append(s)
            alone = f", alone {s.alone_ms:.1f} ms" if s.alone_ms is not None else ""
            log(f"  rep {rep + 1}/{reps} {side.label}: {s.wall_ms:.1f} ms{alone}, {s.rss_kib / 1024:.0f} MiB")
    return summarise(samples["ours"]), summarise(samples["theirs"])
