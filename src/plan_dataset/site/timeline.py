"""The timeline as one panel per month: every event and dated position on its own row.

A row holds its label as text (never cut) and a track where a mark shows when it
happened, placed in percent of the month, so it reads at any width. A day is a dot; a
range, or a date known only to the month or year, is a bar over every day it may cover,
clipped to the month and marked as continuing. One item per row, so marks never overlap.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plan_dataset.records.dates import first_day, last_day
from plan_dataset.site.views import span_of, when

MONTH_NAMES = tuple(calendar.month_name)


@dataclass
class Mark:
    """Where an item sits in one month's track, in percent of the month."""

    left: float
    width: float
    is_span: bool
    starts_before: bool
    ends_after: bool
    vague: bool  # a date known only to the month or year, not a known range


@dataclass
class Item:
    kind: str  # "event" or "position"
    record: Any
    when: str
    start: str
    end: str
    actors: list[str]
    anchor: str | None = None  # the month whose row carries the item's element id
    marks: dict[str, Mark] = field(default_factory=dict)


@dataclass
class Month:
    key: str  # "2025-11"
    name: str  # "November 2025"
    days: int
    items: list[tuple[Item, Mark]]
    ticks: list[tuple[int, float]]  # (day, percent)


def _month_key(day: str) -> str:
    return day[:7]


def _months_between(start: str, end: str) -> list[str]:
    year, month = int(start[:4]), int(start[5:7])
    last = (int(end[:4]), int(end[5:7]))
    keys = []
    while (year, month) <= last:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _mark(item: Item, key: str) -> Mark:
    year, month = int(key[:4]), int(key[5:7])
    days = calendar.monthrange(year, month)[1]
    month_start, month_end = f"{key}-01", f"{key}-{days:02d}"
    begin, finish = max(item.start, month_start), min(item.end, month_end)
    first = date.fromisoformat(begin).day - 1
    last = date.fromisoformat(finish).day
    is_span = item.start != item.end
    # A day's dot sits in the middle of its day; a bar covers its days from edge to edge.
    left = 100 * (first + (0 if is_span else 0.5)) / days
    width = 100 * (last - first) / days if is_span else 0
    return Mark(
        left=round(left, 2),
        width=round(width, 2),
        is_span=is_span,
        starts_before=item.start < month_start,
        ends_after=item.end > month_end,
        vague=_reduced_precision(item.record),
    )


def _reduced_precision(record: Any) -> bool:
    value: str | None = getattr(record, "date", None)
    return value is not None and len(value) < len("2025-11-20")


def timeline_months(
    events: list[Any], positions: list[Any], start: str
) -> tuple[list[Month], list[Item]]:
    """The month panels from ``start`` on, and the items, in date order."""
    items: list[Item] = []
    for event in events:
        begin, finish = span_of(event)
        if finish < start:
            continue
        items.append(
            Item(
                kind="event",
                record=event,
                when=when(event),
                start=begin,
                end=finish,
                actors=list(event.participants),
            )
        )
    for position in positions:
        if not position.date or last_day(position.date) < start:
            continue
        items.append(
            Item(
                kind="position",
                record=position,
                when=position.date,
                start=first_day(position.date),
                end=last_day(position.date),
                actors=[position.stakeholder],
            )
        )
    items.sort(key=lambda i: (i.start, i.end, i.kind, i.record.id))
    if not items:
        return [], []
    end = max(i.end for i in items)
    months: list[Month] = []
    for key in _months_between(max(start, min(i.start for i in items)), end):
        year, month = int(key[:4]), int(key[5:7])
        days = calendar.monthrange(year, month)[1]
        chosen = [i for i in items if _month_key(i.start) <= key <= _month_key(i.end)]
        if not chosen:
            continue
        rows = []
        for item in chosen:
            mark = _mark(item, key)
            item.marks[key] = mark
            if item.anchor is None:
                item.anchor = key
            rows.append((item, mark))
        ticks = [(day, round(100 * (day - 0.5) / days, 2)) for day in (1, 8, 15, 22)]
        months.append(
            Month(
                key=key,
                name=f"{MONTH_NAMES[month]} {year}",
                days=days,
                items=rows,
                ticks=ticks,
            )
        )
    return months, items
