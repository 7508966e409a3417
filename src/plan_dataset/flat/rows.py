"""How each flat table's rows come from records: one value per cell, lists as link tables.

Standard library only, so that ``Dataset.rows()`` works without pydantic. The tables
(``tables/``) name their builder; a record table's builder is ``record_rows``, which
fills each column from the record field the column holds, so that a new model field
needs no code here.
"""

from __future__ import annotations

from plan_dataset.constants import PLAN_TARGET
from plan_dataset.evidence.corroboration import lookup_of, part_key, strength_of
from plan_dataset.evidence.items import evidence_items, is_quote
from plan_dataset.flat.spec import ForeignKey, TableDeclaration
from plan_dataset.records.dates import precision

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import Any

    from plan_dataset.flat.spec import (
        Column,
        Found,
        FromModel,
        Paths,
        Records,
        Row,
        RowBuilder,
        Spans,
    )

    # A derived column's values: given every record, a function of one record.
    Derive = Callable[[Records], Callable[[Any], Row]]


def _value(record: Any, path: str) -> Any:
    for name in path.split("."):
        if record is None:
            return None
        record = getattr(record, name)
    return record


def record_rows(table: str, derive: Derive | None = None) -> RowBuilder:
    """One row per record of ``table``: each column the record field it holds (its path),
    and the columns ``derive`` fills."""

    def rows(records: Records, _spans: Spans, _found: Found, paths: Paths) -> Iterator[Row]:
        fields = [(name, path) for name, path in paths if path is not None]
        derived = derive(records) if derive else None
        for record in records[table]:
            row = {name: _value(record, path) for name, path in fields}
            if derived:
                row.update(derived(record))
            yield row

    return rows


def list_rows(table: str, field: str, owner_column: str, item_column: str) -> RowBuilder:
    """A link table: one row per item of a record's list field, beside the record's id."""

    def rows(records: Records, _spans: Spans, _found: Found, _paths: Paths) -> Iterator[Row]:
        for record in records[table]:
            for item in getattr(record, field):
                yield {owner_column: record.id, item_column: item}

    return rows


def link_table(
    name: str,
    title: str,
    description: str,
    owner: Column,
    item: Column | FromModel,
    item_table: str | None = None,
) -> TableDeclaration:
    """A link table: one row per item of a record's list field (the item column's
    ``field``, "<record table>.<list field>"), beside the record's id. Keyed by both; the
    owner references its record, and the item ``item_table`` when it names one table."""
    assert item.field is not None and item.name is not None, "a link table's item names its field"
    table, _, field = item.field.partition(".")
    keys: tuple[ForeignKey, ...] = (ForeignKey((owner.name,), table),)
    if item_table is not None:
        keys += (ForeignKey((item.name,), item_table),)
    builder = list_rows(table, field, owner.name, item.name)
    return TableDeclaration(
        name, title, description, (owner, item), (owner.name, item.name), builder, keys
    )


def position_targets(records: Records) -> Callable[[Any], Row]:
    """A position's target as a document or a provision (the plan itself is neither)."""
    documents = {d.id for d in records["documents"]}

    def derived(position: Any) -> Row:
        target = position.target
        return {
            "document": target if target in documents else None,
            "provision": None if target == PLAN_TARGET or target in documents else target,
        }

    return derived


def date_precision(_records: Records) -> Callable[[Any], Row]:
    def derived(event: Any) -> Row:
        return {"date_precision": precision(event.date) if event.date else None}

    return derived


def term_rows(records: Records, _spans: Spans, _found: Found, _paths: Paths) -> Iterator[Row]:
    for p in records["provisions"]:
        for t in p.terms:
            yield {
                "provision_id": p.id,
                "term_id": t.id,
                "label": t.label,
                "relation": t.relation,
                "value": t.value,
                "unit": t.unit,
            }


def point_link_rows(records: Records, _spans: Spans, _found: Found, _paths: Paths) -> Iterator[Row]:
    for p in records["provisions"]:
        if p.reconciliation is not None:
            for point in p.reconciliation.points:
                yield {"provision_id": p.id, "point_id": point}


