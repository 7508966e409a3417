"""How each flat table's rows come from records: one value per cell, lists as link tables.

Standard library only, so that ``Dataset.rows()`` and every loader query work
without pydantic. ``ROW_FUNCTIONS`` is the registry: one line per table. Each table's
columns, types and keys are declared under the same name in ``tables.py``; the generated
``columns.py`` carries them here.
"""

from __future__ import annotations

from plan_dataset.constants import PLAN_TARGET
from plan_dataset.corroboration import lookup_of, part_key, strength_of
from plan_dataset.dates import precision
from plan_dataset.evidence import evidence_items, is_quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from typing import Any

    from plan_dataset.corroboration import Corroboration

    Row = dict[str, Any]
    Records = Mapping[str, Sequence[Any]]  # validated models or loaded records
    # Offsets of an evidence item's quote in its archived text, given the attribution id.
    Spans = Callable[[str, Any], tuple[int, int] | None]
    # How well each record and part is corroborated, by ``part_key`` (the snapshot's).
    Found = Mapping[str, Corroboration]


# Tables whose columns are exactly scalar fields of their model, one row per record.
PLAIN_FIELDS: dict[str, tuple[str, ...]] = {
    "sources": (
        *("id", "title", "kind", "path", "sha256", "url", "publisher", "published", "retrieved"),
        *("metadata_checked", "reliability", "origin", "caveats", "notes", "curation_notes"),
    ),
    "stakeholders": (
        "id",
        "name",
        "kind",
        "country",
        "role",
        "affiliation",
        "notes",
        "curation_notes",
    ),
    "documents": (
        *("id", "title", "kind", "date", "point_count", "supersedes", "derived_from", "summary"),
        "notes",
        "curation_notes",
    ),
    "point_links": (
        *("id", "earlier_document", "later_document", "earlier", "later", "operation"),
        *("change", "notes", "curation_notes"),
    ),
    "questions": ("id", "title", "summary", "notes", "curation_notes"),
    "question_statuses": (
        *("id", "question", "date", "status", "document", "provision", "event", "summary"),
        *("notes", "curation_notes"),
    ),
}


def _plain_rows(table: str) -> Callable[[Records, Spans, Found], Iterator[Row]]:
    fields = PLAIN_FIELDS[table]

    def rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
        for record in records[table]:
            yield {f: getattr(record, f) for f in fields}

    return rows


def _list_rows(
    table: str, field: str, owner_column: str, item_column: str
) -> Callable[[Records, Spans, Found], Iterator[Row]]:
    """A link table: one row per item of a record's list field, beside the record's id."""

    def rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
        for record in records[table]:
            for item in getattr(record, field):
                yield {owner_column: record.id, item_column: item}

    return rows


def _outlet_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
    for o in records["outlets"]:
        yield {
            "id": o.id,
            "name": o.name,
            "kind": o.kind,
            "country": o.country,
            "reliability": o.reliability,
            "notes": o.notes,
            "curation_notes": o.curation_notes,
        }


def _provision_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
    for p in records["provisions"]:
        reconciliation = p.reconciliation
        yield {
            "id": p.id,
            "title": p.title,
            "summary": p.summary,
            "pillar": p.pillar,
            "obligated_party": p.obligated_party,
            "status": p.status,
            "document": p.document,
            "point_number": p.point_number,
            "reconciliation_verdict": reconciliation.verdict if reconciliation else None,
            "reconciliation_reason": reconciliation.reason if reconciliation else None,
            "sourcing_note": p.sourcing_note,
            "notes": p.notes,
            "curation_notes": p.curation_notes,
        }


def _term_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
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


def _point_link_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
    for p in records["provisions"]:
        if p.reconciliation is not None:
            for point in p.reconciliation.points:
                yield {"provision_id": p.id, "point_id": point}


