"""Layer 7: dates. Events sort, ranges run forwards, positions follow the versions they target."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan_dataset.dates import first_day, last_day
from plan_dataset.models import PLAN_TARGET, Discrepancy, Document, Event, Position, Provision
from plan_dataset.validation.base import CheckedRecord, Code, Finding, Layer
from plan_dataset.validation.index import DatasetIndex

CODES = {
    "E001": Code("timeline", "range runs backwards", "date_latest 2025-11-20 is before 2025-11-23"),
    "E002": Code(
        "timeline",
        "position predates the version it targets",
        "dated 2025-11-30, before us-ukraine-20-point-framework existed (2025-12-24)",
    ),
    "E003": Code(
        "timeline",
        "conflicting stances on one day without explanation",
        "x also takes a different stance on plan on 2025-11-21 (positions/y): add a note or "
        "a discrepancy",
    ),
    "E004": Code(
        "timeline",
        "event cannot be placed in time",
        "give a date, or date_earliest (and date_latest) for a range",
    ),
}


def _target_document(position: Position, index: DatasetIndex) -> Document | None:
    target = position.target
    if target == PLAN_TARGET:
        return None
    if index.exists("documents", target):
        found = index.record("documents", target)
        return found if isinstance(found, Document) else None
    if index.exists("provisions", target):
        point = index.record("provisions", target)
        if isinstance(point, Provision) and point.document:
            found = index.record("documents", point.document)
            return found if isinstance(found, Document) else None
    return None


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
