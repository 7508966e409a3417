"""How well each fact is corroborated: independent origins and their strongest class.

Computed, never hand-entered. Sources are grouped by origin (a source whose
``origin`` is null is its own origin; chains are followed), so two
republications of one wire text count once. Aggregators, state-affiliated
media and partisan blogs never count. An item is weakly sourced when fewer than
two independent origins of class ``regional_outlet`` or stronger back it. A page
that carries another's text counts at the weakest class along its origin chain,
outlets included, and the outlets or sources it credits for parts of its text
count in that chain too (a page crediting TASS for a quote never counts).

Standard library only: the loader and the build both use it, on validated
models and on loaded records alike.
"""

from __future__ import annotations

from plan_dataset.evidence.items import evidence_items
from plan_dataset.evidence.same_page import page_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
    from typing import Any, Literal, TypeVar, get_args

    from plan_dataset.evidence.items import EvidenceItem, Identified

    Item = TypeVar("Item", bound=EvidenceItem)

    # Looks a source or an outlet up by id (None: no such page).
    Lookup = Callable[[str], Identified | None]
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


def chain_of(
    record: Identified,
    source: Lookup,
    *,
    strict: bool = False,
    known: Container[str] = (),
) -> list[Identified]:
    """The source and every source whose text it carries, following ``origin``; an outlet
    or an unknown id ends the chain. ``source`` looks up sources and outlets by id. A loop
    ends the chain, or raises ``OriginLoop`` when ``strict``. An id in ``known`` (a source
    whose own chain was walked already) ends it too, so that checking every source of a
    long chain stays linear."""
    chain = [record]
    on_chain = {id(record)}  # a set, so that a long chain is walked in linear time
    while (origin := getattr(chain[-1], "origin", None)) is not None:
        nxt = source(origin)
        if nxt is not None and id(nxt) in on_chain:
            if strict:
                raise OriginLoop(" -> ".join([*(link.id for link in chain), nxt.id]))
            break  # validation reports the loop (S003)
        if nxt is None or nxt.id in known:
            break
        chain.append(nxt)
        on_chain.add(id(nxt))
    return chain


def lookup_of(records: Mapping[str, Sequence[Identified]]) -> Lookup:
    """Look-up by id over the outlets and the sources (ids are unique across the two):
    an outlet named as an origin or a credit takes part with its own ``reliability``."""
    found = {o.id: o for o in records.get("outlets", ())}
    found.update((s.id, s) for s in records["sources"])
    return found.get


def classes_along(record: Identified, source: Lookup) -> list[str]:
    """Every reliability class a page rests on: its own, those along its origin chain
    (outlets included), and those of the outlets and sources that any source on the
    chain credits for parts of its text, with their own chains."""
    classes: list[str] = []
    seen: set[str] = set()
    pending = [record]
    while pending:
        for link in chain_of(pending.pop(), source):
            if link.id in seen:
                continue
            seen.add(link.id)
            reliability = getattr(link, "reliability", None)
            if reliability is not None:
                classes.append(reliability)
            credited = (source(credit) for credit in getattr(link, "credits", ()) or ())
            pending.extend(found for found in credited if found is not None)
    return classes


def origin_of(record: Identified, source: Lookup) -> str:
    """The id a page counts under: the end of its origin chain (an outlet or a source)."""
    last = chain_of(record, source)[-1]
    origin: str = getattr(last, "origin", None) or last.id
    return origin


def counts(record: Identified, source: Lookup) -> bool:
    """Whether a source can count toward corroboration at all: no class it rests on
    (its own, its origin chain's, its credits') is one that never counts."""
    return not any(c in NEVER_COUNTS for c in classes_along(record, source))


def strength_of(record: Identified | None, source: Lookup) -> tuple[int, int, int]:
    """Sort key of a cited page, strongest first: pages that can count before those that
    never do, then by the weakest class the page rests on, then dated before undated."""
    if record is None:
        return (1, len(RELIABILITY_ORDER), 1)
    classes = classes_along(record, source)
    never = any(reliability in NEVER_COUNTS for reliability in classes)
    rank = max((RELIABILITY_ORDER.index(c) for c in classes), default=len(RELIABILITY_ORDER))
    return (int(never), rank, int(getattr(record, "published", None) is None))