def _position_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
    documents = {d.id for d in records["documents"]}
    for p in records["positions"]:
        yield {
            "id": p.id,
            "stakeholder": p.stakeholder,
            "target": p.target,
            "document": p.target if p.target in documents else None,
            "provision": None if p.target == PLAN_TARGET or p.target in documents else p.target,
            "stance": p.stance,
            "summary": p.summary,
            "date": p.date,
            "notes": p.notes,
            "curation_notes": p.curation_notes,
        }


def _event_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
    for e in records["events"]:
        yield {
            "id": e.id,
            "date": e.date,
            "date_precision": precision(e.date) if e.date else None,
            "date_earliest": e.date_earliest,
            "date_latest": e.date_latest,
            "title": e.title,
            "summary": e.summary,
            "location": e.location,
            "notes": e.notes,
            "curation_notes": e.curation_notes,
        }


def _discrepancy_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
    for d in records["discrepancies"]:
        yield {
            "id": d.id,
            "title": d.title,
            "summary": d.summary,
            "about_table": d.about.table,
            "about_id": d.about.id,
            "notes": d.notes,
            "curation_notes": d.curation_notes,
        }


def _variant_rows(records: Records, _spans: Spans, _found: Found) -> Iterator[Row]:
    for d in records["discrepancies"]:
        for number, variant in enumerate(d.variants, start=1):
            yield {"discrepancy_id": d.id, "variant": number, "value": variant.value}


def attribution_id(table: str, record_id: str, part: str | None, number: int) -> str:
    """Stable id of one evidence item, e.g. provisions/army-size-limit/terms/cap/evidence/1."""
    return f"{part_key(table, record_id, part)}/evidence/{number}"


def attribution_rows(records: Records, spans: Spans, _found: Found) -> Iterator[Row]:
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


def corroboration_rows(records: Records, _spans: Spans, found: Found) -> Iterator[Row]:
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


ROW_FUNCTIONS: dict[str, Callable[[Records, Spans, Found], Iterator[Row]]] = {
    "sources": _plain_rows("sources"),
    "source_credits": _list_rows("sources", "credits", "source_id", "credited"),
    "stakeholders": _plain_rows("stakeholders"),
    "outlets": _outlet_rows,
    "outlet_aliases": _list_rows("outlets", "aliases", "outlet_id", "alias"),
    "outlet_domains": _list_rows("outlets", "domains", "outlet_id", "domain"),
    "documents": _plain_rows("documents"),
    "provisions": _provision_rows,
    "provision_topics": _list_rows("provisions", "topics", "provision_id", "topic"),
    "provision_terms": _term_rows,
    "provision_points": _point_link_rows,
    "point_links": _plain_rows("point_links"),
    "questions": _plain_rows("questions"),
    "question_provisions": _list_rows("questions", "provisions", "question_id", "provision_id"),
    "positions": _position_rows,
    "position_questions": _list_rows("positions", "questions", "position_id", "question_id"),
    "events": _event_rows,
    "event_participants": _list_rows("events", "participants", "event_id", "stakeholder_id"),
    "event_documents": _list_rows("events", "documents", "event_id", "document_id"),
    "question_statuses": _plain_rows("question_statuses"),
    "discrepancies": _discrepancy_rows,
    "discrepancy_variants": _variant_rows,
    "attributions": attribution_rows,
    "corroboration": corroboration_rows,
}
"""Row builders of every flat table, in table order."""


def table_rows(
    name: str, records: Records, spans: Spans, columns: Sequence[str], found: Found
) -> Iterator[Row]:
    """One flat table's rows, built as they are read, each holding every column."""
    for row in ROW_FUNCTIONS[name](records, spans, found):
        yield {c: row[c] for c in columns}


def flat_tables(
    records: Records, spans: Spans, columns: Mapping[str, Sequence[str]], found: Found
) -> dict[str, list[Row]]:
    """Every flat table's rows, in table order, each row holding every column; ``found``
    is the corroboration computed once (``Snapshot.corroboration``, or the bundle's)."""
    return {
        name: list(table_rows(name, records, spans, names, found))
        for name, names in columns.items()
    }
