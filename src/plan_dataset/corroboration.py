"""How well each fact is corroborated: independent origins and their strongest class.

Computed, never hand-entered. Sources are grouped by origin (a source whose
``origin`` is null is its own origin; chains are followed), so two
republications of one wire text count once. Aggregators, state-affiliated
media and partisan blogs never count. An item is weakly sourced when fewer than
two independent origins of class ``regional_outlet`` or stronger back it. A page
that carries another source's text counts at the weaker of the two classes.

Standard library only: the loader and the build both use it, on validated
models and on loaded records alike.
"""

from __future__ import annotations

from plan_dataset.evidence import evidence_items

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal, get_args
else:
    # Stand-ins at run time: the loader's queries do not import typing, which costs more
    # than loading the bundle. Here Literal[...] is simply the tuple of its values.
    class Literal:
        def __class_getitem__(cls, values):
            return values

    def get_args(values):
        return values


# Source classes, strongest first: the one statement of their order. The models'
# vocabulary, the JSON Schema and the ranking below are all made from it.
Reliability = Literal[
    "primary",
    "wire",
    "established_outlet",
    "regional_outlet",
    "republisher",
    "aggregator",
    "state_affiliated",
    "partisan_blog",
    "unattributed_analysis",
]
RELIABILITY_ORDER: tuple[Reliability, ...] = get_args(Reliability)
NEVER_COUNTS = frozenset({"aggregator", "state_affiliated", "partisan_blog"})
STRONG = frozenset(RELIABILITY_ORDER[: RELIABILITY_ORDER.index("regional_outlet") + 1])
MIN_STRONG_ORIGINS = 2


class OriginLoop(ValueError):
    """A chain of ``origin`` links that comes back to a source already on it."""


def chain_of(record: Any, source: Callable[[str], Any], *, strict: bool = False) -> list[Any]:
    """The source and every source whose text it carries, following ``origin``; an outlet
    (a stakeholder) or an unknown id ends the chain. ``source`` looks up sources and
    stakeholders by id. A loop ends the chain, or raises ``OriginLoop`` when ``strict``."""
    chain = [record]
    while getattr(chain[-1], "origin", None) is not None:
        nxt = source(chain[-1].origin)
        if nxt is not None and nxt in chain:
            if strict:
                raise OriginLoop(" -> ".join([*(link.id for link in chain), nxt.id]))
            break  # validation reports the loop (S003)
        if nxt is None:
            break
        chain.append(nxt)
    return chain


def lookup_of(records: Any) -> Callable[[str], Any]:
    """Look-up by id over the sources and the stakeholders (ids are unique across tables):
    an outlet named as an origin takes part with its own ``reliability``, if it has one."""
    found = {s.id: s for s in records["stakeholders"]}
    found.update((s.id, s) for s in records["sources"])
    return found.get


