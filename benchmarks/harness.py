"""Child runs, their timing and peak memory, and the measures that repeat them.

Every figure in the report comes from a fresh child process: ``run_child`` times
it from this process and reads its own peak RSS from GNU time. A ``Measure`` is
one such action and its runs; a ``Plan`` holds every measure, runs each once when
it is added, and spends what is left of the time budget on repetitions.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
BENCH = PROJECT / "benchmarks"
VENV_BIN = PROJECT / ".venv" / "bin"
PY = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
PLAN = str(VENV_BIN / "plan-dataset")
CJS = str(VENV_BIN / "check-jsonschema")
TIME_BIN = "/usr/bin/time" if Path("/usr/bin/time").exists() else None

# Cheap measures whose ratios decide targets get this many more runs than the others.
CHEAP_EXTRA = 2

# A child program that prints one JSON line: in-process seconds for import and work.
TIMED = "import time, json, sys; t0 = time.perf_counter()\n{imports}\nt1 = time.perf_counter()\n{work}\nt2 = time.perf_counter()\nprint(json.dumps({{'import': t1 - t0, 'load': t2 - t1, 'n': n}}))\n"

# Children run as an installed package would: with cached bytecode. This environment sets
# PYTHONDONTWRITEBYTECODE=1 and src/ has no __pycache__ (and this script must not write
# there), so bytecode goes to a prefix folder in the cache instead (see --cache).
CHILD_ENV = dict(os.environ)
CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
RAW_ENV = dict(os.environ)


class BenchError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_average() -> float:
    """The 1-minute load average: how busy the machine was (other processes included)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


@dataclass
class Run:
    seconds: float
    peak_kb: int
    inner: dict[str, Any] = field(default_factory=dict)
    status: int = 0
    load: float = 0.0  # the 1-minute load average when the child started
    cpu: float = 0.0  # user + system seconds of the child and every process it waited for


def use_snapshot(snapshot: Path, cache: Path) -> None:
    """Children import the code under test from ``snapshot`` and cache bytecode in ``cache``."""
    CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    for env in (CHILD_ENV, RAW_ENV):
        env["PYTHONPATH"] = os.pathsep.join(
            [str(snapshot), *filter(None, [os.environ.get("PYTHONPATH")])]
        )


def _peak_kb(rss_file: str, usage_kb: int) -> int:
    if not TIME_BIN:
        return usage_kb
    lines = Path(rss_file).read_text().split()
    return int(lines[-1]) if lines and lines[-1].isdigit() else 0


def run_child(
    cmd: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    *,
    check: bool = True,
    timeout: float | None = None,
) -> tuple[Run, str, str]:
    """Run one child process: wall time, its peak RSS, stdout, stderr.

    The peak comes from GNU time (``/usr/bin/time -f %M``): ``ru_maxrss`` of a child
    forked straight from this (larger) process would start at this process's size.
    With ``check`` a non-zero exit is an error; ``timeout`` kills a child that hangs
    (its run then has ``inner['timed_out']``).
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".rss") as rss,
    ):
        wrapped = [TIME_BIN, "-f", "%M", "-o", rss.name, *cmd] if TIME_BIN else cmd
        os.sync()  # write back what earlier runs wrote, so it does not compete with this one
        load = load_average()
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env or CHILD_ENV
        )
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        run = Run(seconds, _peak_kb(rss.name, usage.ru_maxrss), status=proc.returncode, load=load)
        run.cpu = usage.ru_utime + usage.ru_stime
    if timeout and seconds >= timeout:
        run.inner["timed_out"] = True
    if check and proc.returncode != 0:
        raise BenchError(f"{' '.join(cmd[:6])} ... exited {proc.returncode}:\n{stderr[-2000:]}")
    return run, stdout, stderr


def timed_child(program: tuple[str, str], *args: str, env: dict[str, str] | None = None) -> Run:
    """A ``python -c`` child built from TIMED: ``program`` is its (imports, work)."""
    imports, work = program
    run, stdout, _ = run_child(
        [PY, "-c", TIMED.format(imports=imports, work=work), *args],
        cwd=Path(tempfile.gettempdir()),
        env=env,
    )
    run.inner = json.loads(stdout.strip().splitlines()[-1])
    return run


@dataclass
class Measure:
    key: str
    action: Callable[[], Run]
    target: int
    priority: int
    runs: list[Run] = field(default_factory=list)

    def once(self) -> Run:
        run = self.action()
        self.runs.append(run)
        log(f"{self.key}: {run.seconds:.3f} s, {run.peak_kb / 1024:.0f} MB (run {len(self.runs)})")
        return run

    @property
    def n(self) -> int:
        return len(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        return min(r.seconds for r in self.runs), max(r.seconds for r in self.runs)

    @property
    def cores_used(self) -> float:
        """CPU seconds per wall second, the median over the runs."""
        return statistics.median(r.cpu / r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_kb for r in self.runs) / 1024

    def inner_median(self, name: str) -> float:
        return statistics.median(r.inner[name] for r in self.runs)


class Plan:
    """Every measure of this run, in the order they were added (the report's order)."""

    RESERVE = 5.0  # seconds kept back from the budget for writing the report

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.measures: dict[str, Measure] = {}

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def add(
        self,
        key: str,
        action: Callable[[], Run],
        target: int,
        priority: int,
        warm_up: bool = False,
    ) -> Measure:
        """Register a measure and run it once; ``warm_up`` runs it once more first, untimed."""
        measure = Measure(key, action, target, priority)
        self.measures[key] = measure
        if warm_up:
            action()  # untimed: the caches of a corpus a heavy run has just churned
        measure.once()
        return measure

    def repeat(self, budget: float) -> None:
        """Further repetitions while the budget allows.

        Tier by tier (cheap measures first), and in rounds within a tier, so that the
        measures of one tier reach their targets together.
        """
        for tier in sorted({m.priority for m in self.measures.values()}):
            members = [m for m in self.measures.values() if m.priority == tier]
            for round_number in range(2, max(m.target for m in members) + 1):
                for measure in members:
                    if measure.n >= measure.target or measure.n >= round_number:
                        continue
                    estimate = max(r.seconds for r in measure.runs) * 1.1
                    if self.elapsed() + estimate > budget - self.RESERVE:
                        continue
                    measure.once()

    def short(self) -> list[str]:
        """Measures the budget stopped short of their repetitions."""
        return sorted(k for k, m in self.measures.items() if m.n < m.target)
