"""Shared test helpers: the real project root, and disposable copies of it."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def copy_project(destination: Path) -> Path:
    """A copy of the parts of the project that validation and build read and write."""
    for folder in ("seeds", "data", "schema", "tables", "docs"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, destination / folder)
    for file in ("datapackage.json", "CHANGELOG.md", "CITATION.cff", "LICENSE", "LICENSE-DATA.md"):
        shutil.copy2(ROOT / file, destination / file)
    for generated in (
        "src/plan_dataset/data/plan-dataset.json",
        "src/plan_dataset/records/classes.py",
        "src/plan_dataset/models/schema_digests.py",
        "src/plan_dataset/flat/columns.py",
    ):
        (destination / generated).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / generated, destination / generated)
    return destination


@pytest.fixture(autouse=True)
def _no_user_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test writes to the user's cache folder (``validate --changed``, validation/cache.py)."""
    cache = tmp_path_factory.getbasetemp() / "user-cache"
    monkeypatch.setenv("PLAN_DATASET_CACHE_DIR", str(cache))


@pytest.fixture(scope="session")
def dataset() -> Any:
    """The checkout, validated and loaded once per test worker (tests of the data use it).

    Modules that test the shipped bundle define their own ``dataset``.
    """
    import plan_dataset

    return plan_dataset.load(ROOT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the whole checkout (1,268 records), for tests of what the data says."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def whole_project(tmp_path: Path) -> Path:
    """The same copy of the whole checkout, in modules whose ``project`` is the small one."""
    return copy_project(tmp_path / "whole")


@pytest.fixture
def synthetic_1k(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A synthetic corpus of 1,000 records, as the benchmarks generate it (seed 26)."""
    import importlib

    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    generate = importlib.import_module("generate").generate
    corpus = tmp_path / "corpus"
    assert sum(generate(1000, 26, corpus).values()) == 1000
    return corpus


@pytest.fixture(scope="session")
def small_project_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project (``small_project.py``), validated and built once per worker."""
    from small_project import fill_data, listed_records

    from plan_dataset.publish.build import build

    template = copy_project(tmp_path_factory.mktemp("small") / "project")
    fill_data(template, listed_records())
    report, _ = build(template)
    assert report.ok, (
        "the small project no longer validates: run `python tests/small_project.py --update`",
        report.problems[:5],
    )
    return template


@pytest.fixture
def small_project(small_project_template: Path, tmp_path: Path) -> Path:
    """A built copy of the small project, for tests of mechanics rather than of the data."""
    return Path(shutil.copytree(small_project_template, tmp_path / "project", symlinks=True))


@contextlib.contextmanager
def real_pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The per-file checks in two worker processes even for a few files; yields the
    sizes of the pools started, so a test can show the pool really ran."""
    import concurrent.futures

    from plan_dataset.validation import parallel

    pools: list[int] = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, workers: int, **options: Any) -> None:
            pools.append(workers)
            super().__init__(workers, **options)

    with monkeypatch.context() as patch:
        patch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
        patch.setattr(parallel, "cores", lambda: 2)
        patch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
        yield pools


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in-process through ``main([...])``, as a user would from ``cwd``.

    A crash surfaces as the exception itself; ``test_cli_smoke.py`` runs each command once
    in a fresh process too.
    """
    from plan_dataset.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as stop:  # argparse: --help, --version and usage errors
            status = stop.code if isinstance(stop.code, int) else 2
    return subprocess.CompletedProcess(
        ["plan-dataset", *args], status, out.getvalue(), err.getvalue()
    )


def run_cli_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in a fresh process (``python -m plan_dataset``)."""
    return subprocess.run(
        [sys.executable, "-m", "plan_dataset", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def report_summary(report: Any) -> list[Any]:
    """What a validation run found, record by record: runs that must agree compare these."""
    return [
        report.problems,
        [
            (
                record.table,
                record.path,
                record.display,
                record.readable,
                record.problems,
                None if record.model is None else record.model.model_dump(mode="json"),
            )
            for record in report.records
        ],
    ]
