"""How well each fact is corroborated: independent origins and their strongest class.

Computed, never hand-entered. Sources are grouped by origin (a source whose
``origin`` is null is its own origin; chains are followed), so two
republications of one wire text count once. Aggregators, state-affiliated
media and partisan blogs never count. An item is weakly sourced when fewer than
two independent origins of class ``regional_outlet`` or stronger back it.

Standard library only: the loader and the build both use it, on validated
models and on loaded records alike.
"""

from __future__ import annotations

from plan_dataset.evidence import evidence_items

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# Strongest first; the order of the models' Reliability vocabulary.
RELIABILITY_ORDER = (
    "primary",
    "wire",
    "established_outlet",
    "regional_outlet",
    "republisher",
    "aggregator",
    "state_affiliated",
    "partisan_blog",
    "unattributed_analysis",
)
NEVER_COUNTS = frozenset({"aggregator", "state_affiliated", "partisan_blog"})
STRONG = frozenset(RELIABILITY_ORDER[: RELIABILITY_ORDER.index("regional_outlet") + 1])
MIN_STRONG_ORIGINS = 2


class OriginLoop(ValueError):
    """A chain of ``origin`` links that comes back to a source already on it."""


def origin_of(source_id: str, source: Callable[[str], Any]) -> str:
    """The id a source's text comes from, following ``origin`` through other sources.

    ``source`` returns the source record for an id, or None (e.g. for a stakeholder).
    """
    seen = [source_id]
    current = source(source_id)
    while current is not None and current.origin is not None:
        if current.origin in seen:
            raise OriginLoop(" -> ".join([*seen, current.origin]))
        seen.append(current.origin)
        nxt = source(current.origin)
        if nxt is None:
            return current.origin
        current = nxt
    return seen[-1]


class Corroboration:
    """Corroboration of one record or part: counted origins, strongest class, flag."""

    __slots__ = ("origins", "strong_origins", "strongest", "weakly_sourced")

    def __init__(
        self, origins: tuple[str, ...], strong_origins: tuple[str, ...], strongest: str | None
    ) -> None:
        self.origins = origins
        self.strong_origins = strong_origins
        self.strongest = strongest
        self.weakly_sourced = len(strong_origins) < MIN_STRONG_ORIGINS

    def __repr__(self) -> str:
        return (
            f"Corroboration(origins={list(self.origins)}, strongest={self.strongest!r}, "
            f"weakly_sourced={self.weakly_sourced})"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Corroboration) and (
            self.origins,
            self.strong_origins,
            self.strongest,
        ) == (other.origins, other.strong_origins, other.strongest)

    def __hash__(self) -> int:
        return hash((self.origins, self.strong_origins, self.strongest))

    def to_dict(self) -> dict[str, Any]:
        return {
            "origins": len(self.origins),
            "strong_origins": len(self.strong_origins),
            "strongest_reliability": self.strongest,
            "weakly_sourced": self.weakly_sourced,
            "origin_ids": list(self.origins),
        }


def corroboration_of(items: Any, source: Callable[[str], Any]) -> Corroboration:
    """Corroboration of a list of evidence items; ``source`` looks a source up by id."""
    best: dict[str, int] = {}  # origin -> rank of its strongest counting source
    for item in items:
        record = source(item.source)
        if record is None or record.reliability in NEVER_COUNTS:
            continue
        try:
            origin = origin_of(record.id, source)
        except OriginLoop:
            origin = record.id  # validation reports the loop; count the source alone
        rank = RELIABILITY_ORDER.index(record.reliability)
        best[origin] = min(rank, best.get(origin, rank))
    origins = tuple(sorted(best))
    strong = tuple(o for o in origins if RELIABILITY_ORDER[best[o]] in STRONG)
    strongest = RELIABILITY_ORDER[min(best.values())] if best else None
    return Corroboration(origins, strong, strongest)


def parts_of(record: Any) -> dict[str | None, list[Any]]:
    """A record's evidence by part: None for the record itself, 'terms/x', 'variants/1'."""
    parts: dict[str | None, list[Any]] = {}
    for _loc, part, item in evidence_items(record):
        parts.setdefault(part, []).append(item)
    return parts


def record_corroboration(
    record: Any, source: Callable[[str], Any]
) -> dict[str | None, Corroboration]:
    """Corroboration of a record (key None) and of each evidence-bearing part."""
    return {part: corroboration_of(items, source) for part, items in parts_of(record).items()}
