"""What the dataset index answers: checked records first, then the files on disk."""

from __future__ import annotations

from pathlib import Path

from plan_dataset.models import MODELS
from plan_dataset.validation.base import CheckedRecord
from plan_dataset.validation.index import DatasetIndex


def _checked(root: Path, stem: str, record_id: str) -> CheckedRecord:
    path = root / "data" / "stakeholders" / f"{stem}.yaml"
    model = MODELS["stakeholders"].model_validate(
        {"id": record_id, "name": record_id.upper(), "kind": "person"}
    )
    return CheckedRecord("stakeholders", path, f"data/stakeholders/{stem}.yaml", None, model)


def test_the_index_answers_from_the_checked_records_then_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "stakeholders"
    folder.mkdir(parents=True)
    for stem in ("checked", "renamed", "unchecked"):
        (folder / f"{stem}.yaml").write_text("", encoding="utf-8")
    (folder / "linked.yaml").symlink_to(folder / "unchecked.yaml")
    (folder / "notes.txt").write_text("", encoding="utf-8")
    # A checked record is known by its id, even one that differs from its file name (F001).
    checked = [_checked(tmp_path, "checked", "checked"), _checked(tmp_path, "renamed", "other")]
    read: list[Path] = []

    def check_file(root: Path, table: str, path: Path, _schema: Path | None) -> CheckedRecord:
        read.append(path)
        return _checked(root, path.stem, path.stem)

    index = DatasetIndex(tmp_path, checked, check_file=check_file)
    # A few look-ups probe the files: a link is no record.
    assert index.exists("stakeholders", "checked")
    assert index.exists("stakeholders", "other")
    assert index.exists("stakeholders", "unchecked")
    assert not index.exists("stakeholders", "linked")
    assert not index.exists("stakeholders", "missing")
    assert not index.exists("events", "checked")
    assert index.unchecked == {}
    # Many look-ups list the folder once, and every name of a record file counts then.
    for _ in range(DatasetIndex.PROBES_BEFORE_LISTING):
        index.exists("stakeholders", "missing")
    assert index.exists("stakeholders", "linked")
    assert index.unchecked == {"stakeholders": {"renamed", "unchecked", "linked"}}
    assert index.ids("stakeholders") == {"checked", "other", "renamed", "unchecked", "linked"}
    assert index.ids("events") == set()
    # A checked record is returned as checked; another is read once, when asked for.
    assert index.record("stakeholders", "other") is checked[1].model
    unchecked = index.record("stakeholders", "unchecked")
    assert unchecked is not None and unchecked.id == "unchecked"
    assert index.record("stakeholders", "unchecked") is unchecked
    assert index.record("stakeholders", "linked") is None
    assert index.record("stakeholders", "missing") is None
    assert read == [folder / "unchecked.yaml"]
