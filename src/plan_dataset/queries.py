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
    with_parts,
)
from plan_dataset.dates import first_day, precision
from plan_dataset.evidence import evidence_items
from plan_dataset.figures import format_term
from plan_dataset.records import RECORD_TYPES, Provision

TYPE_CHECKING = False
if TYPE_CHECKING:
    from plan_dataset.corroboration import Corroboration
    from plan_dataset.records import (
        Discrepancy,
        Document,
        Event,
        PointLink,
        Position,
        Source,
        Stakeholder,
        Term,
    )
    from plan_dataset.results import ComparisonRow, Record, StanceCell
    from plan_dataset.results import Tables as Dataset

PLAN = "plan"
TABLE_OF_TYPE = {record_type: table for table, record_type in RECORD_TYPES.items()}


def event_sort_key(event: Event) -> tuple[str, str]:
    """Events sort by their date's first day, or a range's earliest day; then by id."""
    start = first_day(event.date) if event.date else (event.date_earliest or "9999-12-31")
    return start, event.id


def timeline(dataset: Dataset) -> list[Event]:
    """Every event in date order; ranges sort by their earliest day, ties by id."""
    return sorted(dataset.events, key=event_sort_key)


def _position_key(position: Position) -> tuple[str, str]:
    return (first_day(position.date) if position.date else "0000-00-00", position.id)


def positions_on(
    dataset: Dataset, target: Provision | Document | str, *, include_document: bool = False
) -> list[Position]:
    """Positions on the plan ('plan'), a document or a point, in date order.

    A point's positions include those on its whole document only when asked.
    """
    target_id = target if isinstance(target, str) else target.id
    wanted = {target_id}
    if include_document:
        point = dataset._by_id.get(("provisions", target_id))
        if isinstance(point, Provision) and point.document:
            wanted.add(point.document)
    found = [p for p in dataset.positions if p.target in wanted]
    return sorted(found, key=_position_key)


def trajectory(dataset: Dataset, stakeholder: Stakeholder | str) -> list[Position]:
    """One stakeholder's positions in date order (undated ones first)."""
    stakeholder_id = stakeholder if isinstance(stakeholder, str) else stakeholder.id
    return sorted(
        (p for p in dataset.positions if p.stakeholder == stakeholder_id), key=_position_key
    )


def stance_matrix(dataset: Dataset) -> dict[tuple[str, str], StanceCell]:
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


def lineage(dataset: Dataset, point: Provision | str) -> list[PointLink]:
    """Every point link on the chain through a point, earlier and later, oldest first."""
    point_id = point if isinstance(point, str) else point.id
    links = dataset.point_links
    seen_points = {point_id}
    chain: dict[str, PointLink] = {}
    frontier = [point_id]
    while frontier:
        current = frontier.pop()
        for link in links:
            if current in (link.earlier, link.later) and link.id not in chain:
                chain[link.id] = link
                for end in (link.earlier, link.later):
                    if end is not None and end not in seen_points:
                        seen_points.add(end)
                        frontier.append(end)
    documents = {d.id: d for d in dataset.documents}

    def when(link: PointLink) -> tuple[str, str, str]:
        document = documents.get(link.later_document)
        date = document.date if document is not None and document.date else "9999"
        return (first_day(date), link.later_document, link.id)

    return sorted(chain.values(), key=when)


def _figures(point: Provision | None) -> dict[str, Term]:
    return {term.id: term for term in point.terms} if point is not None else {}


def changed_figures(earlier: Provision | None, later: Provision | None) -> list[str]:
    """Figures that differ between two points, with their units and relations, e.g.
    'personnel-cap: 600,000 personnel -> 800,000 personnel'."""
    before, after = _figures(earlier), _figures(later)
    changes = []
    for term_id in sorted(set(before) | set(after)):
        old, new = before.get(term_id), after.get(term_id)
        old_figure = format_term(old) if old is not None else "none"
        new_figure = format_term(new) if new is not None else "none"
        if old_figure != new_figure:
            changes.append(f"{term_id}: {old_figure} -> {new_figure}")
    return changes


def _provision(dataset: Dataset, provision_id: str | None) -> Provision | None:
    if provision_id is None:
        return None
    record = dataset._by_id.get(("provisions", provision_id))
    return record if isinstance(record, Provision) else None


def compare(dataset: Dataset, document_a: str, document_b: str) -> list[ComparisonRow]:
    """One row per linked point between two versions: numbers, operation, changed figures."""
    rows: list[ComparisonRow] = []
    for link in dataset.point_links:
        if (link.earlier_document, link.later_document) != (document_a, document_b):
            continue
        earlier = _provision(dataset, link.earlier)
        later = _provision(dataset, link.later)
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


def corroboration(dataset: Dataset, record: Record) -> Corroboration:
    """Corroboration of a record, with that of each evidence-bearing part in ``parts``.

    Read from the bundle, where the build computed it; computed here for a dataset
    assembled without one.
    """
    table = TABLE_OF_TYPE[type(record)]
    stored = dataset._corroboration
    if not stored:
        records = {"sources": dataset.sources, "stakeholders": dataset.stakeholders}
        return with_parts(record_corroboration(record, lookup_of(records)))
    return with_parts(
        {part: from_plain(stored[part_key(table, record.id, part)]) for part in parts_of(record)}
    )


def _id_of(value: Record | str) -> str:
    return value if isinstance(value, str) else value.id


def discrepancies_about(dataset: Dataset, record: Record | str) -> list[Discrepancy]:
    """The discrepancies whose ``about`` names a record (ids are unique across tables)."""
    record_id = _id_of(record)
    return [d for d in dataset.discrepancies if d.about.id == record_id]


def cited_by(dataset: Dataset, source: Source | str) -> list[Record]:
    """Every record with an evidence item citing a source, nested evidence included;
    in table order, then by id."""
    source_id = _id_of(source)
    return [
        record
        for name in dataset.table_names()
        for record in dataset.table(name)
        if any(item.source == source_id for _loc, _part, item in evidence_items(record))
    ]


def _members(dataset: Dataset, stakeholder_id: str) -> set[str]:
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
    dataset: Dataset, stakeholder: Stakeholder | str, *, include_members: bool = False
) -> list[Position]:
    """The positions a stakeholder took, in date order; ``include_members=True`` adds
    those of stakeholders affiliated with it (a government's ministers, say)."""
    stakeholder_id = _id_of(stakeholder)
    holders = _members(dataset, stakeholder_id) if include_members else {stakeholder_id}
    return sorted((p for p in dataset.positions if p.stakeholder in holders), key=_position_key)
