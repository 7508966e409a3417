"""The loader's questions about versions of the plan: a point's lineage across versions,
and how the points of two versions compare, figure by figure.

Standard library only, on loaded records; what only some questions need is imported
when they are asked, so that ``import plan_dataset`` stays at the cost of its bundle.
"""

from __future__ import annotations

from plan_dataset.records.classes import Provision

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal, overload

    from plan_dataset.queries.results import ComparisonRow, Tables
    from plan_dataset.records.classes import PointLink, Term


def lineage(dataset: Tables, point: Provision | str) -> list[PointLink]:
    """Every point link on the chain through a point, earlier and later, oldest first."""
    point_id = point if isinstance(point, str) else point.id
    return list(_lineages(dataset).get(point_id, ()))


def _lineages(dataset: Tables) -> dict[str, tuple[PointLink, ...]]:
    """The sorted links of each point's lineage, computed once per dataset in linear time
    (every point of one lineage shares it), so a site page per point stays cheap."""
    from plan_dataset.records.dates import first_day

    cache = getattr(dataset, "__dict__", {})
    if "_lineages" in cache:
        return cache["_lineages"]  # type: ignore[no-any-return]
    links_of: dict[str, list[PointLink]] = {}
    for link in dataset.point_links:
        for end in dict.fromkeys((link.earlier, link.later)):
            if end is not None:
                links_of.setdefault(end, []).append(link)
    documents = {d.id: d for d in dataset.documents}

    def when(link: PointLink) -> tuple[str, str, str]:
        document = documents.get(link.later_document)
        date = document.date if document is not None and document.date else "9999"
        return (first_day(date), link.later_document, link.id)

    found: dict[str, tuple[PointLink, ...]] = {}
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
    from plan_dataset.records.figures import format_term

    before, after = _figures(earlier), _figures(later)
    changes = []
    for term_id in sorted(set(before) | set(after)):
        old, new = before.get(term_id), after.get(term_id)
        old_figure = format_term(old) if old is not None else "none"
        new_figure = format_term(new) if new is not None else "none"
        if old_figure != new_figure:
            changes.append(f"{term_id}: {old_figure} -> {new_figure}")
    return changes


def _provision(dataset: Tables, provision_id: str | None) -> Provision | None:
    if provision_id is None:
        return None
    record = dataset._by_id.get(("provisions", provision_id))
    return record if isinstance(record, Provision) else None


def compare(dataset: Tables, document_a: str, document_b: str) -> list[ComparisonRow]:
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


class VersionQueries:
    """The ``Dataset`` methods on versions (``Dataset`` lists this class among its bases)."""

    def lineage(self: Tables, point: Provision | str) -> list[PointLink]:
        """The point links on a point's chain across versions, oldest version first."""
        return lineage(self, point)

    if TYPE_CHECKING:  # the result's type follows as_frame

        @overload
        def compare(
            self: Tables, document_a: str, document_b: str, *, as_frame: Literal[False] = False
        ) -> list[ComparisonRow]: ...
        @overload
        def compare(
            self: Tables, document_a: str, document_b: str, *, as_frame: Literal[True]
        ) -> Any: ...

    def compare(self: Tables, document_a: str, document_b: str, *, as_frame: bool = False) -> Any:
        """One row per linked point between two versions, with operation and changed figures
        (with their units); ``as_frame=True`` gives a pandas DataFrame."""
        from plan_dataset.flat.optional_pandas import frame

        for name in (document_a, document_b):
            self.get("documents", name)
        rows = compare(self, document_a, document_b)
        return frame(rows) if as_frame else rows
