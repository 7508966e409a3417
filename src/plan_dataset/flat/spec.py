"""What a flat table is declared with: columns (with their types), keys, and columns taken
from model fields. The declarations themselves are in ``tables.py`` and ``evidence_tables.py``."""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plan_dataset.flat.rows import PLAIN_FIELDS, ROW_FUNCTIONS
from plan_dataset.models import MODELS, PARTIAL_DATE_PATTERN, AnyEvidence, reference_fields

Row = dict[str, Any]
# Offsets of an evidence item's quote in its archived text, given the attribution id.
Spans = Callable[[str, AnyEvidence], tuple[int, int] | None]

MODEL_TABLES = tuple(MODELS)
Records = Mapping[str, Sequence[Any]]  # validated models or loaded records


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: string, integer or number
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    # The model field the column holds, as "<record table>.<dotted path>", when it is not
    # the same-named field of its own table's model: "provisions.terms.id" for term_id.
    field: str | None = None

    def frictionless(self) -> dict[str, Any]:
        spec: dict[str, Any] = {"name": self.name, "type": self.type}
        spec["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            spec["constraints"] = constraints
        return spec


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    reference: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def rows(self) -> Callable[..., Iterator[Row]]:
        """The table's row builder: its line in ``rows.ROW_FUNCTIONS``, under its name."""
        return ROW_FUNCTIONS[self.name]

    def frictionless_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [column.frictionless() for column in self.columns],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(key.columns),
                    "reference": {"resource": key.table, "fields": list(key.reference)},
                }
                for key in self.foreign_keys
            ]
        return schema


def _literal_values(annotation: Any) -> tuple[str, ...] | None:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return tuple(str(value) for value in typing.get_args(arg))
        if typing.get_origin(arg) is list:
            return _literal_values(typing.get_args(arg)[0])
    return None


def model_column(
    table: str,
    name: str,
    column: str | None = None,
    kind: str = "string",
    model: Any = None,
    optional: bool = False,
    path: str | None = None,
) -> Column:
    """A column that is a model field, documented by the field's description.

    ``optional`` marks a column filled only for some rows, such as a field of a
    nested object that not every record has. ``path`` is the field's dotted path in the
    table's records when it is nested (``terms.id``): the column's ``field``.
    """
    info = (model or MODELS[table]).model_fields[name]
    nullable = type(None) in typing.get_args(info.annotation)
    return Column(
        name=column or name,
        type=kind,
        description=info.description or "",
        required=info.is_required() and not nullable and not optional,
        enum=_literal_values(info.annotation),
        pattern=PARTIAL_DATE_PATTERN.strip("^$") if name in ("date", "published") else None,
        field=f"{table}.{path}" if path else None,
    )


def _ref(name: str, description: str, required: bool = True, field: str | None = None) -> Column:
    return Column(name, "string", description, required=required, field=field)


def _plain_table(name: str, title: str, description: str, **kinds: str) -> Table:
    """A table whose columns are exactly scalar fields of its model, one row per record.

    Foreign keys come from the fields' ``Ref`` markers (a single-table reference).
    """
    fields = PLAIN_FIELDS[name]
    columns = tuple(model_column(name, f, kind=kinds.get(f, "string")) for f in fields)
    markers = reference_fields(MODELS[name])
    foreign_keys = tuple(
        ForeignKey((f,), markers[f].tables[0])
        for f in fields
        if f in markers and len(markers[f].tables) == 1
    )
    return Table(name, title, description, columns, ("id",), foreign_keys)
