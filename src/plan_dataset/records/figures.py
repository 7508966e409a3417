"""Figures and dates as a reader sees them: '600,000 personnel', '$100 billion', '50%'.

Standard library only: the loader's queries, the CLI, the site and the notebook all
format with these, so that no raw float (``1e+11``) or bare relation name reaches a reader.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    class TermLike(Protocol):
        """What a figure needs of a term (``records.Term``, which imports this module)."""

        @property
        def relation(self) -> str: ...
        @property
        def value(self) -> float | int: ...
        @property
        def unit(self) -> str: ...


# How a term's value bounds the quantity, as words before the figure.
RELATION_LABELS: dict[str, str] = {
    "exactly": "",
    "approximately": "about",
    "at_most": "at most",
    "at_least": "at least",
    "reduction_by": "a reduction of",
}
# Units written as a sign before the number; the data spells units out.
CURRENCY_SIGNS: dict[str, str] = {
    "US dollars": "$",
    "USD": "$",
    "euros": "€",
    "EUR": "€",
    "pounds sterling": "£",
    "GBP": "£",
}
PERCENT_UNITS = frozenset({"percent", "%"})
# Large amounts of money read in words: $100 billion, not $100,000,000,000.
SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_number(value: float) -> str:
    """A number with thousands separators and no needless decimals: 600,000; 2.5."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def format_value(value: float, unit: str) -> str:
    """A value with its unit: '600,000 personnel', '$100 billion', '50%', '100 days'."""
    if unit in PERCENT_UNITS:
        return f"{format_number(value)}%"
    sign = CURRENCY_SIGNS.get(unit)
    if sign is None:
        return f"{format_number(value)} {unit}"
    for factor, word in SCALES:
        if abs(value) >= factor:
            return f"{sign}{format_number(round(value / factor, 3))} {word}"
    return f"{sign}{format_number(value)}"


def format_term(term: TermLike) -> str:
    """A term's figure with its relation: 'at most 600,000 personnel',
    'a reduction of 50%', '$100 billion'."""
    words = RELATION_LABELS.get(term.relation, term.relation.replace("_", " "))
    figure = format_value(term.value, term.unit)
    return f"{words} {figure}" if words else figure


def format_date(value: str | None) -> str:
    """A date at its own precision, in words: '21 November 2025', 'November 2025', '2025'.
    A month stays a month: it is never shown as its first day."""
    if not value:
        return "undated"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
