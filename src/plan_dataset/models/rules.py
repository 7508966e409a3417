"""The rules within one record that field types cannot say, each under its own code.

A model's validator collects every rule its record breaks and raises them together
(``enforce``), so one run reports all of them, each with its code and the field it is
about; ``validation/record_rules.py`` lists the codes as a layer and
``validation/pydantic_errors.py`` turns them into problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic_core import PydanticCustomError

# The pydantic error type that carries broken record rules.
RULES_ERROR = "record_rules"


@dataclass(frozen=True)
class RecordRule:
    meaning: str
    example: str  # a real message the rule gives (a test produces it from a fixture)


RULES: dict[str, RecordRule] = {
    "C001": RecordRule(
        "archived file half given", "path and sha256 go together: give both or neither"
    ),
    "C002": RecordRule(
        "source neither archived nor linked", "a source needs a path (archived) or a url"
    ),
    "C003": RecordRule(
        "web page without its retrieval date",
        "a source that is not archived needs its retrieval date",
    ),
    "C004": RecordRule("list repeats an item", "participants must not repeat"),
    "C005": RecordRule(
        "hedges and status disagree",
        "a speculative provision may only cite speculative evidence",
    ),
    "C006": RecordRule(
        "field does not fit the status",
        "point_number is only for published points",
    ),
    "C007": RecordRule(
        "date and range mixed, or range incomplete",
        "give either a date or a range (date_earliest, date_latest), not both",
    ),
    "C008": RecordRule(
        "point link's ends do not fit its operation",
        "an amended link needs a one-line change",
    ),
}


@dataclass(frozen=True)
class Broken:
    """One rule a record breaks: its code, the field it is about, and what to do."""

    code: str
    field: str | None
    message: str


def enforce(broken: list[Broken]) -> None:
    """Raise every broken rule at once, or nothing."""
    if broken:
        summary = "; ".join(item.message for item in broken)
        raise PydanticCustomError(RULES_ERROR, "{summary}", {"summary": summary, "broken": broken})


def repeated(values: Sequence[str], field: str) -> list[Broken]:
    """C004 when a list names an item twice."""
    if len(set(values)) == len(values):
        return []
    return [Broken("C004", field, f"{field} must not repeat")]
