"""Issue 26 (scale): each figure against its floor in the same run, with the targets.

- validate against the **parse floor**: one process parsing every record file of the
  corpus with PyYAML's C loader (``yaml.load(..., CSafeLoader)``), on one core;
- build and release against validate;
- the **no-change rebuild**: ``build`` again right after a build;
- the one-file path against ``--version`` and load against ``json.load`` (measured by
  ``single.py`` and ``load.py``; their ratios are read here).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import Any

from context import Bench
from corpora import Corpus
from harness import PLAN, PROJECT, PY, BenchError, Measure, Run, run_child
from markdown import fmt_m, fmt_s, table, verdict

FLOOR = """
import os, sys, yaml
root = os.path.join(sys.argv[1], "data")
n = 0
for table in sorted(os.listdir(root)):
    folder = os.path.join(root, table)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)
        n += 1
print(n)
"""


def floor_action(corpus: Corpus) -> Callable[[], Run]:
    def action() -> Run:
        run, out, _err = run_child([PY, "-c", FLOOR, str(corpus.root)])
        if out.strip() != str(corpus.size):
            raise BenchError(f"parse floor read {out.strip()} files, not {corpus.size}")
        return run

    return action


def rebuild_action(corpus: Corpus) -> Callable[[], Run]:
    """A build right after a build: the first (untimed) may render, the second must not."""

    def action() -> Run:
        run_child([PLAN, "--root", str(corpus.root), "build"])
        run, out, _err = run_child([PLAN, "--root", str(corpus.root), "build"])
        if not out.startswith(f"unchanged since the last build: {corpus.size} records"):
            raise BenchError(f"the second build did not skip: {out[:300]}")
        return run

    return action


def release_action(corpus: Corpus) -> Callable[[], Run]:
    def action() -> Run:
        shutil.copy2(PROJECT / "CHANGELOG.md", corpus.root / "CHANGELOG.md")
        shutil.rmtree(corpus.root / "dist", ignore_errors=True)
        run, out, _err = run_child([PLAN, "--root", str(corpus.root), "release"])
        if not out.strip().endswith(".zip"):
            raise BenchError(f"unexpected release output: {out[:300]}")
        return run

    return action


def register_corpus(bench: Bench, corpus: Corpus, reps: int, heavy: int) -> None:
    plan = bench.plan
    plan.add(f"floor/{corpus.label}", floor_action(corpus), reps, min(heavy, 1))
    plan.add(f"rebuild/{corpus.label}", rebuild_action(corpus), reps, 0)
    plan.add(f"release/{corpus.label}", release_action(corpus), reps, heavy + 1)


INTRO = (
    "Each figure beside its floor, from the same run. **parse floor**: one process reading "
    "every record file of the corpus and parsing it with PyYAML's C loader "
    "(`yaml.load(data, Loader=yaml.CSafeLoader)`), on one core: no strictness, no "
    "positions, no checks. **cores used**: the CPU time (user + system) of the command and "
    "every process it waited for, over its wall time. **peak** is the largest resident set "
    "of one process (GNU time); `validate` runs the per-file checks in one worker per core "
    "(`validation/parallel.py`), so the whole run can hold more than that in total. "
    "**no-change rebuild**: `build` run again right after a build, which skips validation "
    "and rendering (`build_stamp.py`).\n"
)
HEADER = [
    "corpus",
    "parse floor",
    "validate",
    "validate ÷ floor",
    "cores used",
    "peak",
    "build",
    "build ÷ validate",
    "build peak",
    "release",
    "release ÷ validate",
    "no-change rebuild",
]


def _row(bench: Bench, corpus: Corpus) -> list[str]:
    label = corpus.label
    m = bench.m
    floor, validate = m[f"floor/{label}"], m[f"validate/{label}"]
    build, release, rebuild = m[f"build/{label}"], m[f"release/{label}"], m[f"rebuild/{label}"]
    return [
        label,
        fmt_m(floor),
        fmt_m(validate),
        f"{validate.median / floor.median:.2f}×",
        f"{validate.cores_used:.2f}",
        f"{validate.peak_mb:.0f} MB",
        fmt_m(build),
        f"{build.median / validate.median:.2f}×",
        f"{build.peak_mb:.0f} MB",
        fmt_m(release),
        f"{release.median / validate.median:.2f}×",
        fmt_m(rebuild),
    ]


def _near_floor(bench: Bench) -> list[tuple[str, bool, str]]:
    """A stricter reading of "near the parsing floor" than the issue's number (30 s at
    100k, which it took to be about the floor; the floor measured here is lower). Reported
    beside the targets, not counted: at 1k the floor, which imports only PyYAML, is less
    than the validator's start-up."""
    found = []
    for corpus in bench.corpora:
        validate, floor = bench.m[f"validate/{corpus.label}"], bench.m[f"floor/{corpus.label}"]
        ratio = validate.median / floor.median
        found.append(
            (
                f"validate {corpus.label}: ≤ 1.1× the single-core parse floor",
                ratio <= 1.1,
                f"{fmt_s(validate.median)} vs {fmt_s(floor.median)} = {ratio:.2f}×",
            )
        )
    return found


