"""What a flat table is declared with. Standard library only, so that the loader can build
rows from the same declarations without pydantic.

A table is declared once, in its module under ``tables/`` (one line in
``tables.MODULES``): its columns, keys and row builder. A column that holds a model field
names it (``FromModel``), and ``ModelFields`` stands for every scalar field of the
table's own model; ``catalog.py`` resolves both against the models (type, description,
vocabulary, whether it is required), so that adding a field to a model adds its column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from typing import Any

    from plan_dataset.evidence.corroboration import Corroboration

    Row = dict[str, Any]
    Records = Mapping[str, Sequence[Any]]  # validated models or loaded records
    # Offsets of an evidence item's quote in its archived text, given the attribution id.
    Spans = Callable[[str, Any], tuple[int, int] | None]
    # How well each record and part is corroborated, by ``part_key`` (the snapshot's).
    Found = Mapping[str, Corroboration]
    # Each column's name and, for a record table, the record field it holds ("date",
    # "reconciliation.verdict"), or None for a column the table's builder derives.
    Paths = Sequence[tuple[str, str | None]]
    RowBuilder = Callable[[Records, Spans, Found, Paths], Iterator[Row]]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: string, integer, number or boolean
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    # The model field the column holds, as "<record table>.<dotted path>", when it is not
    # the same-named field of its own table's model: "provisions.terms.id" for term_id.
    field: str | None = None
    # Where a record table's rows find the value in a record ("reconciliation.verdict").
    path: str | None = None

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
class FromModel:
    """A column holding one model field, typed and described by the model.

    ``field`` is "<record table>.<dotted path>" ("provisions.terms.label") or
    "<model class>.<field>" ("QuoteEvidence.hedge"); ``name`` defaults to its last part.
    ``optional`` marks a column filled only for some rows (a field of a nested object
    not every record has). ``type``, ``description`` and ``required`` override what the
    model gives.
    """

    field: str
    name: str | None = None
    optional: bool = False
    type: str | None = None
    description: str | None = None
    required: bool | None = None


@dataclass(frozen=True)
class ModelFields:
    """Every scalar field of the table's own model, in the model's order: a nested
    object's scalar fields as ``<field>_<name>``, lists left to link tables. ``after``
    places derived columns (filled by the table's row builder) after a field."""

    after: tuple[tuple[str, tuple[Column, ...]], ...] = ()


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    reference: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class TableDeclaration:
    """A table as its module declares it; ``catalog.py`` resolves it into a ``Table``.
    A ``ModelFields`` table also gets a foreign key for each single-table reference
    field of its model, before the ones declared here."""

    name: str
    title: str
    description: str
    columns: tuple[Column | FromModel | ModelFields, ...]
    primary_key: tuple[str, ...]
    rows: RowBuilder
    foreign_keys: tuple[ForeignKey, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: RowBuilder = field(repr=False, compare=False)
    foreign_keys: tuple[ForeignKey, ...] = ()

    def paths(self) -> tuple[tuple[str, str | None], ...]:
        return tuple((column.name, column.path) for column in self.columns)

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


def ref(name: str, description: str, required: bool = True, field: str | None = None) -> Column:
    """A column holding an id (the owner of a link table's row, or a listed reference)."""
    return Column(name, "string", description, required=required, field=field)
