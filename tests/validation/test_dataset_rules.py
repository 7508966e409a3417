"""Rules whose inputs need more than one file, or a deliberately broken schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from plan_dataset import validation
from plan_dataset.models.schema import json_schema


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
    assert {(p.path, p.code) for p in report.problems if p.code == "D004"} == {
        ("data/provisions/point-06-again.yaml", "D004"),
        ("data/provisions/point-06.yaml", "D004"),
    }
    assert ("data/provisions/point-06-again.yaml", 8) in {(p.path, p.line) for p in report.problems}
    # Parsed YAML is dropped after the per-file layers; only the two faulted files were read again.
    read_again = {r.display for r in report.records if r.parsed is not None}
    assert read_again == {"data/provisions/point-06-again.yaml", "data/provisions/point-06.yaml"}


def test_schema_model_disagreement_is_reported(project: Path) -> None:
    # Records are checked against the committed schema file, as editors and other tools see it.
    stricter = {**json_schema("events"), "required": ["id", "location"]}
    (project / "schema" / "events.schema.json").write_text(json.dumps(stricter), "utf-8")
    target = project / "data" / "events" / "fixture-summit.yaml"
    shutil.copy2(FIXTURES / "valid" / "events" / "fixture-summit.yaml", target)
    target.write_text(target.read_text(encoding="utf-8").replace("location: Alaska\n", ""), "utf-8")
    report = validation.validate(project, [target])
    assert [(p.code, p.line) for p in report.problems] == [("M010", 2)]
    assert "'location' is a required property" in report.problems[0].message


def test_generated_schemas_accept_every_real_record() -> None:
    report = validation.validate(ROOT)
    assert report.ok
    for checked in report.records:
        assert validation.schema_validator(checked.table).is_valid(checked.yaml().value), (
            checked.display
        )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/etc/passwd", "must be relative"),
        ("seeds/../../outside.txt", "must be relative"),
        ("data/sources/seed-000.yaml", "must be under seeds/"),
        ("seeds/linked.txt", "symbolic link"),
    ],
)
def test_source_paths_cannot_escape_seeds(project: Path, path: str, reason: str) -> None:
    (project / "seeds" / "linked.txt").symlink_to(project / "data" / "sources" / "seed-000.yaml")
    target = project / "data" / "sources" / "escape.yaml"
    target.write_text(
        f"""# yaml-language-server: $schema=../../schema/sources.schema.json
id: escape
title: Escaping source
kind: analysis
path: {path}
sha256: abababababababababababababababababababababababababababababababab
reliability: unattributed_analysis
evidence:
  - source: seed-004
    quote: The Shadow Negotiation
    hedge: asserted
""",
        encoding="utf-8",
    )
    report = validation.validate(project, [target])
    assert [(p.code, p.line) for p in report.problems] == [("P005", 5)]
    assert reason in report.problems[0].message


def test_alias_bomb_is_rejected_before_expansion(project: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    target = project / "data" / "events" / "bomb.yaml"
    target.write_text(
        "# yaml-language-server: $schema=../../schema/events.schema.json\n"
        + "\n".join(lines)
        + "\n"
    )
    report = validation.validate(project, [target])
    assert {p.code for p in report.problems} == {"Y004"}


def test_readme_lists_every_code_with_an_example() -> None:
    from plan_dataset.validation import all_codes

    CODES = {c: (i.layer, i.meaning, i.example) for c, i in all_codes().items()}

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, (_layer, meaning, example) in CODES.items():
        assert f"| `{code}` |" in readme and meaning in readme and example in readme, code


def test_inlined_schema_judges_like_the_committed_one(project: Path) -> None:
    from jsonschema import Draft202012Validator

    from plan_dataset.models.schema import inline_references

    report = validation.validate(project)
    for table in {checked.table for checked in report.records}:
        plain = Draft202012Validator(json_schema(table))
        inlined = Draft202012Validator(inline_references(json_schema(table)))
        assert "$ref" not in json.dumps(inline_references(json_schema(table)))
        for checked in (r for r in report.records if r.table == table):
            broken = {**checked.yaml().value, "id": 7, "unknown": True}
            for value in (checked.yaml().value, broken):
                assert plain.is_valid(value) == inlined.is_valid(value)
