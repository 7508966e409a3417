"""The benchmark corpus generator: small corpora are valid, complete and reproducible.

The benchmarks themselves are a script (benchmarks/run.py), not tests; this keeps the
corpus they depend on from rotting as the models change.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT

from plan_dataset.validation import validate


def _generator(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    # Importable by name, so that its worker processes can find its functions.
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    return importlib.import_module("generate")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_generated_corpus_is_valid_complete_and_deterministic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate = _generator(monkeypatch).generate
    counts = generate(160, 7, tmp_path / "a")
    assert sum(counts.values()) == 160
    assert all(counts[table] > 0 for table in counts), counts

    report = validate(tmp_path / "a")
    assert report.ok, report.problems[:5]
    assert len(report.records) == 160
    quotes = [
        item
        for record in report.records
        for item in getattr(record.model, "evidence", [])
        if getattr(item, "quote", None)
    ]
    assert quotes  # provenance checked real spans of the archived seeds

    generate(160, 7, tmp_path / "b", jobs=2)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    generate(160, 8, tmp_path / "c")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_worst_cases_are_what_the_report_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hardening worst cases: each file is judged as the benchmark expects."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    worst_cases = importlib.import_module("worst_cases")
    monkeypatch.setattr(worst_cases, "STAKEHOLDERS", 40)  # the benchmark uses 5,000
    worst = worst_cases.ensure_worst_cases(7, tmp_path)
    again = worst_cases.ensure_worst_cases(7, tmp_path)  # described from the cache
    assert again.cases == worst.cases and again.generated_seconds is None
    assert {case.item for case in worst.cases} == {1, 5, 7}
    for case in worst.cases:
        path = case.path(worst.root)
        report = validate(worst.root, [path])
        codes = sorted(problem.code for problem in report.problems)
        assert codes == sorted(case.codes * case.count), (case.key, codes[:5])
    sizes = {case.key: worst.size(case) for case in worst.cases}
    assert sizes["flow-lists"] >= 100_000 and sizes["plain-valid"] >= 100_000
    assert 250 * 1024 < sizes["unknown-participants"] <= 256 * 1024
    assert sizes["truncated-1500m"] == 1500 * 1024 * 1024