def strongest_first(items: Iterable[Item], source: Lookup) -> list[Item]:
    """Evidence items ordered by the strength of their sources (``strength_of``); items of
    equal strength keep their order."""
    return sorted(items, key=lambda item: strength_of(source(item.source), source))


class Corroboration:
    """How well a record or one of its parts is corroborated; the same names as the
    columns of the ``corroboration`` table.

    ``origin_ids`` are the independent origins that count, ``strong_origin_ids`` those
    of class ``regional_outlet`` or stronger; ``origins`` and ``strong_origins`` are
    their numbers. Fewer than two strong origins means ``weakly_sourced``. ``parts``
    holds the record's evidence-bearing parts (``terms/<id>``, ``variants/<n>``), each
    a ``Corroboration`` of its own; a part has none. For a version of the plan with
    published points, ``points`` and ``points_well_sourced`` summarise its points: a
    version at least half of whose points are well sourced is not weakly sourced, since
    its points are its text.
    """

    __slots__ = (
        "origin_ids",
        "parts",
        "points",
        "points_well_sourced",
        "strong_origin_ids",
        "strongest_reliability",
    )
    origin_ids: tuple[str, ...]
    strong_origin_ids: tuple[str, ...]
    strongest_reliability: Reliability | None
    parts: dict[str, Corroboration]
    points: int | None
    points_well_sourced: int | None

    def __init__(
        self,
        origin_ids: tuple[str, ...],
        strong_origin_ids: tuple[str, ...],
        strongest_reliability: Reliability | None,
        parts: dict[str, Corroboration] | None = None,
        points: int | None = None,
        points_well_sourced: int | None = None,
    ) -> None:
        self.origin_ids = origin_ids
        self.strong_origin_ids = strong_origin_ids
        self.strongest_reliability = strongest_reliability
        self.parts = parts if parts is not None else {}
        self.points = points
        self.points_well_sourced = points_well_sourced

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
        """Fewer than two strong origins, unless a version's points carry it."""
        points_carry_it = (
            self.points is not None
            and self.points_well_sourced is not None
            and self.points_well_sourced * 2 >= self.points
        )
        return not points_carry_it and self.strong_origins < MIN_STRONG_ORIGINS

    def __repr__(self) -> str:
        parts = f", parts={sorted(self.parts)}" if self.parts else ""
        points = (
            f", points_well_sourced={self.points_well_sourced}, points={self.points}"
            if self.points is not None
            else ""
        )
        return (
            f"Corroboration(origins={self.origins}, strong_origins={self.strong_origins}, "
            f"strongest_reliability={self.strongest_reliability!r}, "
            f"weakly_sourced={self.weakly_sourced}{points}, origin_ids={list(self.origin_ids)}"
            f"{parts})"
        )

    def _key(self) -> tuple[object, ...]:
        parts = tuple(sorted((name, part._key()) for name, part in self.parts.items()))
        return (
            self.origin_ids,
            self.strong_origin_ids,
            self.strongest_reliability,
            parts,
            self.points,
            self.points_well_sourced,
        )

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
            "points": self.points,
            "points_well_sourced": self.points_well_sourced,
        }

    def with_points(self, points: int, well_sourced: int) -> Corroboration:
        """The same corroboration, summarising a version's published points."""
        return Corroboration(
            self.origin_ids,
            self.strong_origin_ids,
            self.strongest_reliability,
            self.parts,
            points,
            well_sourced,
        )


def corroboration_of(items: Iterable[EvidenceItem], source: Lookup) -> Corroboration:
    """Corroboration of a list of evidence items; ``source`` looks a source up by id."""
    best: dict[str, int] = {}  # origin -> rank of its strongest counting source
    one_page = _OnePage()
    for item in items:
        record = source(item.source)
        if record is None:
            continue
        classes = classes_along(record, source)
        if any(reliability in NEVER_COUNTS for reliability in classes):
            continue  # state media, an aggregator or a blog, or a page carrying one
        # A relay is no stronger than any text it carries, all along the chain.
        rank = max(RELIABILITY_ORDER.index(reliability) for reliability in classes)
        last = chain_of(record, source)[-1]
        origin = one_page.origin(last, origin_of(record, source))
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

    def origin(self, record: Identified, origin: str) -> str:
        keys = page_keys(record)
        known = next((self.by_key[key] for key in keys if key in self.by_key), origin)
        self.by_key.update(dict.fromkeys(keys, known))
        return known


