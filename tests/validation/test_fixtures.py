"""Each fixture file, dropped into a copy of the real project, gives exactly its expected result.

Invalid fixtures name their expected code and line on their second line:
``# expect: CODE at line N``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from plan_dataset.validation import all_codes, validate

EXPECT = re.compile(rb"# expect: ([A-Z][0-9]{3}) at line ([0-9]+)")
VALID = sorted((FIXTURES / "valid").glob("*/*.yaml"))
INVALID = sorted((FIXTURES / "invalid").glob("*/*.yaml"))

CODES = {c: (i.layer, i.meaning, i.example) for c, i in all_codes().items()}


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fixtures") / "project")


@pytest.fixture
def project(checkout: Path) -> Iterator[Path]:
    """One copy of the real project for the module: each test drops its fixture files in
    and they are taken out again after it, so every test sees the checkout and its own
    files only, as a fresh copy would show it (and 70 copies are not made)."""
    before = set(checkout.joinpath("data").rglob("*"))
    yield checkout
    for path in sorted(set(checkout.joinpath("data").rglob("*")) - before, reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()


def _install(fixture: Path, project: Path) -> Path:
    target = project / "data" / fixture.parent.name / fixture.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(fixture, target)
    return target


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_valid_fixture_passes_every_layer(fixture: Path, project: Path) -> None:
    for other in VALID:  # valid fixtures may refer to each other
        _install(other, project)
    report = validate(project, [project / "data" / fixture.parent.name / fixture.name])
    assert report.problems == []
    assert report.records[0].model is not None


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_invalid_fixture_gives_its_code_at_its_line(fixture: Path, project: Path) -> None:
    expected = EXPECT.search(fixture.read_bytes())
    assert expected, f"{fixture} does not say what it expects"
    code, line = expected.group(1).decode(), int(expected.group(2))
    target = _install(fixture, project)
    report = validate(project, [target])
    found = {(p.code, p.line) for p in report.problems}
    assert {p.code for p in report.problems} == {code}, report.problems
    assert (code, line) in found, report.problems
    assert all(p.path == f"data/{fixture.parent.name}/{fixture.name}" for p in report.problems)


def test_every_code_is_documented_and_exercised() -> None:
    exercised = {EXPECT.search(f.read_bytes()).group(1).decode() for f in INVALID}  # type: ignore[union-attr]
    # Codes whose inputs are made in other tests rather than stored as fixture files.
    made_elsewhere = {"Y009", "F003", "F004", "D004", "M010"}
    made_elsewhere |= {"F005", "S002", "S003", "L002", "L003", "L004", "E003"}  # test_layers.py
    made_elsewhere |= {"M012"}  # test_hardening.py
    made_elsewhere |= {"D005"}  # test_layers.py
    # Issue 23: across records, or a file name (con.yaml) no checkout on Windows can hold.
    made_elsewhere |= {"D006", "L005", "F006"}  # test_code_examples.py, test_hardening.py
    made_elsewhere |= {"S006"}  # issue 24, across records: test_code_examples.py
    assert exercised | made_elsewhere == set(CODES)
