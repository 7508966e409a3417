"""Hostile input, round two (issue 23): a zip bomb, a huge seed, a deep tree, a
backtracking schema pattern and a 600-source origin chain, each built afresh and met
in a fresh child (the cases are ``benchmarks/hostile.py``'s)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import hostile
from context import Bench
from harness import Run
from markdown import fmt_s, table, verdict


def _action(name: str) -> Callable[[], Run]:
    def action() -> Run:
        with tempfile.TemporaryDirectory(prefix="plan-dataset-hostile-") as folder:
            run, judged = hostile.measure(name, Path(folder))
        run.inner.update(ok=judged)
        return run

    return action


def register(bench: Bench, reps: int) -> None:
    for name in hostile.CASES:
        bench.plan.add(f"hostile/{name}", _action(name), reps, 0)


def section(bench: Bench) -> list[str]:
    rows, targets = [], []
    for name, case in hostile.CASES.items():
        m = bench.m[f"hostile/{name}"]
        judged = all(r.inner["ok"] for r in m.runs)
        ok = judged and m.median <= hostile.TARGET_SECONDS and m.peak_mb <= hostile.TARGET_MB
        rows.append(
            [
                f"`{name}`",
                f"`{case.expect}`",
                "right" if judged else "**wrong**",
                fmt_s(m.median),
                f"{m.peak_mb:.0f} MB",
                verdict(ok),
                str(m.n),
            ]
        )
        detail = f"{fmt_s(m.median)}, {m.peak_mb:.0f} MB" + ("" if judged else "; judged wrongly")
        limits = f"{hostile.TARGET_SECONDS:.0f} s and {hostile.TARGET_MB:.0f} MB"
        targets.append((f"hostile case `{name}`: judged right within {limits}", ok, detail))
    bench.checks.targets.extend(targets)
    intro = (
        "Each case of `benchmarks/hostile.py` is built in a temporary folder and met once per "
        "run by a fresh child: `load()` of the zip bomb, `validate` of the others. The time and "
        "peak include the interpreter's start-up. Target, from issue 23: judged right (the "
        f"output holds the expected code or message) within {hostile.TARGET_SECONDS:.0f} s "
        f"and {hostile.TARGET_MB:.0f} MB.\n"
    )
    header = ["case", "expected", "judged", "time", "peak", "target", "n"]
    passed = sum(ok for _name, ok, _detail in targets)
    summary = f"{passed} of {len(targets)} hostile-input targets pass.\n"
    return ["## Hostile input, round two (issue 23)\n", intro, table(header, rows) + "\n", summary]
