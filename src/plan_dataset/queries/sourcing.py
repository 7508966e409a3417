"""The loader's questions about sourcing: how well a record is corroborated (as the build
computed it), its evidence strongest first, what cites a source, what sources disagree
on about a record, and how a reader should see a record's date.

Standard library only, on loaded records; what only some questions need is imported
when they are asked, so that ``import plan_dataset`` stays at the cost of its bundle.
"""

from __future__ import annotations

from plan_dataset.evidence.items import evidence_items
from plan_dataset.records.classes import RECORD_TYPES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from plan_dataset.evidence.corroboration import Corroboration
    from plan_dataset.queries.results import Record, Tables
    from plan_dataset.records.classes import Discrepancy, Evidence, Outlet, Position, Source

TABLE_OF_TYPE = {record_type: table for table, record_type in RECORD_TYPES.items()}
UNDATED_SEED_LABEL = "undated, from an unattributed analysis"


def id_of(value: Record | str) -> str:
    return value if isinstance(value, str) else value.id


def source_lookup(dataset: Tables) -> Callable[[str], Source | Outlet | None]:
    """Sources, and outlets named as an origin (each with its class), by id."""
    by_id = dataset._by_id
    return lambda record_id: (
        by_id.get(("sources", record_id))
        or by_id.get(  # type: ignore[return-value]
            ("outlets", record_id)
        )
    )


def weakly_sourced(dataset: Tables) -> Callable[[Record], bool]:
    """Whether a record is weakly sourced: read from the bundle's corroboration, which the
    build computed once."""
    from plan_dataset.evidence.corroboration import from_plain, part_key

    stored = dataset._corroboration
    return lambda record: (
        from_plain(stored[part_key(TABLE_OF_TYPE[type(record)], record.id, None)]).weakly_sourced
    )


def strongest_positions_first(dataset: Tables, positions: Iterable[Position]) -> list[Position]:
    """Dated, corroborated positions first (in date order), then dated weakly sourced
    ones, then undated ones (corroborated before weak); ties by id."""
    from plan_dataset.records.dates import first_day

    weak = weakly_sourced(dataset)
    return sorted(
        positions,
        key=lambda p: (p.date is None, weak(p), first_day(p.date) if p.date else "", p.id),
    )


def when_label(dataset: Tables, record: Record) -> str:
    """A record's date as a reader should see it: the date, 'undated', or, for an undated
    claim resting only on the anonymous seed analyses, 'undated, from an unattributed
    analysis'."""
    date = getattr(record, "date", None)
    if date:
        return str(date)
    source = source_lookup(dataset)
    classes = {
        getattr(source(item.source), "reliability", None)
        for _loc, _part, item in evidence_items(record)
    }
    return UNDATED_SEED_LABEL if classes == {"unattributed_analysis"} else "undated"


def evidence_strongest_first(dataset: Tables, record: Record) -> list[Evidence]:
    """Every evidence item of a record, each once, the strongest sources first: pages that
    can count, by class, dated before undated; items of equal strength keep their order."""
    from plan_dataset.evidence.corroboration import strongest_first

    items = list(dict.fromkeys(item for _loc, _part, item in evidence_items(record)))
    found: list[Evidence] = strongest_first(items, source_lookup(dataset))
    return found


def corroboration(dataset: Tables, record: Record) -> Corroboration:
    """Corroboration of a record, with that of each evidence-bearing part in ``parts``.

    Read from the bundle, where the build computed it once.
    """
    from plan_dataset.evidence.corroboration import from_plain, part_key, parts_of, with_parts

    table = TABLE_OF_TYPE[type(record)]
    stored = dataset._corroboration
    return with_parts(
        {part: from_plain(stored[part_key(table, record.id, part)]) for part in parts_of(record)}
    )


def discrepancies_about(dataset: Tables, record: Record | str) -> list[Discrepancy]:
    """The discrepancies whose ``about`` names a record (ids are unique across tables)."""
    record_id = id_of(record)
    return [d for d in dataset.discrepancies if d.about.id == record_id]


def cited_by(dataset: Tables, source: Source | str) -> list[Record]:
    """Every record with an evidence item citing a source, nested evidence included;
    in table order, then by id."""
    source_id = id_of(source)
    return [
        record
        for name in dataset.table_names()
        for record in dataset.table(name)
        if any(item.source == source_id for _loc, _part, item in evidence_items(record))
    ]


class SourcingQueries:
    """The ``Dataset`` methods on sourcing (``Dataset`` lists this class among its bases)."""

    def corroboration(self: Tables, record: Record) -> Corroboration:
        """Independent origins behind a record and (in ``parts``) each evidence-bearing part,
        named like the columns of the ``corroboration`` table."""
        return corroboration(self, record)

    def evidence(self: Tables, record: Record) -> tuple[Evidence, ...]:
        """Every evidence item of a record, nested ones (terms, variants) included, each once,
        the strongest sources first: pages that can count, by class, dated before undated."""
        return tuple(evidence_strongest_first(self, record))

    def when(self: Tables, record: Record) -> str:
        """The record's date, 'undated', or 'undated, from an unattributed analysis'."""
        return when_label(self, record)

    def discrepancies_about(self: Tables, record: Record | str) -> list[Discrepancy]:
        """The discrepancies about a record (a record or its id): where sources disagree."""
        return discrepancies_about(self, record)

    def cited_by(self: Tables, source: Source | str) -> list[Record]:
        """Every record whose evidence cites a source (a record or its id), in table order."""
        return cited_by(self, source)
