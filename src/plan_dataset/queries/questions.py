"""The loader's questions about the plan's questions: where each stood on a day, its
history, and who said what about it. Standard library only, like ``story.py``.

``Dataset`` inherits ``QuestionQueries``, so ``import plan_dataset`` imports this module;
``records/dates.py`` (datetime, calendar) is imported by the functions that use it, on
first call.
"""

from __future__ import annotations

from plan_dataset.queries.sourcing import id_of as _id_of
from plan_dataset.queries.sourcing import strongest_positions_first

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from plan_dataset.queries.results import Tables
    from plan_dataset.records.classes import Position, Provision, Question, QuestionStatus

    Row = dict[str, str | None]


# Where each question stands. A status counts on a day once the whole of its date
# (a month, say) lies on or before that day: the dataset says only what is known by then.
STANDINGS = (
    *("proposed", "kept", "amended", "contested", "agreed_in_principle"),
    *("deferred_to_leaders", "postponed", "dropped", "rejected", "signed"),
    "partly_implemented",
    "implemented",
)
"""The status vocabulary in its order of progress; it breaks ties between statuses of one day."""


def _status_key(status: QuestionStatus) -> tuple[str, str, int, str]:
    from plan_dataset.records.dates import first_day, last_day

    rank = STANDINGS.index(status.status) if status.status in STANDINGS else len(STANDINGS)
    return (last_day(status.date), first_day(status.date), rank, status.id)


def question_history(dataset: Tables, question: Question | str) -> list[QuestionStatus]:
    """Every status change of a question, oldest first (ties: order of progress, then id)."""
    question_id = _id_of(question)
    return sorted(
        (s for s in dataset.question_statuses if s.question == question_id), key=_status_key
    )


def question_status(
    dataset: Tables, question: Question | str, on: str | None = None
) -> QuestionStatus | None:
    """The status in force for a question on a day (YYYY-MM-DD; None for the latest), or
    None before its first one."""
    from plan_dataset.records.dates import last_day

    history = question_history(dataset, question)
    if on is not None:
        history = [s for s in history if last_day(s.date) <= last_day(on)]
    return history[-1] if history else None


def positions_about(dataset: Tables, question: Question | str) -> list[Position]:
    """The positions that address a question, whoever took them, strongest first
    (``strongest_positions_first``)."""
    question_id = _id_of(question)
    return strongest_positions_first(
        dataset, (p for p in dataset.positions if question_id in p.questions)
    )


def _latest(dates: list[str]) -> str | None:
    """The latest date, ordered by the first day each covers ('2025-12-29' after '2025-12')."""
    from plan_dataset.records.dates import first_day, last_day

    return max(dates, key=lambda d: (first_day(d), last_day(d))) if dates else None


def where_questions_stand(dataset: Tables, on: str | None = None) -> list[Row]:
    """One row per question: its status on a day (None: now), since when, the status
    record, and the date of the latest evidence (status or position) up to that day."""
    from plan_dataset.records.dates import last_day

    rows = []
    for question in dataset.questions:
        current = question_status(dataset, question, on)
        dated = [s.date for s in question_history(dataset, question)]
        dated += [p.date for p in positions_about(dataset, question) if p.date]
        if on is not None:
            dated = [d for d in dated if last_day(d) <= last_day(on)]
        rows.append(
            {
                "question": question.id,
                "title": question.title,
                "status": current.status if current else None,
                "since": current.date if current else None,
                "status_id": current.id if current else None,
                "latest_evidence": _latest(dated),
            }
        )
    return rows


def questions_of(dataset: Tables, provision: Provision | str) -> list[Question]:
    """The questions a provision (a point of any version) deals with."""
    provision_id = _id_of(provision)
    return [q for q in dataset.questions if provision_id in q.provisions]


def _question(dataset: Tables, question_id: str) -> Question:
    from plan_dataset.records.classes import Question

    record = dataset.get("questions", question_id)
    assert isinstance(record, Question)
    return record


class QuestionQueries:
    """The ``Dataset`` methods on questions (kept here so the loader stays small)."""

    def question(self: Tables, question_id: str) -> Question:
        """One question by id; KeyError if there is none."""
        return _question(self, question_id)

    def question_history(self: Tables, question: Question | str) -> list[QuestionStatus]:
        """Every dated status change of a question (a record or its id), oldest first."""
        _question(self, _id_of(question))
        return question_history(self, question)

    def question_status(
        self: Tables, question: Question | str, on: str | None = None
    ) -> QuestionStatus | None:
        """The status in force for a question on a day ('2026-01-31'; None: the latest),
        or None before its first status. A status counts once its whole date has passed."""
        _question(self, _id_of(question))
        return question_status(self, question, on)

    def where_questions_stand(
        self: Tables, on: str | None = None, *, as_frame: bool = False
    ) -> Any:
        """Where every question stands on a day (None: now): status, since when, the status
        record and the date of the latest evidence. ``as_frame=True`` gives a DataFrame."""
        rows = where_questions_stand(self, on)
        if not as_frame:
            return rows
        import pandas  # the pandas extra; Dataset.to_pandas says how to install it

        return pandas.DataFrame(rows)

    def positions_about(self: Tables, question: Question | str) -> list[Position]:
        """Who said what about a question (a record or its id): its positions, strongest first."""
        _question(self, _id_of(question))
        return positions_about(self, question)

    def questions_of(self: Tables, provision: Provision | str) -> list[Question]:
        """The questions a provision (a point of any version) deals with."""
        return questions_of(self, provision)
