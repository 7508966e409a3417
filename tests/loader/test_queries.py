"""The loader's questions on the shipped bundle, and `plan-dataset compare`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import run_cli

import plan_dataset
from plan_dataset.records.dates import first_day


@pytest.fixture(scope="module")
def dataset() -> plan_dataset.Dataset:
    return plan_dataset.load()


def _strength_order(dataset: plan_dataset.Dataset, positions: list) -> list:  # type: ignore[type-arg]
    """Dated, corroborated positions first, in date order; then dated weak; then undated."""
    return sorted(
        positions,
        key=lambda p: (
            p.date is None,
            dataset.corroboration(p).weakly_sourced,
            first_day(p.date) if p.date else "",
            p.id,
        ),
    )


def _start(event: object) -> str:
    return first_day(event.date) if event.date else event.date_earliest  # type: ignore[attr-defined]


def test_timeline_orders_every_event_ranges_by_their_earliest_day(
    dataset: plan_dataset.Dataset,
) -> None:
    timeline = dataset.timeline()
    assert len(timeline) == len(dataset.events) >= 40
    keys = [(_start(e), e.id) for e in timeline]
    assert keys == sorted(keys)
    ranged = [e for e in timeline if e.date is None]
    assert ranged and all(e.date_earliest for e in ranged)
    span = [e for e in timeline if _start(e) >= "2025-08-01"]
    assert span[0].id == "alaska-summit" and _start(span[-1]) >= "2025-12-24"


def test_positions_on_a_point_with_and_without_its_document(dataset: plan_dataset.Dataset) -> None:
    on_point = dataset.positions_on("point-06")
    assert on_point and {p.target for p in on_point} == {"point-06"}
    with_document = dataset.positions_on(dataset.provision("point-06"), include_document=True)
    assert {p.target for p in with_document} == {"point-06", "us-28-point-draft"}
    assert set(on_point) < set(with_document)
    assert with_document == _strength_order(dataset, with_document)


def test_stance_matrix_holds_the_latest_stance(dataset: plan_dataset.Dataset) -> None:
    matrix = dataset.stance_matrix()
    cell = matrix[("vladimir-putin", "us-28-point-draft")]
    latest = max(
        (
            p
            for p in dataset.positions
            if (p.stakeholder, p.target) == ("vladimir-putin", "us-28-point-draft")
        ),
        key=lambda p: (first_day(p.date or "0000"), p.id),
    )
    assert cell == {"stance": latest.stance, "date": latest.date, "position": latest.id}
    assert len(matrix) == len({(p.stakeholder, p.target) for p in dataset.positions})


def test_trajectory_shows_a_change_of_stance(dataset: plan_dataset.Dataset) -> None:
    putin = dataset.trajectory("vladimir-putin")
    assert len(putin) >= 2 and len({p.stance for p in putin}) >= 2
    assert putin == _strength_order(dataset, putin)


def test_trajectory_lists_dated_corroborated_positions_first(
    dataset: plan_dataset.Dataset,
) -> None:
    zelenskyy = dataset.trajectory("volodymyr-zelenskyy")
    first = zelenskyy[0]
    assert first.date is not None and not dataset.corroboration(first).weakly_sourced
    undated = [p for p in zelenskyy if p.date is None]
    assert undated and zelenskyy[-len(undated) :] == undated
    # The anonymous seed analyses' undated claims say so.
    seed_only = [p for p in undated if dataset.when(p) != "undated"]
    assert seed_only
    assert {dataset.when(p) for p in seed_only} == {"undated, from an unattributed analysis"}
    assert dataset.when(first) == first.date


def test_evidence_lists_the_strongest_sources_first(dataset: plan_dataset.Dataset) -> None:
    from plan_dataset.evidence.corroboration import strength_of

    def look_up(record_id: str) -> object:
        try:
            return dataset.source(record_id)
        except KeyError:
            return dataset.outlet(record_id)

    for record_id in ("point-06", "army-size-limit"):
        items = dataset.evidence(dataset.provision(record_id))
        keys = [strength_of(dataset.source(item.source), look_up) for item in items]
        assert keys == sorted(keys), record_id
    rows = [r for r in dataset.rows("attributions") if r["record_id"] == "point-06"]
    assert [r["source_id"] for r in rows] == [
        item.source for item in dataset.evidence(dataset.provision("point-06"))
    ][: len(rows)] or len({r["source_id"] for r in rows}) < len(rows)


def test_lineage_follows_the_army_cap_across_versions(dataset: plan_dataset.Dataset) -> None:
    links = dataset.lineage("point-06")
    assert {(k.later_document, k.later, k.operation) for k in links} == {
        ("european-24-point-plan", "eu24-point-11", "amended"),
        ("european-counter-proposal", "e3-point-06", "amended"),
        ("us-ukraine-20-point-framework", "f20-point-04", "amended"),
    }
    values = {
        point: {t.id: t.value for t in dataset.provision(point).terms}["personnel-cap"]
        for point in ("point-06", "e3-point-06", "f20-point-04")
    }
    assert values == {"point-06": 600000, "e3-point-06": 800000, "f20-point-04": 800000}
    assert dataset.lineage("e3-point-06") == links  # one chain, from any point on it


def test_compare_rows_and_the_command(dataset: plan_dataset.Dataset, tmp_path: Path) -> None:
    # Run outside a checkout, the command reads the shipped bundle, as ``dataset`` does.
    rows = dataset.compare("us-28-point-draft", "european-counter-proposal")
    by_earlier = {r["earlier"]: r for r in rows}
    assert set(by_earlier) == {f"point-{n:02d}" for n in range(1, 29)}
    assert (
        by_earlier["point-03"]["operation"] == "deleted" and by_earlier["point-03"]["later"] is None
    )
    assert by_earlier["point-06"]["changed_figures"] == (
        "personnel-cap: at most 600,000 personnel -> at most 800,000 personnel"
    )
    with pytest.raises(KeyError):
        dataset.compare("us-28-point-draft", "no-such-version")
    text = run_cli("compare", "us-28-point-draft", "european-counter-proposal", cwd=tmp_path)
    assert text.returncode == 0
    assert "personnel-cap: at most 600,000 personnel -> at most 800,000 personnel" in text.stdout
    assert "600000" not in text.stdout and "e+" not in text.stdout
    as_json = run_cli(
        "compare",
        "us-28-point-draft",
        "european-counter-proposal",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert json.loads(as_json.stdout) == rows
    as_csv = run_cli(
        "compare", "us-28-point-draft", "european-counter-proposal", "--format", "csv", cwd=tmp_path
    )
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["earlier"] for r in table] == [r["earlier"] or "" for r in rows]
    unknown = run_cli("compare", "us-28-point-draft", "nothing", cwd=tmp_path)
    assert unknown.returncode == 2 and "no document 'nothing'" in unknown.stdout + unknown.stderr


def test_corroboration_of_a_record_and_its_parts(dataset: plan_dataset.Dataset) -> None:
    point = dataset.provision("point-06")
    result = dataset.corroboration(point)
    assert set(result.parts) == {"terms/personnel-cap"}
    assert not result.weakly_sourced and result.strong_origins >= 2
    assert result.origins == len(result.origin_ids)
    assert result.strong_origins == len(result.strong_origin_ids)
    weak = dataset.corroboration(dataset.provision("point-20"))
    assert weak.weakly_sourced and weak.strong_origins < 2
    # The repr shows the figures that decide "weakly sourced".
    shown = repr(weak)
    for name in ("origins=", "strong_origins=", "strongest_reliability=", "weakly_sourced=True"):
        assert name in shown, shown


def test_corroboration_names_are_the_csv_columns(dataset: plan_dataset.Dataset) -> None:
    """The object's fields and the corroboration table's columns share names and meanings:
    ``origins`` is a number in both, the ids are in ``origin_ids``."""
    rows = {r["id"]: r for r in dataset.rows("corroboration")}
    for record_id in ("point-06", "point-20", "army-size-limit"):
        result = dataset.corroboration(dataset.provision(record_id))
        for key, part in [(f"provisions/{record_id}", result)] + [
            (f"provisions/{record_id}/{name}", part) for name, part in result.parts.items()
        ]:
            row = rows[key]
            for column, value in part.to_dict().items():
                expected = row[column]
                if column.endswith("_ids"):
                    expected = expected.split(";") if expected else []
                assert value == expected, (key, column)
    columns = set(next(iter(rows.values())))
    assert set(result.to_dict()) <= columns


def test_the_bundle_carries_the_corroboration_the_build_computed(
    dataset: plan_dataset.Dataset,
) -> None:
    from plan_dataset.evidence.corroboration import (
        all_corroboration,
        part_key,
        parts_of,
        with_parts,
    )

    found = all_corroboration({name: dataset.table(name) for name in dataset.table_names()})
    for table in dataset.table_names():
        for record in dataset.table(table):
            by_part = {part: found[part_key(table, record.id, part)] for part in parts_of(record)}
            assert dataset.corroboration(record) == with_parts(by_part)


def test_frames_keep_a_dates_precision_beside_it(dataset: plan_dataset.Dataset) -> None:
    pytest.importorskip("pandas")
    matrix = dataset.stance_matrix(as_frame=True)
    columns = list(matrix.columns)
    assert columns.index("date_precision") == columns.index("date") + 1
    month = matrix[matrix["date_precision"] == "month"]
    assert len(month) and all(len(value) == 7 for value in month["date"])  # '2025-11', as text
    positions = dataset.to_pandas("positions")
    assert "date_precision" in positions.columns
    rows = dataset.compare("us-28-point-draft", "european-counter-proposal")
    frame = dataset.compare("us-28-point-draft", "european-counter-proposal", as_frame=True)
    shown = [value for value in frame["changed_figures"] if isinstance(value, str)]
    assert shown == [r["changed_figures"] for r in rows if r["changed_figures"]]
    assert any("600,000 personnel" in value for value in shown)
