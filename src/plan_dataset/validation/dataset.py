"""Layer 3: ids are unique, references resolve, point numbers are unique per document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan_dataset.models import (
    MODELS,
    PLAN_TARGET,
    SLUG_MAX_LENGTH,
    SLUG_RE,
    Loc,
    Provision,
    references,
)
from plan_dataset.models.readable import readable_references
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer
from plan_dataset.validation.pydantic_errors import did_you_mean, loc_text

CODES = {
    "D001": Code("dataset", "duplicate id", "id 'ukraine' is also used in data/stakeholders/"),
    "D002": Code(
        "dataset",
        "dangling reference",
        "stakeholder 'kaja-kalas' does not exist (did you mean 'kaja-kallas'?)",
    ),
    "D003": Code(
        "dataset", "reserved or conflicting id", "'plan' is reserved for position targets"
    ),
    "D004": Code(
        "dataset",
        "duplicate point number",
        "point 6 of us-28-point-draft is also data/provisions/point-06.yaml",
    ),
    "D005": Code(
        "dataset",
        "one page recorded as two sources",
        "url is also the url of data/sources/liga-28-points.yaml: cite one source record",
    ),
    "D007": Code("dataset", "record names itself", "derived_from names this record itself"),
}
# An outlet may share its id with the stakeholder that is the same organisation, quoted
# as an actor ("Axios reported"): one slug, two roles. No other tables share ids.
SHARED_ID_TABLES = frozenset({"outlets", "stakeholders"})


def may_share_id(table: str, other: str) -> bool:
    return table != other and {table, other} == SHARED_ID_TABLES


# "Did you mean" compares with every id; a file of many unknown references gets hints
# only for its first few, so its cost stays bounded.
HINTS_PER_RECORD = 5


def reserved_id(record_id: str) -> str | None:
    """Why an id is reserved for every table, or None."""
    if record_id == PLAN_TARGET:
        return f"'{PLAN_TARGET}' is reserved for position targets"
    return None


def unusable_new_id(
    record_id: str, index: DatasetIndex, table: str | None = None
) -> tuple[str, str] | None:
    """Code and message when a new record may not take this id, by the rules the
    checks apply to an existing one: a slug (M007, M008), not reserved (D003), not
    used in any table (D001). ``plan-dataset new`` asks this before it writes."""
    if not SLUG_RE.fullmatch(record_id):
        return "M007", f"{record_id!r} is not a lowercase slug (a-z, 0-9, single hyphens between)"
    if len(record_id) > SLUG_MAX_LENGTH:
        return "M008", f"{record_id!r} is longer than {SLUG_MAX_LENGTH} characters"
    reserved = reserved_id(record_id)
    if reserved is not None:
        return "D003", reserved
    from plan_dataset.validation.portable_names import non_portable

    not_portable = non_portable(record_id, "<table>")
    if not_portable is not None:
        return "F006", not_portable
    for other in MODELS:
        if index.exists(other, record_id) and not (table and may_share_id(table, other)):
            return "D001", f"id {record_id!r} is already used in data/{other}/"
    return None


def check_references(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    """Every reference resolves to a record of the right table and kind."""
    model = record.model
    assert model is not None
    reserved = reserved_id(model.id)
    if reserved is not None:
        yield Finding(("id",), "D003", reserved)
    found_references = references(model)
    for loc, tables, target in found_references:
        # One rule for every reference (a stakeholder's affiliation, a document's
        # supersedes and derived_from, a source's origin and credits) but evidence: a
        # source's own page is the evidence of its title and date.
        if target == model.id and record.table in tables and loc[0] != "evidence":
            yield Finding(loc, "D007", f"{loc_text(loc)} names this record itself")
    yield from _dangling(found_references, index)


def check_readable_references(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    """The well-formed references of a record whose model check failed elsewhere."""
    yield from _dangling(readable_references(MODELS[record.table], record.yaml().value), index)


def _dangling(
    found_references: list[tuple[Loc, tuple[str, ...], str]], index: DatasetIndex
) -> Iterator[Finding]:
    hints = 0
    for loc, tables, target in found_references:
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


def check_unique(
    records: Sequence[CheckedRecord], index: DatasetIndex, _complete: bool
) -> Iterator[tuple[CheckedRecord, Finding]]:
    """Ids are unique across all tables; point numbers within a document."""
    checked_files = {(record.table, record.path.stem) for record in records}
    first_seen: dict[str, list[CheckedRecord]] = {}
    for record in records:
        if record.model is None:
            continue
        record_id = record.model.id
        holders = first_seen.setdefault(record_id, [])
        other = next((o for o in holders if not may_share_id(record.table, o.table)), None)
        holders.append(record)
        if other is not None:
            yield (
                record,
                Finding(("id",), "D001", f"id {record_id!r} is also used by {other.display}"),
            )
        for table in MODELS:
            if (
                table != record.table
                and not may_share_id(record.table, table)
                and (table, record_id) not in checked_files
                and index.exists(table, record_id)
            ):
                yield (
                    record,
                    Finding(("id",), "D001", f"id {record_id!r} is also used in data/{table}/"),
                )
    urls: dict[str, CheckedRecord] = {}
    for record in records:
        url = getattr(record.model, "url", None) if record.table == "sources" else None
        if url is not None:
            first = urls.setdefault(url, record)
            if first is not record:
                yield (
                    record,
                    Finding(
                        ("url",),
                        "D005",
                        f"url is also the url of {first.display}: cite one source record",
                    ),
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


LAYER = Layer(
    "dataset",
    CODES,
    per_record=check_references,
    across=check_unique,
    unmodelled=check_readable_references,
)
