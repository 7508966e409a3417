"""The build stages each output as it is rendered; a failure at any point of the stream
still leaves the previous outputs whole and no debris (issue 26)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest

from plan_dataset.publish import outputs
from plan_dataset.publish.build import build
from plan_dataset.publish.outputs import atomic


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _stale(project: Path) -> None:
    """Old outputs, so that the build has files to stage before the failure."""
    for name in ("events.csv", "sources.csv"):
        (project / "tables" / name).write_text("old\n")


def test_a_renderer_failing_mid_stream_changes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stale(project)
    before = _tree(project)
    staged: list[str] = []
    real_staged = atomic._staged

    def counting(root: Path, target: Path, content: bytes) -> Path:
        staged.append(target.name)
        return real_staged(root, target, content)

    def failing(_snapshot: object) -> dict[str, bytes]:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(atomic, "_staged", counting)
    monkeypatch.setitem(
        outputs.OUTPUTS, "dictionary", replace(outputs.OUTPUTS["dictionary"], render=failing)
    )
    assert list(outputs.OUTPUTS).index("dictionary") > list(outputs.OUTPUTS).index("csv")
    with pytest.raises(RuntimeError, match="renderer failed"):
        build(project)
    assert "events.csv" in staged  # the stream had staged files before it failed
    assert _tree(project) == before
    assert not (project / atomic.JOURNAL).exists()


def test_a_link_met_mid_stream_is_refused_and_changes_nothing(project: Path) -> None:
    _stale(project)
    dictionary = project / "docs" / "data-dictionary.md"
    dictionary.unlink()
    os.symlink(project / "CHANGELOG.md", dictionary)
    before = _tree(project)
    with pytest.raises(atomic.WriteError, match="W001"):
        build(project)
    assert _tree(project) == before
    assert dictionary.is_symlink()
    debris = [p for p in project.rglob(".*") if p.name.endswith(atomic.TEMPORARY_SUFFIX)]
    assert debris == [] and not (project / atomic.JOURNAL).exists()