def parts_of(record: Identified) -> dict[str | None, list[EvidenceItem]]:
    """A record's evidence by part: None for the record itself, 'terms/x', 'variants/1'."""
    parts: dict[str | None, list[EvidenceItem]] = {}
    for _loc, part, item in evidence_items(record):
        parts.setdefault(part, []).append(item)
    return parts


def record_corroboration(record: Identified, source: Lookup) -> dict[str | None, Corroboration]:
    """Corroboration of a record (key None) and of each evidence-bearing part."""
    return {part: corroboration_of(items, source) for part, items in parts_of(record).items()}


def part_key(table: str, record_id: str, part: str | None) -> str:
    """The id of a record's or part's corroboration: ``<table>/<record>[/<part>]``."""
    return f"{table}/{record_id}" + (f"/{part}" if part else "")


def all_corroboration(records: Mapping[str, Sequence[Identified]]) -> dict[str, Corroboration]:
    """Corroboration of every record and part, by ``part_key``: the one computation. The
    snapshot calls it once and carries the result (``Snapshot.corroboration``); the
    flat table, the bundle, stats and the loader's queries read that. A version of the plan with
    published points also summarises them: how many of its points are well sourced."""
    lookup = lookup_of(records)
    found: dict[str, Corroboration] = {}
    for table, table_records in records.items():
        for record in table_records:
            for part, result in record_corroboration(record, lookup).items():
                found[part_key(table, record.id, part)] = result
    tally: dict[str, list[int]] = {}  # document -> [points, points well sourced]
    for point in records.get("provisions", ()):
        # The tables' records differ in type: a provision's own fields, read by name.
        document = getattr(point, "document", None)
        if getattr(point, "status", None) == "published" and document is not None:
            counted = tally.setdefault(document, [0, 0])
            counted[0] += 1
            counted[1] += not found[part_key("provisions", point.id, None)].weakly_sourced
    for document, (points, well) in tally.items():
        key = part_key("documents", document, None)
        if key in found:
            found[key] = found[key].with_points(points, well)
    return found


def with_parts(by_part: dict[str | None, Corroboration]) -> Corroboration:
    """One record's corroboration (its own evidence; none if it has none of its own)
    carrying its parts' corroboration in ``parts``."""
    own = by_part.get(None) or Corroboration((), (), None)
    parts = {part: result for part, result in by_part.items() if part is not None}
    return Corroboration(
        own.origin_ids,
        own.strong_origin_ids,
        own.strongest_reliability,
        parts,
        own.points,
        own.points_well_sourced,
    )


def to_plain(found: dict[str, Corroboration]) -> dict[str, dict[str, Any]]:
    """Corroboration by ``part_key``, as the bundle stores it (plain JSON values)."""
    return dict(plain_items(found))


def plain_items(found: dict[str, Corroboration]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``to_plain``'s members, each made as it is read (the bundle encodes them so)."""
    for key, result in found.items():
        plain: dict[str, Any] = {
            "origin_ids": list(result.origin_ids),
            "strong_origin_ids": list(result.strong_origin_ids),
            "strongest_reliability": result.strongest_reliability,
        }
        if result.points is not None:
            plain["points"] = result.points
            plain["points_well_sourced"] = result.points_well_sourced
        yield key, plain


def from_plain_all(stored: dict[str, dict[str, Any]]) -> dict[str, Corroboration]:
    """Corroboration by ``part_key`` from the bundle's plain values (``to_plain``)."""
    return {key: from_plain(value) for key, value in stored.items()}


def from_plain(value: dict[str, Any]) -> Corroboration:
    """A corroboration as the bundle stores it. Bundles before 0.3.0 named the id lists
    ``origins`` and ``strong_origins`` and the class ``strongest``."""
    if "origin_ids" not in value:
        value = {
            **value,
            "origin_ids": value["origins"],
            "strong_origin_ids": value["strong_origins"],
            "strongest_reliability": value["strongest"],
        }
    return Corroboration(
        tuple(value["origin_ids"]),
        tuple(value["strong_origin_ids"]),
        value["strongest_reliability"],
        None,
        value.get("points"),
        value.get("points_well_sourced"),
    )