def _targets(bench: Bench) -> list[tuple[str, bool, str]]:
    m, found = bench.m, []
    for corpus in bench.corpora:
        label = corpus.label
        rebuild = m[f"rebuild/{label}"]
        found.append(
            (
                f"no-change rebuild {label}: ≤ 2 s",
                rebuild.median <= 2,
                fmt_s(rebuild.median),
            )
        )
    if "validate/100k" in m:
        found += _absolute(m["validate/100k"], "validate 100k", 30, 500)
        found += _absolute(m["build/100k"], "build 100k", 60, 600)
    return found


def _absolute(measure: Measure, name: str, seconds: float, megabytes: float) -> list[Any]:
    return [
        (f"{name}: ≤ {seconds:.0f} s", measure.median <= seconds, fmt_s(measure.median)),
        (
            f"{name}: peak ≤ {megabytes:.0f} MB",
            measure.peak_mb <= megabytes,
            f"{measure.peak_mb:.0f} MB",
        ),
    ]


def _issue_targets(bench: Bench) -> list[tuple[str, bool, str]]:
    m, found = bench.m, _targets(bench)
    for corpus in bench.corpora:
        single = m[f"single/{corpus.label}"]
        ratio = single.inner_median("ratio")
        found.append(
            (
                f"one-file validate {corpus.label}: ≤ 1.2× `plan-dataset --version`",
                ratio <= 1.2,
                f"median of paired ratios {ratio:.2f}×",
            )
        )
    pairs = m["load/shipped/paired"]
    ratio = pairs.inner_median("ratio")
    found.append(
        (
            "`load()` of the shipped bundle: ≤ 1.2× `json.load`",
            ratio <= 1.2,
            f"{fmt_s(pairs.median)} vs {fmt_s(pairs.inner_median('floor'))}; median of "
            f"{pairs.n} paired ratios {ratio:.2f}×",
        )
    )
    return found


def section(bench: Bench) -> list[str]:
    rows = [_row(bench, c) for c in bench.corpora]
    targets = _issue_targets(bench)
    bench.checks.targets.extend(targets)
    bench.checks.scaling.extend(_near_floor(bench))
    sizes = ", ".join(c.label for c in bench.corpora)
    note = (
        ""
        if "validate/100k" in bench.m
        else f"This run measured {sizes} only: the 100k targets (validate ≤ 30 s and "
        "500 MB, build ≤ 60 s and 600 MB) were not measured.\n"
    )
    return [
        "## Scale (issue 26)\n",
        INTRO,
        table(HEADER, rows) + "\n",
        table(
            ["issue 26 target", "result", "measured"], [[n, verdict(ok), d] for n, ok, d in targets]
        )
        + "\n",
        note,
        f"Cores on this machine: {os.cpu_count()}.\n",
    ]
