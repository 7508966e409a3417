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
from plan_dataset.same_page import page_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Container
    from typing import Any

# Source classes, strongest first: the models' Reliability vocabulary is made from this.
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


def chain_of(
    record: Any,
    source: Callable[[str], Any],
    *,
    strict: bool = False,
    known: Container[str] = (),
) -> list[Any]:
    """The source and every source whose text it carries, following ``origin``; an outlet
    (a stakeholder) or an unknown id ends the chain. ``source`` looks up sources and
    stakeholders by id. A loop ends the chain, or raises ``OriginLoop`` when ``strict``.
    An id in ``known`` (a source whose own chain was walked already) ends it too, so that
    checking every source of a long chain stays linear."""
    chain = [record]
    on_chain = {id(record)}  # a set, so that a long chain is walked in linear time
    while getattr(chain[-1], "origin", None) is not None:
        nxt = source(chain[-1].origin)
        if nxt is not None and id(nxt) in on_chain:
            if strict:
                raise OriginLoop(" -> ".join([*(link.id for link in chain), nxt.id]))
            break  # validation reports the loop (S003)
        if nxt is None or nxt.id in known:
            break
        chain.append(nxt)
        on_chain.add(id(nxt))
    return chain


def lookup_of(records: Any) -> Callable[[str], Any]:
    """Look-up by id over the sources and the stakeholders (ids are unique across tables):
    an outlet named as an origin takes part with its own ``reliability``, if it has one."""
    found = {s.id: s for s in records["stakeholders"]}
    found.update((s.id, s) for s in records["sources"])
    return found.get


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
    one_page = _OnePage()
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
        origin = one_page.origin(chain[-1], getattr(chain[-1], "origin", None) or chain[-1].id)
        best[origin] = min(rank, best.get(origin, rank))
    origins = tuple(sorted(best))
    strong = tuple(o for o in origins if RELIABILITY_ORDER[best[o]] in STRONG)
    strongest = RELIABILITY_ORDER[min(best.values())] if best else None
    return Corroboration(origins, strong, strongest)


class _OnePage:
    """One page is one origin however its address is written (``same_page.py``): the
    first origin met for a page stands for every source record of that page."""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}

    def origin(self, record: Any, origin: str) -> str:
        keys = page_keys(record)
        known = next((self.by_key[key] for key in keys if key in self.by_key), origin)
        self.by_key.update(dict.fromkeys(keys, known))
        return known


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


def corroboration_of_records(records: Any) -> dict[str, dict[str, Any]]:
    """Corroboration of every record and part, by ``part_key``, as plain JSON values."""
    lookup = lookup_of(records)
    found = {}
    for table, table_records in records.items():
        for record in table_records:
            for part, result in record_corroboration(record, lookup).items():
                found[part_key(table, record.id, part)] = {
                    "origins": list(result.origins),
                    "strong_origins": list(result.strong_origins),
                    "strongest": result.strongest,
                }
    return found


def from_plain(value: dict[str, Any]) -> Corroboration:
    return Corroboration(
        tuple(value["origins"]), tuple(value["strong_origins"]), value["strongest"]
    )
