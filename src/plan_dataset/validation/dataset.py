"""Layer 3: ids are unique, references resolve, point numbers are unique per document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan_dataset.models import MODELS, PLAN_TARGET, Provision, references
from plan_dataset.validation.base import CheckedRecord, Code, Finding, Layer
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.pydantic_errors import did_you_mean

CODES = {
    "D001": Code("dataset", "duplicate id", "id 'x' is also used by data/events/x.yaml"),
    "D002": Code("dataset", "dangling reference", "stakeholder 'nobody' does not exist"),
    "D003": Code(
        "dataset", "reserved or conflicting id", "'plan' is reserved for position targets"
    ),
    "D004": Code(
        "dataset", "duplicate point number", "point 6 of us-28-point-draft is also provisions/x"
    ),
}
# "Did you mean" compares with every id; a file of many unknown references gets hints
# only for its first few, so its cost stays bounded.
HINTS_PER_RECORD = 5


def check_references(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    """Every reference resolves to a record of the right table and kind."""
    model = record.model
    assert model is not None
    if isinstance(model, Provision) and model.id == PLAN_TARGET:
        yield Finding(("id",), "D003", f"'{PLAN_TARGET}' is reserved for position targets")
    if getattr(model, "affiliation", None) == model.id:
        yield Finding(("affiliation",), "D003", "a stakeholder cannot be affiliated with itself")
    hints = 0
    for loc, tables, target in references(model):
        found = [table for table in tables if index.exists(table, target)]
        if not found:
            singular = " or ".join(table.removesuffix("s") for table in tables)
            hint = ""
            if hints < HINTS_PER_RECORD:
                hints += 1
                hint = did_you_mean(target, set().union(*(index.ids(t) for t in tables)))
            yield Finding(loc, "D002", f"{singular} {target!r} does not exist{hint}")
        elif loc[:2] == ("reconciliation", "points"):
            point = index.record(found[0], target)
            if isinstance(point, Provision) and point.status != "published":
                yield Finding(loc, "D002", f"provision {target!r} is not a published point")
    for field_name in ("supersedes", "derived_from"):
        if getattr(model, field_name, None) == model.id:
            yield Finding((field_name,), "D003", f"a document cannot name itself in {field_name}")


def check_unique(
    records: Sequence[CheckedRecord], index: DatasetIndex, _complete: bool
) -> Iterator[tuple[CheckedRecord, Finding]]:
    """Ids are unique across all tables; point numbers within a document."""
    checked_files = {(record.table, record.path.stem) for record in records}
    first_seen: dict[str, CheckedRecord] = {}
    for record in records:
        if record.model is None:
            continue
        record_id = record.model.id
        other = first_seen.setdefault(record_id, record)
        if other is not record:
            yield (
                record,
                Finding(("id",), "D001", f"id {record_id!r} is also used by {other.display}"),
            )
        for table in MODELS:
            if (
                table != record.table
                and (table, record_id) not in checked_files
                and index.exists(table, record_id)
            ):
                yield (
                    record,
                    Finding(("id",), "D001", f"id {record_id!r} is also used in data/{table}/"),
                )
    points: dict[tuple[str, int], list[CheckedRecord]] = {}
    for record in records:
        model = record.model
        if isinstance(model, Provision) and model.document and model.point_number:
            points.setdefault((model.document, model.point_number), []).append(record)
    for (document, number), holders in points.items():
        for record in holders if len(holders) > 1 else ():
            others = ", ".join(other.display for other in holders if other is not record)
            yield (
                record,
                Finding(
                    ("point_number",), "D004", f"point {number} of {document} is also {others}"
                ),
            )


LAYER = Layer("dataset", CODES, per_record=check_references, across=check_unique)
