"""The loader's questions: timeline, positions, stance matrix, lineage, comparison,
and reverse look-ups (what cites a source, what is disputed about a record).

Standard library only, on loaded records (``plan_dataset.records``): the
``Dataset`` methods delegate here, so no query imports pydantic.
"""

from __future__ import annotations

from plan_dataset.corroboration import (
    from_plain,
    lookup_of,
    part_key,
    parts_of,
    record_corroboration,
)
from plan_dataset.dates import first_day
from plan_dataset.evidence import evidence_items
from plan_dataset.records import RECORD_TYPES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

PLAN = "plan"
TABLE_OF_TYPE = {record_type: table for table, record_type in RECORD_TYPES.items()}


def event_sort_key(event: Any) -> tuple[str, str]:
    """Events sort by their date's first day, or a range's earliest day; then by id."""
    start = first_day(event.date) if event.date else (event.date_earliest or "9999-12-31")
    return start, event.id


def timeline(dataset: Any) -> list[Any]:
    """Every event in date order; ranges sort by their earliest day, ties by id."""
    return sorted(dataset.events, key=event_sort_key)


def _position_key(position: Any) -> tuple[str, str]:
    return (first_day(position.date) if position.date else "0000-00-00", position.id)


def positions_on(dataset: Any, target: Any, *, include_document: bool = False) -> list[Any]:
    """Positions on the plan ('plan'), a document or a point, in date order.

    A point's positions include those on its whole document only when asked.
    """
    target_id = target if isinstance(target, str) else target.id
    wanted = {target_id}
    if include_document:
        point = dataset._by_id.get(("provisions", target_id))
        if point is not None and point.document:
            wanted.add(point.document)
    found = [p for p in dataset.positions if p.target in wanted]
    return sorted(found, key=_position_key)


def trajectory(dataset: Any, stakeholder: Any) -> list[Any]:
    """One stakeholder's positions in date order (undated ones first)."""
    stakeholder_id = stakeholder if isinstance(stakeholder, str) else stakeholder.id
    return sorted(
        (p for p in dataset.positions if p.stakeholder == stakeholder_id), key=_position_key
    )


