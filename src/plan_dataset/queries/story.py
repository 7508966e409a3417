"""The loader's questions: timeline, positions, stance matrix, lineage, comparison,
and reverse look-ups (what cites a source, what is disputed about a record).

Standard library only, on loaded records (``plan_dataset.records.classes``): the
``Dataset`` methods delegate here, so no query imports pydantic.
"""

from __future__ import annotations

from plan_dataset.evidence.corroboration import (
    from_plain,
    part_key,
    parts_of,
    strongest_first,
    with_parts,
)
from plan_dataset.evidence.items import evidence_items
from plan_dataset.records.classes import RECORD_TYPES, Provision
from plan_dataset.records.dates import first_day, precision
from plan_dataset.records.figures import format_term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from plan_dataset.evidence.corroboration import Corroboration
    from plan_dataset.queries.results import ComparisonRow, Record, StanceCell
    from plan_dataset.queries.results import Tables as Dataset
    from plan_dataset.records.classes import (
        Discrepancy,
        Document,
        Event,
        PointLink,
        Position,
        Source,
        Stakeholder,
        Term,
    )

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


UNDATED_SEED_LABEL = "undated, from an unattributed analysis"


def _source_lookup(dataset: Any) -> Callable[[str], Any]:
    by_id = dataset._by_id
    return lambda record_id: by_id.get(("sources", record_id)) or by_id.get(("outlets", record_id))


def _weakly_sourced(dataset: Any) -> Callable[[Any], bool]:
    """Whether a record is weakly sourced: read from the bundle's corroboration, which the
    build computed once."""
    stored = dataset._corroboration
    return lambda record: (
        from_plain(stored[part_key(TABLE_OF_TYPE[type(record)], record.id, None)]).weakly_sourced
    )


def strongest_positions_first(dataset: Any, positions: Any) -> list[Any]:
    """Dated, corroborated positions first (in date order), then dated weakly sourced
    ones, then undated ones (corroborated before weak); ties by id."""
    weak = _weakly_sourced(dataset)
    return sorted(
        positions,
        key=lambda p: (p.date is None, weak(p), first_day(p.date) if p.date else "", p.id),
    )


def when_label(dataset: Any, record: Any) -> str:
    """A record's date as a reader should see it: the date, 'undated', or, for an undated
    claim resting only on the anonymous seed analyses, 'undated, from an unattributed
    analysis'."""
    date = getattr(record, "date", None)
    if date:
        return str(date)
    source = _source_lookup(dataset)
    classes = {
        getattr(source(item.source), "reliability", None)
        for _loc, _part, item in evidence_items(record)
    }
    return UNDATED_SEED_LABEL if classes == {"unattributed_analysis"} else "undated"


def evidence_strongest_first(dataset: Any, record: Any) -> list[Any]:
    """Every evidence item of a record, each once, the strongest sources first: pages that
    can count, by class, dated before undated; items of equal strength keep their order."""
    items = list(dict.fromkeys(item for _loc, _part, item in evidence_items(record)))
    return strongest_first(items, _source_lookup(dataset))


def positions_on(
    dataset: Dataset,
    target: Provision | Document | str,
    *,
    include_document: bool = False,
    across_versions: bool = False,
) -> list[Position]:
    """Positions on the plan ('plan'), a document or a point, strongest first: dated and
    corroborated ones in date order, then weak, then undated (``strongest_positions_first``).

    A point's positions include those on its whole document only when asked; with
    ``across_versions``, also those on the point's questions: positions on any point of
    any version that deals with the same question, and positions tagged with it.
    """
    target_id = target if isinstance(target, str) else target.id
    wanted = {target_id}
    if include_document:
        point = dataset._by_id.get(("provisions", target_id))
        if isinstance(point, Provision) and point.document:
            wanted.add(point.document)
    questions: set[str] = set()
    if across_versions:
        for question in questions_of(dataset, target_id):
            questions.add(question.id)
            wanted.update(question.provisions)
    found = [
        p
        for p in dataset.positions
        if p.target in wanted or questions.intersection(getattr(p, "questions", ()))
    ]
    return strongest_positions_first(dataset, found)


def trajectory(dataset: Dataset, stakeholder: Stakeholder | str) -> list[Position]:
    """One stakeholder's positions, strongest first: dated and corroborated ones in date
    order, then dated weak ones, then undated ones (``strongest_positions_first``)."""
    stakeholder_id = stakeholder if isinstance(stakeholder, str) else stakeholder.id
    return strongest_positions_first(
        dataset, (p for p in dataset.positions if p.stakeholder == stakeholder_id)
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

    def when(link: PointLink) -> tuple[str, str, str]:
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

    Read from the bundle, where the build computed it once.
    """
    table = TABLE_OF_TYPE[type(record)]
    stored = dataset._corroboration
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
    """The positions a stakeholder took, strongest first (as ``trajectory``);
    ``include_members=True`` adds those of stakeholders affiliated with it (a
    government's ministers, say)."""
    stakeholder_id = _id_of(stakeholder)
    holders = _members(dataset, stakeholder_id) if include_members else {stakeholder_id}
    return strongest_positions_first(
        dataset, (p for p in dataset.positions if p.stakeholder in holders)
    )


def questions_of(dataset: Any, provision: Any) -> list[Any]:
    """The questions a provision (a point of any version) deals with."""
    provision_id = _id_of(provision)
    return [q for q in dataset.questions if provision_id in q.provisions]