class Corroboration:
    """How well a record or one of its parts is corroborated; the same names as the
    columns of the ``corroboration`` table.

    ``origin_ids`` are the independent origins that count, ``strong_origin_ids`` those
    of class ``regional_outlet`` or stronger; ``origins`` and ``strong_origins`` are
    their numbers. Fewer than two strong origins means ``weakly_sourced``. ``parts``
    holds the record's evidence-bearing parts (``terms/<id>``, ``variants/<n>``), each
    a ``Corroboration`` of its own; a part has none.
    """

    __slots__ = ("origin_ids", "parts", "strong_origin_ids", "strongest_reliability")
    origin_ids: tuple[str, ...]
    strong_origin_ids: tuple[str, ...]
    strongest_reliability: Reliability | None
    parts: dict[str, Corroboration]

    def __init__(
        self,
        origin_ids: tuple[str, ...],
        strong_origin_ids: tuple[str, ...],
        strongest_reliability: Reliability | None,
        parts: dict[str, Corroboration] | None = None,
    ) -> None:
        self.origin_ids = origin_ids
        self.strong_origin_ids = strong_origin_ids
        self.strongest_reliability = strongest_reliability
        self.parts = parts if parts is not None else {}

    @property
    def origins(self) -> int:
        """How many independent origins count (any class that is not excluded)."""
        return len(self.origin_ids)

    @property
    def strong_origins(self) -> int:
        """How many of them are of class ``regional_outlet`` or stronger."""
        return len(self.strong_origin_ids)

    @property
    def weakly_sourced(self) -> bool:
        return self.strong_origins < MIN_STRONG_ORIGINS

    def __repr__(self) -> str:
        parts = f", parts={sorted(self.parts)}" if self.parts else ""
        return (
            f"Corroboration(origins={self.origins}, strong_origins={self.strong_origins}, "
            f"strongest_reliability={self.strongest_reliability!r}, "
            f"weakly_sourced={self.weakly_sourced}, origin_ids={list(self.origin_ids)}"
            f"{parts})"
        )

    def _key(self) -> tuple[object, ...]:
        parts = tuple(sorted((name, part._key()) for name, part in self.parts.items()))
        return (self.origin_ids, self.strong_origin_ids, self.strongest_reliability, parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Corroboration) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def to_dict(self) -> dict[str, Any]:
        """The columns of the ``corroboration`` table (ids as lists, not joined)."""
        return {
            "origins": self.origins,
            "strong_origins": self.strong_origins,
            "strongest_reliability": self.strongest_reliability,
            "weakly_sourced": self.weakly_sourced,
            "origin_ids": list(self.origin_ids),
            "strong_origin_ids": list(self.strong_origin_ids),
        }


def corroboration_of(items: Any, source: Callable[[str], Any]) -> Corroboration:
    """Corroboration of a list of evidence items; ``source`` looks a source up by id."""
    best: dict[str, int] = {}  # origin -> rank of its strongest counting source
    for item in items:
        record = source(item.source)
        if record is None or record.reliability in NEVER_COUNTS:
            continue
        chain = chain_of(record, source)
        classes = [link.reliability for link in chain if link.reliability is not None]
        if any(reliability in NEVER_COUNTS for reliability in classes):
            continue  # relaying state media, an aggregator or a blog does not make it count
        # A relay is no stronger than any text it carries, all along the chain.
        rank = max(RELIABILITY_ORDER.index(reliability) for reliability in classes)
        origin = getattr(chain[-1], "origin", None) or chain[-1].id
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


def part_key(table: str, record_id: str, part: str | None) -> str:
    """The id of a record's or part's corroboration: ``<table>/<record>[/<part>]``."""
    return f"{table}/{record_id}" + (f"/{part}" if part else "")


def with_parts(by_part: dict[str | None, Corroboration]) -> Corroboration:
    """One record's corroboration (its own evidence; none if it has none of its own)
    carrying its parts' corroboration in ``parts``."""
    own = by_part.get(None) or Corroboration((), (), None)
    parts = {part: result for part, result in by_part.items() if part is not None}
    return Corroboration(own.origin_ids, own.strong_origin_ids, own.strongest_reliability, parts)


def corroboration_of_records(records: Any) -> dict[str, dict[str, Any]]:
    """Corroboration of every record and part, by ``part_key``, as plain JSON values."""
    lookup = lookup_of(records)
    found = {}
    for table, table_records in records.items():
        for record in table_records:
            for part, result in record_corroboration(record, lookup).items():
                found[part_key(table, record.id, part)] = {
                    "origin_ids": list(result.origin_ids),
                    "strong_origin_ids": list(result.strong_origin_ids),
                    "strongest_reliability": result.strongest_reliability,
                }
    return found


def from_plain(value: dict[str, Any]) -> Corroboration:
    """A corroboration as the bundle stores it. Bundles before 0.3.0 named the id lists
    ``origins`` and ``strong_origins`` and the class ``strongest``."""
    if "origin_ids" not in value:
        value = {
            "origin_ids": value["origins"],
            "strong_origin_ids": value["strong_origins"],
            "strongest_reliability": value["strongest"],
        }
    return Corroboration(
        tuple(value["origin_ids"]),
        tuple(value["strong_origin_ids"]),
        value["strongest_reliability"],
    )
