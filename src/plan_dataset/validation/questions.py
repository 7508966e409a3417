"""Layer 8: where the plan's questions stand.

A status cannot predate the question's first version; a status naming a point names
one linked to its question (and in its document); and two different statuses of one
question on one day are explained in notes or by a discrepancy.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan_dataset.models import Discrepancy, Document, Provision, Question, QuestionStatus
from plan_dataset.records.dates import first_day, last_day
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "Q001": Code(
        "questions",
        "status predates the question's first version",
        "dated 2025-10, before the first version dealing with army-cap (us-28-point-draft, "
        "2025-11-20)",
    ),
    "Q002": Code(
        "questions",
        "status names a point its question is not linked to",
        "'point-19' is not linked to question army-cap: add it to the question's provisions "
        "or name another point",
    ),
    "Q003": Code(
        "questions",
        "conflicting statuses of one question on one day without explanation",
        "army-cap also has status amended on 2025-11-23 (army-cap-20251123-amended): explain it in "
        "notes or record a discrepancy",
    ),
    "Q004": Code(
        "questions",
        "status names a point of another document",
        "'point-06' is a point of us-28-point-draft, not of us-ukraine-20-point-framework",
    ),
}


def _first_version(question: Question, index: DatasetIndex) -> Document | None:
    """The earliest dated document with a point on the question."""
    documents = []
    for provision_id in question.provisions:
        point = index.typed("provisions", provision_id, Provision)
        document = index.typed("documents", point.document if point else None, Document)
        if document is not None and document.date is not None:
            documents.append(document)
    return min(documents, key=lambda d: (first_day(d.date or ""), d.id), default=None)


def _point_findings(
    status: QuestionStatus, question: Question, index: DatasetIndex
) -> Iterator[Finding]:
    if status.provision is None:
        return
    if status.provision not in question.provisions:
        yield Finding(
            ("provision",),
            "Q002",
            f"{status.provision!r} is not linked to question {question.id}: add it to the "
            "question's provisions or name another point",
        )
    point = index.typed("provisions", status.provision, Provision)
    if point is not None and status.document is not None and point.document != status.document:
        yield Finding(
            ("provision",),
            "Q004",
            f"{status.provision!r} is a point of {point.document or 'no document'}, "
            f"not of {status.document}",
        )


def _same_day_conflicts(status: QuestionStatus, index: DatasetIndex) -> Iterator[Finding]:
    if status.notes is not None:
        return
    others = []
    for other_id in sorted(index.ids("question_statuses") - {status.id}):
        other = index.typed("question_statuses", other_id, QuestionStatus)
        if (
            other is not None
            and other.question == status.question
            and other.date == status.date
            and other.status != status.status
        ):
            others.append(other)
    if not others:
        return
    explained = False
    for discrepancy_id in sorted(index.ids("discrepancies")):
        discrepancy = index.typed("discrepancies", discrepancy_id, Discrepancy)
        if discrepancy is not None and discrepancy.about.id == status.id:
            explained = True
    if not explained:
        names = ", ".join(o.id for o in others)
        kinds = ", ".join(sorted({o.status for o in others}))
        yield Finding(
            ("status",),
            "Q003",
            f"{status.question} also has status {kinds} on {status.date} ({names}): explain "
            "it in notes or record a discrepancy",
        )


def check_status(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    status = record.model
    if not isinstance(status, QuestionStatus):
        return
    question = index.typed("questions", status.question, Question)
    if question is None:
        return  # a dangling reference is a D002
    first = _first_version(question, index)
    if first is not None and first.date and last_day(status.date) < first_day(first.date):
        yield Finding(
            ("date",),
            "Q001",
            f"dated {status.date}, before the first version dealing with {question.id} "
            f"({first.id}, {first.date})",
        )
    yield from _point_findings(status, question, index)
    yield from _same_day_conflicts(status, index)


LAYER = Layer("questions", CODES, per_record=check_status)
