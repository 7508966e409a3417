"""Record models: the single source of truth for the data format (one model per table).

Every table in ``data/<table>/`` has one model here. The JSON Schemas in
``schema/`` are generated from these models, and the flat tables are derived
from them, so a field is documented once: in its ``description``.
"""

from __future__ import annotations

import re

from plan_dataset.constants import PLAN_TARGET
from plan_dataset.evidence.items import evidence_items
from plan_dataset.models.core import Document, Provision, Reconciliation, Source, Stakeholder, Term
from plan_dataset.models.fields import (
    CountryCode,
    Evidence,
    Loc,
    LocatorEvidence,
    QuoteEvidence,
    Record,
    Ref,
    reference_fields,
    reference_marker,
    references,
)
from plan_dataset.models.outlet import Outlet
from plan_dataset.models.questions import Question, QuestionStatus
from plan_dataset.models.story import Discrepancy, Event, PointLink, Position, RecordRef, Variant
from plan_dataset.models.vocabulary import (
    FULL_DATE_PATTERN,
    PARTIAL_DATE_PATTERN,
    SLUG_MAX_LENGTH,
    SLUG_PATTERN,
    DocumentKind,
    Hedge,
    LinkOperation,
    OutletKind,
    Pillar,
    ProvisionStatus,
    QuestionStanding,
    Reliability,
    SourceKind,
    StakeholderKind,
    Stance,
    TableName,
    TermRelation,
    Topic,
    Verdict,
)

MODELS: dict[str, type[Record]] = {
    "sources": Source,
    "stakeholders": Stakeholder,
    "outlets": Outlet,
    "documents": Document,
    "provisions": Provision,
    "point_links": PointLink,
    "questions": Question,
    "positions": Position,
    "events": Event,
    "question_statuses": QuestionStatus,
    "discrepancies": Discrepancy,
}
"""Record tables in dependency order, with the model of each."""

SLUG_RE = re.compile(SLUG_PATTERN)


AnyEvidence = QuoteEvidence | LocatorEvidence


__all__ = [
    "FULL_DATE_PATTERN",
    "MODELS",
    "PARTIAL_DATE_PATTERN",
    "PLAN_TARGET",
    "SLUG_MAX_LENGTH",
    "SLUG_PATTERN",
    "SLUG_RE",
    "AnyEvidence",
    "CountryCode",
    "Discrepancy",
    "Document",
    "DocumentKind",
    "Event",
    "Evidence",
    "Hedge",
    "LinkOperation",
    "Loc",
    "LocatorEvidence",
    "Outlet",
    "OutletKind",
    "Pillar",
    "PointLink",
    "Position",
    "Provision",
    "ProvisionStatus",
    "Question",
    "QuestionStanding",
    "QuestionStatus",
    "QuoteEvidence",
    "Reconciliation",
    "Record",
    "RecordRef",
    "Ref",
    "Reliability",
    "Source",
    "SourceKind",
    "Stakeholder",
    "StakeholderKind",
    "Stance",
    "TableName",
    "Term",
    "TermRelation",
    "Topic",
    "Variant",
    "Verdict",
    "evidence_items",
    "reference_fields",
    "reference_marker",
    "references",
]
