"""Loading the dataset: the bundle shipped in the package, or a checkout's data/."""

from __future__ import annotations

import os

from plan_dataset.bundle import RESOURCE as BUNDLE_RESOURCE
from plan_dataset.bundle.decode import TABLE_NAMES, decode_bundle
from plan_dataset.bundle.shape import BundleInvalid
from plan_dataset.queries.questions import QuestionQueries
from plan_dataset.queries.sourcing import SourcingQueries
from plan_dataset.queries.story import StoryQueries
from plan_dataset.queries.versions import VersionQueries
from plan_dataset.records.classes import (
    Discrepancy,
    Document,
    Event,
    Evidence,
    Outlet,
    PointLink,
    Position,
    Provision,
    Question,
    QuestionStatus,
    Source,
    Stakeholder,
)

# Only type checkers import typing: at run time it would cost more than loading the bundle.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path
    from typing import Any

    from plan_dataset.bundle.decode import Contents
    from plan_dataset.publish.snapshot import Snapshot
    from plan_dataset.queries.results import FlatValue, Record


# The queries: each module of queries/ mixes its Dataset methods in, one line each here.
class Dataset(
    StoryQueries,
    VersionQueries,
    SourcingQueries,
    QuestionQueries,
):
    """The whole dataset as typed, immutable records, with look-ups by id, and the
    queries of ``plan_dataset.queries`` as methods.

    Each table (``sources`` … ``discrepancies``) is a tuple of records sorted by id.
    """

    sources: tuple[Source, ...]
    stakeholders: tuple[Stakeholder, ...]
    outlets: tuple[Outlet, ...]
    documents: tuple[Document, ...]
    provisions: tuple[Provision, ...]
    point_links: tuple[PointLink, ...]
    questions: tuple[Question, ...]
    positions: tuple[Position, ...]
    events: tuple[Event, ...]
    question_statuses: tuple[QuestionStatus, ...]
    discrepancies: tuple[Discrepancy, ...]
    version: str
    # [start, end] of each verbatim quote in its archived text, by attribution row id.
    offsets: dict[str, list[int]]
    _by_id: dict[tuple[str, str], Record]
    _corroboration: dict[str, dict[str, Any]]
    _flat: dict[str, list[dict[str, Any]]]

    def __init__(
        self,
        *,
        version: str,
        tables: Mapping[str, tuple[Record, ...]],
        offsets: dict[str, list[int]] | None = None,
        corroboration: dict[str, dict[str, Any]] | None = None,
        flat: Mapping[str, list[dict[str, Any]]] | None = None,
    ) -> None:
        if set(tables) != set(TABLE_NAMES):
            raise ValueError(f"a Dataset needs exactly the tables {', '.join(TABLE_NAMES)}")
        fields = self.__dict__  # set directly: __setattr__ refuses, to keep the dataset immutable
        fields.update(tables)
        fields["version"] = version
        fields["offsets"] = offsets if offsets is not None else {}
        # Independent origins per record and part, computed by the build (see corroboration.py).
        fields["_corroboration"] = corroboration if corroboration is not None else {}
        # Caches, filled once: look-ups by id, and flat rows on first use (or given: a
        # snapshot's, already built).
        fields["_by_id"] = {
            (table, record.id): record for table in TABLE_NAMES for record in tables[table]
        }
        fields["_flat"] = dict(flat) if flat is not None else {}

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Dataset is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Dataset is immutable")

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={count}" for name, count in self.counts().items())
        return f"Dataset(version={self.version!r}, {counts})"

    def _repr_html_(self) -> str:
        """The version and each table's record count, for notebooks."""
        from plan_dataset.records.html_view import dataset_html

        return dataset_html(self)

    @staticmethod
    def table_names() -> tuple[str, ...]:
        return TABLE_NAMES

    def table(self, name: str) -> tuple[Record, ...]:
        """All records of one table, sorted by id."""
        if name not in TABLE_NAMES:
            raise _unknown_table(name)
        records: tuple[Record, ...] = self.__dict__[name]
        return records

    def get(self, table: str, record_id: str) -> Record:
        """One record by table and id; KeyError if there is none, or no such table."""
        try:
            return self._by_id[(table, record_id)]
        except KeyError:
            if table not in TABLE_NAMES:
                raise _unknown_table(table) from None
            raise KeyError(f"no record {record_id!r} in {table}") from None

    def source(self, source_id: str) -> Source:
        record = self.get("sources", source_id)
        assert isinstance(record, Source)
        return record

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        record = self.get("stakeholders", stakeholder_id)
        assert isinstance(record, Stakeholder)
        return record

    def outlet(self, outlet_id: str) -> Outlet:
        record = self.get("outlets", outlet_id)
        assert isinstance(record, Outlet)
        return record

    def provision(self, provision_id: str) -> Provision:
        record = self.get("provisions", provision_id)
        assert isinstance(record, Provision)
        return record

    def document(self, document_id: str) -> Document:
        record = self.get("documents", document_id)
        assert isinstance(record, Document)
        return record

    def point_link(self, link_id: str) -> PointLink:
        record = self.get("point_links", link_id)
        assert isinstance(record, PointLink)
        return record

    def position(self, position_id: str) -> Position:
        record = self.get("positions", position_id)
        assert isinstance(record, Position)
        return record

    def event(self, event_id: str) -> Event:
        record = self.get("events", event_id)
        assert isinstance(record, Event)
        return record

    def discrepancy(self, discrepancy_id: str) -> Discrepancy:
        record = self.get("discrepancies", discrepancy_id)
        assert isinstance(record, Discrepancy)
        return record

    def cite(self, item: Evidence) -> str:
        """A human-readable citation of one evidence item: source title, publisher, date,
        URL (or archived seed), and the locator or quote."""
        from plan_dataset.records.citations import cite

        speaker = self.stakeholder(item.attributed_to) if item.attributed_to else None
        return cite(self.source(item.source), item, speaker)

    def counts(self) -> dict[str, int]:
        return {name: len(self.table(name)) for name in self.table_names()}

    def rows(self, table: str) -> list[dict[str, FlatValue]]:
        """Rows of one flat table, as in the CSV release (e.g. ``attributions``)."""
        from plan_dataset.evidence.corroboration import from_plain_all
        from plan_dataset.flat.columns import PATHS
        from plan_dataset.flat.rows import flat_tables
        from plan_dataset.flat.tables import DECLARED

        if table not in PATHS:
            raise KeyError(f"no flat table {table!r}; tables are {', '.join(PATHS)}")
        if not self._flat:
            records = {name: self.table(name) for name in self.table_names()}
            found = from_plain_all(self._corroboration)  # as the build computed it
            tables = [(t.name, t.rows, PATHS[t.name]) for t in DECLARED]
            self._flat.update(flat_tables(tables, records, self._quote_span, found))
        return self._flat[table]

    def _quote_span(self, row_id: str, _item: Evidence) -> tuple[int, int] | None:
        span = self.offsets.get(row_id)
        return None if span is None else (span[0], span[1])

    def to_pandas(self, table: str | None = None) -> Any:
        """One flat table as a pandas DataFrame, or all of them in a dict by name.

        Ids stay strings, vocabulary columns are categoricals, and dates are
        datetimes (the first day of a reduced-precision date, with a
        ``<column>_precision`` column saying year, month or day). Needs the
        ``pandas`` extra: ``pip install '.[pandas]'`` in a checkout, or ``pip install pandas``.
        """
        from plan_dataset.flat.optional_pandas import require_pandas

        require_pandas()  # before frames.py imports it: an ImportError that says what to install
        from plan_dataset.flat.frames import frames_of

        return frames_of(self, table)