def variant_rows(records: Records, _spans: Spans, _found: Found, _paths: Paths) -> Iterator[Row]:
    for d in records["discrepancies"]:
        for number, variant in enumerate(d.variants, start=1):
            yield {"discrepancy_id": d.id, "variant": number, "value": variant.value}


def attribution_id(table: str, record_id: str, part: str | None, number: int) -> str:
    """Stable id of one evidence item, e.g. provisions/army-size-limit/terms/cap/evidence/1."""
    return f"{part_key(table, record_id, part)}/evidence/{number}"


def attribution_rows(records: Records, spans: Spans, _found: Found, _paths: Paths) -> Iterator[Row]:
    """One row per evidence item; within a record, the strongest sources first (ids keep
    each item's place in the record)."""
    lookup = lookup_of(records)
    strengths: dict[str, tuple[int, int, int]] = {}  # by source id, each worked out once

    def strength(source: str) -> tuple[int, int, int]:
        if source not in strengths:
            strengths[source] = strength_of(lookup(source), lookup)
        return strengths[source]

    for table, table_records in records.items():
        for record in table_records:
            counters: dict[str | None, int] = {}
            numbered = []
            for _loc, part, item in evidence_items(record):
                counters[part] = counters.get(part, 0) + 1
                numbered.append((part, item, counters[part]))
            # A stable sort: items of equal strength keep their order in the record.
            numbered.sort(key=lambda entry: strength(entry[1].source))
            for part, item, number in numbered:
                row_id = attribution_id(table, record.id, part, number)
                quote = is_quote(item)
                span = spans(row_id, item) if quote else None
                yield {
                    "id": row_id,
                    "record_table": table,
                    "record_id": record.id,
                    "part": part,
                    "source_id": item.source,
                    "kind": "quote" if quote else "locator",
                    "quote": item.quote if quote else None,
                    "locator": None if quote else item.locator,
                    "paraphrase": None if quote else item.paraphrase,
                    "start": span[0] if span else None,
                    "end": span[1] if span else None,
                    "hedge": item.hedge,
                    "attributed_to": item.attributed_to,
                }


def corroboration_rows(
    records: Records, _spans: Spans, found: Found, _paths: Paths
) -> Iterator[Row]:
    for table, table_records in records.items():
        for record in table_records:
            for part in dict.fromkeys(p for _loc, p, _item in evidence_items(record)):
                key = part_key(table, record.id, part)
                result = found[key]
                yield {
                    "id": key,
                    "record_table": table,
                    "record_id": record.id,
                    "part": part,
                    "origins": result.origins,
                    "strong_origins": result.strong_origins,
                    "strongest_reliability": result.strongest_reliability,
                    "weakly_sourced": result.weakly_sourced,
                    "origin_ids": ";".join(result.origin_ids) or None,
                    "strong_origin_ids": ";".join(result.strong_origin_ids) or None,
                    "points": result.points,
                    "points_well_sourced": result.points_well_sourced,
                }


def table_rows(
    builder: RowBuilder, records: Records, spans: Spans, found: Found, paths: Paths
) -> Iterator[Row]:
    """One flat table's rows, built as they are read, each holding every column in order
    (an output writes each as it comes)."""
    columns = [column for column, _path in paths]
    for row in builder(records, spans, found, paths):
        yield {c: row[c] for c in columns}


def flat_tables(
    tables: Sequence[tuple[str, RowBuilder, Paths]],
    records: Records,
    spans: Spans,
    found: Found,
) -> dict[str, list[Row]]:
    """Every flat table's rows, in table order, each row holding every column in order;
    ``found`` is the corroboration computed once (``Snapshot.corroboration``, or the
    bundle's). Each table comes with its builder and its columns' paths."""
    return {
        name: list(table_rows(builder, records, spans, found, paths))
        for name, builder, paths in tables
    }
