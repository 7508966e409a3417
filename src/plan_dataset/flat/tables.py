"""The flat, tidy tables the build publishes: one value per cell, lists as link tables.

Each table is declared once here (the two about evidence in ``evidence_tables.py``): its
columns with their types (descriptions come from the models where a column is a model
field) and keys. Its rows come from its row builder, under the same name in
``rows.ROW_FUNCTIONS``; the generated ``columns.py`` carries the columns and types to the
loader.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from plan_dataset.constants import DATE_PRECISIONS
from plan_dataset.corroboration import Corroboration
from plan_dataset.flat.evidence_tables import ATTRIBUTIONS_TABLE, CORROBORATION_TABLE
from plan_dataset.flat.rows import flat_tables as _flat_tables
from plan_dataset.flat.rows import table_rows as _table_rows
from plan_dataset.flat.spec import (
    Column,
    ForeignKey,
    Records,
    Row,
    Spans,
    Table,
    _literal_values,
    _plain_table,
    _ref,
    model_column,
)
from plan_dataset.models import Provision, Reconciliation, RecordRef, Term, Variant

__all__ = [
    "TABLES",
    "TABLES_BY_NAME",
    "Column",
    "ForeignKey",
    "Row",
    "Spans",
    "Table",
    "flat_tables",
    "table_rows",
]

TABLES: tuple[Table, ...] = (
    _plain_table(
        "sources",
        "Sources",
        "Documents the records cite: archived seed texts and linked pages.",
    ),
    Table(
        "source_credits",
        "Source credits",
        "Outlets or sources a page credits for parts of its text, besides its origin.",
        (
            _ref("source_id", "The crediting source."),
            _ref("credited", "The credited outlet or source.", field="sources.credits"),
        ),
        ("source_id", "credited"),
        (ForeignKey(("source_id",), "sources"),),
    ),
    _plain_table(
        "stakeholders",
        "Stakeholders",
        "People, states, bodies, organizations, outlets and groups involved with the plan.",
    ),
    Table(
        "outlets",
        "Outlets",
        "Publishers and agencies whose text sources carry, each with its reliability class.",
        (
            *(model_column("outlets", f) for f in ("id", "name", "kind", "country")),
            model_column("outlets", "reliability"),
            model_column("outlets", "notes"),
            model_column("outlets", "curation_notes"),
        ),
        ("id",),
    ),
    Table(
        "outlet_aliases",
        "Outlet aliases",
        "Other names caveats and notes may use for an outlet, one row per name.",
        (
            _ref("outlet_id", "The outlet."),
            Column(
                "alias",
                "string",
                "Another name for it (e.g. AP).",
                required=True,
                field="outlets.aliases",
            ),
        ),
        ("outlet_id", "alias"),
        (ForeignKey(("outlet_id",), "outlets"),),
    ),
    Table(
        "outlet_domains",
        "Outlet domains",
        "Web domains of an outlet's own pages (subdomains included), one row per domain.",
        (
            _ref("outlet_id", "The outlet."),
            Column(
                "domain",
                "string",
                "A domain, e.g. tass.com.",
                required=True,
                field="outlets.domains",
            ),
        ),
        ("outlet_id", "domain"),
        (ForeignKey(("outlet_id",), "outlets"),),
    ),
    _plain_table(
        "documents",
        "Plan documents",
        "Versions of the plan itself, with their lineage.",
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
                path="reconciliation.verdict",
            ),
            model_column(
                "provisions",
                "reason",
                "reconciliation_reason",
                model=Reconciliation,
                optional=True,
                path="reconciliation.reason",
            ),
            model_column("provisions", "sourcing_note"),
            model_column("provisions", "notes"),
            model_column("provisions", "curation_notes"),
        ),
        ("id",),
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
                field="provisions.topics",
            ),
        ),
        ("provision_id", "topic"),
        (ForeignKey(("provision_id",), "provisions"),),
    ),
    Table(
        "provision_terms",
        "Provision terms",
        "Figures provisions carry, one row per term; their evidence is in attributions.",
        (
            _ref("provision_id", "The provision the term belongs to."),
            model_column("provisions", "id", "term_id", model=Term, path="terms.id"),
            model_column("provisions", "label", model=Term, path="terms.label"),
            model_column("provisions", "relation", model=Term, path="terms.relation"),
            model_column("provisions", "value", kind="number", model=Term, path="terms.value"),
            model_column("provisions", "unit", model=Term, path="terms.unit"),
        ),
        ("provision_id", "term_id"),
        (ForeignKey(("provision_id",), "provisions"),),
    ),
    Table(
        "provision_points",
        "Provision to published point links",
        "Which published points an early-reported provision corresponds to.",
        (
            _ref("provision_id", "The reported or speculative provision."),
            _ref(
                "point_id",
                "A published point (a provision with status published).",
                field="provisions.reconciliation.points",
            ),
        ),
        ("provision_id", "point_id"),
        (
            ForeignKey(("provision_id",), "provisions"),
            ForeignKey(("point_id",), "provisions"),
        ),
    ),
    _plain_table(
        "point_links",
        "Point lineage",
        "How each point of an earlier version of the plan became a point of a later one.",
    ),
    _plain_table(
        "questions",
        "Questions",
        "The questions the versions of the plan deal with (territory, the army cap …); "
        "their points are in question_provisions, their history in question_statuses.",
    ),
    Table(
        "question_provisions",
        "Question provisions",
        "Which provisions (points of every version) deal with each question.",
        (
            _ref("question_id", "The question."),
            _ref("provision_id", "A provision or point.", field="questions.provisions"),
        ),
        ("question_id", "provision_id"),
        (
            ForeignKey(("question_id",), "questions"),
            ForeignKey(("provision_id",), "provisions"),
        ),
    ),
    Table(
        "positions",
        "Positions",
        "Stakeholders' stances on the plan or on one provision.",
        (
            *(model_column("positions", f) for f in ("id", "stakeholder", "target")),
            _ref("document", "The document (version) targeted; empty otherwise.", False),
            _ref("provision", "The provision targeted; empty otherwise.", False),
            *(
                model_column("positions", f)
                for f in ("stance", "summary", "date", "notes", "curation_notes")
            ),
        ),
        ("id",),
        (
            ForeignKey(("stakeholder",), "stakeholders"),
            ForeignKey(("document",), "documents"),
            ForeignKey(("provision",), "provisions"),
        ),
    ),
    Table(
        "position_questions",
        "Position questions",
        "The questions each position addresses, one row per position and question.",
        (
            _ref("position_id", "The position."),
            _ref("question_id", "A question it addresses.", field="positions.questions"),
        ),
        ("position_id", "question_id"),
        (
            ForeignKey(("position_id",), "positions"),
            ForeignKey(("question_id",), "questions"),
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
                enum=DATE_PRECISIONS,
            ),
            model_column("events", "date_earliest"),
            model_column("events", "date_latest"),
            *(
                model_column("events", f)
                for f in ("title", "summary", "location", "notes", "curation_notes")
            ),
        ),
        ("id",),
    ),
    Table(
        "event_participants",
        "Event participants",
        "Who took part in each event, one row per event and stakeholder.",
        (
            _ref("event_id", "The event."),
            _ref("stakeholder_id", "A participant.", field="events.participants"),
        ),
        ("event_id", "stakeholder_id"),
        (
            ForeignKey(("event_id",), "events"),
            ForeignKey(("stakeholder_id",), "stakeholders"),
        ),
    ),
    Table(
        "event_documents",
        "Event documents",
        "Which plan versions each event produced or discussed.",
        (
            _ref("event_id", "The event."),
            _ref("document_id", "A plan version (document).", field="events.documents"),
        ),
        ("event_id", "document_id"),
        (
            ForeignKey(("event_id",), "events"),
            ForeignKey(("document_id",), "documents"),
        ),
    ),
    _plain_table(
        "question_statuses",
        "Question statuses",
        "Dated changes in where each question stands, from a closed vocabulary; their "
        "evidence is in attributions.",
    ),
    Table(
        "discrepancies",
        "Discrepancies",
        "Points on which sources disagree, never resolved; the versions are in "
        "discrepancy_variants.",
        (
            *(model_column("discrepancies", f) for f in ("id", "title", "summary")),
            model_column(
                "discrepancies", "table", "about_table", model=RecordRef, path="about.table"
            ),
            model_column("discrepancies", "id", "about_id", model=RecordRef, path="about.id"),
            model_column("discrepancies", "notes"),
            model_column("discrepancies", "curation_notes"),
        ),
        ("id",),
    ),
    Table(
        "discrepancy_variants",
        "Discrepancy variants",
        "The disagreeing versions, numbered from 1; their evidence is in attributions.",
        (
            _ref("discrepancy_id", "The discrepancy."),
            Column("variant", "integer", "Number of the variant, from 1.", required=True),
            model_column("discrepancies", "value", model=Variant, path="variants.value"),
        ),
        ("discrepancy_id", "variant"),
        (ForeignKey(("discrepancy_id",), "discrepancies"),),
    ),
    ATTRIBUTIONS_TABLE,
    CORROBORATION_TABLE,
)


TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}


def column_names() -> dict[str, tuple[str, ...]]:
    return {table.name: tuple(c.name for c in table.columns) for table in TABLES}


def flat_tables(
    records: Records, spans: Spans, corroboration: Mapping[str, Corroboration]
) -> dict[str, list[Row]]:
    """Every flat table's rows, in table order, each row holding every column."""
    return _flat_tables(records, spans, column_names(), corroboration)


def table_rows(
    name: str, records: Records, spans: Spans, corroboration: Mapping[str, Corroboration]
) -> Iterator[Row]:
    """One flat table's rows, built as they are read (an output writes each as it comes)."""
    columns = tuple(column.name for column in TABLES_BY_NAME[name].columns)
    return _table_rows(name, records, spans, columns, corroboration)