def stance_matrix(dataset: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """Stakeholder x target: the latest stance, its date and the position behind it."""
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for position in sorted(dataset.positions, key=_position_key):
        cells[(position.stakeholder, position.target)] = {
            "stance": position.stance,
            "date": position.date,
            "position": position.id,
        }
    return dict(sorted(cells.items()))


def lineage(dataset: Any, point: Any) -> list[Any]:
    """Every point link on the chain through a point, earlier and later, oldest first."""
    point_id = point if isinstance(point, str) else point.id
    return list(_lineages(dataset).get(point_id, ()))


def _lineages(dataset: Any) -> dict[str, tuple[Any, ...]]:
    """The sorted links of each point's lineage, computed once per dataset in linear time
    (every point of one lineage shares it), so a site page per point stays cheap."""
    cache = getattr(dataset, "__dict__", {})
    if "_lineages" in cache:
        return cache["_lineages"]  # type: ignore[no-any-return]
    links_of: dict[str, list[Any]] = {}
    for link in dataset.point_links:
        for end in dict.fromkeys((link.earlier, link.later)):
            if end is not None:
                links_of.setdefault(end, []).append(link)
    documents = {d.id: d for d in dataset.documents}

    def when(link: Any) -> tuple[str, str, str]:
        document = documents.get(link.later_document)
        date = document.date if document is not None and document.date else "9999"
        return (first_day(date), link.later_document, link.id)

    found: dict[str, tuple[Any, ...]] = {}
    for start in links_of:
        if start in found:
            continue
        members, chain, frontier = {start}, {}, [start]
        while frontier:
            for link in links_of[frontier.pop()]:
                if link.id in chain:
                    continue
                chain[link.id] = link
                for end in (link.earlier, link.later):
                    if end is not None and end not in members:
                        members.add(end)
                        frontier.append(end)
        ordered = tuple(sorted(chain.values(), key=when))
        found.update(dict.fromkeys(members, ordered))
    if isinstance(cache, dict) and hasattr(dataset, "point_links"):
        cache["_lineages"] = found
    return found


def _figures(point: Any) -> dict[str, Any]:
    return {term.id: term for term in point.terms} if point is not None else {}


def changed_figures(earlier: Any, later: Any) -> list[str]:
    """Figures that differ between two points, e.g. 'personnel-cap: 600000 -> 800000'."""
    before, after = _figures(earlier), _figures(later)
    changes = []
    for term_id in sorted(set(before) | set(after)):
        old, new = before.get(term_id), after.get(term_id)
        old_value = f"{old.value:g}" if old is not None else "none"
        new_value = f"{new.value:g}" if new is not None else "none"
        if old_value != new_value or (old and new and old.relation != new.relation):
            changes.append(f"{term_id}: {old_value} -> {new_value}")
    return changes


def compare(dataset: Any, document_a: str, document_b: str) -> list[dict[str, Any]]:
    """One row per linked point between two versions: numbers, operation, changed figures."""
    by_id = dataset._by_id
    rows = []
    for link in dataset.point_links:
        if (link.earlier_document, link.later_document) != (document_a, document_b):
            continue
        earlier = by_id.get(("provisions", link.earlier)) if link.earlier else None
        later = by_id.get(("provisions", link.later)) if link.later else None
        rows.append(
            {
                "earlier": link.earlier,
                "earlier_number": earlier.point_number if earlier else None,
                "later": link.later,
                "later_number": later.point_number if later else None,
                "operation": link.operation,
                "change": link.change,
                "changed_figures": "; ".join(changed_figures(earlier, later)) or None,
                "link": link.id,
            }
        )
    return sorted(
        rows,
        key=lambda r: (
            r["earlier_number"] if r["earlier_number"] is not None else 1000,
            r["later_number"] if r["later_number"] is not None else 1000,
            r["link"],
        ),
    )


def corroboration(dataset: Any, record: Any) -> dict[str | None, Any]:
    """Corroboration of a record (key None) and of each of its evidence-bearing parts.

    Read from the bundle, where the build computed it; computed here for a dataset
    assembled without one.
    """
    table = TABLE_OF_TYPE[type(record)]
    stored = dataset._corroboration
    if not stored:
        records = {"sources": dataset.sources, "stakeholders": dataset.stakeholders}
        return record_corroboration(record, lookup_of(records))
    return {part: from_plain(stored[part_key(table, record.id, part)]) for part in parts_of(record)}


def _id_of(value: Any) -> str:
    return value if isinstance(value, str) else value.id


def discrepancies_about(dataset: Any, record: Any) -> list[Any]:
    """The discrepancies whose ``about`` names a record (ids are unique across tables)."""
    record_id = _id_of(record)
    return [d for d in dataset.discrepancies if d.about.id == record_id]


def cited_by(dataset: Any, source: Any) -> list[Any]:
    """Every record with an evidence item citing a source, nested evidence included;
    in table order, then by id."""
    source_id = _id_of(source)
    return [
        record
        for name in dataset.table_names()
        for record in dataset.table(name)
        if any(item.source == source_id for _loc, _part, item in evidence_items(record))
    ]


def _members(dataset: Any, stakeholder_id: str) -> set[str]:
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


def positions_by(dataset: Any, stakeholder: Any, *, include_members: bool = False) -> list[Any]:
    """The positions a stakeholder took, in date order; ``include_members=True`` adds
    those of stakeholders affiliated with it (a government's ministers, say)."""
    stakeholder_id = _id_of(stakeholder)
    holders = _members(dataset, stakeholder_id) if include_members else {stakeholder_id}
    return sorted((p for p in dataset.positions if p.stakeholder in holders), key=_position_key)
