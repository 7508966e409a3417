"""The example message of every code (in the README's code table) is a message the
validator really prints: each is produced here, by a fixture or by a small edit of
a copy of the real project."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project

from plan_dataset.models.schema import json_schema, schema_validator
from plan_dataset.read.yaml_reader import MAX_FILE_BYTES
from plan_dataset.validation import all_codes, validate

Messages = dict[str, set[str]]


def _add(found: Messages, problems: list) -> None:  # type: ignore[type-arg]
    for problem in problems:
        found.setdefault(problem.code, set()).add(problem.message)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fixture_messages(project: Path, found: Messages) -> None:
    for fixture in sorted((FIXTURES / "invalid").glob("*/*.yaml")):
        target = project / "data" / fixture.parent.name / fixture.name
        shutil.copy2(fixture, target)
        _add(found, validate(project, [target]).problems)
        target.unlink()


def _break_file_layout(project: Path, outside: Path) -> None:
    """Files that are no records: stray, linked, too large (these stop whole-dataset rules)."""
    data = project / "data"
    (data / "notes.txt").write_text("stray\n")
    outside.write_text("id: secret\n", encoding="utf-8")
    (data / "events" / "leak.yaml").symlink_to(outside)
    (data / "events" / "huge.yaml").write_text("id: huge\nnotes: " + "x" * MAX_FILE_BYTES + "\n")


def _break_across_files(project: Path) -> None:
    """Edits whose problems need more than one file, made together in one copy."""
    data = project / "data"
    point = data / "provisions" / "point-06.yaml"
    _edit(point, "\nevidence:\n", '\nsourcing_note: "Not true any more."\nevidence:\n')
    shutil.copy2(point, data / "provisions" / "point-06-again.yaml")
    _edit(data / "provisions" / "point-06-again.yaml", 'id: "point-06"', 'id: "point-06-again"')
    sources = data / "sources"
    _edit(sources / "liga-28-points.yaml", 'origin: "axios"', 'origin: "rbc-ukraine-28-points"')
    _edit(sources / "rbc-ukraine-28-points.yaml", 'origin: "axios"', 'origin: "liga-28-points"')
    copy = (sources / "liga-28-points.yaml").read_text(encoding="utf-8")
    copy = copy.replace('id: "liga-28-points"', 'id: "liga-copy"')
    (sources / "liga-copy.yaml").write_text(copy, encoding="utf-8")
    (data / "provisions" / "point-07.yaml").unlink()
    for link in (data / "point_links").glob("*.yaml"):
        if 'earlier: "point-07"' in link.read_text(encoding="utf-8"):
            link.unlink()
    _edit(
        data / "documents" / "us-28-point-draft.yaml",
        "derived_from: null",
        'derived_from: "european-counter-proposal"',
    )
    (data / "point_links" / "us28-03-deleted-e3.yaml").unlink()
    _break_new_rules(data, copy)


def _break_new_rules(data: Path, liga_copy: str) -> None:
    """Issue 23: a page under another spelling, a circle of point links, a Windows name."""
    url = "https://news.liga.net/en/amp/politics/news/"
    variant = liga_copy.replace('id: "liga-copy"', 'id: "liga-variant"').replace(
        url, "http://www.news.liga.net/en/politics/news/"
    )
    (data / "sources" / "liga-variant.yaml").write_text(variant, encoding="utf-8")
    forward = (data / "point_links" / "us28-06-to-e3-06.yaml").read_text(encoding="utf-8")
    # The same link run backwards: each end swapped with the other.
    swaps = {
        'id: "us28-06-to-e3-06"': 'id: "e3-06-back-to-us28-06"',
        'earlier_document: "us-28-point-draft"': 'earlier_document: "european-counter-proposal"',
        'later_document: "european-counter-proposal"': 'later_document: "us-28-point-draft"',
        'earlier: "point-06"': 'earlier: "e3-point-06"',
        'later: "e3-point-06"': 'later: "point-06"',
    }
    back = "\n".join(swaps.get(line, line) for line in forward.split("\n"))
    (data / "point_links" / "e3-06-back-to-us28-06.yaml").write_text(back, encoding="utf-8")
    summit = (FIXTURES / "valid" / "events" / "fixture-summit.yaml").read_text(encoding="utf-8")
    con = summit.replace("id: fixture-summit", "id: con")
    (data / "events" / "con.yaml").write_text(con, encoding="utf-8")
    # Issue 24: a second class for the pages of one domain.
    _edit(
        data / "sources" / "uanews-8-thoughts.yaml",
        'reliability: "regional_outlet"',
        'reliability: "established_outlet"',
    )


def _twin_position(project: Path) -> None:
    position = project / "data" / "positions" / "costa-us-draft-basis-20251122.yaml"
    text = position.read_text(encoding="utf-8")
    stance = re.search(r'(?m)^stance: "(\w+)"', text).group(1)  # type: ignore[union-attr]
    other = "opposes" if stance != "opposes" else "supports"
    twin = text.replace(f'stance: "{stance}"', f'stance: "{other}"')
    twin = twin.replace('id: "costa-us-draft-basis-20251122"', 'id: "costa-twin"')
    (position.parent / "costa-twin.yaml").write_text(_no_notes(twin), encoding="utf-8")
    position.write_text(_no_notes(text), encoding="utf-8")


def _no_notes(text: str) -> str:
    return re.sub(r"(?m)^notes: .*$", "notes: null", text)


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> Messages:
    found: Messages = {}
    base = tmp_path_factory.mktemp("examples")
    project = copy_project(base / "fixtures")
    _fixture_messages(project, found)
    _add(found, validate(project, [project / "data" / "events" / "nope.yaml"]).problems)
    _break_file_layout(project, base / "secret.yaml")
    _add(found, validate(project).problems)

    across = copy_project(base / "across")
    _break_across_files(across)
    _twin_position(across)
    _add(found, validate(across).problems)

    schemas = copy_project(base / "schemas")
    stricter = {**json_schema("events"), "required": ["id", "location"]}
    (schemas / "schema" / "events.schema.json").write_text(json.dumps(stricter), "utf-8")
    target = schemas / "data" / "events" / "fixture-summit.yaml"
    shutil.copy2(FIXTURES / "valid" / "events" / "fixture-summit.yaml", target)
    _edit(target, "location: Alaska\n", "")
    _add(found, validate(schemas, [target]).problems)
    damaged = {**json_schema("events"), "type": "strin"}
    (schemas / "schema" / "events.schema.json").write_text(json.dumps(damaged), "utf-8")
    schema_validator.cache_clear()
    _add(found, validate(schemas, [target]).problems)
    schema_validator.cache_clear()
    return found


@pytest.mark.parametrize("code", list(all_codes()))
def test_the_example_message_is_a_real_one(code: str, produced: Messages) -> None:
    example = all_codes()[code].example
    assert code in produced, f"no fixture or edit here produces {code}"
    assert example in produced[code], (
        f"{code}: the example {example!r} is not among the real messages {sorted(produced[code])}"
    )
