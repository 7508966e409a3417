"""The build: generated files are fresh, deterministic, atomic, and a valid Frictionless package."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from plan_dataset.models import MODELS
from plan_dataset.models.schema import render_schema, schema_file_name
from plan_dataset.publish.build import build, render_outputs, stale_outputs
from plan_dataset.validation import validate


@pytest.fixture
def project(small_project: Path) -> Path:
    """Mechanics behave alike whatever the data: the small project (tests/small_project.py)."""
    return small_project


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_committed_schemas_match_the_models() -> None:
    for table in MODELS:
        committed = (ROOT / "schema" / schema_file_name(table)).read_text(encoding="utf-8")
        assert committed == render_schema(table), (
            f"schema/{schema_file_name(table)} is stale: run `plan-dataset build`"
        )


def test_committed_outputs_match_a_fresh_build() -> None:
    report = validate(ROOT)
    assert report.ok, report.problems[:5]
    stale = stale_outputs(ROOT, render_outputs(report))
    assert stale == [], f"stale generated files {stale}: run `plan-dataset build` and commit"


def test_build_is_deterministic(project: Path) -> None:
    first = render_outputs(validate(project))
    second = render_outputs(validate(project))
    assert first == second
    assert build(project)[1] == []  # the copy was already current: nothing rewritten


def test_failed_build_changes_nothing(project: Path) -> None:
    broken = project / "data" / "events" / "ternopil-strike.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("date:", "dat:"), "utf-8")
    (project / "tables" / "events.csv").write_text("stale but must survive\n")
    before = _tree_digest(project)
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "M001" in result.stderr and "nothing was written" in result.stderr
    assert _tree_digest(project) == before


def test_build_replaces_changed_outputs_only(whole_project: Path) -> None:
    (whole_project / "tables" / "events.csv").write_text("outdated\n")
    (whole_project / "tables" / "leftover.csv").write_text("no longer built\n")
    report, changed = build(whole_project)
    assert report.ok
    assert changed == ["tables/events.csv", "tables/leftover.csv"]
    assert not (whole_project / "tables" / "leftover.csv").exists()
    assert (whole_project / "tables" / "events.csv").read_bytes() == (
        ROOT / "tables" / "events.csv"
    ).read_bytes()
    assert not list(whole_project.rglob(".*.tmp*")) and not list(
        whole_project.rglob(".events.csv.*")
    )


def test_every_table_declares_keys_and_every_field_a_description() -> None:
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    tables = [r for r in package["resources"] if r.get("format") == "csv"]
    assert {r["name"] for r in tables} >= {
        "sources",
        "stakeholders",
        "provisions",
        "positions",
        "events",
        "discrepancies",
        "attributions",
    }
    for resource in tables:
        schema = resource["schema"]
        assert schema["primaryKey"], resource["name"]
        for field in schema["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']}"
    references = {
        (r["name"], tuple(k["fields"])) for r in tables for k in r["schema"].get("foreignKeys", [])
    }
    assert ("attributions", ("source_id",)) in references
    assert ("positions", ("stakeholder",)) in references
    assert ("event_participants", ("stakeholder_id",)) in references


def test_frictionless_validates_the_package() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(ROOT / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_frictionless_catches_a_broken_foreign_key(project: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    table = project / "tables" / "positions.csv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    row = lines[1].split(",")
    row[header.index("stakeholder")] = "nobody-at-all"
    table.write_text(lines[0] + ",".join(row) + "".join(lines[2:]), encoding="utf-8")
    report = frictionless.validate(str(project / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_interrupted_swap_restores_previous_outputs(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from plan_dataset.publish.outputs import atomic as build_module

    for name in ("events.csv", "positions.csv", "sources.csv"):
        (project / "tables" / name).write_text(f"old {name}\n")
    before = _tree_digest(project)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(build_module.os, "replace", failing_replace)
    with pytest.raises(OSError):
        build(project)
    monkeypatch.setattr(build_module.os, "replace", real_replace)
    assert _tree_digest(project) == before


# Issue 23, class 4: validated means publishable. The date rules admit only years every
# output can write; a project at both ends of that range builds every output.
BOUNDARY_EVENT = """# yaml-language-server: $schema=../../schema/events.schema.json
id: "{id}"
date: {date}
date_earliest: {earliest}
date_latest: {latest}
title: "A boundary event"
summary: "A record at the edge of the dates every output can write."
participants: []
documents: []
location: null
notes: null
evidence:
  - source: "seed-004"
    quote: "Reducing the size of the Ukrainian Armed Forces by half."
    hedge: "reported"
    attributed_to: null
"""


def _boundary_event(project: Path, record_id: str, **dates: str) -> Path:
    values = {"date": "null", "earliest": "null", "latest": "null"}
    values.update({key: f'"{value}"' for key, value in dates.items()})
    path = project / "data" / "events" / f"{record_id}.yaml"
    path.write_text(BOUNDARY_EVENT.format(id=record_id, **values), encoding="utf-8")
    return path


@pytest.mark.parametrize("date", ["0000", "0001-01-01", "1899-12-31", "2200", "9999-12-31"])
def test_dates_no_output_can_write_are_refused(project: Path, date: str) -> None:
    path = _boundary_event(project, "out-of-range", date=date)
    problems = validate(project, [path]).problems
    assert [p.code for p in problems] == ["M006"] and "1900 to 2199" in problems[0].message


def test_every_output_builds_from_boundary_dates(project: Path, tmp_path: Path) -> None:
    import plan_dataset
    from plan_dataset.models.vocabulary import MAX_YEAR, MIN_YEAR
    from plan_dataset.publish.outputs import exporters

    _boundary_event(project, "earliest-day", date=f"{MIN_YEAR}-01-01")
    _boundary_event(project, "earliest-year", date=f"{MIN_YEAR}")
    _boundary_event(project, "latest-day", date=f"{MAX_YEAR}-12-31")
    _boundary_event(project, "latest-year", date=f"{MAX_YEAR}")
    _boundary_event(
        project, "widest-range", earliest=f"{MIN_YEAR}-01-01", latest=f"{MAX_YEAR}-12-31"
    )
    assert run_cli("build", cwd=project).returncode == 0
    assert run_cli("release", cwd=project).returncode == 0
    for kind in exporters():
        out = tmp_path / kind / ("tables.sqlite" if kind == "sqlite" else "")
        result = run_cli("export", "--format", kind, "--out", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
    pytest.importorskip("jinja2")
    site = run_cli("site", "--out", str(tmp_path / "site"), cwd=project)
    assert site.returncode == 0, site.stderr
    dataset = plan_dataset.load(project)
    events = dataset.to_pandas("events")
    assert {"earliest-day", "latest-day", "widest-range"} <= set(events["id"])
    zipped = next((project / "dist").glob("*.zip"))
    assert plan_dataset.load(zipped).event("latest-day").date == f"{MAX_YEAR}-12-31"
