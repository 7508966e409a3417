"""The flat tables keep every field of every record: each model field is a column of its
table, or has a declared place in a link table or in attributions."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

import plan_dataset
from plan_dataset.flat.catalog import TABLES, TABLES_BY_NAME
from plan_dataset.flat.columns import TYPES
from plan_dataset.flat.tables import DECLARED, MODULES
from plan_dataset.models import MODELS, LocatorEvidence, QuoteEvidence

# Where a field that is not a same-named column of its record's table goes, as the
# declarations say (each such column's ``field``): (table, dotted field path) -> (flat
# table, column).
ELSEWHERE: dict[tuple[str, str], tuple[str, str]] = {
    (column.field.partition(".")[0], column.field.partition(".")[2]): (table.name, column.name)
    for table in TABLES
    for column in table.columns
    if column.field is not None
}
# Every evidence item, at any depth, is a row of attributions.
EVIDENCE_COLUMNS = {"source": "source_id"}


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The record model inside an annotation (``list[Term]``, ``Reconciliation | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) is typing.Literal:
        return None
    for arg in typing.get_args(annotation):
        inner = _model_of(arg)
        if inner is not None:
            return inner
    return None


def _paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    for name, info in model.model_fields.items():
        nested = _model_of(info.annotation)
        if nested in (QuoteEvidence, LocatorEvidence) or name == "evidence":
            for evidence_model in (QuoteEvidence, LocatorEvidence):
                for field in evidence_model.model_fields:
                    yield f"{prefix}{name}.{field}"
        elif nested is not None:
            yield from _paths(nested, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}"


def _column(table: str, path: str) -> tuple[str, str] | None:
    columns = {c.name for c in TABLES_BY_NAME[table].columns}
    if path in columns:
        return table, path
    if ".evidence." in f".{path}":
        field = path.rsplit(".", 1)[-1]
        return "attributions", EVIDENCE_COLUMNS.get(field, field)
    return ELSEWHERE.get((table, path))


def test_every_model_field_has_a_flat_column() -> None:
    missing = []
    for table, model in MODELS.items():
        for path in _paths(model):
            place = _column(table, path)
            if place is None or place[1] not in {c.name for c in TABLES_BY_NAME[place[0]].columns}:
                missing.append(f"{table}.{path}")
    assert missing == [], f"fields with no flat column: {missing}"


def test_notes_reach_the_flat_tables() -> None:
    # The issue that prompted this: events, discrepancies and positions lost their notes.
    dataset = plan_dataset.load()
    for table in ("events", "discrepancies", "positions", "sources", "provisions"):
        rows = {row["id"]: row for row in dataset.rows(table)}
        records = dataset.table(table)
        assert any(record.notes for record in records), table
        for record in records:
            assert rows[record.id]["notes"] == record.notes, (table, record.id)


def test_plain_columns_hold_the_record_values() -> None:
    dataset = plan_dataset.load()
    for table in MODELS:
        columns = [c.name for c in TABLES_BY_NAME[table].columns]
        fields = [c for c in columns if c in MODELS[table].model_fields]
        rows = {row["id"]: row for row in dataset.rows(table)}
        for record in dataset.table(table):
            for field in fields:
                assert rows[record.id][field] == getattr(record, field), (table, record.id, field)


def test_the_declared_nested_fields_are_the_ones_the_records_have() -> None:
    # Each declared ``field`` is a real path of its table's model, so a renamed field
    # cannot leave a column pointing nowhere (and the test above passing vacuously).
    assert len(ELSEWHERE) >= 19
    for table, path in ELSEWHERE:
        assert path in set(_paths(MODELS[table])), (table, path)


def test_every_table_is_declared_once_with_its_row_builder() -> None:
    # A table is one declaration in one module of the registry; the catalog resolves each,
    # in the registry's order, and every table has a unique name.
    names = [table.name for module in MODULES for table in module.TABLES]
    assert [table.name for table in DECLARED] == names == [table.name for table in TABLES]
    assert len(set(names)) == len(names)
    assert all(callable(table.rows) for table in TABLES)


def test_the_generated_columns_carry_the_declared_types_and_paths() -> None:
    declared = {
        table.name: tuple((c.name, c.type, c.enum, c.path) for c in table.columns)
        for table in TABLES
    }
    assert declared == TYPES


def test_every_partial_date_column_is_typed_as_a_date_in_frames_and_parquet() -> None:
    # frames.py and the Parquet output type the columns named in DATE_COLUMNS as dates: a
    # new reduced-precision date field (it gets the pattern from its type) must be there.
    from plan_dataset.constants import DATE_COLUMNS

    dated = {c.name for table in TABLES for c in table.columns if c.pattern}
    assert dated and dated <= DATE_COLUMNS


def test_a_field_a_cell_cannot_hold_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from plan_dataset.flat import catalog
    from plan_dataset.flat.spec import ModelFields

    class Odd(BaseModel):
        id: str
        extra: dict[str, str]

    monkeypatch.setitem(catalog.MODELS, "events", Odd)
    with pytest.raises(TypeError, match=r"events\.extra .* declare its own table"):
        list(catalog._model_fields("events", ModelFields()))
