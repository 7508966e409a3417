"""Rules whose inputs need more than one file, or a deliberately broken schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from plan_dataset import validation
from plan_dataset.schema import json_schema


def _point(project: Path, name: str, number: int) -> Path:
    path = project / "data" / "provisions" / f"{name}.yaml"
    path.write_text(
        f"""# yaml-language-server: $schema=../../schema/provisions.schema.json
id: {name}
title: A duplicate point
summary: Claims a point number another record has.
topics: [ceasefire]
status: published
document: us-28-point-draft
point_number: {number}
evidence:
  - source: liga-28-points
    locator: point {number}
    paraphrase: A test paraphrase.
    hedge: reported
""",
        encoding="utf-8",
    )
    return path


def test_duplicate_point_number_in_one_document(project: Path) -> None:
    _point(project, "point-06-again", 6)
    report = validation.validate(project)
    assert {(p.path, p.code) for p in report.problems} == {
        ("data/provisions/point-06-again.yaml", "D004"),
        ("data/provisions/point-06.yaml", "D004"),
    }
    assert ("data/provisions/point-06-again.yaml", 8) in {(p.path, p.line) for p in report.problems}


def test_schema_model_disagreement_is_reported(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stricter = {**json_schema("events"), "required": ["id", "location"]}
    from jsonschema import Draft202012Validator

    monkeypatch.setattr(
        validation, "schema_validator", lambda table: Draft202012Validator(stricter)
    )
    target = project / "data" / "events" / "fixture-summit.yaml"
    shutil.copy2(FIXTURES / "valid" / "events" / "fixture-summit.yaml", target)
    target.write_text(target.read_text(encoding="utf-8").replace("location: Alaska\n", ""), "utf-8")
    report = validation.validate(project, [target])
    assert [(p.code, p.line) for p in report.problems] == [("M010", 2)]
    assert "'location' is a required property" in report.problems[0].message


def test_generated_schemas_accept_every_real_record() -> None:
    report = validation.validate(Path(__file__).resolve().parent.parent)
    assert report.ok
    for checked in report.records:
        assert validation.schema_validator(checked.table).is_valid(checked.parsed.value), (
            checked.display
        )
