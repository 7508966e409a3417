"""The flat, tidy tables the build publishes: one value per cell, lists as link tables.

Each table is declared once here: its columns (descriptions come from the models
where a column is a model field), keys, and how rows come from records.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plan_dataset.evidence import is_quote
from plan_dataset.models import (
    MODELS,
    PARTIAL_DATE_PATTERN,
    PLAN_TARGET,
    AnyEvidence,
    LocatorEvidence,
    Provision,
    QuoteEvidence,
    Reconciliation,
    RecordRef,
    Term,
    Variant,
    evidence_items,
)

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
    rows: Callable[[Records, Spans], Iterator[Row]]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

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
) -> Column:
    """A column that is a model field, documented by the field's description.

    ``optional`` marks a column filled only for some rows, such as a field of a
    nested object that not every record has.
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
    )


def _ref(name: str, description: str, required: bool = True) -> Column:
    return Column(name, "string", description, required=required)


def _plain_table(name: str, title: str, description: str, *fields: str, **kinds: str) -> Table:
    """A table whose columns are exactly scalar fields of its model, one row per record."""
    columns = tuple(model_column(name, f, kind=kinds.get(f, "string")) for f in fields)
    foreign_keys = tuple(
        ForeignKey((f,), target) for f, target in _SCALAR_REFERENCES.get(name, ()) if f in fields
    )

    def rows(records: Records, _spans: Spans) -> Iterator[Row]:
        for record in records[name]:
            yield {f: getattr(record, f) for f in fields}

    return Table(name, title, description, columns, ("id",), rows, foreign_keys)


_SCALAR_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "stakeholders": (("affiliation", "stakeholders"),),
    "point_links": (
        ("earlier_document", "documents"),
        ("later_document", "documents"),
        ("earlier", "provisions"),
        ("later", "provisions"),
    ),
    "documents": (("supersedes", "documents"), ("derived_from", "documents")),
}


def _provision_rows(records: Records, _spans: Spans) -> Iterator[Row]:
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
        }


def _topic_rows(records: Records, _spans: Spans) -> Iterator[Row]:
    for p in records["provisions"]:
        for topic in p.topics:
            yield {"provision_id": p.id, "topic": topic}


def _term_rows(records: Records, _spans: Spans) -> Iterator[Row]:
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


def _point_link_rows(records: Records, _spans: Spans) -> Iterator[Row]:
    for p in records["provisions"]:
        if p.reconciliation is not None:
            for point in p.reconciliation.points:
                yield {"provision_id": p.id, "point_id": point}


def _position_rows(records: Records, _spans: Spans) -> Iterator[Row]:
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
        }


def _date_precision(value: str) -> str:
    return ("year", "month", "day")[value.count("-")]


def _event_rows(records: Records, _spans: Spans) -> Iterator[Row]:
    for e in records["events"]:
        yield {
            "id": e.id,
            "date": e.date,
            "date_precision": _date_precision(e.date) if e.date else None,
            "date_earliest": e.date_earliest,
            "date_latest": e.date_latest,
            "title": e.title,
            "summary": e.summary,
            "location": e.location,
        }


def _participant_rows(records: Records, _spans: Spans) -> Iterator[Row]:
    for e in records["events"]:
        for stakeholder in e.participants:
            yield {"event_id": e.id, "stakeholder_id": stakeholder}


def _event_document_rows(records: Records, _spans: Spans) -> Iterator[Row]:
    for e in records["events"]:
        for document in e.documents:
            yield {"event_id": e.id, "document_id": document}


def _discrepancy_rows(records: Records, _spans: Spans) -> Iterator[Row]:
    for d in records["discrepancies"]:
        yield {
            "id": d.id,
            "title": d.title,
            "summary": d.summary,
            "about_table": d.about.table,
            "about_id": d.about.id,
        }


def _variant_rows(records: Records, _spans: Spans) -> Iterator[Row]:
    for d in records["discrepancies"]:
        for number, variant in enumerate(d.variants, start=1):
            yield {"discrepancy_id": d.id, "variant": number, "value": variant.value}


def attribution_id(table: str, record_id: str, part: str | None, number: int) -> str:
    """Stable id of one evidence item, e.g. provisions/army-size-limit/terms/cap/evidence/1."""
    base = f"{table}/{record_id}" + (f"/{part}" if part else "")
    return f"{base}/evidence/{number}"


