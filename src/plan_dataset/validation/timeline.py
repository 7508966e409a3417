"""Layer 7: dates. Events sort, ranges run forwards, positions follow the versions they target."""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence

from plan_dataset.models import PLAN_TARGET, Discrepancy, Document, Event, Position, Provision
from plan_dataset.records.dates import first_day, last_day
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "E001": Code(
        "timeline",
        "range runs backwards",
        "date_latest 2025-11-20 is before date_earliest 2025-11-23",
    ),
    "E002": Code(
        "timeline",
        "position predates the version it targets",
        "dated 2025-11-30, before us-ukraine-20-point-framework existed (2025-12-24)",
    ),
    "E003": Code(
        "timeline",
        "conflicting stances on one day without explanation",
        "antonio-costa also takes a different stance on us-28-point-draft on 2025-11-22 "
        "(costa-twin): explain it in notes or record a discrepancy",
    ),
    "E004": Code(
        "timeline",
        "event cannot be placed in time",
        "the event cannot be placed in time: give a date, or date_earliest (and date_latest) for a range",
    ),
}


_FIRST: weakref.WeakKeyDictionary[DatasetIndex, Document | None] = weakref.WeakKeyDictionary()


def first_version(index: DatasetIndex) -> Document | None:
    """The plan's first dated version (once per validation run: every position on the
    plan as a whole asks for it)."""
    if index not in _FIRST:
        dated = [d for d in index.all_records("documents") if isinstance(d, Document) and d.date]
        _FIRST[index] = min(dated, key=lambda d: (first_day(d.date or ""), d.id), default=None)
    return _FIRST[index]


def _target_document(position: Position, index: DatasetIndex) -> Document | None:
    """The version a position targets: the document itself, or the point's document."""
    if position.target == PLAN_TARGET:
        return None
    document = index.typed("documents", position.target, Document)
    if document is not None:
        return document
    point = index.typed("provisions", position.target, Provision)
    return index.typed("documents", point.document, Document) if point else None


def check_dates(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    model = record.model
    if isinstance(model, Event):
        if model.date is None and model.date_earliest is None:
            yield Finding(
                ("date",),
                "E004",
                "the event cannot be placed in time: give a date, or date_earliest "
                "(and date_latest) for a range",
            )
        if model.date_earliest and model.date_latest and model.date_latest < model.date_earliest:
            yield Finding(
                ("date_latest",),
                "E001",
                f"date_latest {model.date_latest} is before date_earliest {model.date_earliest}",
            )
    if isinstance(model, Position) and model.date is not None and model.target == PLAN_TARGET:
        # The plan as a whole: it existed from its first version on.
        first = first_version(index)
        if first is not None and first.date and last_day(model.date) < first_day(first.date):
            yield Finding(
                ("date",),
                "E002",
                f"dated {model.date}, before any version of the plan existed "
                f"(the first, {first.id}, is dated {first.date})",
            )
    if isinstance(model, Position) and model.date is not None:
        document = _target_document(model, index)
        if (
            document is not None
            and document.date is not None
            and last_day(model.date) < first_day(document.date)
        ):
            yield Finding(
                ("date",),
                "E002",
                f"dated {model.date}, before {document.id} existed ({document.date})",
            )


def check_same_day_stances(
    records: Sequence[CheckedRecord], index: DatasetIndex, complete: bool
) -> Iterator[tuple[CheckedRecord, Finding]]:
    if not complete:
        return
    explained = {
        r.model.about.id
        for r in records
        if isinstance(r.model, Discrepancy) and r.model.about.table == "positions"
    }
    groups: dict[tuple[str, str, str], list[CheckedRecord]] = {}
    for r in records:
        if isinstance(r.model, Position) and r.model.date is not None:
            key = (r.model.stakeholder, r.model.target, r.model.date)
            groups.setdefault(key, []).append(r)
    for (stakeholder, target, date), group in groups.items():
        if len({r.model.stance for r in group if isinstance(r.model, Position)}) < 2:
            continue
        for r in group:
            model = r.model
            assert isinstance(model, Position)
            if model.notes is None and model.id not in explained:
                others = ", ".join(o.model.id for o in group if o is not r and o.model)
                yield (
                    r,
                    Finding(
                        ("stance",),
                        "E003",
                        f"{stakeholder} also takes a different stance on {target} on {date} "
                        f"({others}): explain it in notes or record a discrepancy",
                    ),
                )


LAYER = Layer("timeline", CODES, per_record=check_dates, across=check_same_day_stances)
