"""The stance matrix's parts: each stakeholder's side, the targets in reading order and
their labels, and the views (filters) the matrix page offers.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from plan_dataset.evidence.corroboration import Corroboration
from plan_dataset.records.classes import Document, Provision
from plan_dataset.site.labels import label


def _target_order(
    target: str, documents: dict[str, Document], points: dict[str, Provision]
) -> tuple[int, str, int, str]:
    if target == "plan":
        return (0, "", 0, "")
    if target in documents:
        return (1, documents[target].date or "", 0, target)
    point = points[target]
    document = documents.get(point.document) if point.document else None
    return (2, document.date if document and document.date else "", point.point_number or 0, target)


def _weakly_sourced(corroboration: Corroboration | None) -> bool:
    return corroboration is not None and corroboration.weakly_sourced


def _target_label(target: str, documents: dict[str, Document], points: dict[str, Provision]) -> str:
    if target == "plan":
        return "The plan as a whole"
    if target in documents:
        return str(documents[target].title)
    return point_name(points[target])


def _target_short(target: str, documents: dict[str, Any], points: dict[str, Any]) -> str:
    """A column heading narrow enough for a phone; the full name is in the key below."""
    if target == "plan":
        return "The plan"
    if target in documents:
        return short_version_name(documents[target])
    point = points[target]
    return f"Point {point.point_number}" if point.point_number else str(point.title)


def short_version_name(document: Any) -> str:
    """'28-point draft': a version's size and kind, for narrow headings and labels."""
    kind = label("DocumentKind", document.kind)
    return f"{document.point_count}-point {kind}" if document.point_count else kind.capitalize()


# The sides a stakeholder's row is grouped under, in this order; a stakeholder takes the
# side of its own country, or of what it belongs to, following affiliations.
EUROPE = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CH",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GB",
        "GR",
        "HR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "NO",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
SIDES = ("Ukraine", "Russia", "United States", "Europe, the EU and NATO", "Other states")
UNPLACED = "Unnamed sources and groups"


def side_of(stakeholder_id: str, stakeholders: dict[str, Any]) -> str:
    seen: set[str] = set()
    current: str | None = stakeholder_id
    while current and current not in seen:
        seen.add(current)
        record = stakeholders[current]
        if record.country:
            if record.country == "UA":
                return SIDES[0]
            if record.country == "RU":
                return SIDES[1]
            if record.country == "US":
                return SIDES[2]
            return SIDES[3] if record.country in EUROPE else SIDES[4]
        if current in ("european-union", "nato") or record.name.startswith("European"):
            return SIDES[3]
        current = record.affiliation
    return UNPLACED


def sides(ids: set[str], stakeholders: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Stakeholders by side, each side's states and bodies before its people, then by name."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for stakeholder_id in ids:
        grouped[side_of(stakeholder_id, stakeholders)].append(stakeholder_id)
    order = [*SIDES, UNPLACED]
    return [
        (
            side,
            sorted(
                grouped[side],
                key=lambda s: (stakeholders[s].kind == "person", stakeholders[s].name.lower()),
            ),
        )
        for side in order
        if grouped[side]
    ]


def matrix_views(dataset: Any, targets: set[str]) -> list[dict[str, Any]]:
    """The matrix's filters: the plan and its versions, then each version's points.

    Then one view per question: the points of every version that deal with it, and the
    points that positions tagged with it address, so the matrix can be filtered by question.
    """
    documents = sorted(dataset.documents, key=lambda d: (d.date or "", d.id))
    points = {p.id: p for p in dataset.provisions}
    views = [
        {
            "id": "versions",
            "label": "The plan and its versions",
            "targets": {t for t in targets if t == "plan" or t in {d.id for d in documents}},
        }
    ]
    for document in documents:
        chosen = {t for t in targets if t in points and points[t].document == document.id}
        if chosen:
            views.append(
                {
                    "id": f"points-{document.id}",
                    "label": f"Points of the {short_version_name(document)}",
                    "targets": chosen,
                }
            )
    early = {t for t in targets if t in points and points[t].document is None}
    if early:
        views.append(
            {"id": "early-reports", "label": "Early reports of the draft", "targets": early}
        )
    for question in dataset.questions:
        # Only points: a column for the whole plan or a version would show every stance on
        # it, most of them about something else.
        tagged = {
            p.target for p in dataset.positions if question.id in p.questions and p.target in points
        }
        covered = (set(question.provisions) | tagged) & targets
        if covered:
            views.append(
                {
                    "id": f"question-{question.id}",
                    "label": f"Question: {question.title}",
                    "targets": covered,
                }
            )
    return views


def point_name(point: Any) -> str:
    """How a point reads in a link: its number in its version, then its title."""
    if point.point_number:
        return f"Point {point.point_number}: {point.title}"
    return str(point.title)