def _unknown_table(name: str) -> KeyError:
    from difflib import get_close_matches

    close = get_close_matches(name, TABLE_NAMES, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return KeyError(f"no table {name!r}{hint}; tables are {', '.join(TABLE_NAMES)}")


def _dataset(contents: Contents, flat: Mapping[str, list[dict[str, Any]]] | None = None) -> Dataset:
    version, tables, offsets, corroboration = contents
    return Dataset(
        version=version, tables=tables, offsets=offsets, corroboration=corroboration, flat=flat
    )


def _from_bundle(data: bytes, *, trusted: bool = False) -> Dataset:
    """The Dataset of a bundle's bytes (see ``bundle/decode.py``); BundleInvalid if they are
    not a bundle the build wrote."""
    return _dataset(decode_bundle(data, trusted=trusted))


def load(path: str | Path | None = None) -> Dataset:
    """Load the dataset.

    With no argument, read the bundle shipped inside the installed package. With a
    path: a release zip (``plan-dataset-<version>.zip``), an unpacked release folder
    or a bundle file (``plan-dataset.json``), to pin a version; or a project checkout
    (the folder holding ``data/``), whose YAML records are read with full validation
    (``DatasetInvalid`` if any check fails). A release's bundle is checked against
    its ``SHA256SUMS``; a damaged one raises ``BundleInvalid``.
    """
    if path is None:
        # A plain file path: importing importlib.resources or pathlib costs more than loading.
        bundle = os.path.join(os.path.dirname(__file__), *BUNDLE_RESOURCE.split("/"))
        if os.path.isfile(bundle):
            with open(bundle, "rb") as stream:
                return _from_bundle(stream.read(), trusted=True)
        from importlib import resources  # the package is not on disk, e.g. in a zip

        shipped = resources.files("plan_dataset").joinpath(BUNDLE_RESOURCE).read_bytes()
        return _from_bundle(shipped, trusted=True)
    from plan_dataset.bundle.find import NotARelease, release_bundle

    try:
        released = release_bundle(path)
    except NotARelease as error:
        raise BundleInvalid(str(error)) from None
    if released is not None:
        return _from_bundle(released)
    from pathlib import Path

    from plan_dataset.problems import DatasetInvalid
    from plan_dataset.publish.snapshot import snapshot_of
    from plan_dataset.validation import validate

    root = Path(path)
    report = validate(root)
    if not report.ok:
        raise DatasetInvalid(report.problems)
    return from_snapshot(snapshot_of(report, root))


def from_snapshot(snapshot: Snapshot) -> Dataset:
    """The loaded dataset of a validated snapshot, equal to the one its bundle loads: the
    rows the bundle encoder is given go straight to the same record decoders, with no
    bytes in between (validated a moment ago, so not checked again); ``rows()`` builds
    the flat rows on first use, as for a loaded bundle (the snapshot holds none)."""
    from plan_dataset.bundle.decode import decode_rows
    from plan_dataset.publish.outputs.bundle import bundle_contents

    return _dataset(decode_rows(*bundle_contents(snapshot)))
