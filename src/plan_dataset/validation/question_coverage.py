"""Layer: a position on a point takes part in that point's questions.

A position whose target is a point lists every question the point is linked to, so that
``positions_about(question)`` finds it (positions added after the questions pass had none).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from plan_dataset.models import Position, Question
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "Q005": Code(
        "questions",
        "position on a point leaves out the point's questions",
        "point-06 is linked to question army-cap: add it to questions",
    ),
}

_QUESTIONS_OF: weakref.WeakKeyDictionary[DatasetIndex, dict[str, list[str]]] = (
    weakref.WeakKeyDictionary()
)


def questions_of_points(index: DatasetIndex) -> dict[str, list[str]]:
    """Point id -> the ids of the questions linked to it, in id order (once per run)."""
    if index not in _QUESTIONS_OF:
        found: dict[str, list[str]] = {}
        for question in index.all_records("questions"):
            if isinstance(question, Question):
                for point in question.provisions:
                    found.setdefault(point, []).append(question.id)
        _QUESTIONS_OF[index] = found
    return _QUESTIONS_OF[index]


def check_position_questions(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    position = record.model
    if not isinstance(position, Position):
        return
    wanted = questions_of_points(index).get(position.target, [])
    missing = [question for question in wanted if question not in position.questions]
    if missing:
        loc = ("questions",) if "questions" in record.yaml().value else ("target",)
        them = "it" if len(missing) == 1 else "them"
        yield Finding(
            loc,
            "Q005",
            f"{position.target} is linked to question {', '.join(missing)}: add {them} to "
            "questions",
        )


LAYER = Layer("question coverage", CODES, per_record=check_position_questions)
