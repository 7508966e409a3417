"""The loader's questions about the story: the timeline, who took which position on what
and when, and the stance matrix.

Standard library only, on loaded records; what only some questions need is imported
when they are asked, so that ``import plan_dataset`` stays at the cost of its bundle.
"""

from __future__ import annotations

from plan_dataset.queries.sourcing import id_of, strongest_positions_first
from plan_dataset.records.classes import Provision

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal, overload

    from plan_dataset.queries.results import StanceCell, Tables
    from plan_dataset.records.classes import Document, Event, Position, Stakeholder


def event_sort_key(event: Event) -> tuple[str, str]:
    """Events sort by their date's first day, or a range's earliest day; then by id."""
    from plan_dataset.records.dates import first_day

    start = first_day(event.date) if event.date else (event.date_earliest or "9999-12-31")
    return start, event.id


def timeline(dataset: Tables) -> list[Event]:
    """Every event in date order; ranges sort by their earliest day, ties by id."""
    return sorted(dataset.events, key=event_sort_key)


def _position_key(position: Position) -> tuple[str, str]:
    from plan_dataset.records.dates import first_day

    return (first_day(position.date) if position.date else "0000-00-00", position.id)


def positions_on(
    dataset: Tables,
    target: Provision | Document | str,
    *,
    include_document: bool = False,
    across_versions: bool = False,
) -> list[Position]:
    """Positions on the plan ('plan'), a document or a point, strongest first: dated and
    corroborated ones in date order, then weak, then undated (``strongest_positions_first``).

    A point's positions include those on its whole document only when asked; with
    ``across_versions``, also those on the point's questions: positions on any point of
    any version that deals with the same question, and positions tagged with it.
    """
    target_id = target if isinstance(target, str) else target.id
    wanted = {target_id}
    if include_document:
        point = dataset._by_id.get(("provisions", target_id))
        if isinstance(point, Provision) and point.document:
            wanted.add(point.document)
    questions: set[str] = set()
    if across_versions:
        from plan_dataset.queries.questions import questions_of

        for question in questions_of(dataset, target_id):
            questions.add(question.id)
            wanted.update(question.provisions)
    found = [
        p
        for p in dataset.positions
        if p.target in wanted or questions.intersection(getattr(p, "questions", ()))
    ]
    return strongest_positions_first(dataset, found)


def trajectory(dataset: Tables, stakeholder: Stakeholder | str) -> list[Position]:
    """One stakeholder's positions, strongest first: dated and corroborated ones in date
    order, then dated weak ones, then undated ones (``strongest_positions_first``)."""
    stakeholder_id = stakeholder if isinstance(stakeholder, str) else stakeholder.id
    return strongest_positions_first(
        dataset, (p for p in dataset.positions if p.stakeholder == stakeholder_id)
    )


def stance_matrix(dataset: Tables) -> dict[tuple[str, str], StanceCell]:
    """Stakeholder x target: the latest stance, its date and the position behind it."""
    cells: dict[tuple[str, str], StanceCell] = {}
    for position in sorted(dataset.positions, key=_position_key):
        cells[(position.stakeholder, position.target)] = {
            "stance": position.stance,
            "date": position.date,
            "position": position.id,
        }
    return dict(sorted(cells.items()))


def stance_rows(cells: dict[tuple[str, str], StanceCell]) -> list[dict[str, str | None]]:
    """The matrix as rows for a frame, with each date's precision beside it."""
    from plan_dataset.records.dates import precision

    return [
        {
            "stakeholder": stakeholder,
            "target": target,
            "stance": cell["stance"],
            "date": cell["date"],
            "date_precision": precision(cell["date"]) if cell["date"] else None,
            "position": cell["position"],
        }
        for (stakeholder, target), cell in cells.items()
    ]


def _members(dataset: Tables, stakeholder_id: str) -> set[str]:
    """A stakeholder and everyone affiliated with it, directly or through others."""
    found = {stakeholder_id}
    changed = True
    while changed:
        changed = False
        for s in dataset.stakeholders:
            if s.affiliation in found and s.id not in found:
                found.add(s.id)
                changed = True
    return found


def positions_by(
    dataset: Tables, stakeholder: Stakeholder | str, *, include_members: bool = False
) -> list[Position]:
    """The positions a stakeholder took, strongest first (as ``trajectory``);
    ``include_members=True`` adds those of stakeholders affiliated with it (a
    government's ministers, say)."""
    stakeholder_id = id_of(stakeholder)
    holders = _members(dataset, stakeholder_id) if include_members else {stakeholder_id}
    return strongest_positions_first(
        dataset, (p for p in dataset.positions if p.stakeholder in holders)
    )


class StoryQueries:
    """The ``Dataset`` methods on the story (``Dataset`` lists this class among its bases)."""

    def timeline(self: Tables) -> list[Event]:
        """Every event in date order; a range sorts by its earliest day, ties by id."""
        return timeline(self)

    def positions_on(
        self: Tables,
        target: Provision | Document | str,
        *,
        include_document: bool = False,
        across_versions: bool = False,
    ) -> list[Position]:
        """Positions on 'plan', a document or a point (a record or an id): dated,
        corroborated ones first in date order, then weakly sourced, then undated.

        For a point, ``include_document=True`` adds the positions on its whole document, and
        ``across_versions=True`` those on its questions (every version's points on them).
        """
        return positions_on(
            self, target, include_document=include_document, across_versions=across_versions
        )

    def trajectory(self: Tables, stakeholder: Stakeholder | str) -> list[Position]:
        """One stakeholder's positions: dated, corroborated ones first in date order, then
        dated weakly sourced ones, then undated ones."""
        return trajectory(self, stakeholder)

    def positions_by(
        self: Tables, stakeholder: Stakeholder | str, *, include_members: bool = False
    ) -> list[Position]:
        """A stakeholder's positions, ordered as ``trajectory``; ``include_members=True``
        adds those of the stakeholders affiliated with it."""
        return positions_by(self, stakeholder, include_members=include_members)

    if TYPE_CHECKING:  # the result's type follows as_frame

        @overload
        def stance_matrix(
            self: Tables, *, as_frame: Literal[False] = False
        ) -> dict[tuple[str, str], StanceCell]: ...
        @overload
        def stance_matrix(self: Tables, *, as_frame: Literal[True]) -> Any: ...

    def stance_matrix(self: Tables, *, as_frame: bool = False) -> Any:
        """Stakeholder x target cells: the latest stance, its date (at its own precision)
        and position id. ``as_frame=True``: a pandas DataFrame, with ``date_precision``."""
        from plan_dataset.flat.optional_pandas import frame

        cells = stance_matrix(self)
        return frame(stance_rows(cells)) if as_frame else cells