def attribution_rows(records: Records, spans: Spans) -> Iterator[Row]:
    for table, table_records in records.items():
        for record in table_records:
            counters: dict[str | None, int] = {}
            for _loc, part, item in evidence_items(record):
                counters[part] = counters.get(part, 0) + 1
                row_id = attribution_id(table, record.id, part, counters[part])
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


TABLES: tuple[Table, ...] = (
    _plain_table(
        "sources",
        "Sources",
        "Documents the records cite: archived seed texts and linked pages.",
        *("id", "title", "kind", "path", "sha256", "url", "publisher", "published", "retrieved"),
        *("reliability", "origin", "caveats", "notes"),
    ),
    _plain_table(
        "stakeholders",
        "Stakeholders",
        "People, states, bodies, organizations, outlets and groups involved with the plan.",
        *("id", "name", "kind", "country", "role", "affiliation", "notes"),
    ),
    _plain_table(
        "documents",
        "Plan documents",
        "Versions of the plan itself, with their lineage.",
        *("id", "title", "kind", "date", "point_count", "supersedes", "derived_from", "summary"),
        "notes",
        point_count="integer",
    ),
    Table(
        "provisions",
        "Provisions",
        "Terms the plan reportedly contains (reported), terms analysts only expect "
        "(speculative), and numbered points of published versions (published).",
        (
            *(
                model_column("provisions", f)
                for f in ("id", "title", "summary", "pillar", "obligated_party", "status")
            ),
            model_column("provisions", "document"),
            model_column("provisions", "point_number", kind="integer"),
            model_column(
                "provisions",
                "verdict",
                "reconciliation_verdict",
                model=Reconciliation,
                optional=True,
            ),
            model_column(
                "provisions", "reason", "reconciliation_reason", model=Reconciliation, optional=True
            ),
            model_column("provisions", "sourcing_note"),
            model_column("provisions", "notes"),
        ),
        ("id",),
        _provision_rows,
        (
            ForeignKey(("obligated_party",), "stakeholders"),
            ForeignKey(("document",), "documents"),
        ),
    ),
    Table(
        "provision_topics",
        "Provision topics",
        "The topics of each provision, one row per provision and topic.",
        (
            _ref("provision_id", "The provision."),
            Column(
                "topic",
                "string",
                "A topic from the closed vocabulary.",
                required=True,
                enum=_literal_values(Provision.model_fields["topics"].annotation),
            ),
        ),
        ("provision_id", "topic"),
        _topic_rows,
        (ForeignKey(("provision_id",), "provisions"),),
    ),
    Table(
        "provision_terms",
        "Provision terms",
        "Figures provisions carry, one row per term; their evidence is in attributions.",
        (
            _ref("provision_id", "The provision the term belongs to."),
            model_column("provisions", "id", "term_id", model=Term),
            model_column("provisions", "label", model=Term),
            model_column("provisions", "relation", model=Term),
            model_column("provisions", "value", kind="number", model=Term),
            model_column("provisions", "unit", model=Term),
        ),
        ("provision_id", "term_id"),
        _term_rows,
        (ForeignKey(("provision_id",), "provisions"),),
    ),
    Table(
        "provision_points",
        "Provision to published point links",
        "Which published points an early-reported provision corresponds to.",
        (
            _ref("provision_id", "The reported or speculative provision."),
            _ref("point_id", "A published point (a provision with status published)."),
        ),
        ("provision_id", "point_id"),
        _point_link_rows,
        (
            ForeignKey(("provision_id",), "provisions"),
            ForeignKey(("point_id",), "provisions"),
        ),
    ),
    _plain_table(
        "point_links",
        "Point lineage",
        "How each point of an earlier version of the plan became a point of a later one.",
        *("id", "earlier_document", "later_document", "earlier", "later", "operation"),
        *("change", "notes"),
    ),
    Table(
        "positions",
        "Positions",
        "Stakeholders' stances on the plan or on one provision.",
        (
            *(model_column("positions", f) for f in ("id", "stakeholder", "target")),
            _ref("document", "The document (version) targeted; empty otherwise.", False),
            _ref("provision", "The provision targeted; empty otherwise.", False),
            *(model_column("positions", f) for f in ("stance", "summary", "date")),
        ),
        ("id",),
        _position_rows,
        (
            ForeignKey(("stakeholder",), "stakeholders"),
            ForeignKey(("document",), "documents"),
            ForeignKey(("provision",), "provisions"),
        ),
    ),
    Table(
        "events",
        "Events",
        "The dated timeline around the plan.",
        (
            model_column("events", "id"),
            model_column("events", "date"),
            Column(
                "date_precision",
                "string",
                "How precise the date is; empty when the event is undated.",
                enum=("year", "month", "day"),
            ),
            model_column("events", "date_earliest"),
            model_column("events", "date_latest"),
            *(model_column("events", f) for f in ("title", "summary", "location")),
        ),
        ("id",),
        _event_rows,
    ),
    Table(
        "event_participants",
        "Event participants",
        "Who took part in each event, one row per event and stakeholder.",
        (_ref("event_id", "The event."), _ref("stakeholder_id", "A participant.")),
        ("event_id", "stakeholder_id"),
        _participant_rows,
        (
            ForeignKey(("event_id",), "events"),
            ForeignKey(("stakeholder_id",), "stakeholders"),
        ),
    ),
    Table(
        "event_documents",
        "Event documents",
        "Which plan versions each event produced or discussed.",
        (_ref("event_id", "The event."), _ref("document_id", "A plan version (document).")),
        ("event_id", "document_id"),
        _event_document_rows,
        (
            ForeignKey(("event_id",), "events"),
            ForeignKey(("document_id",), "documents"),
        ),
    ),
    Table(
        "discrepancies",
        "Discrepancies",
        "Points on which sources disagree, never resolved; the versions are in "
        "discrepancy_variants.",
        (
            *(model_column("discrepancies", f) for f in ("id", "title", "summary")),
            model_column("discrepancies", "table", "about_table", model=RecordRef),
            model_column("discrepancies", "id", "about_id", model=RecordRef),
        ),
        ("id",),
        _discrepancy_rows,
    ),
    Table(
        "discrepancy_variants",
        "Discrepancy variants",
        "The disagreeing versions, numbered from 1; their evidence is in attributions.",
        (
            _ref("discrepancy_id", "The discrepancy."),
            Column("variant", "integer", "Number of the variant, from 1.", required=True),
            model_column("discrepancies", "value", model=Variant),
        ),
        ("discrepancy_id", "variant"),
        _variant_rows,
        (ForeignKey(("discrepancy_id",), "discrepancies"),),
    ),
    Table(
        "attributions",
        "Attributions",
        "Every evidence item of every record: one row per quote or locator.",
        (
            Column("id", "string", "Stable id: <table>/<record>[/<part>]/evidence/<n>.", True),
            Column("record_table", "string", "Table of the record.", True, MODEL_TABLES),
            Column("record_id", "string", "Id of the record.", required=True),
            Column(
                "part",
                "string",
                "Nested part the evidence belongs to (terms/<id>, variants/<n>); empty for the "
                "record itself.",
            ),
            Column("source_id", "string", "The cited source.", required=True),
            Column(
                "kind",
                "string",
                "quote (verbatim, verified against an archived text) or locator (a place in "
                "a source that is not archived, with a paraphrase).",
                True,
                ("quote", "locator"),
            ),
            model_column("sources", "quote", model=QuoteEvidence, optional=True),
            model_column("sources", "locator", model=LocatorEvidence, optional=True),
            model_column("sources", "paraphrase", model=LocatorEvidence, optional=True),
            Column("start", "integer", "Start offset of the quote in the archived text."),
            Column("end", "integer", "End offset (exclusive) of the quote in the archived text."),
            model_column("sources", "hedge", model=QuoteEvidence),
            model_column("sources", "attributed_to", model=QuoteEvidence),
        ),
        ("id",),
        attribution_rows,
        (
            ForeignKey(("source_id",), "sources"),
            ForeignKey(("attributed_to",), "stakeholders"),
        ),
    ),
)


TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}


def flat_tables(records: Records, spans: Spans) -> dict[str, list[Row]]:
    """Every flat table's rows, in table order, each row holding every column."""
    return {
        table.name: [
            {c.name: row[c.name] for c in table.columns} for row in table.rows(records, spans)
        ]
        for table in TABLES
    }
