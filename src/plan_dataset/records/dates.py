"""Reduced-precision ISO dates ('2025', '2025-11', '2025-11-21') as day ranges.

Standard library only: the loader's queries sort with these.
"""

from __future__ import annotations

import calendar

from plan_dataset.constants import DATE_PRECISIONS


def first_day(value: str) -> str:
    """The first day a date of any precision covers, as YYYY-MM-DD."""
    parts = value.split("-")
    return "-".join([*parts, *["01"] * (3 - len(parts))])


def last_day(value: str) -> str:
    """The last day a date of any precision covers, as YYYY-MM-DD."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def precision(value: str) -> str:
    return DATE_PRECISIONS[value.count("-")]
