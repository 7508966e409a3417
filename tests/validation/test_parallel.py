"""Validation in a process pool gives exactly the serial result (validation/parallel.py)."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, real_pool, report_summary

from plan_dataset.validation import parallel, validate


def _both(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], list[Any]]:
    """Serial, then in two workers even for a small dataset; the pool must really run."""
    serial = report_summary(validate(root, jobs=1))
    with real_pool(monkeypatch) as pools:
        pooled = report_summary(validate(root, jobs=2))
    assert pools == [2]
    return serial, pooled


def test_the_real_data_validates_alike_in_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    serial, pooled = _both(ROOT, monkeypatch)
    assert serial[0] == []
    assert len(serial[1]) > 100
    assert pooled == serial


def test_invalid_fixtures_give_the_same_problems_in_a_pool(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for fixture in sorted((FIXTURES / "invalid").glob("*/*.yaml")):
        target = project / "data" / fixture.parent.name / fixture.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(fixture, target)
    serial, pooled = _both(project, monkeypatch)
    assert len({problem.code for problem in serial[0]}) > 30
    assert pooled == serial


def test_jobs_come_from_the_argument_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 8)
    monkeypatch.setenv(parallel.JOBS_ENV, "3")
    assert parallel.jobs_wanted(None) == 3
    assert parallel.jobs_wanted(1) == 1
    for unreadable in ("", "0", "-2", "many"):
        monkeypatch.setenv(parallel.JOBS_ENV, unreadable)
        assert parallel.jobs_wanted(None) == 8
    # Few files stay in this process, whatever was asked.
    files = parallel.MIN_FILES_PER_WORKER
    assert parallel.workers_for(files - 1, 8) == 1
    assert parallel.workers_for(files * 3, 8) == 3
    assert parallel.workers_for(files * 100, 2) == 2
    assert parallel.workers_for(files * 100, 1) == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_makes_no_cyclic_garbage(jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """validate pauses the cycle collector (parallel.collector_paused): that is only
    sound while checking records makes no reference cycles, which would pile up."""
    with real_pool(monkeypatch) as pools:
        validate(ROOT, jobs=1)  # first use: imports and compiled schemas make some
        assert gc.isenabled()  # as it was before the run
        gc.collect()
        gc.disable()  # so that nothing collects what the run leaves before the count
        try:
            report = validate(ROOT, jobs=jobs)
            assert not gc.isenabled()
            left_in_cycles = gc.collect()
        finally:
            gc.enable()
    assert report.ok
    assert left_in_cycles == 0
    assert pools == ([2] if jobs == 2 else [])
