"""The build in a process pool writes exactly the bytes of a serial, in-memory render:
on the real data and on a 1k synthetic corpus (issue 26)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, real_pool

from plan_dataset.publish.build import build, render_outputs
from plan_dataset.validation import validate


def _serial(root: Path) -> dict[str, bytes]:
    report = validate(root, committed_schemas=False, jobs=1)
    assert report.ok, report.problems[:5]
    return render_outputs(report)


def _pooled_build(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with real_pool(monkeypatch) as pools:
        report, _changed = build(root, jobs=2)
    assert report.ok
    assert pools == [2]  # the pool really ran


def _on_disk(root: Path, names: dict[str, bytes]) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in names}


def test_the_real_data_builds_alike_in_a_pool(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _serial(project)
    for name in expected:  # the build must write every file, not find it current
        if name != "CITATION.cff":  # an input too: the build sets its version line
            (project / name).unlink(missing_ok=True)
    _pooled_build(project, monkeypatch)
    assert _on_disk(project, expected) == expected
    committed = {name: (ROOT / name).read_bytes() for name in expected}
    assert committed == expected


def test_a_1k_corpus_builds_alike_in_a_pool(
    synthetic_1k: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = synthetic_1k
    expected = _serial(corpus)
    _pooled_build(corpus, monkeypatch)
    assert _on_disk(corpus, expected) == expected
