"""The events table, with each event's participants and the versions it concerned."""

from __future__ import annotations

from plan_dataset.constants import DATE_PRECISIONS
from plan_dataset.flat.rows import date_precision, link_table, record_rows
from plan_dataset.flat.spec import Column, ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "events",
        "Events",
        "The dated timeline around the plan.",
        (
            ModelFields(
                after=(
                    (
                        "date",
                        (
                            Column(
                                "date_precision",
                                "string",
                                "How precise the date is; empty when the event is undated.",
                                enum=DATE_PRECISIONS,
                            ),
                        ),
                    ),
                )
            ),
        ),
        ("id",),
        record_rows("events", date_precision),
    ),
    link_table(
        "event_participants",
        "Event participants",
        "Who took part in each event, one row per event and stakeholder.",
        ref("event_id", "The event."),
        ref("stakeholder_id", "A participant.", field="events.participants"),
        "stakeholders",
    ),
    link_table(
        "event_documents",
        "Event documents",
        "Which plan versions each event produced or discussed.",
        ref("event_id", "The event."),
        ref("document_id", "A plan version (document).", field="events.documents"),
        "documents",
    ),
)
