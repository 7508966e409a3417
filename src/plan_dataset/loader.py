"""Loading the dataset: the bundle shipped in the package, or a checkout's data/."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import msgspec

from plan_dataset.evidence import evidence_items
from plan_dataset.problems import Problem
from plan_dataset.records import (
    Discrepancy,
    Document,
    Event,
    Evidence,
    Position,
    Provision,
    Source,
    Stakeholder,
)

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE_RESOURCE = "data/plan-dataset.json"
Record = Source | Stakeholder | Document | Provision | Position | Event | Discrepancy


class DatasetInvalid(ValueError):
    """Raised by ``load(path)`` when the records under ``path`` do not validate."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = [f"{p.path}:{p.line}:{p.column}: {p.code} {p.message}" for p in problems[:20]]
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s):\n" + "\n".join(lines) + more)


class _Tables(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The seven record tables, in the bundle and in a Dataset."""

    sources: tuple[Source, ...]
    stakeholders: tuple[Stakeholder, ...]
    documents: tuple[Document, ...]
    provisions: tuple[Provision, ...]
    positions: tuple[Position, ...]
    events: tuple[Event, ...]
    discrepancies: tuple[Discrepancy, ...]


class _Bundle(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The shape of the JSON bundle, decoded in one pass."""

    name: str
    version: str
    tables: _Tables
    offsets: dict[str, tuple[int, int]] = {}


_DECODER = msgspec.json.Decoder(_Bundle)


class Dataset(_Tables, frozen=True, kw_only=True):
    """The whole dataset as typed, immutable records, with look-ups by id.

    The tables (``sources`` … ``discrepancies``) are the fields it shares with the bundle.
    """

    version: str
    offsets: dict[str, tuple[int, int]] = msgspec.field(default_factory=dict)
    # Caches, filled once: look-ups by id, and flat rows on first use.
    _by_id: dict[tuple[str, str], Record] = msgspec.field(default_factory=dict)
    _flat: dict[str, list[dict[str, Any]]] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        for table in self.table_names():
            for record in self.table(table):
                self._by_id[(table, record.id)] = record

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={count}" for name, count in self.counts().items())
        return f"Dataset(version={self.version!r}, {counts})"

    @staticmethod
    def table_names() -> tuple[str, ...]:
        return _Tables.__struct_fields__

    def table(self, name: str) -> tuple[Record, ...]:
        """All records of one table, sorted by id."""
        if name not in self.table_names():
            raise KeyError(f"no table {name!r}; tables are {', '.join(self.table_names())}")
        records: tuple[Record, ...] = getattr(self, name)
        return records

    def get(self, table: str, record_id: str) -> Record:
        """One record by table and id; KeyError if there is none."""
        try:
            return self._by_id[(table, record_id)]
        except KeyError:
            raise KeyError(f"no record {record_id!r} in {table}") from None

    def source(self, source_id: str) -> Source:
        record = self.get("sources", source_id)
        assert isinstance(record, Source)
        return record

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        record = self.get("stakeholders", stakeholder_id)
        assert isinstance(record, Stakeholder)
        return record

    def provision(self, provision_id: str) -> Provision:
        record = self.get("provisions", provision_id)
        assert isinstance(record, Provision)
        return record

    def evidence(self, record: Record) -> tuple[Evidence, ...]:
        """Every evidence item of a record, nested ones (terms, variants) included."""
        return tuple(item for _loc, _part, item in evidence_items(record))

    def counts(self) -> dict[str, int]:
        return {name: len(self.table(name)) for name in self.table_names()}

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Rows of one flat table, as in the CSV release (e.g. ``attributions``)."""
        from plan_dataset.tables import TABLES_BY_NAME, flat_tables

        if table not in TABLES_BY_NAME:
            raise KeyError(f"no flat table {table!r}; tables are {', '.join(TABLES_BY_NAME)}")
        if not self._flat:
            records = {name: self.table(name) for name in self.table_names()}
            self._flat.update(flat_tables(records, lambda row_id, _item: self.offsets.get(row_id)))
        return self._flat[table]

    def to_pandas(self, table: str | None = None) -> Any:
        """One flat table as a pandas DataFrame, or all of them in a dict by name.

        Ids stay strings, vocabulary columns are categoricals, and dates are
        datetimes (the first day of a reduced-precision date, with a
        ``<column>_precision`` column saying year, month or day). Needs the
        ``pandas`` extra: ``pip install 'plan-dataset[pandas]'``.
        """
        from plan_dataset.frames import to_frame
        from plan_dataset.tables import TABLES

        names = [t.name for t in TABLES] if table is None else [table]
        frames = {name: to_frame(name, self.rows(name)) for name in names}
        return frames if table is None else frames[table]


def _from_bundle(data: bytes) -> Dataset:
    bundle = _DECODER.decode(data)
    tables = {name: getattr(bundle.tables, name) for name in Dataset.table_names()}
    return Dataset(version=bundle.version, offsets=bundle.offsets, **tables)


def load(path: str | Path | None = None) -> Dataset:
    """Load the dataset.

    With no argument, read the bundle shipped inside the installed package. With
    the path of a project checkout (the folder holding ``data/``), read its YAML
    records with full validation; raise ``DatasetInvalid`` if any check fails.
    """
    if path is None:
        # A plain file path: importing importlib.resources or pathlib costs more than loading.
        bundle = os.path.join(os.path.dirname(__file__), *BUNDLE_RESOURCE.split("/"))
        if os.path.isfile(bundle):
            with open(bundle, "rb") as stream:
                return _from_bundle(stream.read())
        from importlib import resources  # the package is not on disk, e.g. in a zip

        return _from_bundle(resources.files("plan_dataset").joinpath(BUNDLE_RESOURCE).read_bytes())
    from pathlib import Path

    from plan_dataset.build import quote_spans, records_by_table, render_bundle
    from plan_dataset.tables import flat_tables
    from plan_dataset.validation import validate

    report = validate(Path(path))
    if not report.ok:
        raise DatasetInvalid(report.problems)
    records = records_by_table(report)
    return _from_bundle(render_bundle(records, flat_tables(records, quote_spans(report, records))))
