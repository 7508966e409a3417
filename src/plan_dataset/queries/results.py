"""Named types of the loader's query results, for type checkers and readers.

``Dataset.stance_matrix()`` and ``Dataset.compare()`` return plain dicts (they turn
into frames, JSON and CSV as they are); these ``TypedDict``s name their keys and
types. ``Dataset.corroboration()`` returns a ``Corroboration`` (``plan_dataset.evidence.corroboration``).
The loader and the queries import this module only for type checking: importing
``typing`` at run time would cost more than loading the bundle.
"""

from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias, TypedDict

from plan_dataset.records.classes import RECORD_TYPES

if TYPE_CHECKING:
    from plan_dataset.records.classes import (
        Discrepancy,
        Document,
        Event,
        Outlet,
        PointLink,
        Position,
        Provision,
        Question,
        QuestionStatus,
        Record,
        Source,
        Stakeholder,
    )
else:
    # The same union, built at run time from the generated table of record types.
    Record = functools.reduce(operator.or_, RECORD_TYPES.values())
Stance: TypeAlias = Literal["supports", "conditional", "opposes", "unclear"]
LinkOperation: TypeAlias = Literal[
    "kept", "amended", "deleted", "added", "merged", "split", "moved", "unclear"
]


# A cell of a flat table (``Dataset.rows()``): text, a number, a flag, or no value.
FlatValue: TypeAlias = str | int | float | bool | None


class StanceCell(TypedDict):
    """One cell of ``stance_matrix()``: a stakeholder's latest stance on one target."""

    stance: Stance
    date: str | None  # at its own precision: '2025-11' is a month, never its first day
    position: str  # the id of the position behind it


class ComparisonRow(TypedDict):
    """One row of ``compare(a, b)``: how a point of version a became one of version b."""

    earlier: str | None
    earlier_number: int | None
    later: str | None
    later_number: int | None
    operation: LinkOperation
    change: str | None
    # Figures that differ, with units: 'personnel-cap: 600,000 personnel -> 800,000 personnel'.
    changed_figures: str | None
    link: str


class Tables(Protocol):
    """What the queries read of a dataset: ``plan_dataset.Dataset`` is one. (The queries
    sit below the loader, so they name this rather than import it.)"""

    sources: tuple[Source, ...]
    stakeholders: tuple[Stakeholder, ...]
    outlets: tuple[Outlet, ...]
    documents: tuple[Document, ...]
    provisions: tuple[Provision, ...]
    point_links: tuple[PointLink, ...]
    positions: tuple[Position, ...]
    events: tuple[Event, ...]
    questions: tuple[Question, ...]
    question_statuses: tuple[QuestionStatus, ...]
    discrepancies: tuple[Discrepancy, ...]
    _by_id: dict[tuple[str, str], Record]
    _corroboration: dict[str, dict[str, Any]]

    def table_names(self) -> tuple[str, ...]: ...

    def table(self, name: str) -> tuple[Record, ...]: ...

    def get(self, table: str, record_id: str) -> Record: ...


__all__ = [
    "ComparisonRow",
    "FlatValue",
    "LinkOperation",
    "Record",
    "Stance",
    "StanceCell",
    "Tables",
]
