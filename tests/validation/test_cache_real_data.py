"""``validate --changed`` on the whole checkout: after each change, the problems are a full
run's, including those the change causes in files it did not touch (a stance that now
conflicts, a point now missing, a page now recorded twice...), which a cache that ran the
cross-record layers on the changed files alone would miss (``validation/cache.py``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT, report_summary
from test_cache import _forget_schemas, _records, _runs, _tighten_events_schema, _write

from plan_dataset.validation import validate

# Each change edits the copy and returns (code, file) of a problem it must cause in a
# file it did not touch, or in the one it made.


def _conflicting_stance(root: Path) -> tuple[str, str]:
    path, position = next(
        (path, record)
        for path, record in _records(root, "positions")
        if record.get("date") and record.get("notes") is None
    )
    other = "opposes" if position["stance"] != "opposes" else "supports"
    _write(root, "positions", {**position, "id": f"{position['id']}-again", "stance": other})
    return "E003", f"data/positions/{path.name}"


def _missing_point(root: Path) -> tuple[str, str]:
    documents = {path.stem: (path, record) for path, record in _records(root, "documents")}
    points = [
        (path, record)
        for path, record in _records(root, "provisions")
        if record.get("status") == "published"
        and documents.get(record.get("document") or "", (None, {}))[1].get("point_count")
    ]
    path, point = max(points, key=lambda item: item[1]["point_number"])
    path.unlink()
    return "L002", f"data/documents/{point['document']}.yaml"


def _page_recorded_twice(root: Path) -> tuple[str, str]:
    path, source = next(
        (path, record)
        for path, record in _records(root, "sources")
        if record.get("url") and "?" not in record["url"] and not record.get("path")
    )
    # Named to sort first, so that the page already there is the one reported.
    _write(root, "sources", {**source, "id": "0-same-page", "url": source["url"] + "?utm_x=1"})
    return "D006", f"data/sources/{path.name}"


def _link_circle(root: Path) -> tuple[str, str]:
    path, link = next(
        (path, record)
        for path, record in _records(root, "point_links")
        if record.get("earlier") and record.get("later")
    )
    back = {**link, "id": "zzz-link-back", "earlier": link["later"], "later": link["earlier"]}
    back["earlier_document"], back["later_document"] = (
        link["later_document"],
        link["earlier_document"],
    )
    _write(root, "point_links", back)
    return "L005", f"data/point_links/{path.name}"  # the walk meets the new link first


def _broken_yaml(root: Path) -> tuple[str, str]:
    """A point that no longer reads leaves a gap in its document's numbering: the shortest
    numbered document, not the one ``_missing_point`` takes a point from."""
    counts = {
        p.stem: r["point_count"] for p, r in _records(root, "documents") if r.get("point_count")
    }
    document = min(counts, key=lambda d: (counts[d], d))
    path = next(
        path
        for path, record in _records(root, "provisions")
        if record.get("status") == "published" and record.get("document") == document
    )
    path.write_text(path.read_text(encoding="utf-8") + "summary: [\n", encoding="utf-8")
    return "L002", f"data/documents/{document}.yaml"


def _schema_tightened(root: Path) -> tuple[str, str]:
    _tighten_events_schema(root)
    _forget_schemas()
    first = sorted((root / "data" / "events").glob("*.yaml"))[0]
    return "M010", f"data/events/{first.name}"


# Changes made together, then checked together (each is one full run and one --changed
# run of the whole checkout): each must add its problem. The schema change comes alone,
# since it makes every record of its table be read again.
CHANGES: list[list[Callable[[Path], tuple[str, str]]]] = [
    [_conflicting_stance, _page_recorded_twice, _link_circle, _missing_point, _broken_yaml],
    [_schema_tightened],
]


def test_a_changed_run_finds_what_a_full_run_finds_after_each_change(project: Path) -> None:
    full = validate(project)
    assert full.problems == []
    for kept in (0, len(full.records)):  # nothing kept yet, then everything
        changed = validate(project, changed_only=True)
        assert report_summary(changed) == report_summary(full)
        assert changed.files_checked == len(full.records) - kept
    for together in CHANGES:
        before = set(full.problems)
        expected = {change.__name__: change(project) for change in together}
        full, changed = _runs(project)
        new = [p for p in full.problems if p not in before]
        for name, (code, display) in expected.items():
            assert any(p.code == code and p.path == display for p in new), (name, new)
        if together == [_schema_tightened]:  # the schema files are part of what is kept
            assert changed.files_checked == len(changed.records)
        else:
            assert changed.files_checked <= len(together)
    for folder in ("data", "schema"):
        shutil.rmtree(project / folder)
        shutil.copytree(ROOT / folder, project / folder)
    _forget_schemas()
    full, back = _runs(project)
    assert full.problems == []
    assert back.files_checked == len(back.records)  # new mtimes and a new schema: all read
